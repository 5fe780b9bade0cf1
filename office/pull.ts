// A station's pull: the changes of the other stations in an order that never skips one.
// A bigserial cursor would: a transaction that took seq 11 may commit after one that took
// seq 12, and a reader that saw 12 and moved its cursor past it never sees 11. Here a change
// is handed out only once every transaction that began before its own has ended — its
// transaction id is below the snapshot's xmin (PostgreSQL's pg_current_snapshot) — so no
// change can later appear behind the watermark. The watermark is (xid, seq) of the last
// change handed out, and changes go out in (xid, seq) order — the columns', qualified: a bare
// `ORDER BY seq` would sort by the text of the select list's `seq::text` ("1000" < "961").
import type { Change } from '../domain/change-format';
import type { Pool } from './db';

export interface Watermark { xid: string; seq: string }

export const START: Watermark = { xid: '0', seq: '0' };
export const MAX_PULL_BATCH = 1000;

export function formatWatermark(w: Watermark): string {
  return `${w.xid}.${w.seq}`;
}

export function parseWatermark(s: string | null | undefined): Watermark | null {
  if (!s) return START;
  const m = /^(\d{1,20})\.(\d{1,20})$/.exec(s);
  return m ? { xid: m[1]!, seq: m[2]! } : null;
}

interface ChangeRow { seq: string; xid: string; change_id: string; station_id: string; tbl: string; row_id: string; op: 'upsert' | 'delete'; vals: Change['values']; hlc: string; format: number }

/** Up to `limit` changes after the watermark, made at stations other than `stationId`. */
export async function pullChanges(pool: Pool, stationId: string, after: Watermark, limit = MAX_PULL_BATCH): Promise<{ changes: Change[]; watermark: Watermark; more: boolean }> {
  const { rows } = await pool.query<ChangeRow>(
    `SELECT seq::text, xid::text, change_id, station_id, tbl, row_id, op, vals, hlc, format FROM changes
     WHERE (xid, seq) > ($1::text::xid8, $2::bigint)
       AND xid < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY changes.xid, changes.seq LIMIT $3`,
    [after.xid, after.seq, limit + 1],
  );
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const watermark = last ? { xid: last.xid, seq: last.seq } : after;
  const changes = page.filter((r) => r.station_id !== stationId).map((r): Change => ({
    format: 1, changeId: r.change_id, stationId: r.station_id, table: r.tbl, rowId: r.row_id, op: r.op, values: r.vals, hlc: r.hlc,
  }));
  return { changes, watermark, more };
}
