// Pushes and pulls gzip-compressed over the link (a mobile unit's 2 Mbit/s notices a push
// ten times smaller). The office's side is checked with independent tools — Debian's gzip
// makes the request body, curl sends it and inflates the answer — and the station's side by
// the bytes that cross a proxy between the two.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHANGE_FORMAT_VERSION } from '../../../domain/change-format';
import { OfficeLink } from '../../../electron/services/office-link';
import { applicantAtCounter, officeTestBed } from '../../helpers/office-stations';
import { tempDir } from '../../helpers/stores';

const bed = officeTestBed();
const AT = '2026-12-07T08:00:00.000Z';

/** A TCP relay that counts the bytes going up (station → office). */
async function countingRelay(port: number): Promise<{ url: string; up: () => number; close: () => Promise<void> }> {
  let up = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const office = net.connect(port, '127.0.0.1');
    for (const s of [client, office]) { sockets.add(s); s.on('error', () => { client.destroy(); office.destroy(); }); }
    client.on('data', (b: Buffer) => { up += b.length; });
    client.pipe(office);
    office.pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    up: () => up,
    close: async () => { for (const s of sockets) s.destroy(); await new Promise<void>((r) => server.close(() => r())); },
  };
}

/** curl as its own process (asynchronously: the office answering it runs in this one). */
async function curl(args: string[]): Promise<{ status: number; headers: string; body: string }> {
  const dir = tempDir();
  const headerFile = path.join(dir, 'headers');
  const bodyFile = path.join(dir, 'body');
  const { stdout } = await promisify(execFile)('curl', ['-sk', '--max-time', '30', '-D', headerFile, '-o', bodyFile, '-w', '%{http_code}', ...args], { encoding: 'utf8' });
  return { status: Number(stdout), headers: readFileSync(headerFile, 'utf8'), body: readFileSync(bodyFile, 'utf8') };
}

describe('compressed office link', () => {
  it('the office takes a gzip body from Debian gzip, answers compressed to curl --compressed, and refuses other encodings and bombs', async () => {
    const o = await bed.office();
    const s = await bed.station(o, 'Loket 1');
    s.store.tx(() => applicantAtCounter(s, 1, AT));
    const changes = s.store.changes.all();
    const dir = tempDir();
    const json = path.join(dir, 'push.json');
    writeFileSync(json, JSON.stringify({ format: CHANGE_FORMAT_VERSION, changes }));
    execFileSync('gzip', ['-k', json]);
    const cfg = s.store.officeLink.link()!;
    const auth = ['-H', `Authorization: Bearer ${cfg.credential}`, '-H', 'Content-Type: application/json'];

    const pushed = await curl([...auth, '-H', 'Content-Encoding: gzip', '--data-binary', `@${json}.gz`, '--compressed', `${o.server.url}/v1/push`]);
    expect(pushed.status).toBe(200);
    expect(pushed.headers).toMatch(/^content-encoding: gzip\r?$/im);
    expect(pushed.headers).toMatch(/^accept-encoding: gzip\r?$/im);
    const acks = (JSON.parse(pushed.body) as { acks: { status: string }[] }).acks;
    expect(acks).toHaveLength(changes.length);
    expect(acks.every((a) => a.status === 'stored')).toBe(true);

    const br = await curl([...auth, '-H', 'Content-Encoding: br', '--data-binary', `@${json}`, `${o.server.url}/v1/push`]);
    expect(br.status).toBe(415);
    expect(JSON.parse(br.body).error.message).toMatch(/reads gzip or plain JSON/);

    writeFileSync(path.join(dir, 'junk.gz'), 'this is not gzip at all');
    const junk = await curl([...auth, '-H', 'Content-Encoding: gzip', '--data-binary', `@${path.join(dir, 'junk.gz')}`, `${o.server.url}/v1/push`]);
    expect(junk.status).toBe(400);
    expect(JSON.parse(junk.body).error.message).toMatch(/says gzip but is not gzip/);

    // 20 MB of spaces packed into some 20 kB: inflated past the body limit, refused.
    writeFileSync(path.join(dir, 'bomb.gz'), zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)));
    const bomb = await curl([...auth, '-H', 'Content-Encoding: gzip', '--data-binary', `@${path.join(dir, 'bomb.gz')}`, `${o.server.url}/v1/push`]);
    expect(bomb.status).toBe(413);
  }, 90_000);

  it('a station compresses its pushes once the office has said it reads gzip: a third of the bytes or less go up', async () => {
    const o = await bed.office();
    const relay = await countingRelay(o.server.port);
    try {
      const s = await bed.station(o, 'Loket 1');
      // The same station, talking through the relay (the certificate pin still holds).
      s.store.officeLink.setLink({ ...s.store.officeLink.link()!, url: relay.url });
      const link = new OfficeLink(s.store);
      await link.sync();
      s.store.tx(() => applicantAtCounter(s, 1, AT));
      const plainBytes = Buffer.byteLength(JSON.stringify({ format: CHANGE_FORMAT_VERSION, changes: s.store.changes.all() }));
      const before = relay.up();
      const r = await link.sync();
      const sent = relay.up() - before;
      expect(r.pushed.stored).toBeGreaterThan(30);
      expect(plainBytes).toBeGreaterThan(15_000);
      // The push's body plus headers, TLS records and the pull that follows.
      expect(sent).toBeLessThan(plainBytes / 3);
      const { rows } = await o.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM changes');
      expect(Number(rows[0]!.n)).toBe(r.pushed.stored);
    } finally {
      await relay.close();
    }
  }, 90_000);
});
