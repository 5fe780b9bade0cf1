// Tombstone compaction. A deletion is kept in the change stream at least 60 days, so a
// station offline for weeks still learns of it when it pulls. Older ones may be compacted:
// the tombstone and every earlier change of its row leave the stream (the merged row keeps
// its tombstone, so a late write to it stays refused). A station whose watermark is from
// before the compacted point may have missed a deletion: its pull is refused with
// "resync_required", and a full resync (pull from the start, plus the compacted tombstones
// from compacted_tombstones) brings it back.
import { inTransaction, type Pool } from './db';
import { OfficeError } from './errors';
import { officeAudit } from './audit';
import { formatWatermark, parseWatermark, START, type Watermark } from './pull';
import type { Change } from '../domain/change-format';

export const TOMBSTONE_RETENTION_DAYS = 60;
const HORIZON_KEY = 'compacted_watermark';
/** The station id under which compacted tombstones travel in a full resync. */
export const TOMBSTONE_STATION_ID = 'office-tombstone';

const after = (a: Watermark, b: Watermark) => BigInt(a.xid) > BigInt(b.xid) || (a.xid === b.xid && BigInt(a.seq) > BigInt(b.seq));

export async function compactionHorizon(pool: Pool): Promise<Watermark | null> {
  const { rows } = await pool.query<{ value: string }>('SELECT value FROM office_meta WHERE key = $1', [HORIZON_KEY]);
  return rows[0] ? parseWatermark(rows[0].value) : null;
}

/** Compacts tombstones received more than `retentionDays` (at least 60) before `now`. */
export async function compactTombstones(pool: Pool, actor: string, now = new Date(), retentionDays = TOMBSTONE_RETENTION_DAYS): Promise<{ tombstones: number; changes: number }> {
  if (!(retentionDays >= TOMBSTONE_RETENTION_DAYS)) {
    throw new OfficeError(400, 'retention_too_short', `Deletions are kept at least ${TOMBSTONE_RETENTION_DAYS} days, so a station away for weeks still learns of them; choose ${TOMBSTONE_RETENTION_DAYS} or more.`);
  }
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  return inTransaction(pool, async (c) => {
    await c.query('LOCK TABLE compacted_tombstones IN EXCLUSIVE MODE');
    const old = await c.query<{ tbl: string; row_id: string; hlc: string }>(
      "SELECT tbl, row_id, hlc FROM changes WHERE op = 'delete' AND received_at < $1", [cutoff]);
    if (old.rows.length === 0) return { tombstones: 0, changes: 0 };
    const tbls = old.rows.map((r) => r.tbl);
    const ids = old.rows.map((r) => r.row_id);
    await c.query(
      `INSERT INTO compacted_tombstones (tbl, row_id, deleted_hlc) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (tbl, row_id) DO NOTHING`, [tbls, ids, old.rows.map((r) => r.hlc)]);
    const gone = await c.query<{ xid: string; seq: string }>(
      `DELETE FROM changes ch USING unnest($1::text[], $2::text[]) AS k(tbl, row_id)
       WHERE ch.tbl = k.tbl AND ch.row_id = k.row_id RETURNING ch.xid::text AS xid, ch.seq::text AS seq`, [tbls, ids]);
    let horizon = (await compactionHorizon(c as unknown as Pool)) ?? START;
    for (const w of gone.rows) if (after(w, horizon)) horizon = w;
    await c.query('INSERT INTO office_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [HORIZON_KEY, formatWatermark(horizon)]);
    await officeAudit(c, actor, 'tombstones.compact', { cutoff, tombstones: old.rows.length, changes: gone.rowCount ?? 0 });
    return { tombstones: old.rows.length, changes: gone.rowCount ?? 0 };
  });
}

/** Refuses a pull from before the compacted point (a fresh start is always allowed). */
export async function assertPullable(pool: Pool, from: Watermark): Promise<void> {
  if (from.xid === START.xid && from.seq === START.seq) return;
  const horizon = await compactionHorizon(pool);
  if (horizon && after(horizon, from)) {
    throw new OfficeError(410, 'resync_required', `This station was away longer than the office keeps deletions (${TOMBSTONE_RETENTION_DAYS} days): it may have missed some. An administrator resyncs it fully (Settings → Office) before it takes part again.`);
  }
}

/** The compacted tombstones as changes, for a station's full resync. */
export async function compactedTombstones(pool: Pool): Promise<Change[]> {
  const { rows } = await pool.query<{ id: string; tbl: string; row_id: string; deleted_hlc: string }>('SELECT id::text, tbl, row_id, deleted_hlc FROM compacted_tombstones ORDER BY compacted_tombstones.id');
  return rows.map((r) => ({ format: 1, changeId: `${TOMBSTONE_STATION_ID}:${r.id}`, stationId: TOMBSTONE_STATION_ID, table: r.tbl, rowId: r.row_id, op: 'delete', values: {}, hlc: r.deleted_hlc }));
}

/**
 * A station that has pulled everything there is stands past the compacted point, though the
 * last change it was handed may be older than it (what came after was compacted away).
 */
export async function pastCompacted(pool: Pool, w: Watermark, more: boolean): Promise<Watermark> {
  if (more) return w;
  const horizon = await compactionHorizon(pool);
  return horizon && after(horizon, w) ? horizon : w;
}
