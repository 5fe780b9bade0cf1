// Stores the office's correction for a refused change (corrections.ts): a change of the
// office's own, in the same transaction as the refusal, handed to every station by pull.
import type { Change } from '../domain/change-format';
import type { Client } from './db';
import { correctionFor } from './corrections';
import { mergeChange, readMerged } from './merge';

export async function emitCorrection(c: Client, refused: Change): Promise<void> {
  const current = await readMerged(c, refused.table, refused.rowId, true);
  const { rows } = await c.query<{ n: string }>("SELECT nextval('office_change_seq')::text AS n");
  const fix = correctionFor(refused, current, Number(rows[0]!.n));
  if (!fix) return;
  await c.query(
    `INSERT INTO changes (change_id, station_id, tbl, row_id, op, vals, hlc, format) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [fix.changeId, fix.stationId, fix.table, fix.rowId, fix.op, JSON.stringify(fix.values), fix.hlc, fix.format],
  );
  await mergeChange(c, fix);
}
