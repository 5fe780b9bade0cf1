// A station's push: a batch of its changes stored in one transaction. Every change gets its
// own answer: stored, duplicate (already here — a resend after a lost answer is harmless) or
// parked (refused, with a sentence the station shows its officer); one change that cannot
// be stored never blocks the others. The station forgets a change only once it has its
// answer. The batch is stored set-based (push-batch.ts); if that fails unexpectedly, each
// change is tried in its own savepoint so the one at fault is parked alone.
import { readChange, type Change } from '../domain/change-format';
import type { Client, Pool } from './db';
import { inTransaction } from './db';
import { mergeChange } from './merge';
import { storeBatch } from './push-batch';
import { emitCorrection } from './correction-store';
import { officeRule, type RuleInput } from './rules';
import { markSeen } from './stations';
import { lockRowKeys } from './row-locks';

export type PushStatus = 'stored' | 'duplicate' | 'parked';

export interface PushAck {
  changeId: string;
  status: PushStatus;
  code?: string;
  message?: string;
}

/** The office's rules for a change against the rows as the office holds them; null allows. */
export type OfficeValidator = (change: Change, input: RuleInput) => { code: string; message: string } | null;

/** At most this many changes per push; a station sends its log in batches of this size. */
export const MAX_PUSH_BATCH = 500;

export async function storePush(pool: Pool, stationId: string, inputs: unknown[], validate: OfficeValidator = officeRule): Promise<PushAck[]> {
  return inTransaction(pool, async (c) => {
    const early = new Map<number, PushAck>();
    const valid: Change[] = [];
    for (const [i, input] of inputs.entries()) {
      const read = await readOwnChange(c, stationId, input);
      if ('status' in read) early.set(i, read); else valid.push(read);
    }
    // Held to the end of the transaction, whichever path below stores the batch.
    await lockRowKeys(c, valid);
    let byId: Map<string, PushAck>;
    await c.query('SAVEPOINT whole_batch');
    try {
      const out = await storeBatch(c, stationId, valid, validate);
      for (const p of out.parks) {
        await park(c, stationId, p.changeId, p.body, p.code, p.message);
        await emitCorrection(c, p.body as Change);
      }
      await c.query('RELEASE SAVEPOINT whole_batch');
      byId = out.acks;
    } catch {
      await c.query('ROLLBACK TO SAVEPOINT whole_batch');
      byId = new Map();
      for (const ch of valid) byId.set(ch.changeId, await storeOne(c, stationId, ch, validate));
    }
    // In the push's own transaction: a separate statement would be one more commit (an
    // fsync on the office's disk) per push.
    await markSeen(c, stationId);
    let v = 0;
    return inputs.map((_, i) => early.get(i) ?? byId.get(valid[v++]!.changeId)!);
  });
}

function idOf(input: unknown): string {
  const id = typeof input === 'object' && input !== null ? (input as { changeId?: unknown }).changeId : undefined;
  return typeof id === 'string' ? id.slice(0, 200) : '';
}

async function park(c: Client, stationId: string, changeId: string, input: unknown, code: string, message: string): Promise<PushAck> {
  await c.query(
    'INSERT INTO parked_changes (change_id, station_id, body, code, reason) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (change_id) DO NOTHING',
    [changeId || `${stationId}:unnamed:${Date.now()}`, stationId, JSON.stringify(input ?? null), code, message],
  );
  return { changeId, status: 'parked', code, message };
}

/** The change as read; one this office cannot read, or one claiming another station, is parked at once. */
async function readOwnChange(c: Client, stationId: string, input: unknown): Promise<Change | PushAck> {
  const read = readChange(input);
  if (!read.ok) return park(c, stationId, idOf(input), input, read.code, read.message);
  if (read.change.stationId !== stationId) {
    return park(c, stationId, read.change.changeId, input, 'change_wrong_station',
      `This change says it was made at station ${read.change.stationId}, but station ${stationId} sent it; it was set aside. Check how the station was paired.`);
  }
  return read.change;
}

/** The careful path: one change in its own savepoint. */
async function storeOne(c: Client, stationId: string, change: Change, validate?: OfficeValidator): Promise<PushAck> {
  const parked = await c.query<{ code: string; reason: string }>('SELECT code, reason FROM parked_changes WHERE change_id = $1 AND resolved_at IS NULL', [change.changeId]);
  if (parked.rows[0]) return { changeId: change.changeId, status: 'parked', code: parked.rows[0].code, message: parked.rows[0].reason };
  await c.query('SAVEPOINT one_change');
  try {
    const ins = await c.query(
      `INSERT INTO changes (change_id, station_id, tbl, row_id, op, vals, hlc, format)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (change_id) DO NOTHING RETURNING seq`,
      [change.changeId, change.stationId, change.table, change.rowId, change.op, JSON.stringify(change.values), change.hlc, change.format],
    );
    if (ins.rowCount === 0) {
      await c.query('RELEASE SAVEPOINT one_change');
      return { changeId: change.changeId, status: 'duplicate' };
    }
    const refusal = await mergeChange(c, change, validate);
    if (refusal) {
      await c.query('ROLLBACK TO SAVEPOINT one_change');
      const ack = await park(c, stationId, change.changeId, change, refusal.code, refusal.message);
      await emitCorrection(c, change);
      return ack;
    }
    await c.query('RELEASE SAVEPOINT one_change');
    return { changeId: change.changeId, status: 'stored' };
  } catch (err) {
    await c.query('ROLLBACK TO SAVEPOINT one_change');
    return park(c, stationId, change.changeId, change, 'change_not_stored',
      `The office could not store this change (${(err as Error).message.slice(0, 200)}); it was set aside and the others went on.`);
  }
}
