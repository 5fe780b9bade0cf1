// Importing the day's appointments, the queue screen's view, walk-ins and status changes,
// through real station sessions on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICER, counterOfficerSession, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import { toCsv, validRecords } from '../../helpers/appointment-files';
import type { AppointmentRow, ImportPreview, ImportResult, QueueView } from '../../../electron/contract-types';

const DAY = '2026-11-23';
let t: TestStation;
let s: TestSession;
beforeEach(async () => {
  t = await openTestStation();
  s = await counterOfficerSession(t);
});
afterEach(async () => { await t.close(); });

const view = (input: Record<string, unknown> = {}) => s.ok<QueueView>('queue.view', { date: DAY, ...input });

describe('import', () => {
  it('imports a clean CSV (BOM, ;, CRLF, quoted fields) and the same file again changes nothing', async () => {
    const rows = validRecords(DAY, 40);
    rows[0]!.full_name = 'SITI "UCI" NURHALIZA; S.PD';
    const csv = toCsv(rows);
    const preview = await s.ok<ImportPreview>('import.preview', { fileName: 'booking.csv', content: csv });
    expect(preview).toMatchObject({ format: 'csv', totalRows: 40, validRows: 40, invalidRows: 0, unchangedRows: 0, issues: [] });
    expect(await s.ok<ImportResult>('import.commit', { fileName: 'booking.csv', content: csv })).toEqual({ inserted: 40, updated: 0, unchanged: 0, skippedInvalid: 0 });
    expect(s.events.some((e) => e.event === 'queue.changed')).toBe(true);
    const v = await view();
    expect(v.total).toBe(40);
    expect(v.counts).toEqual({ booked: 40 });
    expect(v.rows.map((r) => r.fullName)).toContain('SITI "UCI" NURHALIZA; S.PD');

    const before = JSON.stringify((await view()).rows);
    expect(await s.ok<ImportPreview>('import.preview', { fileName: 'booking.csv', content: csv })).toMatchObject({ unchangedRows: 40 });
    expect(await s.ok<ImportResult>('import.commit', { fileName: 'booking.csv', content: csv })).toEqual({ inserted: 0, updated: 0, unchanged: 40, skippedInvalid: 0 });
    expect(JSON.stringify((await view()).rows)).toBe(before);
  });

  it('reports bad rows per row and field, imports nothing unless asked, then only the valid rows', async () => {
    const rows = validRecords(DAY, 6);
    rows[1]!.nik = '12345'; // not 16 digits
    rows[2]!.birth_date = '1990-02-30'; // no such day
    rows[3]!.sex = rows[3]!.sex === 'M' ? 'F' : 'M'; // NIK says otherwise
    rows[4]!.service = 'express';
    const csv = toCsv(rows);
    const p = await s.ok<ImportPreview>('import.preview', { fileName: 'b.csv', content: csv });
    expect(p).toMatchObject({ totalRows: 6, validRows: 2, invalidRows: 4 });
    expect(p.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 3, field: 'nik', code: 'nik_format' }),
      expect.objectContaining({ row: 4, field: 'birth_date', code: 'date_invalid' }),
      expect.objectContaining({ row: 5, field: 'nik', code: 'nik_sex_mismatch' }),
      expect.objectContaining({ row: 6, field: 'service', code: 'enum' }),
    ]));
    expect(await s.call('import.commit', { fileName: 'b.csv', content: csv })).toMatchObject({ ok: false, error: { code: 'import_invalid', params: { invalidRows: 4 } } });
    expect((await view()).total).toBe(0);
    expect(await s.ok<ImportResult>('import.commit', { fileName: 'b.csv', content: csv, acceptValidRows: true })).toEqual({ inserted: 2, updated: 0, unchanged: 0, skippedInvalid: 4 });
    expect((await view()).total).toBe(2);
  });

  it('takes JSON, and a changed booking updates the row but keeps its status', async () => {
    const rows = validRecords(DAY, 3);
    await s.ok('import.commit', { fileName: 'a.json', content: JSON.stringify(rows) });
    const first = (await view()).rows.find((r) => r.bookingCode === rows[0]!.booking_code)!;
    await s.ok('queue.checkIn', { bookingCode: first.bookingCode });
    rows[0]!.time_slot = '15:00-16:00';
    const r = await s.ok<ImportResult>('import.commit', { fileName: 'a.json', content: JSON.stringify({ appointments: rows }) });
    expect(r).toEqual({ inserted: 0, updated: 1, unchanged: 2, skippedInvalid: 0 });
    expect(await s.ok<AppointmentRow>('queue.get', { id: first.id })).toMatchObject({ timeSlot: '15:00-16:00', status: 'checked_in' });
  });

  it('says what is wrong with a file that is not an appointment list', async () => {
    expect(await s.ok<ImportPreview>('import.preview', { fileName: 'x.csv', content: 'a;b\n1;2\n' })).toMatchObject({ fileError: { code: 'missing_columns' } });
    expect(await s.ok<ImportPreview>('import.preview', { fileName: 'x.json', content: '{"not": "a list"' })).toMatchObject({ fileError: { code: 'file_unreadable' } });
    expect(await s.ok<ImportPreview>('import.preview', { fileName: 'x.csv', content: '' })).toMatchObject({ fileError: { code: 'file_empty' } });
    expect(await s.call('import.commit', { fileName: 'x.csv', content: 'a;b\n1;2\n', acceptValidRows: true })).toMatchObject({ ok: false, error: { code: 'import_invalid' } });
  });
});

