// The office's PostgreSQL: a connection pool and the schema, migrated on start. Migrations
// are the numbered .sql files beside this one, each applied once in its own transaction and
// recorded in office_migrations; a database migrated by a newer office is refused.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function openPool(url: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'loket-office' });
  // An idle client that loses its server must not take the service down with it.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs fn in one transaction on one client: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(pool: Pool, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export async function migrate(pool: Pool): Promise<number> {
  const files = readdirSync(MIGRATIONS).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  // By the numbers in the names, not the count of files: a version is applied once, whatever
  // number the files before it took.
  const versionOf = (f: string) => Number(f.slice(0, 4));
  const latest = files.length ? versionOf(files.at(-1)!) : 0;
  return inTransaction(pool, async (c) => {
    // One office service migrates at a time.
    await c.query('SELECT pg_advisory_xact_lock(7201)');
    await c.query('CREATE TABLE IF NOT EXISTS office_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM office_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > latest) {
      throw new Error(`This office database was set up by a newer version of the Loket office service (schema ${current}; this version knows ${latest}). Run the newer version.`);
    }
    for (const f of files.filter((name) => versionOf(name) > current)) {
      await c.query(readFileSync(path.join(MIGRATIONS, f), 'utf8'));
      await c.query('INSERT INTO office_migrations (version, name) VALUES ($1, $2)', [versionOf(f), f]);
    }
    return latest;
  });
}
