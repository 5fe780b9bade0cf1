// `npm run audit:verify -- [--data-dir DIR] [--heads FILE_OR_DIR ...]`: walks the audit
// chain of a station's store with the station's audit key (read from the data directory as
// the station reads it) and checks the heads recorded outside the database (the day-end
// reports: DIR/reports by default, or copies kept elsewhere). Exit code 0 = intact,
// 2 = broken (the first broken row and what is wrong are named), 1 = could not check.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../store/db';
import { AuditRepo, type AuditVerification } from '../store/audit-repo';
import { deriveAuditKey } from '../store/crypto';
import { DB_FILE_NAME } from '../store/store';
import { defaultDataDir } from '../data-dir';
import { readStationKey } from '../key-providers';
import { readHeads, REPORTS_DIR } from '../services/day-report';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, heads: { type: 'string', multiple: true } } });
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
const file = path.join(dataDir, DB_FILE_NAME);
if (!existsSync(file)) {
  process.stderr.write(`No Loket data file at ${file}. Pass --data-dir with the station's data directory.\n`);
  process.exit(1);
}

function explain(r: AuditVerification): string {
  switch (r.problem) {
    case 'unkeyed':
      return `Audit trail NOT KEYED from row ${r.brokenAt}: no row verifies with this station's audit key. It was rewritten without the key, or this Loket never opened it (open it once with the station).`;
    case 'truncated':
      return `Audit trail CUT OFF: a report recorded row ${r.head?.seq}, but the trail ends at row ${r.rows}. Rows after ${r.rows} were deleted (or the file was replaced by an older copy).`;
    case 'head_mismatch':
      return `Audit trail REPLACED at row ${r.brokenAt}: a report recorded another hash for that row. The chain was rewritten from there on.`;
    default:
      return `Audit trail BROKEN at row ${r.brokenAt}: that row was changed, removed or inserted after it was written. Rows before it are intact.`;
  }
}

try {
  const key = deriveAuditKey(readStationKey(dataDir));
  const db = openDatabase(file);
  try {
    const stationId = (db.prepare("SELECT value FROM meta WHERE key = 'station_id'").get() as { value: string } | undefined)?.value ?? '';
    const { heads, files, otherStations } = readHeads(values.heads ?? [path.join(dataDir, REPORTS_DIR)], stationId);
    const result = new AuditRepo(db, stationId, key).verify(heads);
    if (result.ok) {
      const keyed = result.keyedFrom && result.keyedFrom > 1 ? ` (keyed from row ${result.keyedFrom}; rows before it closed by that row)` : '';
      const against = files ? `, and it still holds the heads of ${files} report${files === 1 ? '' : 's'}` : ', no exported heads found to check it against';
      process.stdout.write(`Audit trail intact: ${result.rows} rows, each chained to the one before with the station's key${keyed}${against}.\n`);
      if (otherStations) process.stdout.write(`(${otherStations} report${otherStations === 1 ? '' : 's'} of other stations ignored.)\n`);
    } else {
      process.stdout.write(`${explain(result)}\n`);
      process.exitCode = 2;
    }
  } finally {
    db.close();
  }
} catch (err) {
  process.stderr.write(`Could not check the audit trail: ${(err as Error).message}\n`);
  process.exit(1);
}
