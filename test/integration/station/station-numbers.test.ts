// The day in numbers, from a day built through the station's own contract at an office in
// WIB (UTC+7): applicants booked, checked in, enrolled with the simulated devices and
// submitted by two officers, one returned with a reason, one cancelled, a priority walk-in.
// Every figure is checked against what was done, minute by minute.
process.env.TZ = 'Asia/Jakarta';
import jpeg from 'jpeg-js';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppointmentRow, CaptureView, DayNumbers, OfficerRow, QueueView } from '../../../electron/contract-types';
import { toCsv, validRecords } from '../../helpers/appointment-files';
import { ADMIN, OFFICER, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import { answerIdentityAndDetails } from '../../helpers/enrolment-steps';
import { until } from '../../helpers/until';
import { completeServiceParts } from '../../helpers/service-parts';

const DAY = '2026-11-23';
const SECOND = { name: 'Rudi Loket', nip: '199105052016011004', password: 'rahasia-loket-4' };
const HEAD = { name: 'Kepala Kantor', nip: '197505052000031003', password: 'rahasia-kepala-3' };
let t: TestStation;
let admin: TestSession;

const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+07:00`);

async function loginAs(who: { nip: string; password: string }): Promise<TestSession> {
  const s = t.session();
  await s.ok('auth.login', { nip: who.nip, password: who.password });
  return s;
}

/** A complete enrolment with the simulated devices: four fingers, a photo, the KTP. */
async function enrolAndSubmit(s: TestSession, appointmentId: string, openAt: string, submitAt: string): Promise<void> {
  t.clock.now = at(openAt);
  await s.ok('enrolment.open', { appointmentId });
  await s.ok('capture.start', { appointmentId });
  for (const name of ['a', 'b', 'c', 'd']) {
    await s.ok('devices.simulate', { id: 'fingerprint-sim', action: 'place_finger', code: `${appointmentId}-${name}`, variant: 'clean' });
    const before = s.events.length;
    await s.ok('capture.action', { appointmentId, action: 'retry' });
    await until(() => s.events.slice(before).filter((e) => e.event === 'capture.state').map((e) => e.payload as CaptureView)
      .find((p) => p.state === 'review' || p.state === 'done' || p.state === 'error'));
    await s.ok('devices.simulate', { id: 'fingerprint-sim', action: 'lift_finger' });
  }
  const [w, h] = [300, 400];
  const jpegBase64 = Buffer.from(jpeg.encode({ data: Buffer.alloc(w * h * 4, 180), width: w, height: h }, 85).data).toString('base64');
  await s.ok('photo.save', { appointmentId, jpegBase64, width: w, height: h, camera: 'test', checks: {} });
  await s.ok('documents.scan', { appointmentId, docType: 'ktp' });
  await answerIdentityAndDetails(s, appointmentId);
  await completeServiceParts(s.ok.bind(s) as never, appointmentId);
  t.clock.now = at(submitAt);
  await s.ok('enrolment.submit', { appointmentId });
}

beforeEach(async () => {
  t = await openTestStation({ simulators: true, start: at('07:30') });
  admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
  // The clock jumps by tens of minutes between steps; no session should lock meanwhile.
  await admin.ok('settings.update', { idleLockMinutes: 240 });
  for (const o of [{ ...OFFICER, roles: ['counter'] }, { ...SECOND, roles: ['counter'] }, { ...HEAD, roles: ['head'] }, { name: 'Penyelia Satu', nip: '198207072008011005', password: 'rahasia-penyelia-5', roles: ['supervisor'] }]) {
    await admin.ok<OfficerRow>('officers.create', o);
  }
  await admin.ok('officers.update', { id: (await admin.ok<OfficerRow[]>('officers.list')).find((o) => o.nip === ADMIN.nip)!.id, roles: ['admin', 'counter'] });
  const records = validRecords(DAY, 5).map((r) => ({ ...r }));
  await admin.ok('import.commit', { fileName: 'day.csv', content: toCsv(records) });
}, 60_000);
afterEach(async () => { await t.close(); });

describe('the day in numbers', () => {
  it('counts the day, times the enrolments, follows the approval backlog hour by hour', async () => {
    const first = await loginAs(OFFICER);
    const second = await loginAs(SECOND);
    const supervisor = await loginAs({ nip: '198207072008011005', password: 'rahasia-penyelia-5' });
    const rows = (await admin.ok<QueueView>('queue.view', { date: DAY })).rows;
    const [a, b, c, d] = rows as [AppointmentRow, AppointmentRow, AppointmentRow, AppointmentRow];

    t.clock.now = at('09:00'); await first.ok('application.checkIn', { id: a.id });
    t.clock.now = at('09:05'); await second.ok('application.checkIn', { id: b.id });
    t.clock.now = at('09:07'); await first.ok('application.checkIn', { id: c.id });
    await enrolAndSubmit(first, a.id, '09:10', '09:30'); // 20 min enrolling, 30 min from check-in
    await enrolAndSubmit(second, b.id, '09:40', '10:10'); // 30 min enrolling, 65 min from check-in
    t.clock.now = at('10:30'); await supervisor.ok('review.return', { appointmentId: a.id, reason: 'photo', note: 'Foto buram' });
    t.clock.now = at('10:45'); await admin.ok('application.cancel', { id: d.id, reason: 'Pemohon membatalkan' });
    t.clock.now = at('11:00');
    await admin.ok('queue.addWalkIn', {
      nik: '3171014505500001', fullName: 'Sumarni', birthPlace: 'Jakarta', birthDate: '1950-05-05', sex: 'F',
      service: 'new', passportType: 'ordinary', priority: ['elderly'],
    });
    t.clock.now = at('12:10');

    const head = await loginAs(HEAD);
    const n = await head.ok<DayNumbers>('numbers.day', { day: DAY });
    expect(n).toMatchObject({ day: DAY, booked: 5, checkedIn: 3, cancelled: 1, notArrived: 1, walkIns: 1, priority: 1, servedTotal: 2 });
    expect(n.served.reduce((s, x) => s + x.count, 0)).toBe(2);
    expect(n.served).toEqual(expect.arrayContaining([{ service: a.service, passportType: a.passportType, count: a.service === b.service && a.passportType === b.passportType ? 2 : 1 }]));
    expect(n.enrolmentMinutes).toEqual({ median: 20, p90: 30, count: 2 });
    expect(n.checkInToSubmitMinutes).toEqual({ median: 30, p90: 65, count: 2 });
    expect(n.returns).toEqual([{ reason: 'photo', count: 1 }]);
    expect(n.perOfficer).toEqual(expect.arrayContaining([{ officerName: OFFICER.name, count: 1 }, { officerName: SECOND.name, count: 1 }]));
    // Waiting at the end of each hour (WIB): one from 09:30, a second at 10:10, one returned at 10:30.
    expect(n.backlog.slice(0, 6)).toEqual([
      { hour: '07:00', waiting: 0 }, { hour: '08:00', waiting: 0 }, { hour: '09:00', waiting: 1 },
      { hour: '10:00', waiting: 1 }, { hour: '11:00', waiting: 1 }, { hour: '12:00', waiting: 1 },
    ]);
    // Today stops at the current hour.
    expect(n.backlog.at(-1)!.hour).toBe('12:00');
    // Fingers: four captured per enrolment, first time each.
    expect(n.fingers.reduce((s, f) => s + f.captured, 0)).toBe(8);
    expect(n.fingers.every((f) => f.retries === 0 && f.exceptions === 0)).toBe(true);

    const x = await supervisor.ok<{ fileName: string; csv: string }>('numbers.export', { day: DAY });
    const parsed = Papa.parse<{ figure: string; key: string; value: string }>(x.csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.find((r) => r.figure === 'enrolment_minutes' && r.key === 'p90')?.value).toBe('30');
    expect(parsed.data.find((r) => r.figure === 'returns')).toEqual({ figure: 'returns', key: 'photo', value: '1' });

    // A counter officer does not read the numbers; a bad day is refused.
    expect(await first.call('numbers.day', { day: DAY })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await head.call('numbers.day', { day: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  }, 120_000);
});
