// The station's change log: every write to a replicated table appends, in the same
// transaction, one change naming the row, the operation and the values of the columns the
// write changed, stamped with the station's hybrid logical clock. It is what the station
// will push to the office; `row_clocks` keeps each column's latest stamp so a remote
// change later wins a column only if it is newer (apply-changes.ts).
//
// Repositories do not list what they changed: `track` reads the row before and after the
// write and records the difference, so a column added later can never be forgotten.
import { CHANGE_FORMAT_VERSION, type Change, type ChangeValue } from '../../domain/change-format';
import { formatHlc, parseHlc, ZERO_HLC, type Hlc, type HlcClock } from '../../domain/hlc';
import type { Db } from './db';
import { REPLICATED, replicatedColumns, replicatedTable, type ReplicatedTable } from './replication';

/** Tombstones (and acknowledged deletes) are kept at least this long. */
export const TOMBSTONE_RETENTION_MS = 60 * 24 * 60 * 60 * 1000;

export type RowValues = Record<string, ChangeValue>;

interface TableAccess {
  def: ReplicatedTable;
  columns: string[];
  read: (rowId: string) => RowValues | undefined;
  /** Logs a new row in one statement, its values gathered by SQLite (the import's hot path). */
  logCreated?: (rowId: string, hlc: string, at: string) => boolean;
}

/** SQLite's limit on a function's arguments (json_object takes two per column). */
const MAX_FUNCTION_ARGS = 100;

interface ChangeDbRow { seq: number; station_id: string; tbl: string; row_id: string; op: 'upsert' | 'delete'; vals: string; hlc: string; format: number }

export class ChangeLog {
  private readonly tables = new Map<string, TableAccess>();
  private readonly insert;
  private readonly patchClocks;
  private readonly tombstone;

  constructor(private readonly db: Db, readonly stationId: string, readonly clock: HlcClock, private readonly physicalNow: () => number = Date.now) {
    this.insert = db.prepare('INSERT INTO changes (station_id, tbl, row_id, op, vals, hlc, format, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.patchClocks = db.prepare(
      `INSERT INTO row_clocks (tbl, row_id, clocks) VALUES (?, ?, ?)
       ON CONFLICT (tbl, row_id) DO UPDATE SET clocks = ${MERGE_CLOCKS}`,
    );
    this.tombstone = db.prepare(
      `INSERT INTO row_clocks (tbl, row_id, deleted_hlc, deleted_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (tbl, row_id) DO UPDATE SET deleted_hlc = excluded.deleted_hlc, deleted_at = excluded.deleted_at`,
    );
  }

  /** The replicated columns of a table and a reader of one row's values. */
  access(table: string): TableAccess {
    let a = this.tables.get(table);
    if (a) return a;
    const def = replicatedTable(table);
    if (!def) throw new Error(`Table ${table} is not replicated (electron/store/replication.ts).`);
    const { stored, virtual } = replicatedColumns(this.db, def);
    const select = [...stored.map((c) => `t."${c.name}"`), ...virtual.map((v) => `${def.virtual![v]!.select} AS "${v}"`)].join(', ');
    const stmt = this.db.prepare(`SELECT ${select} FROM "${table}" t WHERE t."${def.key}" = ?`);
    const columns = [...stored.map((c) => c.name), ...virtual];
    const read = (rowId: string): RowValues | undefined => {
      const row = stmt.get(rowId) as Record<string, unknown> | undefined;
      if (!row) return undefined;
      for (const v of virtual) row[v] = JSON.parse(String(row[v] ?? '[]')) as ChangeValue;
      return row as RowValues;
    };
    a = { def, columns, read };
    if (columns.length * 2 <= MAX_FUNCTION_ARGS) {
      const json = [...stored.map((c) => `'${c.name}', t."${c.name}"`), ...virtual.map((v) => `'${v}', json(${def.virtual![v]!.select})`)].join(', ');
      const log = this.db.prepare(
        `INSERT INTO changes (station_id, tbl, row_id, op, vals, hlc, format, at)
         SELECT ?, ?, ?, 'upsert', json_object(${json}), ?, ?, ? FROM "${table}" t WHERE t."${def.key}" = ?`,
      );
      a.logCreated = (rowId, hlc, at) => log.run(this.stationId, table, rowId, hlc, CHANGE_FORMAT_VERSION, at, rowId).changes === 1;
    }
    this.tables.set(table, a);
    return a;
  }

