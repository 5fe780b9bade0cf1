// Pushed events reach only the sessions allowed to read the same data: the fingerprint
// capture and the MRZ reader's read go to the counter session that has the enrolment open,
// never to a technician, a print operator, a locked session or another counter's screen.
// A real station (real SQLite file, in-process simulators speaking the real protocols).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStation, ADMIN, type TestStation, type TestSession } from '../../helpers/station';
import type { AppointmentRow, CaptureView, SessionInfo } from '../../../electron/contract-types';

// ICAO Doc 9303 part 4 specimen (Anna Maria Eriksson), as a reader sends it.
const SPECIMEN = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

let t: TestStation;
beforeEach(async () => { t = await openTestStation({ demo: true, start: new Date() }); });
afterEach(async () => { await t.close(); });

const until = async (test: () => boolean, ms = 15_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const names = (s: TestSession) => s.events.map((e) => e.event);

async function loggedIn(admin: TestSession, nip: string, roles: string[]): Promise<TestSession> {
  const password = `sandi-${nip}`;
  await admin.ok('officers.create', { name: `Petugas ${nip.slice(-3)}`, nip, password, roles });
  const s = t.session();
  await s.ok<SessionInfo>('auth.login', { nip, password });
  return s;
}

describe('events carry the access rule of the method that reads the same data', () => {
  it('capture.state and mrz.read reach only the counter session with that enrolment open', async () => {
    const admin = t.session();
    await admin.ok('setup.createFirstAdmin', ADMIN);
    const counter = await loggedIn(admin, '199001012015011001', ['counter']);
    const otherCounter = await loggedIn(admin, '199001012015011002', ['counter']);
    const technician = await loggedIn(admin, '199001012015011003', ['technician']);
    const printer = await loggedIn(admin, '199001012015011004', ['print']);
    const lockedCounter = await loggedIn(admin, '199001012015011005', ['counter']);
    const walkIn = (nik: string, birthDate: string) => counter.ok<AppointmentRow>('queue.addWalkIn', {
      nik, fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate, sex: 'F', service: 'new', passportType: 'electronic', priority: [],
    });
    const mine = (await walkIn('3171014508900003', '1990-08-05')).id;
    const theirs = (await walkIn('3171014509900004', '1990-09-05')).id;
    await counter.ok('enrolment.open', { appointmentId: mine });
    await otherCounter.ok('enrolment.open', { appointmentId: theirs });
    await lockedCounter.ok('enrolment.open', { appointmentId: mine });
    await lockedCounter.ok('auth.lock');
    // Queue changes (walk-ins above) went to the roles that read the queue, not the technician.
    expect(names(printer)).toContain('queue.changed');
    expect(names(technician)).not.toContain('queue.changed');
    for (const s of [counter, otherCounter, technician, printer, lockedCounter]) s.events.length = 0;

    // The MRZ reader reads a passport: it belongs to the applicant on a counter screen.
    await counter.ok('devices.simulate', { id: 'mrz-sim', action: 'present_document', lines: SPECIMEN });
    await until(() => names(counter).includes('mrz.read'));
    expect(counter.events.find((e) => e.event === 'mrz.read')!.payload).toMatchObject({ lines: SPECIMEN });
    // The other counter has an enrolment open too: the reader on the desk serves both screens.
    await until(() => names(otherCounter).includes('mrz.read'));

    // A fingerprint capture of `mine`.
    await counter.ok('capture.start', { appointmentId: mine });
    await counter.ok('devices.simulate', { id: 'fingerprint-sim', action: 'place_finger', code: 'a', variant: 'clean' });
    await counter.ok('capture.action', { appointmentId: mine, action: 'retry' });
    await until(() => counter.events.some((e) => e.event === 'capture.state' && (e.payload as CaptureView).state === 'review'));
    expect(counter.events.some((e) => e.event === 'capture.state' && (e.payload as CaptureView).appointmentId === mine)).toBe(true);

    // Nobody else saw the image, nor (technician, print, locked) the MRZ.
    expect(names(otherCounter)).not.toContain('capture.state');
    for (const s of [technician, printer, lockedCounter]) {
      expect(names(s)).not.toContain('capture.state');
      expect(names(s)).not.toContain('mrz.read');
    }
    // A locked session receives nothing at all until it is unlocked.
    expect(lockedCounter.events).toEqual([]);
    // The device status is for every officer who is not locked: the technician sees it.
    expect(names(technician)).toContain('device.status');
  });

  it('a counter who left the enrolment, or was logged out, no longer receives its capture', async () => {
    const admin = t.session();
    const me = await admin.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
    await admin.ok('officers.update', { id: me.officerId, roles: ['admin', 'counter'] });
    const id = (await admin.ok<AppointmentRow>('queue.addWalkIn', {
      nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F', service: 'new', passportType: 'electronic', priority: [],
    })).id;
    const watcher = t.session();
    await watcher.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    await watcher.ok('enrolment.open', { appointmentId: id });
    await watcher.ok('capture.close', { appointmentId: id });
    const loggedOut = t.session();
    await loggedOut.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    await loggedOut.ok('enrolment.open', { appointmentId: id });
    await loggedOut.ok('auth.logout');
    watcher.events.length = 0;
    loggedOut.events.length = 0;

    await admin.ok('enrolment.open', { appointmentId: id });
    await admin.ok('capture.start', { appointmentId: id });
    await until(() => names(admin).includes('capture.state'));
    await admin.ok('devices.simulate', { id: 'mrz-sim', action: 'present_document', lines: SPECIMEN });
    await until(() => names(admin).includes('mrz.read'));
    expect(names(watcher)).not.toContain('capture.state');
    expect(names(watcher)).not.toContain('mrz.read');
    expect(loggedOut.events).toEqual([]);
  });
});
