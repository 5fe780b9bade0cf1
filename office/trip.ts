// A mobile unit's trip: the bookings of a date range as the office holds them, handed to
// the unit before it leaves so it can work a week without the office. Each row goes out as
// changes that carry the office's own per-column stamps (one change per distinct stamp), so
// applying them at the unit is exactly the merge the unit would have done from the original
// changes: a later edit from elsewhere still wins where it is newer, and nothing older does.
import { createHash } from 'node:crypto';
import type { Change } from '../domain/change-format';
import type { Pool } from './db';
import { OFFICE_STATION_ID } from './corrections';
import { OfficeError } from './errors';

/** At most this many bookings per trip request (a week of a busy office is ~1,400). */
export const MAX_TRIP_BOOKINGS = 5000;

/**
 * The same id for the same row and stamp on every request (a change id is
 * `<station>:<number>`): a unit that asks twice applies nothing twice. Eighteen digits of a
 * hash, far above the office's own correction numbers.
 */
function tripChangeId(rowId: string, hlc: string): string {
  const n = BigInt(`0x${createHash('sha256').update(`${rowId}\u0000${hlc}`).digest('hex').slice(0, 15)}`);
  return `${OFFICE_STATION_ID}:${(n + 10n ** 17n).toString().padStart(18, '0')}`;
}

export interface TripSelection { from: string; to: string }

/** A trip is at most this many days. */
export const MAX_TRIP_DAYS = 31;

/** The dates of a trip request, or an error the unit shows as a sentence. */
export function parseTripRange(from: string | null, to: string | null): TripSelection {
  const day = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) ? Date.parse(`${s}T00:00:00Z`) : null);
  const a = day(from);
  const b = day(to);
  if (a === null || b === null || b < a) throw new OfficeError(400, 'trip_dates_invalid', 'A trip needs a first and a last day (YYYY-MM-DD), the last not before the first.');
  if ((b - a) / 86_400_000 + 1 > MAX_TRIP_DAYS) throw new OfficeError(400, 'trip_too_long', `A trip covers at most ${MAX_TRIP_DAYS} days; pull the bookings for a shorter trip.`);
  return { from: from!, to: to! };
}

export async function tripBookings(pool: Pool, sel: TripSelection): Promise<{ bookings: number; changes: Change[]; more: boolean }> {
  const { rows } = await pool.query<{ row_id: string; vals: Record<string, Change['values'][string]>; clocks: Record<string, string> }>(
    `SELECT row_id, vals, clocks FROM merged_rows
     WHERE tbl = 'appointments' AND deleted_hlc IS NULL AND vals->>'appointment_date' BETWEEN $1 AND $2
     ORDER BY vals->>'appointment_date', row_id LIMIT $3`,
    [sel.from, sel.to, MAX_TRIP_BOOKINGS + 1],
  );
  const more = rows.length > MAX_TRIP_BOOKINGS;
  const changes: Change[] = [];
  for (const r of rows.slice(0, MAX_TRIP_BOOKINGS)) {
    const byStamp = new Map<string, Change['values']>();
    for (const [col, v] of Object.entries(r.vals)) {
      const stamp = r.clocks[col] ?? r.clocks['*'];
      if (!stamp) continue;
      const group = byStamp.get(stamp) ?? {};
      group[col] = v;
      byStamp.set(stamp, group);
    }
    // Oldest stamp first, carrying every column (a unit that lacks the row creates it
    // whole); each later stamp then sets its own columns again, newer.
    const groups = [...byStamp].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    groups.forEach(([hlc, values], i) => {
      changes.push({ format: 1, changeId: tripChangeId(r.row_id, hlc), stationId: OFFICE_STATION_ID, table: 'appointments', rowId: r.row_id, op: 'upsert', values: i === 0 ? { ...r.vals } : values, hlc });
    });
  }
  return { bookings: Math.min(rows.length, MAX_TRIP_BOOKINGS), changes, more };
}
