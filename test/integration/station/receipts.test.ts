// The applicant's receipt through the station's contract: the technician configures an
// ESC/POS receipt printer (a simulator on a socat PTY, reached through real serialport);
// an enrolment submitted while the printer is unplugged is still submitted, with the
// sentence saying why no receipt came out; the officer reprints once it is back, and the
// printed receipt's QR code and Code 128 read back (Debian's zbarimg) as the booking code.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStation, ADMIN, OFFICER, type TestStation, type TestSession } from '../../helpers/station';
import type { AppointmentRow, CaptureView, DevicesOverview, DeviceTestResult, EnrolmentView, ReceiptOutcome, SessionInfo } from '../../../electron/contract-types';
import { startEscPosPtySim } from '../../../native/sim/pty-sim';
import type { PtySim } from '../../../native/sim/pty-sim';
import type { EscPosSimulator, SimReceipt } from '../../../native/sim/escpos-sim';
import { socatAvailable } from '../../../native/sim/socat-pair';
import { addWorkingDays, SATURDAY_SUNDAY } from '../../../domain/collection-date';
import { HOLIDAYS_ID } from '../../../domain/holidays-id';
import { localDate } from '../../../domain/dates';
import { zbarimg, zbarimgAvailable } from '../../helpers/zbarimg';
import { until } from '../../helpers/until';
import { addSupervisor, answerIdentityAndDetails, SUPERVISOR } from '../../helpers/enrolment-steps';
import { completeServiceParts } from '../../helpers/service-parts';

const ready = socatAvailable() && zbarimgAvailable();
if (!ready) console.warn('skipping the station receipt test: socat and zbar-tools must be installed');

let t: TestStation;
let s: TestSession;
let dir: string;
let host: PtySim<EscPosSimulator>;


async function attempt(appointmentId: string, name: string): Promise<void> {
  await s.ok('devices.simulate', { id: 'fp-desk', action: 'place_finger', code: name, variant: 'clean' });
  const before = s.events.length;
  await s.ok('capture.action', { appointmentId, action: 'retry' });
  await until(() => s.events.slice(before).filter((e) => e.event === 'capture.state').map((e) => e.payload as CaptureView).find((p) => p.state === 'review' || p.state === 'done' || p.state === 'error'));
  await s.ok('devices.simulate', { id: 'fp-desk', action: 'lift_finger' });
}

