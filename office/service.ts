// The office service assembled: the database migrated, the office's id and TLS identity,
// and the HTTPS server in front.
import { randomUUID } from 'node:crypto';
import { migrate, openPool, type Pool } from './db';
import { startOfficeServer, type OfficeServer } from './server';
import { loadOrCreateIdentity, type TlsIdentity } from './tls-identity';
import { loadOrCreateBackupKey } from './backup-key';
import { loadOrCreateDataKey } from './data-key';
import type { OfficeValidator } from './push';

export interface OfficeOptions {
  pgUrl: string;
  dataDir: string;
  port?: number;
  host?: string;
  validate?: OfficeValidator;
}

export interface Office {
  server: OfficeServer;
  pool: Pool;
  identity: TlsIdentity;
  officeId: string;
  stop(): Promise<void>;
}

/** The office's own id, made once with its database. */
export async function officeIdOf(pool: Pool): Promise<string> {
  await pool.query("INSERT INTO office_meta (key, value) VALUES ('office_id', $1) ON CONFLICT (key) DO NOTHING", [randomUUID()]);
  const { rows } = await pool.query<{ value: string }>("SELECT value FROM office_meta WHERE key = 'office_id'");
  return rows[0]!.value;
}

export async function startOffice(opts: OfficeOptions): Promise<Office> {
  const pool = openPool(opts.pgUrl);
  try {
    await migrate(pool);
    const officeId = await officeIdOf(pool);
    const identity = await loadOrCreateIdentity(opts.dataDir);
    const backupKey = await loadOrCreateBackupKey(opts.dataDir);
    let dataKey: Promise<Buffer> | null = null;
    const loadDataKey = () => {
      dataKey ??= loadOrCreateDataKey(pool, opts.dataDir);
      dataKey.catch(() => { dataKey = null; });
      return dataKey;
    };
    const server = await startOfficeServer({ pool, identity, officeId, port: opts.port, host: opts.host, validate: opts.validate, dataKey: loadDataKey, backupRecipient: backupKey.recipient });
    return {
      server, pool, identity, officeId,
      async stop() {
        await server.close();
        await pool.end();
      },
    };
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
}
