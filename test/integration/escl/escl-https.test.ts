// eSCL over https with the scanner's own (self-signed) certificate pinned on first use:
// the simulator serves https with a certificate made for the test; the station's client
// reads the certificate for the technician, scans with the confirmed pin, and refuses a
// scanner that comes back with another certificate before sending it anything.
import { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { EsclClient } from '../../../native/drivers/escl/escl-client';
import { startEsclSim } from '../../../native/sim/escl-sim';
import type { EsclSim } from '../../../native/sim/escl-sim';
import { generateSimCertificate } from '../../../native/sim/escl-sim-tls';

const hasOpenssl = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
if (!hasOpenssl) console.warn('the openssl cross-check is skipped: `openssl` is not installed on this machine');

let sims: EsclSim[] = [];
afterEach(async () => {
  for (const s of sims) await s.close();
  sims = [];
});
const region = { x: 0, y: 0, width: 300, height: 300 };

describe('https eSCL with a pinned certificate', () => {
  it('refuses an unconfirmed self-signed certificate, shows its fingerprint, then scans with the pin', async () => {
    const cert = await generateSimCertificate();
    const sim = await startEsclSim({ tls: cert });
    sims.push(sim);
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/eSCL\/$/);

    // First contact without a pin: the system's authorities do not know the scanner.
    const unpinned = new EsclClient({ baseUrl: sim.url, requestTimeoutMs: 5000 });
    const first = await unpinned.capabilities();
    expect(first).toMatchObject({ ok: false, error: { code: 'rejected', key: 'device.escl.certUnconfirmed' } });

    // What the technician is shown to compare with the scanner's own page.
    const peer = await unpinned.peerCertificate();
    if (!peer.ok) throw new Error(peer.error.key);
    expect(peer.value).toMatchObject({ sha256: cert.sha256, trusted: false, subject: 'CN=Loket eSCL Simulator' });

    const pinned = new EsclClient({ baseUrl: sim.url, certSha256: peer.value.sha256.toLowerCase().replace(/:/g, ''), requestTimeoutMs: 5000 });
    const r = await pinned.scan({ source: 'Platen', resolution: 150, region, colorMode: 'RGB24', format: 'image/jpeg' });
    if (!r.ok) throw new Error(r.error.key);
    const img = jpeg.decode(r.value.pages[0]!.bytes);
    expect([img.width, img.height]).toEqual([150, 150]);
    expect(sim.requests.some((q) => /^DELETE \/eSCL\/ScanJobs\/.+ → 200$/.test(q))).toBe(true);
  });

  it.skipIf(!hasOpenssl)('shows the same fingerprint as openssl reads from the connection', async () => {
    const cert = await generateSimCertificate();
    const sim = await startEsclSim({ tls: cert });
    sims.push(sim);
    const peer = await new EsclClient({ baseUrl: sim.url }).peerCertificate();
    // Asynchronously: the simulator answers from this same process.
    const pem = await new Promise<string>((resolve, reject) => {
      const child = spawn('openssl', ['s_client', '-connect', `127.0.0.1:${sim.port}`], { stdio: ['pipe', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', () => resolve(out));
      child.on('error', reject);
      child.stdin.end();
    });
    const x509 = spawnSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], { input: pem, encoding: 'utf8' });
    const fp = /Fingerprint=([0-9A-F:]+)/i.exec(x509.stdout)?.[1];
    expect(peer.ok && peer.value.sha256).toBe(fp);
  });

  it('refuses the scanner when it comes back with another certificate, before sending it a request', async () => {
    const a = await generateSimCertificate();
    const b = await generateSimCertificate();
    expect(b.sha256).not.toBe(a.sha256);
    const first = await startEsclSim({ tls: a });
    const port = first.port;
    const client = new EsclClient({ baseUrl: first.url, certSha256: a.sha256, requestTimeoutMs: 5000 });
    expect((await client.capabilities()).ok).toBe(true);
    await first.close();

    // Same address, new certificate (a swapped or impersonating device).
    const second = await startEsclSim({ tls: b, port });
    sims.push(second);
    const again = new EsclClient({ baseUrl: second.url, certSha256: a.sha256, requestTimeoutMs: 5000 });
    const r = await again.scan({ source: 'Platen', resolution: 150, region });
    expect(r).toMatchObject({ ok: false, error: { code: 'rejected', key: 'device.escl.certChanged', params: { address: second.url } } });
    expect(second.requests).toEqual([]);
    // The same certificate still passes on the new server.
    const ok = await new EsclClient({ baseUrl: second.url, certSha256: b.sha256 }).capabilities();
    expect(ok.ok).toBe(true);
  });
});