  /**
   * Runs a write to one row of a replicated table and logs what it changed: every column
   * when the row is new, the changed columns when it existed, a tombstone when it is gone.
   * Call inside the transaction of the write.
   */
  track<T>(table: string, rowId: string, write: () => T): T {
    const a = this.access(table);
    const before = a.read(rowId);
    const result = write();
    this.record(a, rowId, before, a.read(rowId));
    return result;
  }

  /**
   * Logs a row just created (cheaper than track: nothing to read before). Values given
   * must be what the row now holds; a test compares them with the row for each caller.
   */
  created(table: string, rowId: string, values?: RowValues): void {
    const a = this.access(table);
    // The caller's values, when they name exactly the replicated columns, spare a read of
    // the row just written (an import logs 5,000 of them in one transaction).
    if (values && a.columns.length === Object.keys(values).length && a.columns.every((c) => c in values)) {
      const hlc = formatHlc(this.clock.now());
      this.insert.run(this.stationId, table, rowId, 'upsert', JSON.stringify(values), hlc, CHANGE_FORMAT_VERSION, this.isoNow());
      if (!a.def.mintedKey) this.patchClocks.run(table, rowId, clocksJson(a.columns, a.columns.length, hlc));
      return;
    }
    if (!a.logCreated) { this.record(a, rowId, undefined, a.read(rowId)); return; }
    const hlc = formatHlc(this.clock.now());
    if (a.logCreated(rowId, hlc, this.isoNow()) && !a.def.mintedKey) this.patchClocks.run(table, rowId, clocksJson(a.columns, a.columns.length, hlc));
  }

  private record(a: TableAccess, rowId: string, before: RowValues | undefined, after: RowValues | undefined): void {
    if (!before && !after) return;
    const table = a.def.table;
    if (!after) {
      const hlc = formatHlc(this.clock.now());
      this.insert.run(this.stationId, table, rowId, 'delete', '{}', hlc, CHANGE_FORMAT_VERSION, this.isoNow());
      this.tombstone.run(table, rowId, hlc, this.isoNow());
      return;
    }
    const values: RowValues = {};
    for (const c of a.columns) {
      const v = after[c] ?? null;
      if (!before || !sameValue(before[c] ?? null, v)) values[c] = v;
    }
    const changed = Object.keys(values);
    if (changed.length === 0) return;
    const hlc = formatHlc(this.clock.now());
    this.insert.run(this.stationId, table, rowId, 'upsert', JSON.stringify(values), hlc, CHANGE_FORMAT_VERSION, this.isoNow());
    this.patchClocks.run(table, rowId, clocksJson(changed, a.columns.length, hlc));
  }

  /**
   * Logs one full-row change for every existing row of each replicated table not yet
   * baselined (the first open after the outbox became this log, or a table newly added to
   * replication). Idempotent: a table is baselined once.
   */
  baseline(): number {
    let n = 0;
    const done = this.db.prepare('SELECT 1 FROM meta WHERE key = ?');
    const mark = this.db.prepare("INSERT INTO meta (key, value) VALUES (?, 'done')");
    this.db.transaction(() => {
      for (const def of REPLICATED) {
        const flag = `changelog_baseline:${def.table}`;
        if (done.get(flag)) continue;
        const a = this.access(def.table);
        const ids = this.db.prepare(`SELECT "${def.key}" AS k FROM "${def.table}" WHERE "${def.key}" NOT IN (SELECT row_id FROM row_clocks WHERE tbl = ?)`).all(def.table) as { k: string }[];
        for (const { k } of ids) { this.record(a, k, undefined, a.read(k)); n++; }
        mark.run(flag);
      }
    }).immediate();
    return n;
  }

  /** Changes not yet acknowledged by the office, oldest first. */
  unsent(limit = 1000): Change[] {
    const rows = this.db.prepare('SELECT seq, station_id, tbl, row_id, op, vals, hlc, format FROM changes WHERE acked_at IS NULL ORDER BY seq LIMIT ?').all(limit) as ChangeDbRow[];
    return rows.map(toChange);
  }

  /** Every change still in the log (acknowledged or not), oldest first. */
  all(): Change[] {
    return (this.db.prepare('SELECT seq, station_id, tbl, row_id, op, vals, hlc, format FROM changes ORDER BY seq').all() as ChangeDbRow[]).map(toChange);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM changes WHERE acked_at IS NULL').get() as { n: number }).n;
  }

