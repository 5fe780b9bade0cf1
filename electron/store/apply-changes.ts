// Applies changes made elsewhere (another station, later the office) to this store:
//  - idempotent: a change id already applied (or waiting) is not applied again;
//  - per column, last writer wins by hybrid logical clock (row_clocks keeps each column's
//    stamp), so the order changes arrive in does not matter;
//  - a delete is a tombstone and final for that row id: no upsert, older or newer,
//    brings the row back (ids are UUIDs, never reused);
//  - a change that cannot be applied yet (its row's creation or its parent row has not
//    arrived, or its stamp is further ahead of this clock than allowed) waits in
//    waiting_changes and is tried again after each batch;
//  - a change that cannot be applied at all is refused with a sentence, and the others go on;
//    every refusal — at once or after waiting — goes to `refused`, so it is kept for the
//    officer to read rather than dropped (the office still holds the change);
//  - nothing is written to this station's change log: applying is not a local change.
// The office's workflow and frozen-field rules come later, through `validate`.
import { readChange, type Change } from '../../domain/change-format';
import { HlcDriftError, parseHlc, type HlcClock } from '../../domain/hlc';
import type Database from 'better-sqlite3';
import type { Db } from './db';
import { clocksJson, columnClock, MERGE_CLOCKS, type ChangeLog, type RowValues } from './changelog';
import { replicatedColumns } from './replication';

export type ApplyStatus = 'applied' | 'duplicate' | 'waiting' | 'refused';

export interface ApplyOutcome {
  changeId: string | null;
  status: ApplyStatus;
  /** With a refusal: the i18n key under `changelog.` and its parameters, and the sentence in English. */
  code?: string;
  params?: Record<string, string | number>;
  message?: string;
}

/**
 * Decides whether a remote change may be applied to the row as this store has it
 * (undefined: no such row). Returns null to allow, or a sentence saying why not.
 */
export type ChangeValidator = (change: Change, current: RowValues | undefined) => string | null;

/** Where refused remote changes are kept (the station's list for the officer). */
export type RefusalSink = (refused: { changeId: string; code: string; params?: Record<string, string | number>; message: string }[]) => void;

type Attempt = { status: 'applied' } | { status: 'waiting'; reason: string } | { status: 'refused'; code: string; params: Record<string, string | number>; message: string };

class Wait extends Error {}

export class ChangeApplier {
  private readonly required = new Map<string, Set<string>>();
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(
    private readonly db: Db,
    private readonly log: ChangeLog,
    private readonly clock: HlcClock,
    private readonly physicalNow: () => number = Date.now,
    private readonly validate?: ChangeValidator,
    private readonly refused: RefusalSink = () => {},
  ) {}

  /** Applies a batch in one transaction, each change in its own savepoint. */
  apply(inputs: unknown[]): ApplyOutcome[] {
    return this.db.transaction(() => {
      const out = inputs.map((input) => this.applyOne(input));
      const refusals = out.filter((o) => o.status === 'refused')
        .map((o) => ({ changeId: o.changeId ?? '', code: o.code ?? 'change_refused', params: o.params ?? {}, message: o.message ?? '' }));
      if (refusals.length) this.refused(refusals);
      // Also when nothing new applied: a change held back for its stamp may fit the clock now.
      if (out.some((o) => o.status === 'applied') || this.waitingCount() > 0) this.retryWaiting();
      this.log.persistClock();
      return out;
    }).immediate();
  }

  /** Tries the waiting changes again (after a batch, or when asked). */
  retryWaiting(): number {
    let total = 0;
    for (;;) {
      const rows = this.stmt('SELECT change_id, body FROM waiting_changes ORDER BY hlc').all() as { change_id: string; body: string }[];
      let progress = 0;
      for (const r of rows) {
        const change = JSON.parse(r.body) as Change;
        if (this.observe(change)) continue;
        const res = this.attempt(change);
        if (res.status === 'waiting') continue;
        this.stmt('DELETE FROM waiting_changes WHERE change_id = ?').run(r.change_id);
        if (res.status === 'applied') { this.markApplied(change); progress++; }
        else this.refused([{ changeId: change.changeId, code: res.code, params: res.params, message: res.message }]);
      }
      total += progress;
      if (progress === 0) return total;
    }
  }

