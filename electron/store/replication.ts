// Which tables replicate between the stations of an office, and how. Adding a table to
// replication is one line in REPLICATED; a table that must stay on this PC is one line in
// LOCAL_ONLY with the reason. A test (test/unit/store/replication-registry.test.ts) fails
// when the schema holds a table that is in neither list.
//
// A replicated table's columns are the columns of its schema, minus those named `local`
// (kept per station) and `binary` (bytes that travel separately, by the row's id). So a
// column added by a later migration replicates without touching this file.
import type { Db } from './db';

/** A value computed from other tables and written back to them (officer roles). */
export interface VirtualColumn {
  /** An SQL expression over the row (aliased `t`) giving the value as JSON text. */
  select: string;
  /** Writes a received value back. */
  apply(db: Db, rowId: string, value: unknown): void;
}

export interface ReplicatedTable {
  table: string;
  /** The column that names a row across every station. */
  key: string;
  local?: readonly string[];
  binary?: readonly string[];
  virtual?: Readonly<Record<string, VirtualColumn>>;
  /**
   * The key is a UUID minted by the station that creates the row. No other station can
   * write the row before it has received that creation, so every other write is stamped
   * after it (the clock's receive rule) and a new row needs no column clocks: one write
   * less per row of an import. Not for natural keys (a setting's name, an appointment's
   * enrolment), which two stations may create at once.
   */
  mintedKey?: boolean;
}

const roles: VirtualColumn = {
  select: "(SELECT json_group_array(role) FROM (SELECT role FROM officer_roles WHERE officer_id = t.id ORDER BY role))",
  apply(db, rowId, value) {
    const list = Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string') : [];
    db.prepare('DELETE FROM officer_roles WHERE officer_id = ?').run(rowId);
    const ins = db.prepare('INSERT INTO officer_roles (officer_id, role) VALUES (?, ?)');
    for (const role of new Set(list)) ins.run(rowId, role);
  },
};

export const REPLICATED: readonly ReplicatedTable[] = [
  // seq is this store's integer key (stable rowids for the indexes), not the record's identity.
  { table: 'appointments', key: 'id', local: ['seq'], mintedKey: true },
  { table: 'appointment_events', key: 'id', mintedKey: true },
  // One enrolment per application: keyed by the appointment, so two counters that both
  // start one merge into a single row field by field.
  { table: 'enrolments', key: 'appointment_id' },
  // Login counters and lock-outs are about this PC's keyboard, not the officer's record.
  // The password hash replicates (scrypt with a per-officer salt) so an officer can log in
  // at any counter of the office, also while the link is down.
  { table: 'officers', key: 'id', local: ['failed_logins', 'locked_until'], virtual: { roles }, mintedKey: true },
  // Office policy (idle lock, lock-out, fingerprint thresholds, service rules).
  { table: 'settings', key: 'key' },
  { table: 'import_files', key: 'id', mintedKey: true },
  // The metadata replicates; the sealed bytes travel separately, by the blob's id.
  { table: 'blobs', key: 'id', binary: ['sealed'], mintedKey: true },
  // Who called whom to which counter (the waiting-room display of every counter of the office).
  { table: 'queue_calls', key: 'id', mintedKey: true },
  // Blank-book stock (issue 11): a book is named by its serial, so two stations that receive
  // the same delivery merge into one row per book; its history and the print jobs are UUIDs.
  { table: 'books', key: 'serial' },
  { table: 'book_deliveries', key: 'id', mintedKey: true },
  { table: 'book_events', key: 'id', mintedKey: true },
  { table: 'print_jobs', key: 'id', mintedKey: true },
];

export const LOCAL_ONLY: Readonly<Record<string, string>> = {
  meta: "This store's own facts (its station id, its clock).",
  devices: 'The readers, scanners and printers plugged into this PC.',
  audit: "Each station's hash chain is verified whole; it will travel as its own append-only stream, not merged row by row into another station's chain.",
  changes: 'This station\'s change log itself.',
  row_clocks: 'Per-column clocks of this store, derived from the changes it has seen.',
  applied_changes: 'Which remote changes this store has applied.',
  waiting_changes: 'Remote changes this store cannot apply yet.',
  // The search index is derived from appointments by triggers, on every station alike.
  appointments_search: 'The trigram search index over appointments, rebuilt from them by triggers.',
  appointments_search_data: 'Part of the appointments search index (FTS5 shadow table).',
  appointments_search_idx: 'Part of the appointments search index (FTS5 shadow table).',
  appointments_search_config: 'Part of the appointments search index (FTS5 shadow table).',
  blob_transfers: "Where this station's copy of each blob's bytes stands (sent to the office, fetched from it, removed by retention); the office itself is the record of what it holds.",
  drafts: "Text being typed at this PC's keyboard, saved each second so a crash here loses at most a second; what the officer confirms goes into the enrolment, which replicates. Sending every second of typing would flood the office's change log.",
};

/** Tables whose rows replicate as a column of another table. */
export const FOLDED: Readonly<Record<string, string>> = {
  officer_roles: 'officers.roles',
};

export function replicatedTable(name: string): ReplicatedTable | undefined {
  return REPLICATED.find((t) => t.table === name);
}

export interface ColumnInfo { name: string; required: boolean }

/** The replicated columns of a table as the schema has them now (virtual columns after). */
export function replicatedColumns(db: Db, t: ReplicatedTable): { stored: ColumnInfo[]; virtual: string[] } {
  const info = db.prepare(`SELECT name, "notnull" AS nn, dflt_value AS dflt, pk FROM pragma_table_info(?)`).all(t.table) as
    { name: string; nn: number; dflt: string | null; pk: number }[];
  if (info.length === 0) throw new Error(`Replicated table ${t.table} is not in the schema.`);
  const skip = new Set([...(t.local ?? []), ...(t.binary ?? [])]);
  const stored = info.filter((c) => !skip.has(c.name)).map((c) => ({ name: c.name, required: (c.nn === 1 || c.pk === 1) && c.dflt === null }));
  return { stored, virtual: Object.keys(t.virtual ?? {}) };
}
