// Our IPP printer driver against the simulator's misbehaviour: a blank-book shortage and an
// open door hold the job and say what to do, then printing carries on; a jam stops the job
// and ends it as a spoiled book; an offline printer and a wrong address are sentences, not
// throws; cancelling sends Cancel-Job.
import { afterEach, describe, expect, it } from 'vitest';
import { IppPrinter } from '../../../native/drivers/ipp/ipp-printer';
import { startIppSim } from '../../../native/sim/ipp-sim';
import type { IppSim } from '../../../native/sim/ipp-sim';
import type { PrintProgress } from '../../../native/printer';

const PAGE = { widthMm: 125, heightMm: 88 };
const PDF = new TextEncoder().encode('%PDF-1.7\n% a data page stands in here\n%%EOF\n');
let sim: IppSim | undefined;
afterEach(async () => { await sim?.close(); sim = undefined; });

async function printWatching(s: IppSim, pdf = PDF, signal?: AbortSignal) {
  const seen: PrintProgress[] = [];
  const printer = new IppPrinter({ url: s.url, pollMs: 30 });
  const done = printer.print({ pdf, name: 'C1234567', media: PAGE }, { onProgress: (p) => seen.push(p), ...(signal ? { signal } : {}) });
  return { seen, done };
}

const waitUntil = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

describe('the IPP printer driver against the simulator', () => {
  it('prints and reports queued → printing → completed, timing the transfer', async () => {
    sim = await startIppSim({ printMs: 60 });
    const { seen, done } = await printWatching(sim);
    const r = await done;
    expect(r).toMatchObject({ ok: true, value: { jobId: 1 } });
    expect(r.ok && r.value.transferMs).toBeLessThanOrEqual(r.ok ? r.value.totalMs : 0);
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases[0]).toBe('sending');
    expect(phases).toContain('printing');
    expect(phases.at(-1)).toBe('completed');
    expect(seen.at(-1)?.message.key).toBe('device.ipp.printed');
    expect(sim.jobs[0]).toMatchObject({ name: 'C1234567', media: 'om_passport_88x125mm', format: 'application/pdf' });
  });

  it('waits while the printer is out of blank books, says so, and prints once they are loaded', async () => {
    sim = await startIppSim({ printMs: 30 });
    sim.inject('media-empty');
    const { seen, done } = await printWatching(sim);
    await waitUntil(() => seen.some((p) => p.message.key === 'device.ipp.mediaEmpty'));
    expect(seen.find((p) => p.message.key === 'device.ipp.mediaEmpty')?.phase).toBe('stopped');
    sim.clear('media-empty');
    expect((await done).ok).toBe(true);
  });

  it('waits while a door is open and carries on when it is closed', async () => {
    sim = await startIppSim({ printMs: 30 });
    sim.inject('door-open');
    const { seen, done } = await printWatching(sim);
    await waitUntil(() => seen.some((p) => p.message.key === 'device.ipp.doorOpen'));
    sim.clear('door-open');
    expect((await done).ok).toBe(true);
  });

  it('reports a jam while it lasts and ends the job as aborted (check the book) once cleared', async () => {
    sim = await startIppSim({ printMs: 5_000 });
    sim.inject('media-jam');
    const { seen, done } = await printWatching(sim);
    await waitUntil(() => seen.some((p) => p.message.key === 'device.ipp.mediaJam'));
    sim.clear('media-jam');
    const r = await done;
    expect(r).toMatchObject({ ok: false, error: { code: 'rejected', key: 'device.ipp.jobAborted', params: { jobId: 1 } } });
    expect(sim.jobs[0]?.state).toBe(8);
  });

  it('refuses before sending when the printer is offline', async () => {
    sim = await startIppSim();
    sim.inject('offline');
    const r = await (await printWatching(sim)).done;
    expect(r).toMatchObject({ ok: false, error: { code: 'disconnected', key: 'device.ipp.unreachable' } });
    expect(sim.jobs).toHaveLength(0);
  });

  it('cancels the job at the printer when the operator cancels', async () => {
    sim = await startIppSim({ printMs: 10_000 });
    const ac = new AbortController();
    const { seen, done } = await printWatching(sim, PDF, ac.signal);
    await waitUntil(() => seen.some((p) => p.phase === 'printing'));
    ac.abort();
    expect(await done).toMatchObject({ ok: false, error: { code: 'cancelled', key: 'device.ipp.cancelled' } });
    expect(sim.jobs[0]?.state).toBe(7);
    expect(sim.requests).toContain('Cancel-Job → successful-ok');
  });

  it('ends a job whose document the printer cannot read with "call a technician"', async () => {
    sim = await startIppSim({ printMs: 10 });
    const r = await (await printWatching(sim, new TextEncoder().encode('not a PDF at all'))).done;
    expect(r).toMatchObject({ ok: false, error: { key: 'device.ipp.documentRejected' } });
  });

  it('turns a wrong address into a sentence', async () => {
    const bad = await new IppPrinter({ url: 'lpd://printer/queue' }).status();
    expect(bad).toMatchObject({ ok: false, error: { key: 'device.ipp.badUrl' } });
    const nobody = await new IppPrinter({ url: 'ipp://127.0.0.1:9/ipp/print', timeoutMs: 2000 }).status();
    expect(nobody).toMatchObject({ ok: false, error: { code: 'disconnected', key: 'device.ipp.unreachable', params: { address: 'ipp://127.0.0.1:9/ipp/print' } } });
  });

  it('reports the printer status with the reason as a sentence', async () => {
    sim = await startIppSim();
    const printer = new IppPrinter({ url: sim.url });
    expect(await printer.status()).toMatchObject({ ok: true, value: { state: 'idle', acceptingJobs: true, reasons: [] } });
    sim.inject('media-empty');
    expect(await printer.status()).toMatchObject({ ok: true, value: { state: 'stopped', problem: { key: 'device.ipp.mediaEmpty' } } });
  });
});
