// `npm run audit:verify -- [--data-dir DIR]`: walks the audit chain of a station's store
// and says whether every row still follows from the one before. Exit code 0 = intact,
// 2 = broken (the first broken row is named), 1 = could not check.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../store/db';
import { AuditRepo } from '../store/audit-repo';
import { DB_FILE_NAME } from '../store/store';
import { defaultDataDir } from '../data-dir';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const file = path.join(path.resolve(values['data-dir'] ?? defaultDataDir()), DB_FILE_NAME);
if (!existsSync(file)) {
  process.stderr.write(`No Loket data file at ${file}. Pass --data-dir with the station's data directory.\n`);
  process.exit(1);
}
try {
  const db = openDatabase(file);
  const result = new AuditRepo(db, '').verify();
  db.close();
  if (result.ok) {
    process.stdout.write(`Audit trail intact: ${result.rows} rows, each chained to the one before.\n`);
  } else {
    process.stdout.write(`Audit trail BROKEN at row ${result.brokenAt}: that row was changed, removed or inserted after it was written. Rows before it are intact.\n`);
    process.exit(2);
  }
} catch (err) {
  process.stderr.write(`Could not check the audit trail: ${(err as Error).message}\n`);
  process.exit(1);
}
