// Call next through real station sessions on a real SQLite file: the next checked-in
// applicant by priority, then time slot, then queue number; each applicant once; recorded
// (who, whom, which counter), audited; only counter officers and supervisors may call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICER, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import { toCsv, validRecords } from '../../helpers/appointment-files';
import type { AppointmentRow, AuditRow, DisplayAddress, QueueCallResult, QueueView, SetupStatus } from '../../../electron/contract-types';

let t: TestStation;
let admin: TestSession;
let s: TestSession;
let today: string;
beforeEach(async () => {
  t = await openTestStation();
  admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
  await admin.ok('officers.create', { ...OFFICER, roles: ['counter'] });
  s = t.session();
  await s.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
  today = (await s.ok<SetupStatus>('setup.status', {})).today;
});
afterEach(async () => { await t.close(); });

describe('call next', () => {
  it('calls by priority, then slot, then queue number; each applicant once', async () => {
    const records = validRecords(today, 6);
    records.forEach((r, i) => { r.time_slot = i < 3 ? '09:00-10:00' : '08:00-09:00'; });
    await s.ok('import.commit', { fileName: 'day.csv', content: toCsv(records) });
    const rows = (await s.ok<QueueView>('queue.view', { date: today })).rows;
    const code = (i: number) => records[i]!.booking_code!;
    const byCode = (c: string) => rows.find((r) => r.bookingCode === c)!;
    // Checked in: a 09:00 applicant first, then two 08:00 applicants; then an elderly walk-in.
    for (const i of [0, 4, 3]) await s.ok('queue.checkIn', { bookingCode: code(i) });
    const walkIn = await s.ok<AppointmentRow>('queue.addWalkIn', {
      nik: '3171014505500001', fullName: 'Sumarni', birthPlace: 'Jakarta', birthDate: '1950-05-05', sex: 'F',
      service: 'new', passportType: 'ordinary', priority: ['elderly'],
    });
    expect(walkIn.queueNumber).toBe(4);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) order.push((await s.ok<QueueCallResult>('queue.callNext', {})).row.id);
    // Priority first; then the 08:00 slot in the order of check-in (4 before 3); then 09:00.
    expect(order).toEqual([walkIn.id, byCode(code(4)).id, byCode(code(3)).id, byCode(code(0)).id]);
    expect(await s.call('queue.callNext', {})).toMatchObject({ ok: false, error: { code: 'not_found', params: { reason: 'nobody_waiting' } } });
    // Calling a chosen applicant again works (they did not come); a booked one cannot be called.
    const again = await s.ok<QueueCallResult>('queue.call', { id: byCode(code(0)).id });
    expect(again.call).toMatchObject({ queueNumber: 1, counter: '1' });
    expect(await s.call('queue.call', { id: byCode(code(1)).id })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'not_waiting' } } });
  });

  it('records the counter set on this PC and audits who called whom', async () => {
    await s.ok('import.commit', { fileName: 'day.csv', content: toCsv(validRecords(today, 2)) });
    const rows = (await s.ok<QueueView>('queue.view', { date: today })).rows;
    await s.ok('queue.checkIn', { bookingCode: rows[1]!.bookingCode });
    // Only an administrator or technician sets the counter; an officer may not.
    expect(await s.call('queue.setCounter', { counter: '7' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.call('queue.setCounter', { counter: 'x y' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await admin.ok<DisplayAddress>('queue.setCounter', { counter: '7' })).toMatchObject({ counter: '7' });
    const r = await s.ok<QueueCallResult>('queue.callNext', {});
    expect(r.call).toMatchObject({ queueNumber: 1, counter: '7' });
    const audit = await admin.ok<AuditRow[]>('audit.list', { limit: 50 });
    const entry = audit.find((a) => a.action === 'queue.call');
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).toContain(rows[1]!.id);
    expect(JSON.stringify(entry)).not.toContain(rows[1]!.fullName);
  });

  it('is refused to roles that do not serve applicants', async () => {
    await admin.ok('officers.create', { name: 'Cetak', nip: '199101012015011001', password: 'rahasia-cetak-1', roles: ['print'] });
    const p = t.session();
    await p.ok('auth.login', { nip: '199101012015011001', password: 'rahasia-cetak-1' });
    expect(await p.call('queue.callNext', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await p.call('queue.displayAddress', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