beforeEach(async () => {
  if (!ready) return;
  dir = mkdtempSync(path.join(tmpdir(), 'loket-receipt-'));
  host = await startEscPosPtySim(path.join(dir, 'ttyRECEIPT'), { paperMm: 58, pngDir: path.join(dir, 'png'), baudRate: 9600 });
  t = await openTestStation({ demo: true, start: new Date() });
  s = t.session();
  const me = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'counter', 'technician'] });
  // The technician's own devices replace the simulators: a reader, the demo scanner, and the receipt printer.
  const scannerUrl = (await s.ok<DevicesOverview>('devices.overview')).devices.find((d) => d.id === 'scanner-sim')!.port;
  await s.ok('devices.save', { id: 'fp-desk', kind: 'fingerprint', driver: 'zfm', label: 'Desk reader', port: { kind: 'sim', name: 'zfm' }, settings: {} });
  await s.ok('devices.save', { id: 'scanner-desk', kind: 'document_scanner', driver: 'escl', label: 'Scanner', port: scannerUrl, settings: {} });
  await s.ok('devices.save', { id: 'receipt-desk', kind: 'printer', driver: 'escpos', label: 'Printer struk', port: { kind: 'path', path: host.path, baudRate: 9600 }, settings: { paperMm: 58 } });
});
afterEach(async () => {
  if (!ready) return;
  await t.close();
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!ready)('receipts', () => {
  it('the technician tests the receipt printer: status, then a test page', async () => {
    const r = await s.ok<DeviceTestResult>('devices.test', { id: 'receipt-desk' });
    expect(r).toMatchObject({ ok: true, checks: [{ name: 'status', ok: true }, { name: 'test_page', ok: true, detail: '58 mm' }], message: { key: 'device.escpos.printed' } });
    const page = await until<SimReceipt>(() => host.sim.receipts[0]);
    expect(zbarimg(page.file!)).toEqual(['CODE-128:LOKET-TEST', 'QR-Code:LOKET-TEST']);
    host.sim.inject('cover-open');
    const open = await s.ok<DeviceTestResult>('devices.test', { id: 'receipt-desk' });
    expect(open).toMatchObject({ ok: false, message: { key: 'device.escpos.coverOpen' } });
    // a paper width the printers do not have is refused at the station
    expect(await s.call('devices.save', { id: 'receipt-desk', kind: 'printer', driver: 'escpos', label: 'x', port: { kind: 'path', path: host.path }, settings: { paperMm: 76 } }))
      .toMatchObject({ ok: false, error: { code: 'bad_input', field: 'settings.paperMm' } });
  });

  it('a submit with the printer unplugged still submits; the reprint prints a receipt whose codes read back', async () => {
    const a = await s.ok<AppointmentRow>('queue.addWalkIn', {
      nik: '3171014508900003', fullName: 'José Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F', service: 'new', passportType: 'electronic', priority: [],
    });
    await s.ok('enrolment.open', { appointmentId: a.id });
    // Nothing submitted yet: there is no receipt to reprint.
    expect(await s.call('receipts.reprint', { appointmentId: a.id })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    await s.ok('capture.start', { appointmentId: a.id });
    for (const name of ['a', 'b', 'c', 'd']) await attempt(a.id, name);
    const w = 300;
    const h = 400;
    const jpegBase64 = Buffer.from(jpeg.encode({ data: Buffer.alloc(w * h * 4, 180), width: w, height: h }, 85).data).toString('base64');
    await s.ok('photo.save', { appointmentId: a.id, jpegBase64, width: w, height: h, camera: 'test', checks: {} });
    await s.ok('documents.scan', { appointmentId: a.id, docType: 'ktp' });
    await completeServiceParts(s.ok.bind(s) as never, a.id);

    await addSupervisor(s);
    await answerIdentityAndDetails(s, a.id, { supervisor: SUPERVISOR });
    await host.unplug();
    const v = await s.ok<EnrolmentView>('enrolment.submit', { appointmentId: a.id });
    expect(v.appointment.status).toBe('awaiting_approval');
    expect(v.receipt).toMatchObject({ printed: false, message: { key: 'device.disconnected' } });
    const closed = new Set(HOLIDAYS_ID.map((x) => x.date));
    expect(v.receipt!.collectionDate).toBe(addWorkingDays(localDate(new Date()), 4, { weekend: SATURDAY_SUNDAY, closed }));
    expect(host.sim.receipts).toHaveLength(0);

    await host.replug();
    // The manager reconnects by itself; the officer presses Reprint until the printer is back.
    let outcome: ReceiptOutcome | undefined;
    const end = Date.now() + 15_000;
    while (!outcome?.printed && Date.now() < end) {
      outcome = await s.ok<ReceiptOutcome>('receipts.reprint', { appointmentId: a.id });
      if (!outcome.printed) await new Promise((r) => setTimeout(r, 250));
    }
    expect(outcome).toMatchObject({ printed: true, printerId: 'receipt-desk', collectionDate: v.receipt!.collectionDate });
    const paper = await until<SimReceipt>(() => host.sim.receipts[0]);
    expect(existsSync(paper.file!)).toBe(true);
    expect(zbarimg(paper.file!)).toEqual([`CODE-128:${a.bookingCode}`, `QR-Code:${a.bookingCode}`]);
    expect(paper.text).toContain('José Lestari');
    expect(paper.text).toContain('CETAK ULANG / REPRINT');

    // Paper out: the reprint says so and prints nothing.
    host.sim.inject('paper-out');
    expect(await s.ok<ReceiptOutcome>('receipts.reprint', { appointmentId: a.id })).toMatchObject({ printed: false, message: { key: 'device.escpos.paperOut' } });
    expect(host.sim.receipts).toHaveLength(1);

    // Who may reprint is checked in the station: an officer without the counter role may not.
    await s.ok('officers.create', { ...OFFICER, roles: ['print'] });
    const op = t.session();
    await op.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    expect(await op.call('receipts.reprint', { appointmentId: a.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  // The service parts add scans of several A4 pages (and a form to cut the signature from).
  }, 120_000);
});
