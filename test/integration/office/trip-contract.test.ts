// The mobile unit's trip through the real contract and dispatcher of a real station, against
// a real office service on PostgreSQL 15: a counter officer may read the trip but not prepare
// it (refused by the station); the technician prepares the trip (the bookings of its days
// arrive), the link goes, a walk-in is registered offline, the backup goes to a "drive" (a
// temp directory) as a real age file that Debian's `age` opens with the office's key, finishing
// while the office cannot be reached says so and keeps the trip, and finishing again once the
// link is back ends the trip with the office holding the offline work.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_KEY_FILE } from '../../../office/backup-key';
import { createPairingCode } from '../../../office/stations';
import type { TripBackupView, TripView } from '../../../electron/trip-types';
import type { QueueView, SetupStatus } from '../../../electron/contract-types';
import { officeTestBed } from '../../helpers/office-stations';
import { openWithAgeCli } from '../../helpers/age-cli';
import { throttledLink } from '../../helpers/throttled-link';
import { ADMIN, OFFICER, openTestStation, type TestSession } from '../../helpers/station';
import { appointmentFields, tempDir } from '../../helpers/stores';

const bed = officeTestBed();
const TECH = { name: 'Rudi Teknisi', nip: '198503032010011004', password: 'rahasia-teknik-3' };
const AT = '2026-12-07T08:00:00.000Z';
const WALK_IN = { nik: '3578014506000001', fullName: 'Nur Aini', birthPlace: 'Surabaya', birthDate: '2000-06-05', sex: 'F', service: 'new', passportType: 'electronic' };

async function reason(s: TestSession, method: string, input: unknown): Promise<string> {
  const r = await s.call(method, input);
  if (r.ok) throw new Error(`${method} succeeded`);
  return String(r.error.params?.reason ?? r.error.code);
}

