// The print operator through the station's contract, on a demo station (approved applications
// with a drawn portrait, a delivery of blank books per series, the simulated IPP passport
// printer and the simulated full-page MRZ reader): the serial check before anything prints,
// printing with the serial as the passport number, a jam with the book spoiled and the job
// re-queued, the quality check passing and failing, roles, and the reconciliation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICER, openTestStation } from '../../helpers/station';
import type { TestSession, TestStation } from '../../helpers/station';
import type { AppointmentRow, AuditRow, DeviceSlot, SessionInfo } from '../../../electron/contract-types';
import type { PrintJobView, PrintQueueView, QcView, Reconciliation, StockOverview } from '../../../electron/issuance-types';
import { DEMO_APPROVED, DEMO_BOOKS_PER_SERIES } from '../../../electron/services/demo-issuance';
import { localDate } from '../../../domain/dates';
import { until } from '../../helpers/until';

let t: TestStation;
let s: TestSession;
const PRINT = { name: 'Dian Cetak', nip: '199105052016052005', password: 'rahasia-cetak-5' };

beforeEach(async () => {
  t = await openTestStation({ demo: true, start: new Date() });
  const admin = t.session();
  await admin.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await admin.ok('officers.create', { ...PRINT, roles: ['print', 'supervisor'] });
  s = t.session();
  await s.ok('auth.login', { nip: PRINT.nip, password: PRINT.password });
}, 60_000);
afterEach(async () => { await t.close(); });

const queue = () => s.ok<PrintQueueView>('issuance.queue');
const firstOf = async (type: 'ordinary' | 'electronic') => (await queue()).waiting.find((w) => w.appointment.passportType === type)!.appointment;
const serialFor = (type: 'ordinary' | 'electronic', n: number) => `${type === 'electronic' ? 'C' : 'B'}${String(n).padStart(7, '0')}`;
const app = (id: string) => s.ok<AppointmentRow>('queue.get', { id });

