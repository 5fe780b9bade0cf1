// Shared set-up for the office tests and benches: one real PostgreSQL per test file, an office
// service per test on a fresh database, stations paired with it (each its own SQLite store),
// and a day's work for one applicant at a station, written through the real repositories.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { OfficeLink, pairWithOffice } from '../../electron/services/office-link';
import { startOffice, type Office, type OfficeOptions } from '../../office/service';
import { createPairingCode } from '../../office/stations';
import type { Pool } from '../../office/db';
import { createDatabase, startPostgres, type TestPostgres } from './postgres';
import { appointmentFields, openStore, removeTempDirs, tempDir, type TestStore } from './stores';

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

/** A fresh database in `pgServerUrl` and an office service in front of it. */
export async function startTestOffice(pgServerUrl: string): Promise<Office & { pgUrl: string; dataDir: string }> {
  const pgUrl = await createDatabase(pgServerUrl, `office_${randomBytes(6).toString('hex')}`);
  const dataDir = tempDir('loket-office-');
  const office = await startOffice({ pgUrl, dataDir, port: 0, host: '127.0.0.1' });
  return Object.assign(office, { pgUrl, dataDir });
}

/** A new station store paired with the office at `url` (or through a proxy in front of it). */
export async function pairedStore(pool: Pool, url: string, name: string, dir?: string): Promise<TestStore> {
  const s = openStore(dir);
  const { shown } = await createPairingCode(pool);
  await pairWithOffice(s.store, url, shown, name);
  return s;
}

/** Field corrections per applicant: with the rest, about 40 changes (docs/scale.md). */
const CORRECTIONS = 15;

/** Sizes of one enrolment's images (docs/scale.md): portrait, ten fingerprints, five document pages. */
export const ENROLMENT_IMAGE_BYTES = [50_000, ...Array<number>(10).fill(55_000), ...Array<number>(5).fill(450_000)];

/**
 * One applicant's work at a counter: booked, checked in, enrolment opened, sixteen image
 * blobs (small stand-in bytes; their real sizes are ENROLMENT_IMAGE_BYTES), field
 * corrections, submitted. Returns the appointment id.
 */
export function applicantAtCounter(s: TestStore, n: number, at: string, date = '2026-12-07', corrections = CORRECTIONS): string {
  const { store } = s;
  const id = store.tx(() => store.appointments.insert(appointmentFields(n, date), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at }));
  store.tx(() => store.appointments.setStatus(id, 'booked', 'checked_in', null, undefined, at, 'checkIn'));
  store.tx(() => store.appointments.setStatus(id, 'checked_in', 'in_enrolment', null, undefined, at, 'openEnrolment'));
  for (const [i] of ENROLMENT_IMAGE_BYTES.entries()) {
    store.tx(() => store.blobs.put({ type: 'appointment', id }, i === 0 ? 'portrait' : i <= 10 ? 'fingerprint' : 'document', 'image/jpeg', randomBytes(64), { index: i }, at));
  }
  for (let k = 0; k < corrections; k++) {
    store.tx(() => store.appointments.updateFields(id, { ...appointmentFields(n, date), phone: `0812${String(n).padStart(4, '0')}${String(k).padStart(4, '0')}` }, `h${k}`, at));
  }
  store.tx(() => store.appointments.setStatus(id, 'in_enrolment', 'awaiting_approval', null, undefined, at, 'submit'));
  return id;
}

/** The whole office database as pg_dump writes it (bytea as hex), for "no plaintext here" checks. */
export function dumpDatabase(pgUrl: string): string {
  const bin = ['/usr/lib/postgresql/15/bin/pg_dump'].find((p) => existsSync(p)) ?? 'pg_dump';
  const r = spawnSync(bin, ['--data-only', '--no-owner', pgUrl], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pg_dump failed (exit ${r.status}): ${r.stderr}`);
  return r.stdout;
}
