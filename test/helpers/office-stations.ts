// Shared setup for the office tests: one real PostgreSQL per test file, an office service per
// test on a fresh database, and stations paired with it (each its own SQLite store).
import { afterAll, afterEach, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { OfficeLink, pairWithOffice } from '../../electron/services/office-link';
import { startOffice, type Office, type OfficeOptions } from '../../office/service';
import { createPairingCode } from '../../office/stations';
import { createDatabase, startPostgres, type TestPostgres } from './postgres';
import { openStore, removeTempDirs, tempDir, type TestStore } from './stores';

export type PairedStation = TestStore & { link: OfficeLink };

/** Registers the hooks; call once at the top of a test file. */
export function officeTestBed() {
  let pgServer: TestPostgres;
  const running: Office[] = [];
  const stores: TestStore[] = [];
  beforeAll(async () => { pgServer = await startPostgres(); }, 60_000);
  afterAll(async () => { await pgServer?.stop(); });
  afterEach(async () => {
    for (const o of running.splice(0)) await o.stop();
    for (const s of stores.splice(0)) s.store.close();
    removeTempDirs();
  });
  return {
    /** A fresh database's URL on the test server. */
    async database(): Promise<string> {
      return createDatabase(pgServer.url, `office_${randomBytes(6).toString('hex')}`);
    },
    async office(extra: Partial<OfficeOptions> = {}): Promise<Office & { pgUrl: string }> {
      const pgUrl = extra.pgUrl ?? await this.database();
      const started = await startOffice({ pgUrl, dataDir: tempDir('loket-office-'), port: 0, host: '127.0.0.1', ...extra });
      // Stopped once, whether by the test (an office going away) or after it.
      let stopping: Promise<void> | null = null;
      const o = { ...started, pgUrl, stop: () => (stopping ??= started.stop()) };
      running.push(o);
      return o;
    },
    async station(o: Office, name: string, clock?: { ms: number }): Promise<PairedStation> {
      const s = openStore(tempDir(), clock);
      stores.push(s);
      await pairWithOffice(s.store, o.server.url, (await createPairingCode(o.pool)).shown, name);
      return { ...s, link: new OfficeLink(s.store, () => new Date(s.clock.ms)) };
    },
  };
}
