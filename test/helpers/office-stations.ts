// An office service on the test's PostgreSQL and stations paired with it through the real
// pairing (code, proofs, the wrapped office data key), each on its own SQLite store, for the
// office integration tests. `stop()` ends every office and closes every store it made.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { OfficeLink, pairWithOffice } from '../../electron/services/office-link';
import { startOffice, type Office } from '../../office/service';
import { createPairingCode } from '../../office/stations';
import { createDatabase, type TestPostgres } from './postgres';
import { openStore, tempDir, type TestStore } from './stores';

export type PairedStation = TestStore & { link: OfficeLink };

export function officeStations(pg: () => TestPostgres) {
  const offices: Office[] = [];
  const stores: TestStore[] = [];
  return {
    async office(): Promise<Office & { pgUrl: string }> {
      const pgUrl = await createDatabase(pg().url, `office_${randomBytes(6).toString('hex')}`);
      const o = await startOffice({ pgUrl, dataDir: tempDir('loket-office-'), port: 0, host: '127.0.0.1' });
      offices.push(o);
      return { ...o, pgUrl };
    },
    async paired(o: Office, name: string, clock?: { ms: number }): Promise<PairedStation> {
      const s = openStore(undefined, clock);
      stores.push(s);
      const { shown } = await createPairingCode(o.pool);
      await pairWithOffice(s.store, o.server.url, shown, name);
      return { ...s, link: new OfficeLink(s.store) };
    },
    async stop(): Promise<void> {
      for (const o of offices.splice(0)) await o.stop();
      for (const s of stores.splice(0)) s.store.close();
    },
  };
}

/** The whole office database as pg_dump writes it (bytea as hex), for "no plaintext here" checks. */
export function dumpDatabase(pgUrl: string): string {
  const bin = ['/usr/lib/postgresql/15/bin/pg_dump'].find((p) => existsSync(p)) ?? 'pg_dump';
  const r = spawnSync(bin, ['--data-only', '--no-owner', pgUrl], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pg_dump failed (exit ${r.status}): ${r.stderr}`);
  return r.stdout;
}
