// The data page printer through the station's contract, as the technician uses it: the demo
// station's simulated IPP passport printer is listed and tested (PDF, 125 × 88 mm), the
// calibration page comes back as a PDF with the offsets being tried, saved offsets apply to
// the next page and are audited, printing waits through a shortage of blank books and
// reports a jam, and only technicians may do any of it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICER, openTestStation } from '../../helpers/station';
import type { TestSession, TestStation } from '../../helpers/station';
import type { AuditRow, DeviceSlot, DevicesOverview, DeviceTestResult, PrinterPageView, PrinterPrintResult, SessionInfo } from '../../../electron/contract-types';
import { POPPLER_MISSING, hasPoppler, text, words } from '../../helpers/poppler';

if (!hasPoppler) console.warn(`station printer page tests skipped: ${POPPLER_MISSING}`);

let t: TestStation;
let s: TestSession;
const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return cond();
};
const slotSays = (key: string) => () => s.events.some((e) => e.event === 'device.status' && (e.payload as DeviceSlot).id === 'printer-sim' && (e.payload as DeviceSlot).message?.key === key);
const pdfOf = (p: PrinterPageView) => new Uint8Array(Buffer.from(p.pdfBase64, 'base64'));

beforeEach(async () => {
  t = await openTestStation({ demo: true, start: new Date() });
  s = t.session();
  const me = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'technician'] });
});
afterEach(async () => { await t.close(); });

describe('the passport printer for the technician', () => {
  it('lists the simulated IPP printer and tests it: reachable, takes PDF, has the passport page', async () => {
    const o = await s.ok<DevicesOverview>('devices.overview');
    const printer = o.devices.find((d) => d.id === 'printer-sim');
    expect(printer).toMatchObject({ kind: 'printer', driver: 'ipp', port: { kind: 'url' } });
    expect((printer!.port as { url: string }).url).toMatch(/^ipp:\/\/127\.0\.0\.1:\d+\/ipp\/print$/);
    expect(o.drivers.map((d) => d.name)).toEqual(expect.arrayContaining(['ipp', 'system-print']));
    const r = await s.ok<DeviceTestResult>('devices.test', { id: 'printer-sim' });
    expect(r).toMatchObject({ ok: true, identity: { media: 'om_passport_88x125mm' } });
    expect(r.checks.map((c) => [c.name, c.ok])).toEqual([['link', true], ['pdf', true], ['media', true], ['ready', true]]);
  });

  it.skipIf(!hasPoppler)('returns the calibration page with the offsets tried, and saved offsets apply next time', async () => {
    const plain = await s.ok<PrinterPageView>('printer.page', { id: 'printer-sim', page: 'calibration' });
    expect(plain.offset).toEqual({ x: 0, y: 0 });
    expect(text(pdfOf(plain))).toContain('KALIBRASI PRINTER PASPOR');
    const tried = await s.ok<PrinterPageView>('printer.page', { id: 'printer-sim', page: 'calibration', offsetX: 1.2, offsetY: -0.4 });
    expect(text(pdfOf(tried))).toContain('Offset X +1.2 mm · Y −0.4 mm · Printer paspor (simulasi)');

    const o = await s.ok<DevicesOverview>('printer.setOffsets', { id: 'printer-sim', x: 1.24, y: -0.4 });
    expect(o.devices.find((d) => d.id === 'printer-sim')?.settings).toMatchObject({ offsetXMm: 1.2, offsetYMm: -0.4 });
    const sample = await s.ok<PrinterPageView>('printer.page', { id: 'printer-sim', page: 'sample' });
    expect(sample.offset).toEqual({ x: 1.2, y: -0.4 });
    const mrz = words(pdfOf(sample)).find((w) => w.text === sample.mrz[0]);
    expect(mrz?.xMin).toBeCloseTo(6.0 + 1.2, 2);
    const audit = await s.ok<AuditRow[]>('audit.list', { limit: 5 });
    expect(audit.find((a) => a.action === 'device.settings')?.detail).toMatchObject({ id: 'printer-sim', offsetXMm: 1.2, offsetYMm: -0.4 });
  });

  it('prints the calibration page on the printer and says it was printed', async () => {
    const r = await s.ok<PrinterPrintResult>('printer.printPage', { id: 'printer-sim', page: 'calibration' });
    expect(r).toMatchObject({ ok: true, jobId: 1, message: { key: 'device.ipp.printed' } });
    expect(s.events.some((e) => e.event === 'device.status' && (e.payload as DeviceSlot).id === 'printer-sim' && (e.payload as DeviceSlot).state === 'busy')).toBe(true);
  });

  it('waits while the printer is out of blank books, shows why on the status bar, and finishes once loaded', async () => {
    await s.ok('devices.simulate', { id: 'printer-sim', action: 'fault', variant: 'media-empty' });
    expect(await until(slotSays('device.ipp.mediaEmpty'))).toBe(true);
    s.events.length = 0;
    const printing = s.ok<PrinterPrintResult>('printer.printPage', { id: 'printer-sim', page: 'sample' });
    expect(await until(slotSays('device.ipp.mediaEmpty'))).toBe(true);
    await s.ok('devices.simulate', { id: 'printer-sim', action: 'fault', variant: 'clear' });
    expect(await printing).toMatchObject({ ok: true });
  });

  it('reports a jam as it happens and ends the job as a book to check', async () => {
    await s.ok('devices.simulate', { id: 'printer-sim', action: 'fault', variant: 'media-jam' });
    const printing = s.ok<PrinterPrintResult>('printer.printPage', { id: 'printer-sim', page: 'sample' });
    expect(await until(slotSays('device.ipp.mediaJam'))).toBe(true);
    await s.ok('devices.simulate', { id: 'printer-sim', action: 'fault', variant: 'clear' });
    expect(await printing).toMatchObject({ ok: false, message: { key: 'device.ipp.jobAborted' } });
  });

  it('refuses offsets beyond ±5 mm and an ipp device with an http:// address', async () => {
    expect(await s.call('printer.setOffsets', { id: 'printer-sim', x: 6, y: 0 })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await s.call('devices.save', { id: 'pp-1', kind: 'printer', driver: 'ipp', label: 'Printer', port: { kind: 'url', url: 'http://10.0.0.5/ipp/print' } }))
      .toMatchObject({ ok: false, error: { code: 'bad_input', params: { reason: 'ipp_url' }, field: 'port.url' } });
    expect(await s.call('printer.page', { id: 'nope', page: 'calibration' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('gives counter officers none of it', async () => {
    await s.ok('officers.create', { ...OFFICER, roles: ['counter'] });
    const c = t.session();
    await c.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    for (const [m, i] of [['printer.page', { id: 'printer-sim', page: 'calibration' }], ['printer.setOffsets', { id: 'printer-sim', x: 0, y: 0 }], ['printer.printPage', { id: 'printer-sim', page: 'sample' }]] as const) {
      expect(await c.call(m, i)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
