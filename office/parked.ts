// The administrator's side of parked changes: list them, inspect one without its values
// (a change may carry an applicant's name or NIK; the administrator sees which columns it
// set and what kind of value, never the value, so nothing personal reaches a terminal log),
// retry one after a fix (a newer office version, a corrected rule, a row that now exists),
// or discard one with a reason. Every retry and discard is audited in office_audit.
import { readChange } from '../domain/change-format';
import { inTransaction, type Client, type Pool } from './db';
import { OfficeError } from './errors';
import { officeAudit } from './audit';
import { mergeChange } from './merge';
import { officeRule } from './rules';
import type { OfficeValidator } from './push';

export interface ParkedSummary { changeId: string; stationId: string; code: string; reason: string; parkedAt: string }

export interface ParkedDetail extends ParkedSummary {
  format: unknown;
  table: string | null;
  rowId: string | null;
  op: string | null;
  hlc: string | null;
  /** Column → kind and size of its value ("text 12", "number", "null", "list 2"): never the value. */
  columns: Record<string, string>;
}

export type RetryOutcome = { changeId: string; status: 'applied' | 'duplicate' } | { changeId: string; status: 'parked'; code: string; reason: string };

interface ParkedRow { change_id: string; station_id: string; code: string; reason: string; parked_at: Date; body: string }

const summary = (r: ParkedRow): ParkedSummary => ({ changeId: r.change_id, stationId: r.station_id, code: r.code, reason: r.reason, parkedAt: r.parked_at.toISOString() });

export async function listParked(pool: Pool): Promise<ParkedSummary[]> {
  const { rows } = await pool.query<ParkedRow>(
    'SELECT change_id, station_id, code, reason, parked_at, body FROM parked_changes WHERE resolved_at IS NULL ORDER BY parked_at, change_id');
  return rows.map(summary);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `text ${v.length}`;
  if (typeof v === 'number') return 'number';
  if (Array.isArray(v)) return `list ${v.length}`;
  return typeof v;
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v.slice(0, 200) : null);

export async function inspectParked(pool: Pool, changeId: string): Promise<ParkedDetail> {
  const r = await openParked(pool, changeId);
  let body: unknown = null;
  try { body = JSON.parse(r.body); } catch { /* shown as an unreadable change */ }
  const values = field(body, 'values');
  const columns: Record<string, string> = {};
  if (typeof values === 'object' && values !== null) for (const [k, v] of Object.entries(values)) columns[k.slice(0, 64)] = kindOf(v);
  return {
    ...summary(r), format: typeof field(body, 'format') === 'number' ? field(body, 'format') : null,
    table: text(field(body, 'table')), rowId: text(field(body, 'rowId')), op: text(field(body, 'op')), hlc: text(field(body, 'hlc')), columns,
  };
}

async function openParked(c: Pool | Client, changeId: string, lock = false): Promise<ParkedRow> {
  const { rows } = await c.query<ParkedRow>(
    `SELECT change_id, station_id, code, reason, parked_at, body FROM parked_changes WHERE change_id = $1 AND resolved_at IS NULL${lock ? ' FOR UPDATE' : ''}`, [changeId]);
  if (!rows[0]) throw new OfficeError(404, 'parked_not_found', `No change "${changeId.slice(0, 80)}" is set aside (it may have been resolved already). List them with "npm run office -- parked list".`);
  return rows[0];
}

/**
 * Tries a parked change again, exactly as a push would store it. Applied (or found already
 * stored): resolved. Refused again: it stays parked with the new reason.
 */
export async function retryParked(pool: Pool, changeId: string, actor: string, validate: OfficeValidator = officeRule): Promise<RetryOutcome> {
  return inTransaction(pool, async (c) => {
    const r = await openParked(c, changeId, true);
    let outcome: RetryOutcome;
    let input: unknown = null;
    try { input = JSON.parse(r.body); } catch { /* read below as an invalid change */ }
    const read = readChange(input);
    if (!read.ok) outcome = { changeId, status: 'parked', code: read.code, reason: read.message };
    else if (read.change.stationId !== r.station_id) {
      outcome = { changeId, status: 'parked', code: 'change_wrong_station', reason: r.reason };
    } else {
      const ch = read.change;
      await c.query('SAVEPOINT retry');
      try {
        const ins = await c.query(
          `INSERT INTO changes (change_id, station_id, tbl, row_id, op, vals, hlc, format)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (change_id) DO NOTHING`,
          [ch.changeId, ch.stationId, ch.table, ch.rowId, ch.op, JSON.stringify(ch.values), ch.hlc, ch.format]);
        const refusal = ins.rowCount === 0 ? null : await mergeChange(c, ch, validate);
        if (refusal) {
          await c.query('ROLLBACK TO SAVEPOINT retry');
          outcome = { changeId, status: 'parked', code: refusal.code, reason: refusal.message };
        } else {
          await c.query('RELEASE SAVEPOINT retry');
          outcome = { changeId, status: ins.rowCount === 0 ? 'duplicate' : 'applied' };
        }
      } catch (err) {
        await c.query('ROLLBACK TO SAVEPOINT retry');
        outcome = { changeId, status: 'parked', code: 'change_not_stored', reason: `The office could not store this change (${(err as Error).message.slice(0, 200)}); it stays set aside.` };
      }
    }
    if (outcome.status === 'parked') {
      await c.query('UPDATE parked_changes SET code = $2, reason = $3 WHERE change_id = $1', [changeId, outcome.code, outcome.reason]);
    } else {
      await c.query('UPDATE parked_changes SET resolved_at = now(), resolution = $2 WHERE change_id = $1', [changeId, `retried: ${outcome.status}`]);
    }
    await officeAudit(c, actor, 'parked.retry', { changeId, station: r.station_id, outcome: outcome.status, ...(outcome.status === 'parked' ? { code: outcome.code } : {}) });
    return outcome;
  });
}

/** Sets a parked change aside for good, with the administrator's reason. */
export async function discardParked(pool: Pool, changeId: string, actor: string, reason: string): Promise<void> {
  const why = reason.trim();
  if (why.length < 3 || why.length > 500) throw new OfficeError(400, 'reason_required', 'Say in a few words (3 to 500 characters) why this change is discarded; the reason is kept in the office audit.');
  await inTransaction(pool, async (c) => {
    const r = await openParked(c, changeId, true);
    await c.query('UPDATE parked_changes SET resolved_at = now(), resolution = $2 WHERE change_id = $1', [changeId, `discarded: ${why}`]);
    await officeAudit(c, actor, 'parked.discard', { changeId, station: r.station_id, code: r.code, reason: why });
  });
}