  waitingCount(): number {
    return (this.stmt('SELECT count(*) AS n FROM waiting_changes').get() as { n: number }).n;
  }

  private applyOne(input: unknown): ApplyOutcome {
    const read = readChange(input);
    const rawId = typeof input === 'object' && input !== null ? (input as { changeId?: unknown }).changeId : undefined;
    if (!read.ok) return { changeId: typeof rawId === 'string' ? rawId : null, status: 'refused', code: read.code, params: read.params, message: read.message };
    const change = read.change;
    const changeId = change.changeId;
    // Our own change coming back (from the office's stream) is already here.
    if (change.stationId === this.log.stationId) return { changeId, status: 'duplicate' };
    if (this.stmt('SELECT 1 FROM applied_changes WHERE change_id = ?').get(changeId)) return { changeId, status: 'duplicate' };
    if (this.stmt('SELECT 1 FROM waiting_changes WHERE change_id = ?').get(changeId)) return { changeId, status: 'waiting' };
    // A stamp too far ahead of this clock is not taken into the clock — but the change is
    // kept, not dropped: the office already holds it, and once this station's clock has
    // moved within the allowed drift it is applied like any other (retryWaiting).
    const drift = this.observe(change);
    const res: Attempt = drift ? { status: 'waiting', reason: drift.message } : this.attempt(change);
    if (res.status === 'applied') this.markApplied(change);
    else if (res.status === 'waiting') {
      this.stmt('INSERT INTO waiting_changes (change_id, hlc, body, reason, received_at) VALUES (?, ?, ?, ?, ?)')
        .run(changeId, change.hlc, JSON.stringify(change), res.reason, this.isoNow());
    }
    if (drift) {
      // Said, not hidden: the officer may be shown why another station's work is late.
      const params = { minutes: Math.round((drift.remoteWall - drift.localWall) / 60_000), allowed: Math.round(drift.maxDriftMs / 60_000) };
      return { changeId, status: 'waiting', code: drift.code, params, message: drift.message };
    }
    return res.status === 'refused' ? { changeId, status: 'refused', code: res.code, params: res.params, message: res.message } : { changeId, status: res.status };
  }

  /** Takes the change's stamp into the clock; the reason why not when it is too far ahead. */
  private observe(change: Change): HlcDriftError | null {
    try {
      this.clock.observe(parseHlc(change.hlc));
      return null;
    } catch (err) {
      if (err instanceof HlcDriftError) return err;
      throw err;
    }
  }

  private markApplied(change: Change): void {
    this.stmt('INSERT OR IGNORE INTO applied_changes (change_id, hlc, applied_at) VALUES (?, ?, ?)').run(change.changeId, change.hlc, this.isoNow());
  }

