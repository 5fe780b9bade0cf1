// Opens the station's SQLite file: WAL, synchronous=FULL (a power cut loses nothing the
// officer saw saved), foreign keys on; applies migrations in order, each in its own
// transaction together with its user_version; refuses a database from a newer Loket.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

export class NewerDatabaseError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`This data file was written by a newer version of Loket (schema ${found}; this version knows up to ${supported}). Install the newer version or open another data directory.`);
  }
}

export interface Migration { version: number; name: string; sql: string }

function migrationsDir(): string {
  return process.env.LOKET_MIGRATIONS_DIR ?? fileURLToPath(new URL('./migrations/', import.meta.url));
}

/** Reads NNNN_name.sql files; versions must increase by one from 1. */
export function loadMigrations(dir = migrationsDir()): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return files.map((f, i) => {
    const version = Number(f.slice(0, 4));
    if (version !== i + 1) throw new Error(`Migration ${f} is out of sequence (expected ${String(i + 1).padStart(4, '0')}).`);
    return { version, name: f.slice(5, -4), sql: readFileSync(path.join(dir, f), 'utf8') };
  });
}

export interface OpenOptions {
  nativeBinding?: string;
  migrations?: Migration[];
  readonly?: boolean;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: opts.readonly ?? false, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 32 MB of page cache: the day's indexes stay in memory through a large import.
    db.pragma('cache_size = -32000');
    migrate(db, opts.migrations ?? loadMigrations());
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function migrate(db: Db, migrations: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new NewerDatabaseError(current, latest);
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
