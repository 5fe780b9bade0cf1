// The office's merged view of each replicated row, kept as changes arrive: per column the
// value with the newest hybrid-logical-clock stamp wins, whatever order changes arrive in;
// a delete is a tombstone, final for the row id. The same rules as a station's store
// (electron/store/apply-changes.ts), over PostgreSQL's jsonb.
import type { Change, ChangeValue } from '../domain/change-format';
import type { Client } from './db';
import type { OfficeValidator } from './push';
import { relatedKey } from './rules';

export interface MergedRow {
  vals: Record<string, ChangeValue>;
  clocks: Record<string, string>;
  deletedHlc: string | null;
}

/** The row after the change; the same object when the change wins nothing. */
export function applyToMerged(current: MergedRow | undefined, change: Change): MergedRow | undefined {
  if (current?.deletedHlc) return current;
  if (change.op === 'delete') return { vals: {}, clocks: {}, deletedHlc: change.hlc };
  // A row's first change sets every column it names at one stamp: kept as {"*": stamp}
  // (as a station's row_clocks does) rather than one copy of the stamp per column.
  if (!current) return { vals: { ...change.values }, clocks: { '*': change.hlc }, deletedHlc: null };
  const vals = { ...current.vals };
  const clocks = { ...current.clocks };
  let won = false;
  for (const [col, v] of Object.entries(change.values)) {
    const k = clocks[col] ?? clocks['*'];
    if (k === undefined || change.hlc > k) { vals[col] = v; clocks[col] = change.hlc; won = true; }
  }
  return won ? { vals, clocks, deletedHlc: null } : current;
}

export async function readMerged(c: Client, table: string, rowId: string, lock = false): Promise<MergedRow | undefined> {
  const found = await c.query<{ vals: MergedRow['vals']; clocks: MergedRow['clocks']; deleted_hlc: string | null }>(
    `SELECT vals, clocks, deleted_hlc FROM merged_rows WHERE tbl = $1 AND row_id = $2${lock ? ' FOR UPDATE' : ''}`, [table, rowId],
  );
  const row = found.rows[0];
  return row ? { vals: row.vals, clocks: row.clocks, deletedHlc: row.deleted_hlc } : undefined;
}

/**
 * Merges one change into merged_rows; returns a refusal from the validator (nothing
 * merged), else null. `stepFrom`: see rules.ts.
 */
export async function mergeChange(c: Client, change: Change, validate?: OfficeValidator, stepFrom?: string): Promise<{ code: string; message: string } | null> {
  const current = await readMerged(c, change.table, change.rowId, true);
  if (validate) {
    const rel = relatedKey(change);
    const application = rel ? await readMerged(c, rel.table, rel.rowId) : undefined;
    const refusal = validate(change, { current, application, stepFrom });
    if (refusal) return refusal;
  }
  const next = applyToMerged(current, change);
  if (!next || next === current) return null;
  await c.query(
    `INSERT INTO merged_rows (tbl, row_id, vals, clocks, deleted_hlc) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tbl, row_id) DO UPDATE SET vals = excluded.vals, clocks = excluded.clocks, deleted_hlc = excluded.deleted_hlc`,
    [change.table, change.rowId, JSON.stringify(next.vals), JSON.stringify(next.clocks), next.deletedHlc],
  );
  return null;
}