  /** The office has stored these changes: they need not be sent again. */
  ack(changeIds: string[], at: string): void {
    const stmt = this.db.prepare('UPDATE changes SET acked_at = ? WHERE seq = ? AND station_id = ? AND acked_at IS NULL');
    this.db.transaction(() => {
      for (const id of changeIds) {
        const [station, seq] = splitChangeId(id);
        if (station === this.stationId) stmt.run(at, seq, station);
      }
    })();
  }

  /**
   * Drops what replication no longer needs: acknowledged upserts at once; acknowledged
   * deletes, tombstones and the ids of applied remote changes once they are older than
   * the retention (at least 60 days), so a station offline for weeks still learns of a
   * delete. Never drops a change the office has not acknowledged.
   */
  prune(nowMs: number, retentionMs = TOMBSTONE_RETENTION_MS): { changes: number; tombstones: number; applied: number } {
    const cutoff = new Date(nowMs - Math.max(retentionMs, TOMBSTONE_RETENTION_MS)).toISOString();
    return this.db.transaction(() => {
      this.persistClock();
      const changes = this.db.prepare("DELETE FROM changes WHERE acked_at IS NOT NULL AND (op = 'upsert' OR acked_at < ?)").run(cutoff).changes;
      const tombstones = this.db.prepare('DELETE FROM row_clocks WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(cutoff).changes;
      const applied = this.db.prepare('DELETE FROM applied_changes WHERE applied_at < ?').run(cutoff).changes;
      return { changes, tombstones, applied };
    }).immediate();
  }

  private isoNow(): string {
    return new Date(this.physicalNow()).toISOString();
  }

  /** Keeps the clock's last stamp in meta (the log's own stamps cover the rest). */
  persistClock(): void {
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(formatHlc(this.clock.last()));
  }
}

/**
 * The last stamp this store made or saw, so a restarted station (even with its clock
 * reset to 1970) stamps after it: the larger of the persisted stamp and the log's last.
 */
export function lastPersistedHlc(db: Db): Hlc {
  const meta = db.prepare("SELECT value FROM meta WHERE key = 'hlc'").get() as { value: string } | undefined;
  // Local stamps increase with seq, so the newest row holds the largest.
  const log = db.prepare('SELECT hlc AS h FROM changes ORDER BY seq DESC LIMIT 1').get() as { h: string | null } | undefined;
  const candidates = [meta?.value, log?.h].filter((s): s is string => typeof s === 'string').sort();
  const best = candidates.at(-1);
  return best ? parseHlc(best) : ZERO_HLC;
}

/**
 * Merges a write's clocks into a row's. A row-wide {"*": stamp} replaces them all: it is
 * newer than every column it covers, and a column's old entry must not shadow it.
 */
export const MERGE_CLOCKS = `CASE WHEN json_extract(excluded.clocks, '$."*"') IS NOT NULL THEN excluded.clocks ELSE json_patch(clocks, excluded.clocks) END`;

/**
 * The column clocks a write sets, as JSON. A write of every column (a new row) is stored as
 * {"*": stamp}, which stands for each column without its own entry: a day's import would
 * otherwise store twenty copies of the same stamp per row.
 */
export function clocksJson(columns: string[], ofTotal: number, hlc: string): string {
  return JSON.stringify(columns.length === ofTotal ? { '*': hlc } : Object.fromEntries(columns.map((c) => [c, hlc])));
}

/** A column's stamp from a row's clocks (its own entry, or the row-wide one). */
export function columnClock(clocks: Record<string, string>, column: string): string | undefined {
  return clocks[column] ?? clocks['*'];
}

function sameValue(a: ChangeValue, b: ChangeValue): boolean {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
}

export function splitChangeId(id: string): [string, number] {
  const i = id.lastIndexOf(':');
  return [id.slice(0, i), Number(id.slice(i + 1))];
}

function toChange(r: ChangeDbRow): Change {
  return {
    format: 1, changeId: `${r.station_id}:${r.seq}`, stationId: r.station_id, table: r.tbl, rowId: r.row_id, op: r.op,
    values: JSON.parse(r.vals) as RowValues, hlc: r.hlc,
  };
}
