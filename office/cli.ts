// npm run office -- --pg postgres://… --port N [--host 0.0.0.0] [--data DIR]
//   runs the office service in front of the office's PostgreSQL.
// npm run office -- pair --pg postgres://…
//   prints a one-time pairing code (15 minutes) for an administrator to type at a station.
// npm run office -- parked [list|show ID|retry ID|discard ID --reason "…"] --pg postgres://…
//   the changes the office set aside: listed, inspected (no values), retried, discarded.
// npm run office -- admin-token --name NAME | leases | compact    (office/cli-admin.ts)
// npm run office -- restore --pg postgres://… --data DIR FILE
//   restores a mobile unit's encrypted backup (opened with the backup key in DIR).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, openPool } from './db';
import { startOffice } from './service';
import { createPairingCode } from './stations';
import { runAdminCommand } from './cli-admin';
import { loadOrCreateBackupKey } from './backup-key';
import { restoreBackup } from './restore';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pg: { type: 'string' },
    port: { type: 'string', default: '8443' },
    host: { type: 'string', default: '0.0.0.0' },
    data: { type: 'string', default: path.resolve('office-data') },
    reason: { type: 'string' },
    name: { type: 'string' },
    'retention-days': { type: 'string' },
  },
});

function fail(line: string): never {
  console.error(`office: ${line}`);
  process.exit(1);
}

const pgUrl = values.pg ?? process.env.LOKET_OFFICE_PG;
if (!pgUrl) fail('say which PostgreSQL to use: --pg postgres://user@host:5432/loket (or LOKET_OFFICE_PG).');
const command = positionals[0] ?? 'serve';

if (command === 'serve') {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port} is not a port number.`);
  const office = await startOffice({ pgUrl, dataDir: values.data!, port, host: values.host });
  console.log(`office: listening on ${office.server.url.replace('127.0.0.1', values.host!)} (office ${office.officeId})`);
  console.log(`office: certificate SHA-256 ${office.identity.sha256}`);
  const stop = () => { office.stop().then(() => process.exit(0), () => process.exit(1)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else if (command === 'pair') {
  const pool = openPool(pgUrl, 1);
  await migrate(pool);
  const code = await createPairingCode(pool);
  console.log(`Pairing code: ${code.shown}`);
  console.log(`Type it at the station (Settings → Office) before ${new Date(code.expiresAt).toLocaleTimeString()}. It works once.`);
  await pool.end();
} else if (command === 'parked' || command === 'admin-token' || command === 'leases' || command === 'compact') {
  const pool = openPool(pgUrl, 1);
  await migrate(pool);
  const code = await runAdminCommand(pool, positionals, { reason: values.reason, name: values.name, retentionDays: values['retention-days'] });
  await pool.end();
  process.exitCode = code;
} else if (command === 'restore') {
  const file = positionals[1];
  if (!file) fail('say which backup file to restore: npm run office -- restore --pg … --data DIR FILE');
  const pool = openPool(pgUrl, 2);
  await migrate(pool);
  try {
    const { identity } = await loadOrCreateBackupKey(values.data!);
    const r = await restoreBackup(pool, identity, file);
    console.log(`Restored the backup of station ${r.header.stationId} made ${r.header.createdAt}: ${r.stored} changes stored, ${r.duplicate} already here, ${r.parked} set aside, ${r.blobs} images kept.`);
  } catch (err) {
    fail((err as Error).message);
  } finally {
    await pool.end();
  }
} else {
  fail(`unknown command "${command}": use serve (the default), pair, parked, leases, compact, admin-token or restore.`);
}
