// week_offline_drain_ms / week_offline_lost: a mobile unit's week offline — 500 enrolments
// (each: booked, checked in, enrolment opened, 16 image blobs, submitted; > 10,000 changes
// in all) — drained to the office once it is back, through the station's own OfficeLink.
// Lost = changes the station logged that the office holds neither as stored nor as parked.
// The images' bytes do not travel in this branch (the blob transfer is another helper's
// work): their time at link speed is given as a computed figure, not measured.
import { performance } from 'node:perf_hooks';
import { OfficeLink } from '../../electron/services/office-link';
import type { Office } from '../../office/service';
import { startPostgres } from '../helpers/postgres';
import { applicantAtCounter, ENROLMENT_IMAGE_BYTES, pairedStore, startTestOffice } from '../helpers/office-stations';
import { throttledLink } from '../helpers/throttled-link';
import type { TestStore } from '../helpers/stores';
import { median, round } from './stats';

const ENROLMENTS = Number(process.env.BENCH_WEEK_ENROLMENTS ?? 500);
const RUNS = Number(process.env.BENCH_WEEK_RUNS ?? 3);
const WEAK_BITS_PER_SECOND = 2_000_000;

function weekOffline(s: TestStore): string[] {
  const day0 = Date.UTC(2026, 11, 7, 1, 0, 0);
  for (let i = 0; i < ENROLMENTS; i++) {
    // Spread over seven days, as the unit's clock would be.
    const t = day0 + Math.floor((i * 7) / ENROLMENTS) * 86_400_000 + (i % 70) * 360_000;
    s.clock.ms = t;
    const at = new Date(t).toISOString();
    s.store.tx(() => applicantAtCounter(s, i, at, at.slice(0, 10), 0));
  }
  return s.store.changes.unsent(1_000_000).map((c) => c.changeId);
}

async function lostAt(office: Office, stationId: string, logged: string[]): Promise<{ lost: number; doubled: number }> {
  const { rows } = await office.pool.query<{ change_id: string }>(
    'SELECT change_id FROM changes WHERE station_id = $1 UNION ALL SELECT change_id FROM parked_changes WHERE station_id = $1', [stationId]);
  const held = new Set(rows.map((r) => r.change_id));
  return { lost: logged.filter((id) => !held.has(id)).length, doubled: rows.length - held.size };
}

export async function officeWeek(): Promise<Record<string, unknown>> {
  const pgServer = await startPostgres();
  const lan: number[] = [];
  const weak: number[] = [];
  let lost = 0;
  let doubled = 0;
  let changes = 0;
  try {
    for (let r = 0; r < RUNS; r++) {
      for (const viaWeakLink of process.env.BENCH_WEEK_WEAK === '0' ? [false] : [false, true]) {
        const office = await startTestOffice(pgServer.url);
        const port = Number(new URL(office.server.url).port);
        const link = viaWeakLink ? await throttledLink({ host: '127.0.0.1', port }, WEAK_BITS_PER_SECOND) : null;
        const s = await pairedStore(office.pool, link?.url ?? office.server.url, 'mobile unit');
        try {
          const logged = weekOffline(s);
          changes = logged.length;
          const t0 = performance.now();
          await new OfficeLink(s.store).sync();
          (viaWeakLink ? weak : lan).push(performance.now() - t0);
          const check = await lostAt(office, s.store.stationId, logged);
          lost = Math.max(lost, check.lost + s.store.changes.count());
          doubled = Math.max(doubled, check.doubled);
        } finally {
          s.store.close();
          await link?.close();
          await office.stop();
        }
      }
    }
  } finally {
    await pgServer.stop();
  }
  const imageBytes = ENROLMENTS * ENROLMENT_IMAGE_BYTES.reduce((x, y) => x + y, 0);
  return {
    week_offline_drain_ms: round(median(lan), 0),
    week_offline_drain_2mbit_ms: round(median(weak), 0),
    week_offline_lost: lost,
    week_offline_doubled: doubled,
    week_offline_changes: changes,
    week_offline_enrolments: ENROLMENTS,
    week_offline_image_bytes_at_2mbit_s: round((imageBytes * 8) / WEAK_BITS_PER_SECOND, 0),
    week_offline_runs: RUNS,
    week_offline_goal: 'drain < 60000 ms excluding image bytes, 0 lost (changes only: image bytes do not travel in this branch; their time at 2 Mbit/s is computed from their sizes)',
  };
}
