// Our eSCL client against the eSCL simulator over real HTTP on 127.0.0.1.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { EsclClient } from '../../../native/drivers/escl/escl-client';
import { startEsclSim } from '../../../native/sim/escl-sim';
import type { EsclSim, EsclSimOptions } from '../../../native/sim/escl-sim';

let sim: EsclSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setup(opts: EsclSimOptions = {}): Promise<{ sim: EsclSim; client: EsclClient }> {
  sim = await startEsclSim(opts);
  return { sim, client: new EsclClient({ baseUrl: sim.url, busyPauseMs: 10, busyRetries: 3, requestTimeoutMs: 5000 }) };
}
const region = { x: 0, y: 0, width: 300, height: 600 }; // 1 × 2 inches

describe('eSCL client against the simulator', () => {
  it('reads capabilities and status', async () => {
    const { client } = await setup();
    const caps = await client.capabilities();
    expect(caps.ok && caps.value).toMatchObject({
      makeAndModel: 'Loket eSCL Simulator',
      platen: { maxWidth: 2550, maxHeight: 3508, colorModes: ['Grayscale8', 'RGB24'], formats: ['image/jpeg', 'image/png'], resolutions: [75, 100, 150, 200, 300, 600] },
      feeder: { maxWidth: 2550 },
    });
    const st = await client.status();
    expect(st.ok && st.value).toMatchObject({ state: 'Idle', adfState: 'ScannerAdfLoaded', jobs: [] });
  });

  it('scans one platen page as JPEG of exactly the requested region and resolution, then deletes the job', async () => {
    const { sim, client } = await setup();
    const r = await client.scan({ source: 'Platen', resolution: 150, region, colorMode: 'RGB24', format: 'image/jpeg' });
    if (!r.ok) throw new Error(r.error.key);
    expect(r.value.pages).toHaveLength(1);
    const img = jpeg.decode(r.value.pages[0]!.bytes);
    expect([img.width, img.height]).toEqual([150, 300]);
    expect(sim.requests.filter((q) => q.startsWith('DELETE'))).toHaveLength(1);
    expect(sim.requests.at(-1)).toMatch(/^DELETE \/eSCL\/ScanJobs\/.+ → 200$/);
  });

  it('scans every sheet of the feeder as grey PNG until NextDocument says 404', async () => {
    const { client } = await setup({ feederPages: 3 });
    const seen: number[] = [];
    const r = await client.scan({ source: 'Feeder', resolution: 100, region, colorMode: 'Grayscale8', format: 'image/png' }, { onPage: (p) => seen.push(p.index) });
    if (!r.ok) throw new Error(r.error.key);
    expect(seen).toEqual([1, 2, 3]);
    for (const p of r.value.pages) {
      const png = PNG.sync.read(p.bytes);
      expect([png.width, png.height, p.contentType]).toEqual([100, 200, 'image/png']);
    }
  });

  it('retries a busy scanner (503) after a pause and then scans', async () => {
    const { sim, client } = await setup({ busyResponses: 2, busyNextDocument: 1 });
    const r = await client.scan({ source: 'Platen', resolution: 75, region });
    expect(r.ok).toBe(true);
    expect(sim.requests.filter((q) => q.endsWith('503'))).toHaveLength(3);
  });

  it('gives up on a scanner that stays busy, a bounded number of times', async () => {
    const { sim, client } = await setup({ busyResponses: 100 });
    const r = await client.scan({ source: 'Platen', resolution: 75, region });
    expect(r).toEqual({ ok: false, error: { code: 'busy', key: 'device.escl.busy', params: { attempts: 4 } } });
    expect(sim.requests.filter((q) => q.startsWith('POST'))).toHaveLength(4);
  });

  it('runs two scans asked at once one after the other (one job at a time per scanner)', async () => {
    const { sim, client } = await setup();
    const [a, b] = await Promise.all([client.scan({ source: 'Platen', resolution: 75, region }), client.scan({ source: 'Platen', resolution: 75, region })]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(sim.requests.filter((q) => q.endsWith('503'))).toEqual([]);
  });

  it('reports an empty feeder', async () => {
    const { client } = await setup({ feederPages: 0 });
    const r = await client.scan({ source: 'Feeder', resolution: 150, region });
    expect(r).toEqual({ ok: false, error: { code: 'rejected', key: 'device.escl.feederEmpty' } });
  });

  it('reports a job cancelled at the scanner, without the pages it had', async () => {
    const { client } = await setup({ feederPages: 3, cancelAfterPages: 1 });
    const r = await client.scan({ source: 'Feeder', resolution: 75, region });
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled', key: 'device.escl.cancelledAtDevice', params: { pages: 1 } } });
  });

  it('cancels on our AbortSignal and deletes the job', async () => {
    const { sim, client } = await setup({ feederPages: 3, pageDelayMs: 150 });
    const ac = new AbortController();
    const r = await client.scan({ source: 'Feeder', resolution: 75, region }, { signal: ac.signal, onPage: () => ac.abort() });
    expect(r).toEqual({ ok: false, error: { code: 'cancelled', key: 'device.escl.cancelled' } });
    await new Promise((res) => setTimeout(res, 200));
    expect(sim.requests.some((q) => q.startsWith('DELETE'))).toBe(true);
  });

  it('says the scanner vanished mid-job and returns no half result', async () => {
    const { sim, client } = await setup({ feederPages: 3, vanishAtPage: 2 });
    const pages: number[] = [];
    const r = await client.scan({ source: 'Feeder', resolution: 300, region }, { onPage: (p) => pages.push(p.index) });
    expect(pages).toEqual([1]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'disconnected', key: 'device.escl.vanished', params: { pages: 1 } });
    expect(sim.vanished).toBe(true);
    const after = await client.status();
    expect(!after.ok && after.error).toMatchObject({ code: 'disconnected', key: 'device.escl.unreachable' });
  });

  it('refuses settings outside the capabilities and sources the scanner lacks', async () => {
    const { client } = await setup({ feeder: false });
    expect(await client.scan({ source: 'Platen', resolution: 123, region })).toMatchObject({ ok: false, error: { key: 'device.escl.settingUnsupported', params: { setting: 'resolution', value: 123 } } });
    expect(await client.scan({ source: 'Platen', region: { x: 0, y: 0, width: 9000, height: 10 } })).toMatchObject({ ok: false, error: { params: { setting: 'region' } } });
    expect(await client.scan({ source: 'Feeder', region })).toMatchObject({ ok: false, error: { code: 'rejected', key: 'device.escl.sourceUnavailable', params: { source: 'Feeder' } } });
  });

  it('reports an address where no scanner listens', async () => {
    const { sim: s } = await setup();
    const url = s.url;
    await s.close();
    const r = await new EsclClient({ baseUrl: url }).capabilities();
    expect(!r.ok && r.error).toMatchObject({ code: 'disconnected', key: 'device.escl.unreachable' });
  });

  it('reports a device that answers something other than eSCL', async () => {
    const server = createServer((_req, res) => res.end('<html>printer admin</html>'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const r = await new EsclClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/eSCL` }).capabilities();
    server.close();
    expect(!r.ok && r.error).toMatchObject({ code: 'protocol', key: 'device.escl.badResponse' });
  });
});
