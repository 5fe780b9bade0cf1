// Faults of the link and of load, each ending with every store compared with the office
// database field by field (office-cluster.ts compareAll):
//  - a link that drops connections, delays data and replays segments (a TCP proxy here);
//  - five stations importing and enrolling at once, on the same applicants too;
//  - one poison change among a thousand in a station's own log.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OfficeCluster, type ClusterStation } from '../../helpers/office-cluster';
import { startFlakyProxy, type FlakyProxy } from '../../helpers/flaky-proxy';
import { seededRandom } from '../../../native/sim/prng';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { appointmentFields, removeTempDirs } from '../../helpers/stores';

let pgServer: TestPostgres;
let cluster: OfficeCluster | null = null;
let proxy: FlakyProxy | null = null;
beforeAll(async () => { pgServer = await startPostgres(); }, 60_000);
afterAll(async () => { await pgServer?.stop(); });
afterEach(async () => {
  await proxy?.close(); proxy = null;
  await cluster?.stop(); cluster = null;
  removeTempDirs();
});

function at(s: ClusterStation): string {
  s.clock.ms += 1000;
  return new Date(s.clock.ms).toISOString();
}

/** A station's share of a busy hour: `n` new applicants, and a step for some it already knows. */
function work(s: ClusterStation, from: number, n: number): string[] {
  return s.store.tx(() => {
    const ids = Array.from({ length: n }, (_, i) =>
      s.store.appointments.insert(appointmentFields(from + i), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: at(s) }));
    const booked = s.db.prepare("SELECT id FROM appointments WHERE status = 'booked' ORDER BY booking_code LIMIT 5").all() as { id: string }[];
    for (const { id } of booked) s.store.appointments.setStatus(id, 'booked', 'checked_in', null, undefined, at(s), 'checkIn');
    return ids;
  });
}

describe('office faults: link and load', () => {
  it('a link that drops, delays and replays: sync converges, nothing lost, nothing doubled', async () => {
    const seed = Number(process.env.LOKET_FAULT_SEED ?? Date.now() % 100_000);
    console.log(`flaky link seed ${seed} (LOKET_FAULT_SEED=${seed} repeats this run)`);
    cluster = await OfficeCluster.start(pgServer, [Date.UTC(2026, 11, 7, 8), Date.UTC(2026, 11, 7, 8), Date.UTC(2026, 11, 7, 8)]);
    const office = new URL(cluster.office.server.url);
    proxy = await startFlakyProxy({ host: office.hostname, port: Number(office.port) }, seededRandom(seed), { delay: 0.3, maxDelayMs: 30, duplicate: 0.03, drop: 0.03, dropAnswer: 0.2 });
    for (const s of cluster.stations) cluster.routeThrough(s, proxy.url);

    let failures = 0;
    for (let round = 0; round < 8; round++) {
      for (const [i, s] of cluster.stations.entries()) work(s, 1 + round * 1000 + i * 100, 80);
      // The stations sync at once, as they would; a failed attempt is simply tried again.
      failures += (await Promise.all(cluster.stations.map((s) => cluster!.syncThroughFaults(s)))).reduce((a, b) => a + b, 0);
    }
    for (const s of cluster.stations) failures += await cluster.syncThroughFaults(s);
    for (const s of cluster.stations) failures += await cluster.syncThroughFaults(s);
    const duplicates = cluster.stations.reduce((n, s) => n + s.duplicates, 0);
    console.log(`flaky link: ${JSON.stringify(proxy.counts)}, ${failures} failed syncs, ${duplicates} changes sent again after a lost answer`);
    // The faults happened…
    expect(proxy.counts.dropped).toBeGreaterThan(0);
    expect(proxy.counts.duplicated).toBeGreaterThan(0);
    expect(proxy.counts.delayed).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(0);
    expect(duplicates, 'no push was sent again after its answer was lost').toBeGreaterThan(0);
    // …and changed nothing: every store is the office's, every change there once.
    expect(await cluster.compareAll()).toEqual([]);
    const { rows } = await cluster.office.pool.query<{ n: string }>('SELECT count(*) AS n FROM merged_rows WHERE tbl = $1', ['appointments']);
    expect(Number(rows[0]!.n)).toBe(8 * 3 * 80);
  }, 180_000);

  it('five stations importing and enrolling at once, some the same applicants', async () => {
    const start = Date.UTC(2026, 11, 7, 8);
    cluster = await OfficeCluster.start(pgServer, [start, start + 20, start - 3000, start + 7, start + 1500]);
    const [first] = cluster.stations as [ClusterStation];
    // A morning's bookings everyone has.
    const shared = work(first, 1, 50);
    await cluster.syncAll(1);
    await cluster.syncAll(1);

    await Promise.all(cluster.stations.map(async (s, i) => {
      for (let batch = 0; batch < 4; batch++) {
        work(s, 10_000 + i * 1000 + batch * 100, 60);
        // Two counters may open the enrolment of the same applicant: keyed by the
        // application, both become one row, merged field by field.
        s.store.tx(() => {
          for (const id of shared.slice(batch * 5, batch * 5 + 5)) s.store.enrolments.put(id, { by: s.name, batch }, at(s));
          s.store.settings.set('idle_lock_minutes', String(5 + i), at(s));
        });
        await s.link.sync();
      }
    }));
    await cluster.syncAll();
    expect(await cluster.compareAll()).toEqual([]);
    const { rows } = await cluster.office.pool.query<{ tbl: string; n: string }>('SELECT tbl, count(*) AS n FROM merged_rows GROUP BY tbl ORDER BY tbl');
    expect(Object.fromEntries(rows.map((r) => [r.tbl, Number(r.n)]))).toMatchObject({ appointments: 50 + 5 * 4 * 60, enrolments: 20, settings: 1 });
  }, 180_000);

  it('one poison change among a thousand: the rest arrive everywhere, the one is set aside and its station told', async () => {
    cluster = await OfficeCluster.start(pgServer, [Date.UTC(2026, 11, 7, 8), Date.UTC(2026, 11, 7, 8)]);
    const [a, b] = cluster.stations as [ClusterStation, ClusterStation];
    const book = (n: number, fullName = `PEMOHON ${n}`) =>
      a.store.appointments.insert({ ...appointmentFields(n), fullName }, { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: at(a) });
    a.store.tx(() => { for (let n = 1; n < 500; n++) book(n); });
    // A name with a NUL character (a damaged import file): SQLite keeps it, PostgreSQL's
    // jsonb cannot. The office must set this one change aside and take the other 999.
    const poison = a.store.tx(() => book(500, 'PEMOHON\u0000RUSAK'));
    a.store.tx(() => { for (let n = 501; n <= 1000; n++) book(n); });
    expect(a.store.changes.count()).toBe(1000);
    const pushed = await a.link.sync();
    expect(pushed.pushed).toMatchObject({ sent: 1000, stored: 999, refused: 1 });
    await cluster.syncAll();
    expect(a.store.officeLink.refusals().map((r) => r.code)).toEqual(['change_not_stored']);
    expect(b.store.appointments.getById(poison)).toBeUndefined();
    // The only difference between the stores and the office is that one row, still at A.
    expect(await cluster.compareAll()).toEqual([`${a.name}: appointments/${poison} is not at the office`]);
    const parked = await cluster.office.pool.query<{ code: string }>('SELECT code FROM parked_changes');
    expect(parked.rows).toEqual([{ code: 'change_not_stored' }]);
  }, 120_000);
});
