// live_p95_ms: two stations each running the station's own sync service (push checked
// twice a second, pull when the office's WebSocket says something changed) against one
// office service; an appointment written at A, timed until B's store holds it.
import { performance } from 'node:perf_hooks';
import { OfficeSyncService } from '../../electron/services/office-sync';
import { startPostgres } from '../helpers/postgres';
import { pairedStore, startTestOffice } from '../helpers/office-stations';
import { appointmentFields } from '../helpers/stores';
import { median, percentile, round } from './stats';

const SAMPLES = Number(process.env.BENCH_LIVE_SAMPLES ?? 40);

export async function officeLive(): Promise<Record<string, unknown>> {
  const pgServer = await startPostgres();
  const office = await startTestOffice(pgServer.url);
  const a = await pairedStore(office.pool, office.server.url, 'bench A');
  const b = await pairedStore(office.pool, office.server.url, 'bench B');
  const has = b.db.prepare('SELECT 1 FROM appointments WHERE id = ?');
  let waiting: { id: string; t0: number; done: (ms: number) => void } | null = null;
  const check = () => { if (waiting && has.get(waiting.id)) { const w = waiting; waiting = null; w.done(performance.now() - w.t0); } };
  const now = () => new Date();
  const svcA = new OfficeSyncService(a.store, now, () => undefined, () => undefined);
  const svcB = new OfficeSyncService(b.store, now, check, () => undefined);
  const ms: number[] = [];
  try {
    svcA.start();
    svcB.start();
    // Both online and B's live channel open before the first sample.
    await new Promise((r) => setTimeout(r, 2000));
    for (let i = 0; i < SAMPLES; i++) {
      const sample = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`change ${i} not seen at B within 10 s`)), 10_000);
        const t0 = performance.now();
        const id = a.store.tx(() => a.store.appointments.insert(appointmentFields(i), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: new Date().toISOString() }));
        waiting = { id, t0, done: (x) => { clearTimeout(timer); resolve(x); } };
      });
      ms.push(await sample);
      // Changes arrive at random moments of the station's push cycle.
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
  } finally {
    svcA.stop();
    svcB.stop();
    a.store.close();
    b.store.close();
    await office.stop();
    await pgServer.stop();
  }
  return {
    live_p95_ms: round(percentile(ms, 95), 0),
    live_median_ms: round(median(ms), 0),
    live_samples: SAMPLES,
    live_goal: 'live_p95_ms < 1000 (a change at A in B\'s store)',
  };
}