  /** One change in a savepoint: all of it or nothing of it. */
  private attempt(change: Change): Attempt {
    let access;
    try {
      access = this.log.access(change.table);
    } catch {
      return { status: 'refused', code: 'change_table_unknown', params: { table: change.table }, message: `This change is for "${change.table}", which this version of Loket does not replicate. Update Loket on this station.` };
    }
    const unknown = Object.keys(change.values).filter((c) => !access.columns.includes(c));
    if (unknown.length) {
      return { status: 'refused', code: 'change_column_unknown', params: { table: change.table, columns: unknown.join(', ') }, message: `This change sets ${unknown.join(', ')} of "${change.table}", which this version of Loket does not know. Update Loket on this station.` };
    }
    const current = access.read(change.rowId);
    if (this.validate) {
      const why = this.validate(change, current);
      if (why) return { status: 'refused', code: 'change_refused', params: {}, message: why };
    }
    try {
      this.db.transaction(() => this.write(change, current))();
      return { status: 'applied' };
    } catch (err) {
      if (err instanceof Wait) return { status: 'waiting', reason: err.message };
      const code = (err as { code?: unknown }).code;
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { status: 'waiting', reason: 'a row it refers to has not arrived yet' };
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
        return { status: 'refused', code: 'change_conflict', params: { table: change.table }, message: `This change to "${change.table}" clashes with a record already on this station (${code.replace('SQLITE_CONSTRAINT_', '').toLowerCase()}); it was set aside and the others go on.` };
      }
      throw err;
    }
  }

  private write(change: Change, current: RowValues | undefined): void {
    const { table, rowId } = change;
    const access = this.log.access(table);
    const key = access.def.key;
    const clocksRow = this.stmt('SELECT clocks, deleted_hlc FROM row_clocks WHERE tbl = ? AND row_id = ?').get(table, rowId) as
      { clocks: string; deleted_hlc: string | null } | undefined;
    // A tombstone is final for the row id.
    if (clocksRow?.deleted_hlc) return;
    if (change.op === 'delete') {
      if (current) this.stmt(`DELETE FROM "${table}" WHERE "${key}" = ?`).run(rowId);
      this.stmt(
        `INSERT INTO row_clocks (tbl, row_id, deleted_hlc, deleted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tbl, row_id) DO UPDATE SET deleted_hlc = excluded.deleted_hlc, deleted_at = excluded.deleted_at`,
      ).run(table, rowId, change.hlc, this.isoNow());
      return;
    }
    const clocks = current && clocksRow ? JSON.parse(clocksRow.clocks) as Record<string, string> : {};
    // Last writer wins, column by column. Two stamps are equal only for the same change.
    const winners = Object.keys(change.values).filter((c) => { const k = columnClock(clocks, c); return k === undefined || change.hlc > k; });
    if (winners.length === 0) return;
    const virtual = access.def.virtual ?? {};
    const stored = winners.filter((c) => !(c in virtual));
    const value = (c: string) => change.values[c] ?? null;
    if (current) {
      if (stored.length) {
        this.stmt(`UPDATE "${table}" SET ${stored.map((c) => `"${c}" = ?`).join(', ')} WHERE "${key}" = ?`)
          .run(...stored.map(value), rowId);
      }
    } else {
      const missing = [...this.requiredColumns(table)].filter((c) => !(c in change.values));
      if (missing.length) throw new Wait(`the row's creation has not arrived yet (missing ${missing.join(', ')})`);
      this.stmt(`INSERT INTO "${table}" (${stored.map((c) => `"${c}"`).join(', ')}) VALUES (${stored.map(() => '?').join(', ')})`)
        .run(...stored.map(value));
    }
    for (const c of winners) if (c in virtual) virtual[c]!.apply(this.db, rowId, change.values[c]);
    // A row created here takes the change's stamps whole; an existing row's are merged.
    this.stmt(
      `INSERT INTO row_clocks (tbl, row_id, clocks) VALUES (?, ?, ?)
       ON CONFLICT (tbl, row_id) DO UPDATE SET clocks = ${current ? MERGE_CLOCKS : 'excluded.clocks'}`,
    ).run(table, rowId, clocksJson(winners, access.columns.length, change.hlc));
  }

  private requiredColumns(table: string): Set<string> {
    let r = this.required.get(table);
    if (!r) {
      const access = this.log.access(table);
      r = new Set(replicatedColumns(this.db, access.def).stored.filter((c) => c.required).map((c) => c.name));
      this.required.set(table, r);
    }
    return r;
  }

  private isoNow(): string {
    return new Date(this.physicalNow()).toISOString();
  }

  /**
   * A prepared statement, compiled once: applying a week's changes runs the same few
   * statements (and one UPDATE per set of columns) tens of thousands of times.
   */
  private stmt(sql: string): Database.Statement<unknown[]> {
    let s = this.statements.get(sql);
    if (!s) { s = this.db.prepare(sql); this.statements.set(sql, s); }
    return s;
  }
}
