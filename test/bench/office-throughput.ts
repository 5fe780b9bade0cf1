// Sync throughput through the office service on a real PostgreSQL: station A's 10,000
// changes pushed to the office and pulled into station B (applied to its SQLite store).
// changes_per_second counts the whole trip, A → office → B: N / (push time + pull time).
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { OfficeLink, pairWithOffice } from '../../electron/services/office-link';
import { startOffice } from '../../office/service';
import { createPairingCode } from '../../office/stations';
import { createDatabase, startPostgres } from '../helpers/postgres';
import { appointmentFields, openStore, tempDir } from '../helpers/stores';
import { median, round } from './stats';

const N = Number(process.env.BENCH_SYNC_N ?? 10_000);
const RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 3);

export async function officeThroughput(): Promise<Record<string, unknown>> {
  const pgServer = await startPostgres();
  const runs: { push: number; pull: number }[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const url = await createDatabase(pgServer.url, `bench_${randomBytes(5).toString('hex')}`);
      const office = await startOffice({ pgUrl: url, dataDir: tempDir('loket-office-'), port: 0, host: '127.0.0.1' });
      const a = openStore();
      const b = openStore();
      try {
        for (const s of [a, b]) await pairWithOffice(s.store, office.server.url, (await createPairingCode(office.pool)).shown, 'bench');
        const at = '2026-12-07T08:00:00.000Z';
        a.store.tx(() => { for (let i = 0; i < N; i++) a.store.appointments.insert(appointmentFields(i), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at }); });
        const t0 = performance.now();
        const pushed = await new OfficeLink(a.store).sync();
        const t1 = performance.now();
        const pulled = await new OfficeLink(b.store).sync();
        const t2 = performance.now();
        if (pushed.pushed.stored < N || pulled.pulled.applied < N) throw new Error(`moved ${pushed.pushed.stored}/${pulled.pulled.applied} of ${N}`);
        runs.push({ push: t1 - t0, pull: t2 - t1 });
      } finally {
        a.store.close();
        b.store.close();
        await office.stop();
      }
    }
  } finally {
    await pgServer.stop();
  }
  const push = median(runs.map((x) => x.push));
  const pull = median(runs.map((x) => x.pull));
  return {
    changes: N, runs: RUNS,
    changes_per_second: round((N * 1000) / (push + pull), 0),
    push_changes_per_second: round((N * 1000) / push, 0),
    pull_apply_changes_per_second: round((N * 1000) / pull, 0),
    goal: 'changes_per_second >= 2000 (A → office → B, medians)',
  };
}
