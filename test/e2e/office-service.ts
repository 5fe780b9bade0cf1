// One real office service for a spec file, on a real PostgreSQL started for it: the e2e
// specs whose stations pair with an office (book-lease, office-sync) share this set-up.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOffice, type Office } from '../../office/service';
import { createDatabase, startPostgres, type TestPostgres } from '../helpers/postgres';
import { test } from './fixtures';

/** Registers the spec's hooks (call at the top of the file); the returned function gives the running office. */
export function officeService(): () => Office {
  let pg: TestPostgres | undefined;
  let office: Office | undefined;
  let officeDir: string | undefined;
  test.beforeAll(async () => {
    pg = await startPostgres();
    officeDir = mkdtempSync(path.join(tmpdir(), 'loket-office-'));
    office = await startOffice({ pgUrl: await createDatabase(pg.url, `e2e_${randomBytes(5).toString('hex')}`), dataDir: officeDir, port: 0, host: '127.0.0.1' });
  });
  test.afterAll(async () => {
    await office?.stop();
    await pg?.stop();
    if (officeDir) rmSync(officeDir, { recursive: true, force: true });
  });
  return () => {
    if (!office) throw new Error('the office service starts in beforeAll');
    return office;
  };
}