describe('queue', () => {
  beforeEach(async () => {
    await s.ok('import.commit', { fileName: 'a.csv', content: toCsv(validRecords(DAY, 30)) });
  });

  it('searches as you type by any part of a booking code, NIK or name', async () => {
    const all = (await view()).rows;
    const target = all[7]!;
    expect((await view({ query: target.bookingCode.slice(0, 8).toLowerCase() })).rows.map((r) => r.id)).toContain(target.id);
    const byNik = await view({ query: target.nik.slice(0, 10) });
    expect(byNik.rows.every((r) => r.nik.includes(target.nik.slice(0, 10)))).toBe(true);
    expect(byNik.rows.map((r) => r.id)).toContain(target.id);
    const word = target.fullName.split(' ').at(-1)!.slice(0, 3).toLowerCase();
    const byName = await view({ query: word });
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byName.rows.every((r) => r.fullName.toLowerCase().includes(word))).toBe(true);
    // The last four characters of a code, as people read them out.
    expect((await view({ query: target.bookingCode.slice(-4) })).rows.map((r) => r.id)).toContain(target.id);
    expect((await view({ query: 'zzzz-nobody' })).rows).toEqual([]);
  });

  it('finds an applicant booked on another day when asked to search every day', async () => {
    const other: Record<string, string>[] = validRecords('2026-11-20', 3, 99).map((r) => ({ ...r, booking_code: `OLD${r.booking_code}` }));
    await s.ok('import.commit', { fileName: 'old.csv', content: toCsv(other) });
    const code = other[1]!.booking_code!;
    expect((await view({ query: code })).rows).toEqual([]);
    const all = await view({ query: code.slice(0, 10).toLowerCase(), scope: 'all' });
    expect(all.rows.map((r) => r.bookingCode)).toContain(code);
    const byName = await view({ query: other[1]!.full_name!.slice(0, 4), scope: 'all' });
    expect(byName.rows.some((r) => r.appointmentDate === '2026-11-20')).toBe(true);
    // The day's matches first (with the screen's filters), then the other days'.
    const bySuffix = await view({ query: code.slice(-4), scope: 'all' });
    expect(bySuffix.rows.map((r) => r.bookingCode)).toContain(code);
    const dates = bySuffix.rows.map((r) => r.appointmentDate);
    expect(dates.slice(0, dates.filter((d) => d === DAY).length).every((d) => d === DAY)).toBe(true);
  });

  it('filters by status and slot, counts per status, and a walk-in with priority goes first', async () => {
    const all = (await view()).rows;
    await s.ok('queue.checkIn', { bookingCode: all[0]!.bookingCode });
    expect(await s.call('queue.checkIn', { bookingCode: all[0]!.bookingCode })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'already_used' } } });
    expect(await s.call('queue.checkIn', { bookingCode: 'NOPE0001' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const v = await view({ statuses: ['checked_in'] });
    expect(v.rows.map((r) => r.id)).toEqual([all[0]!.id]);
    expect(v.counts).toEqual({ booked: 29, checked_in: 1 });
    const slot = v.slots[1]!;
    expect((await view({ slot })).rows.every((r) => r.timeSlot === slot)).toBe(true);

    const walkIn = await s.ok<AppointmentRow>('queue.addWalkIn', {
      nik: '3171014505500001', fullName: 'Sumarni', birthPlace: 'Jakarta', birthDate: '1950-05-05', sex: 'F',
      service: 'new', passportType: 'ordinary', priority: ['elderly'],
    });
    expect(walkIn).toMatchObject({ walkIn: true, priority: ['elderly'], status: 'checked_in' });
    expect((await view()).rows[0]!.id).toBe(walkIn.id);
    expect(await s.call('queue.addWalkIn', {
      nik: '3171010505500001', fullName: 'Sumarni', birthPlace: 'Jakarta', birthDate: '1950-05-05', sex: 'F',
      service: 'new', passportType: 'ordinary', priority: [],
    })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'nik' } });
  });

  it('moves an application only by its named steps, each with its own rule, and keeps the history', async () => {
    await s.ok('import.commit', { fileName: 'a.csv', content: toCsv(validRecords(DAY, 3)) });
    const row = (await view()).rows[0]!;
    // No generic status change exists any more.
    expect(await s.call('queue.setStatus', { id: row.id, status: 'approved' })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await s.call('application.reopen', { id: row.id, reason: 'salah batal' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.call('application.undoCheckIn', { id: row.id })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    await s.ok('application.checkIn', { id: row.id });
    await s.ok('enrolment.open', { appointmentId: row.id });
    // A counter officer cannot reach "awaiting approval" without a complete submit…
    expect(await s.call('enrolment.submit', { appointmentId: row.id })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'incomplete' } } });
    expect(await s.call('enrolment.resubmit', { appointmentId: row.id })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    // …nor approve anything: approval is the supervisor's.
    expect(await s.call('review.approve', { appointmentId: row.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await s.ok<AppointmentRow>('queue.get', { id: row.id })).status).toBe('in_enrolment');

    // Cancelling needs a reason, in the schema and in the history.
    expect(await s.call('application.cancel', { id: row.id })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'reason' } });
    expect(await s.call('application.cancel', { id: row.id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'reason' } });
    await s.ok('application.cancel', { id: row.id, reason: 'Pemohon membatalkan' });
    const history = await s.ok<{ action: string; from: string; to: string; reason: string | null; officerName: string }[]>('application.history', { id: row.id });
    expect(history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['checkIn', 'booked', 'checked_in'], ['openEnrolment', 'checked_in', 'in_enrolment'], ['cancel', 'in_enrolment', 'cancelled'],
    ]);
    expect(history[2]).toMatchObject({ reason: 'Pemohon membatalkan', officerName: OFFICER.name });
  });
});

describe('audit and outbox', () => {
  it('records officer actions in a chain that verifies', async () => {
    await s.ok('import.commit', { fileName: 'a.csv', content: toCsv(validRecords(DAY, 3)) });
    const admin = t.session();
    await admin.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    const log = await admin.ok<{ action: string }[]>('audit.list', { limit: 50 });
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['officer.create_first_admin', 'officer.create', 'login', 'import']));
    expect(await admin.ok('audit.verify')).toMatchObject({ ok: true });
  });
});