describe('trip.* through the contract', () => {
  it('prepare (technician only) → offline work → backup Debian\'s age opens → finish refused while the office is away → finish', async () => {
    const officeDir = tempDir('loket-office-');
    const o = await bed.office({ dataDir: officeDir });
    // Another counter of the office booked the trip's days (and one day after it).
    // On the wall clock: the unit stamps its changes by it (a clock far behind holds them back).
    const counter = await bed.station(o, 'Loket 1', { ms: Date.now() });
    const inTrip = ['2026-12-14', '2026-12-15'].map((d, i) => counter.store.tx(() => counter.store.appointments.insert(appointmentFields(i + 1, d), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: AT })));
    counter.store.tx(() => counter.store.appointments.insert(appointmentFields(3, '2026-12-21'), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: AT }));
    await counter.link.sync();

    const link = await throttledLink({ host: '127.0.0.1', port: Number(new URL(o.server.url).port) }, 50_000_000);
    const st = await openTestStation();
    try {
      const admin = st.session();
      await admin.ok('setup.createFirstAdmin', ADMIN);
      await admin.ok('office.pair', { url: link.url, code: (await createPairingCode(o.pool)).shown, stationName: 'Mobil 1' });
      await admin.ok('officers.create', { ...OFFICER, roles: ['counter'] });
      await admin.ok('officers.create', { ...TECH, roles: ['technician'] });

      // The counter officer reads whether the station is on trip, and may not prepare, back up or finish one.
      const officer = st.session();
      await officer.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
      expect(await officer.ok<TripView>('trip.status')).toMatchObject({ onTrip: false, paired: true, trip: null });
      expect(await reason(officer, 'trip.prepare', { from: '2026-12-14', to: '2026-12-16' })).toBe('forbidden');
      expect(await reason(officer, 'trip.backup', { dir: tempDir() })).toBe('forbidden');
      expect(await reason(officer, 'trip.finish', {})).toBe('forbidden');
      expect(await reason(officer, 'trip.drives', {})).toBe('forbidden');

      const tech = st.session();
      await tech.ok('auth.login', { nip: TECH.nip, password: TECH.password });
      expect(await reason(tech, 'trip.backup', { dir: tempDir() })).toBe('trip_not_started');
      expect(await reason(tech, 'trip.finish', {})).toBe('trip_not_started');
      expect(await reason(tech, 'trip.prepare', { from: '2026-12-16', to: '2026-12-14' })).toBe('trip_dates_invalid');
      expect(await officer.ok<TripView>('trip.status')).toMatchObject({ onTrip: false });

      const prepared = await tech.ok<TripView>('trip.prepare', { from: '2026-12-14', to: '2026-12-16' });
      expect(prepared).toMatchObject({ onTrip: true, waiting: 0, trip: { from: '2026-12-14', to: '2026-12-16', bookings: 2, lastBackup: null } });
      // The key the screen shows is the office's, as its key file names it.
      const keyFile = path.join(officeDir, BACKUP_KEY_FILE);
      const publicKey = /# public key: (age1\w+)/.exec(readFileSync(keyFile, 'utf8'))![1]!;
      expect(prepared.trip?.backupRecipient).toBe(publicKey);
      expect(prepared.backupKey).toBe(`${publicKey.slice(0, 12)}…${publicKey.slice(-8)}`);
      const day = await officer.ok<QueueView>('queue.view', { date: '2026-12-14' });
      expect(day.rows.map((r) => r.id)).toEqual([inTrip[0]]);
      expect((await officer.ok<TripView>('trip.status')).onTrip).toBe(true);

      // On the road: no link; a walk-in registered at the unit.
      link.dropAfter(0);
      const walkIn = await officer.ok<{ id: string }>('queue.addWalkIn', WALK_IN);
      const waiting = (await tech.ok<TripView>('trip.status')).waiting;
      expect(waiting).toBeGreaterThan(0);

      // A drive that is not there, or a path that is not a directory: a reason, nothing written.
      expect(await reason(tech, 'trip.backup', { dir: path.join(tempDir(), 'not-plugged-in') })).toBe('trip_backup_dir_missing');
      expect(await reason(tech, 'trip.backup', { dir: 'relative/dir' })).toBe('trip_backup_dir_invalid');

      const usb = tempDir('loket-usb-');
      const out = await tech.ok<TripBackupView>('trip.backup', { dir: usb });
      expect(path.dirname(out.file)).toBe(usb);
      expect(out.changes).toBe(waiting);
      const sealed = readFileSync(out.file);
      expect(sealed.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
      expect(sealed.includes(Buffer.from(WALK_IN.nik))).toBe(false);
      const lines = openWithAgeCli(keyFile, out.file);
      const { stationId } = await admin.ok<SetupStatus>('setup.status');
      expect(lines[0]).toMatchObject({ kind: 'loket-unsynced-backup', stationId, changes: waiting });
      expect(lines.length).toBe(1 + waiting);
      expect(JSON.stringify(lines.slice(1))).toContain(WALK_IN.nik);
      expect((await tech.ok<TripView>('trip.status')).trip?.lastBackup).toMatchObject({ file: out.file, changes: waiting, blobs: 0 });

      // Back at the office, but the link is still down: it says so and the trip goes on.
      expect(await reason(tech, 'trip.finish', {})).toBe('office_unreachable');
      expect(await tech.ok<TripView>('trip.status')).toMatchObject({ onTrip: true, waiting });

      // The link is back: pressed again, the trip ends, with a second backup written first.
      link.restore();
      const done = await tech.ok<TripView>('trip.finish', { backupDir: usb });
      expect(done).toMatchObject({ onTrip: false, waiting: 0, trip: null, backupKey: null });
      const { rows } = await o.pool.query<{ n: string }>('SELECT count(*) AS n FROM changes WHERE station_id = $1', [stationId]);
      expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(waiting);
      await counter.link.sync();
      expect(counter.store.appointments.getById(walkIn.id)).toMatchObject({ nik: WALK_IN.nik });
    } finally {
      await st.close();
      await link.close();
    }
  }, 120_000);
});