describe('the print queue', { timeout: 90_000 }, () => {
  it('lists the approved applications oldest first, and the stock received', async () => {
    const q = await queue();
    expect(q.waiting).toHaveLength(DEMO_APPROVED);
    expect(q.waiting.map((w) => w.approvedAt)).toEqual([...q.waiting.map((w) => w.approvedAt)].sort());
    const o = await s.ok<StockOverview>('stock.overview');
    expect(o.counts).toMatchObject({ in_stock: 2 * DEMO_BOOKS_PER_SERIES, assigned: 0, printed: 0 });
    expect(o.next.find((n) => n.series === 'elektronik')?.serials[0]).toBe('C0000001');
  });

  it('prints nothing for an unknown serial, a book not in stock or a book of the wrong series', async () => {
    const a = await firstOf('electronic');
    expect(await s.call('issuance.print', { appointmentId: a.id, serial: 'C9999999' })).toMatchObject({ ok: false, error: { code: 'bad_input', params: { reason: 'serial_unknown' }, field: 'serial' } });
    expect(await s.call('issuance.print', { appointmentId: a.id, serial: 'B0000001' })).toMatchObject({ ok: false, error: { code: 'bad_input', params: { reason: 'serial_wrong_series', example: 'C1234567' } } });
    expect((await app(a.id)).status).toBe('approved');
    expect((await s.ok<StockOverview>('stock.overview')).counts).toMatchObject({ in_stock: 2 * DEMO_BOOKS_PER_SERIES, assigned: 0 });
    // A book already used is refused by its state.
    await s.ok('issuance.print', { appointmentId: a.id, serial: 'c000-0001' });
    const b = (await queue()).waiting.find((w) => w.appointment.passportType === 'electronic')!.appointment;
    expect(await s.call('issuance.print', { appointmentId: b.id, serial: 'C0000001' })).toMatchObject({ ok: false, error: { params: { reason: 'serial_not_in_stock', state: 'printed' } } });
  });

  it('prints the serial as the passport number, moves book and application to printed, and the check passes', async () => {
    const a = await firstOf('electronic');
    const job = await s.ok<PrintJobView>('issuance.print', { appointmentId: a.id, serial: 'C0000001' });
    expect(job).toMatchObject({ state: 'printed', serial: 'C0000001', qcPassed: null });
    expect(job.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await app(a.id)).status).toBe('printed');
    expect((await s.ok<StockOverview>('stock.overview')).counts).toMatchObject({ in_stock: 2 * DEMO_BOOKS_PER_SERIES - 1, printed: 1 });
    expect((await queue()).open.map((j) => j.id)).toEqual([job.id]);
    const qc = await s.ok<QcView>('issuance.check', { jobId: job.id });
    expect(qc).toMatchObject({ passed: true, mismatches: [], job: { qcPassed: true } });
    expect((await queue()).open).toEqual([]);
    expect(await s.call('issuance.check', { jobId: job.id })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'qc_done' } } });
    const history = await s.ok<{ action: string }[]>('application.history', { id: a.id });
    expect(history.map((h) => h.action).slice(-2)).toEqual(['startPrint', 'printed']);
    // Sent by post, the book leaves the stock with the passport: printed → issued.
    await s.ok('issuance.dispatch', {
      appointmentId: a.id, address: 'Jl. Gajah Mada No. 12, Denpasar 80112', courier: 'Pos Indonesia', trackingNumber: 'RR123456789ID', dispatchDate: localDate(new Date()),
    });
    expect((await app(a.id)).status).toBe('dispatched');
    expect((await s.ok<StockOverview>('stock.overview')).counts).toMatchObject({ printed: 0, issued: 1 });
  });

  it('a jam mid-print: the operator spoils the book, the application waits again and prints on the next book', async () => {
    const a = await firstOf('ordinary');
    await s.ok('devices.simulate', { id: 'printer-sim', action: 'fault', variant: 'media-jam' });
    const printing = s.ok<PrintJobView>('issuance.print', { appointmentId: a.id, serial: serialFor('ordinary', 1) });
    await until(() => s.events.find((e) => e.event === 'device.status' && (e.payload as DeviceSlot).message?.key === 'device.ipp.mediaJam'));
    expect((await app(a.id)).status).toBe('printing');
    await s.ok('devices.simulate', { id: 'printer-sim', action: 'fault', variant: 'clear' });
    const failed = await printing;
    expect(failed).toMatchObject({ state: 'failed', message: { key: 'device.ipp.jobAborted' } });
    expect((await queue()).open.map((j) => j.id)).toContain(failed.id);
    // Not while the printer still has it: only now, after the verdict.
    const spoiled = await s.ok<PrintJobView>('issuance.spoil', { jobId: failed.id, reason: 'jam' });
    expect(spoiled.state).toBe('spoiled');
    expect((await app(a.id)).status).toBe('approved');
    expect((await s.ok<StockOverview>('stock.overview')).counts).toMatchObject({ spoiled: 1, assigned: 0 });
    expect((await queue()).waiting.map((w) => w.appointment.id)).toContain(a.id);
    const again = await s.ok<PrintJobView>('issuance.print', { appointmentId: a.id, serial: serialFor('ordinary', 2) });
    expect(again.state).toBe('printed');
  });

  it('a failed job whose book is still blank puts the book back in stock and the application in the queue', async () => {
    const a = await firstOf('ordinary');
    await s.ok('devices.simulate', { id: 'printer-sim', action: 'fault', variant: 'media-jam' });
    const printing = s.ok<PrintJobView>('issuance.print', { appointmentId: a.id, serial: serialFor('ordinary', 5) });
    await until(() => s.events.find((e) => e.event === 'device.status' && (e.payload as DeviceSlot).message?.key === 'device.ipp.mediaJam'));
    await s.ok('devices.simulate', { id: 'printer-sim', action: 'fault', variant: 'clear' });
    const failed = await printing;
    expect(await s.ok<PrintJobView>('issuance.requeue', { jobId: failed.id })).toMatchObject({ state: 'released' });
    expect((await app(a.id)).status).toBe('approved');
    expect((await s.ok<StockOverview>('stock.overview')).counts).toMatchObject({ in_stock: 2 * DEMO_BOOKS_PER_SERIES, spoiled: 0 });
    expect(await s.call('issuance.requeue', { jobId: failed.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a QC mismatch blocks the book: it can only be spoiled as qc_failed, and the application waits for a new book', async () => {
    const a = await firstOf('electronic');
    const job = await s.ok<PrintJobView>('issuance.print', { appointmentId: a.id, serial: 'C0000003' });
    // The page that comes out of the printer carries a misprinted passport number.
    const page = job.mrz!;
    expect(page[1].startsWith('C0000003')).toBe(true);
    await s.ok('devices.simulate', { id: 'mrz-sim', action: 'feed_page', lines: [page[0], page[1].replace('C0000003', 'C0000008')] });
    const qc = await s.ok<QcView>('issuance.check', { jobId: job.id });
    expect(qc.passed).toBe(false);
    expect(qc.mismatches.map((m) => m.field)).toEqual(['documentNumber', 'checkDigits']);
    expect(qc.job.qcPassed).toBe(false);
    expect(await s.call('issuance.requeue', { jobId: job.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await s.call('issuance.spoil', { jobId: job.id, reason: 'jam' })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'reason' } });
    expect(await s.call('issuance.spoil', { jobId: job.id, reason: 'qc_failed' })).toMatchObject({ ok: true, value: { state: 'spoiled' } });
    expect((await s.ok<StockOverview>('stock.overview')).counts).toMatchObject({ spoiled: 1, printed: 0 });
    expect((await app(a.id)).status).toBe('approved');
    const audit = await adminAudit();
    const check = audit.find((r) => r.action === 'issuance.check');
    expect(check?.detail).toMatchObject({ passed: false, fields: ['documentNumber', 'checkDigits'] });
    // The audit names fields, never the applicant's data.
    expect(JSON.stringify(check?.detail)).not.toContain(a.fullName.split(' ')[0]);
  });

  it('only the print operator and the supervisor print; a counter officer is refused', async () => {
    const admin = t.session();
    await admin.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    await admin.ok('officers.create', { ...OFFICER, roles: ['counter'] });
    const c = t.session();
    await c.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    const a = await firstOf('electronic');
    for (const [m, i] of [['issuance.queue', {}], ['issuance.print', { appointmentId: a.id, serial: 'C0000001' }], ['stock.receive', { reference: 'HQ/1', series: 'elektronik', first: 'C0000100', last: 'C0000101' }], ['stock.reconciliation', { day: '2026-12-07' }]] as const) {
      expect(await c.call(m, i)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('stock and the day\'s reconciliation', { timeout: 90_000 }, () => {
  it('receives a range once, refuses serials already known or outside the series', async () => {
    const d = await s.ok<{ count: number }>('stock.receive', { reference: 'SP/HQ/2026/12/001', series: 'elektronik', first: 'C0000100', last: 'C0000149' });
    expect(d.count).toBe(50);
    expect(await s.call('stock.receive', { reference: 'SP/HQ/2026/12/002', series: 'elektronik', first: 'C0000149', last: 'C0000150' })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'serials_known', serial: 'C0000149' } } });
    expect(await s.call('stock.receive', { reference: 'SP/HQ/2026/12/003', series: 'elektronik', first: 'B0000100', last: 'B0000101' })).toMatchObject({ ok: false, error: { code: 'bad_input', params: { reason: 'serial_series' } } });
    expect((await s.ok<StockOverview>('stock.overview')).counts.in_stock).toBe(2 * DEMO_BOOKS_PER_SERIES + 50);
  });

  it('balances the day and finds the serial skipped in the pile', async () => {
    const day = localDate(t.clock.now);
    const before = await s.ok<Reconciliation>('stock.reconciliation', { day });
    expect(before).toMatchObject({ opening: 2 * DEMO_BOOKS_PER_SERIES, received: 0, closing: 2 * DEMO_BOOKS_PER_SERIES, balanced: true, gaps: [] });
    const q = (await queue()).waiting.filter((w) => w.appointment.passportType === 'electronic');
    await s.ok('issuance.print', { appointmentId: q[0]!.appointment.id, serial: 'C0000001' });
    await s.ok('issuance.print', { appointmentId: q[1]!.appointment.id, serial: 'C0000003' }); // C0000002 skipped
    const r = await s.ok<Reconciliation>('stock.reconciliation', { day });
    expect(r).toMatchObject({ opening: 80, received: 0, printed: 2, spoiled: 0, returned: 0, closing: 78, onHand: 78, balanced: true, gaps: ['C0000002'] });
    const csv = await s.ok<{ fileName: string; csv: string }>('stock.reconciliationCsv', { day });
    expect(csv.fileName).toBe(`rekonsiliasi-buku-${day}.csv`);
    expect(csv.csv).toContain('gap,C0000002\r\n');
  });
});

describe('configuration and the passports not collected', { timeout: 90_000 }, () => {
  it('lists a printed passport not issued after the configured days, with the phone', async () => {
    const a = await firstOf('electronic');
    await s.ok('issuance.print', { appointmentId: a.id, serial: 'C0000010' });
    expect(await s.ok('stock.uncollected')).toEqual([]);
    t.clock.advanceMinutes(31 * 24 * 60);
    // A month later the idle lock has long closed the session.
    await s.call('auth.touch');
    await s.ok('auth.unlock', { nip: PRINT.nip, password: PRINT.password });
    expect(await s.ok('stock.uncollected')).toEqual([expect.objectContaining({ appointmentId: a.id, serial: 'C0000010', phone: a.phone, bookingCode: a.bookingCode, days: 31 })]);
    const admin = t.session();
    await admin.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    await admin.ok('stock.setConfig', { uncollectedDays: 45 });
    expect(await s.ok('stock.uncollected')).toEqual([]);
  });

  it('takes series patterns from the administrator only when each example fits its pattern', async () => {
    const admin = t.session();
    await admin.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    const bad = [{ id: 'e2027', passportType: 'electronic', pattern: 'E[0-9]{8}', example: 'E1234567' }];
    expect(await admin.call('stock.setConfig', { series: bad })).toMatchObject({ ok: false, error: { code: 'bad_input', params: { reason: 'series_example_mismatch', series: 'e2027' } } });
    const good = [{ ...bad[0]!, example: 'E12345678' }, { id: 'biasa', passportType: 'ordinary', pattern: '[AB][0-9]{7}', example: 'B1234567' }];
    const o = await admin.ok<StockOverview>('stock.setConfig', { series: good });
    expect(o.series.map((x) => x.id)).toEqual(['e2027', 'biasa']);
    // The electronic books of the old series no longer fit an electronic passport.
    const a = await firstOf('electronic');
    expect(await s.call('issuance.print', { appointmentId: a.id, serial: 'C0000001' })).toMatchObject({ ok: false, error: { params: { reason: 'serial_wrong_series', example: 'E12345678' } } });
    expect(await s.call('stock.setConfig', { uncollectedDays: 10 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

async function adminAudit(): Promise<AuditRow[]> {
  const admin = t.session();
  await admin.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
  return admin.ok<AuditRow[]>('audit.list', { limit: 100 });
}
