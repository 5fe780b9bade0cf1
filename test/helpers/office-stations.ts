// Shared set-up for office tests and benches: an office service in this process on a fresh
// database of a test PostgreSQL, stations paired with it (each its own SQLite store), and a
// day's work for one applicant at a station, written through the real repositories.
import { randomBytes } from 'node:crypto';
import { pairWithOffice } from '../../electron/services/office-link';
import { startOffice, type Office } from '../../office/service';
import { createPairingCode } from '../../office/stations';
import type { Pool } from '../../office/db';
import { createDatabase } from './postgres';
import { appointmentFields, openStore, tempDir, type TestStore } from './stores';

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
