// The fast path of a push: the whole batch in a handful of set-based statements instead of
// several round trips per change (a week offline is 10,000 changes). The rules are those of
// the per-change path (push.ts): each change stored once, merged per column by its stamp,
// refused changes parked with their reason. If anything unexpected fails here the caller
// rolls it back and takes the per-change path, which isolates the change at fault.
import type { Change } from '../domain/change-format';
import type { Client } from './db';
import { applyToMerged, type MergedRow } from './merge';
import type { OfficeValidator, PushAck } from './push';
import { relatedKey, stepFromInBatch } from './rules';

interface Park { changeId: string; body: unknown; code: string; message: string }

/** `valid` are changes already read and checked to be this station's. */
export async function storeBatch(c: Client, stationId: string, valid: Change[], validate?: OfficeValidator): Promise<{ acks: Map<string, PushAck>; parks: Park[] }> {
  const acks = new Map<string, PushAck>();
  const parks: Park[] = [];
  if (valid.length === 0) return { acks, parks };
  const ids = valid.map((ch) => ch.changeId);

  // Parked and already stored in one round trip (each costs one under load); stored wins.
  const known = await c.query<{ change_id: string; code: string | null; reason: string | null }>(
    `SELECT change_id, code, reason FROM parked_changes WHERE change_id = ANY($1) AND resolved_at IS NULL
     UNION ALL SELECT change_id, NULL, NULL FROM changes WHERE change_id = ANY($1)`, [ids]);
  for (const p of known.rows) if (p.code !== null) acks.set(p.change_id, { changeId: p.change_id, status: 'parked', code: p.code, message: p.reason ?? '' });
  for (const p of known.rows) if (p.code === null) acks.set(p.change_id, { changeId: p.change_id, status: 'duplicate' });

  const fresh: Change[] = [];
  const seen = new Set<string>();
  for (const ch of valid) {
    if (acks.has(ch.changeId) || seen.has(ch.changeId)) continue;
    seen.add(ch.changeId);
    fresh.push(ch);
  }
  if (fresh.length === 0) return { acks, parks };

  // The rows these changes touch, locked, merged in memory in the batch's order.
  const wanted = fresh.flatMap((ch) => [{ table: ch.table, rowId: ch.rowId }, ...[relatedKey(ch)].filter((k) => k !== null)]);
  const keys = [...new Map(wanted.map((k) => [`${k.table}\u0000${k.rowId}`, k])).values()];
  const found = await c.query<{ tbl: string; row_id: string; vals: MergedRow['vals']; clocks: MergedRow['clocks']; deleted_hlc: string | null }>(
    `SELECT m.tbl, m.row_id, m.vals, m.clocks, m.deleted_hlc FROM merged_rows m
     JOIN unnest($1::text[], $2::text[]) AS k(tbl, row_id) ON m.tbl = k.tbl AND m.row_id = k.row_id
     ORDER BY m.tbl, m.row_id FOR UPDATE OF m`,
    [keys.map((k) => k.table), keys.map((k) => k.rowId)],
  );
  const rows = new Map<string, MergedRow>();
  for (const r of found.rows) rows.set(`${r.tbl}\u0000${r.row_id}`, { vals: r.vals, clocks: r.clocks, deletedHlc: r.deleted_hlc });
  const touched = new Set<string>();
  const accepted: Change[] = [];
  for (const [i, ch] of fresh.entries()) {
    const key = `${ch.table}\u0000${ch.rowId}`;
    const current = rows.get(key);
    const rel = relatedKey(ch);
    const refusal = validate?.(ch, { current, application: rel ? rows.get(`${rel.table}\u0000${rel.rowId}`) : undefined, stepFrom: stepFromInBatch(ch, fresh, i) }) ?? null;
    if (refusal) {
      parks.push({ changeId: ch.changeId, body: ch, ...refusal });
      acks.set(ch.changeId, { changeId: ch.changeId, status: 'parked', ...refusal });
      continue;
    }
    const next = applyToMerged(current, ch);
    if (next && next !== current) { rows.set(key, next); touched.add(key); }
    accepted.push(ch);
    acks.set(ch.changeId, { changeId: ch.changeId, status: 'stored' });
  }

  if (accepted.length) {
    await c.query(
      `INSERT INTO changes (change_id, station_id, tbl, row_id, op, vals, hlc, format)
       SELECT x.change_id, $2, x.tbl, x.row_id, x.op, x.vals, x.hlc, x.format
       FROM jsonb_to_recordset($1::jsonb) AS x(change_id text, tbl text, row_id text, op text, vals jsonb, hlc text, format int)
       ON CONFLICT (change_id) DO NOTHING`,
      [JSON.stringify(accepted.map((ch) => ({ change_id: ch.changeId, tbl: ch.table, row_id: ch.rowId, op: ch.op, vals: ch.values, hlc: ch.hlc, format: ch.format }))), stationId],
    );
  }
  if (touched.size) {
    const out = [...touched].map((k) => {
      const [tbl, rowId] = k.split('\u0000') as [string, string];
      const r = rows.get(k)!;
      return { tbl, row_id: rowId, vals: r.vals, clocks: r.clocks, deleted_hlc: r.deletedHlc };
    });
    await c.query(
      `INSERT INTO merged_rows (tbl, row_id, vals, clocks, deleted_hlc)
       SELECT x.tbl, x.row_id, x.vals, x.clocks, x.deleted_hlc
       FROM jsonb_to_recordset($1::jsonb) AS x(tbl text, row_id text, vals jsonb, clocks jsonb, deleted_hlc text)
       ON CONFLICT (tbl, row_id) DO UPDATE SET vals = excluded.vals, clocks = excluded.clocks, deleted_hlc = excluded.deleted_hlc`,
      [JSON.stringify(out)],
    );
  }
  return { acks, parks };
}
