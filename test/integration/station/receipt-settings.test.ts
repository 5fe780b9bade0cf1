// The receipt's office settings through the station's contract: the administrator reads and
// saves the office name, collection hours, the working days to collection, the closed
// weekdays and the office's own closures, and sees the collection date they give for an
// interview today. The expected dates are counted by hand on the 2026 calendar of the joint
// decree (SKB 3 Menteri): Monday 16 March 2026, with Nyepi and Idul Fitri that week.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICER, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import type { SessionInfo } from '../../../electron/contract-types';
import type { ReceiptSettingsView } from '../../../electron/receipt-settings-types';

let t: TestStation;
let s: TestSession;

beforeEach(async () => {
  // Monday 16 March 2026, 10:00 local time.
  t = await openTestStation({ start: new Date(2026, 2, 16, 10, 0, 0) });
  s = t.session();
  await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
});
afterEach(async () => { await t.close(); });

describe('receipt settings', () => {
  it('gives the collection date over weekends, national holidays and collective leave, and follows the office\'s changes', async () => {
    const d = await s.ok<ReceiptSettingsView>('receipts.settings');
    expect(d).toMatchObject({ officeName: 'Kantor Imigrasi', collectionWorkingDays: 4, closedOnCollectiveLeave: true, closedWeekdays: [0, 6], extraClosedDates: [] });
    // 17 Mar (1); 18 cuti Nyepi, 19 Nyepi, 20 cuti Idul Fitri, 21–22 weekend (and Idul Fitri), 23–24 cuti; 25 (2), 26 (3), 27 (4).
    expect(d.preview).toMatchObject({ interviewDate: '2026-03-16', collectionDate: '2026-03-27' });
    expect(d.preview.skipped.map((x) => `${x.date} ${x.kind}`)).toEqual([
      '2026-03-18 collective_leave', '2026-03-19 national', '2026-03-20 collective_leave', '2026-03-23 collective_leave', '2026-03-24 collective_leave',
    ]);

    // An office that stays open on collective leave: 17 (1), 18 (2), 20 (3), 23 (4).
    const open = await s.ok<ReceiptSettingsView>('receipts.setSettings', { closedOnCollectiveLeave: false });
    expect(open.preview.collectionDate).toBe('2026-03-23');

    // Back to closing on collective leave, with a regional holiday of its own on the 17th and
    // three working days: 25 (1), 26 (2), 27 (3).
    const own = await s.ok<ReceiptSettingsView>('receipts.setSettings', {
      officeName: 'Kantor Imigrasi Kelas I TPI Denpasar', collectionHours: ['Senin–Jumat 13.00–15.00 WITA', 'Sabtu 08.00–11.00 WITA'],
      closedOnCollectiveLeave: true, extraClosedDates: ['2026-03-17', '2026-03-17'], collectionWorkingDays: 3,
    });
    expect(own).toMatchObject({ officeName: 'Kantor Imigrasi Kelas I TPI Denpasar', extraClosedDates: ['2026-03-17'], preview: { collectionDate: '2026-03-27' } });
    expect(own.preview.skipped[0]).toEqual({ date: '2026-03-17', name: '', kind: 'office' });

    // Open on Saturdays too (a weekend service): 25 (1), 26 (2), 27 (3) — 28 March is then the fourth.
    const saturday = await s.ok<ReceiptSettingsView>('receipts.setSettings', { closedWeekdays: [0], collectionWorkingDays: 4 });
    expect(saturday.preview.collectionDate).toBe('2026-03-28');
    // Read back as saved (the settings are the station's, not the screen's).
    expect(await s.ok<ReceiptSettingsView>('receipts.settings')).toMatchObject({ closedWeekdays: [0], collectionWorkingDays: 4, collectionHours: ['Senin–Jumat 13.00–15.00 WITA', 'Sabtu 08.00–11.00 WITA'] });
  });

  it('refuses a date that does not exist, an office closed every day, and an officer who is not an administrator', async () => {
    expect(await s.call('receipts.setSettings', { extraClosedDates: ['2026-02-30'] })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await s.call('receipts.setSettings', { closedWeekdays: [0, 1, 2, 3, 4, 5, 6] })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await s.call('receipts.setSettings', { collectionHours: [] })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((await s.ok<ReceiptSettingsView>('receipts.settings')).extraClosedDates).toEqual([]);
    await s.ok('officers.create', { ...OFFICER, roles: ['counter', 'supervisor', 'head', 'print'] });
    const o = t.session();
    await o.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    expect(await o.call('receipts.settings')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await o.call('receipts.setSettings', { collectionWorkingDays: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The change is in the audit trail, without the values.
    await s.ok('receipts.setSettings', { officeAddress: 'Jl. D.I. Panjaitan No. 3, Denpasar' });
    const audit = await s.ok<{ action: string; detail: Record<string, unknown> }[]>('audit.list', { limit: 20 });
    expect(audit.find((a) => a.action === 'receipt.settings')?.detail).toEqual({ changed: ['officeAddress'] });
  });
});
