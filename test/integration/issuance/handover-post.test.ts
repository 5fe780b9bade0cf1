// The handover's other paths through the station's contract: a representative with a letter
// of authorisation, dispatch by post with the day's manifest (CSV, and the PDF read back by
// poppler's pdftotext), and the station enforcing the order, the roles and the quality check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICER, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import { bringToPrinted } from '../../helpers/printed';
import { hasPoppler, POPPLER_MISSING, text as pdfText } from '../../helpers/poppler';
import type { SessionInfo } from '../../../electron/contract-types';
import type { DispatchManifest, HandoverView, IssueResult } from '../../../electron/handover-types';
import { Store } from '../../../electron/store/store';
import { fileKeyProvider } from '../../../electron/key-providers';
import { startEsclSim } from '../../../native/sim/escl-sim';

let t: TestStation;
let s: TestSession;
const today = () => {
  const d = t.clock.now;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

beforeEach(async () => {
  t = await openTestStation({ simulators: false, start: new Date() });
  s = t.session();
  const me = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'print'] });
});
afterEach(async () => { await t.close(); });

describe('handover to a representative', () => {
  it('records their name and NIK (checked) and the letter, without a finger', async () => {
    const a = bringToPrinted(t.dataDir, { bookingCode: 'HOREP001' });
    const issue = (nik: string) => s.call('issuance.issue', {
      appointmentId: a.appointmentId, collector: { kind: 'representative', name: 'Siti Aminah', nik, letterNote: 'Surat kuasa bermeterai, 5 Desember 2026' },
    });
    expect(await issue('1234')).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'nik', params: { reason: 'representative_nik' } } });
    const r = await issue('3171015203880002');
    expect(r.ok).toBe(true);
    const v = (r as { value: IssueResult }).value;
    expect(v.view.appointment.status).toBe('issued');
    expect(v.view.handover).toMatchObject({
      collector: { kind: 'representative', name: 'Siti Aminah', nik: '3171015203880002', letter: { kind: 'noted', note: 'Surat kuasa bermeterai, 5 Desember 2026' } },
      verification: null, officerName: ADMIN.name,
    });
    // No receipt printer here: the handover stands, the outcome says why no receipt.
    expect(v.receipt).toMatchObject({ printed: false, message: { key: 'receipts.noPrinter' } });
  });
});

describe('the letter of authorisation on the document scanner', () => {
  it('is scanned, kept sealed with the application, and named by the handover record', async () => {
    const a = bringToPrinted(t.dataDir, { bookingCode: 'HOREP002' });
    const sim = await startEsclSim({ profile: 'office' });
    try {
      await s.ok('officers.update', { id: (await s.ok<SessionInfo>('auth.session')).officerId, roles: ['admin', 'print', 'technician'] });
      await s.ok('devices.save', { id: 'scanner-desk', kind: 'document_scanner', driver: 'escl', label: 'Desk scanner', port: { kind: 'url', url: sim.url } });
      const letter = await s.ok<{ blobId: string; pages: number }>('issuance.scanLetter', { appointmentId: a.appointmentId });
      expect(letter.pages).toBe(1);
      const rep = { kind: 'representative', name: 'Siti Aminah', nik: '3171015203880002', letterNote: '' };
      // A blob id that is not this application's letter is refused.
      expect(await s.call('issuance.issue', { appointmentId: a.appointmentId, collector: { ...rep, letterBlobId: '00000000-0000-4000-8000-000000000000' } }))
        .toMatchObject({ ok: false, error: { code: 'bad_input', field: 'letterBlobId' } });
      const r = await s.ok<IssueResult>('issuance.issue', { appointmentId: a.appointmentId, collector: { ...rep, letterBlobId: letter.blobId } });
      expect(r.view.handover?.collector).toMatchObject({ kind: 'representative', letter: { kind: 'scanned', blobId: letter.blobId } });
      // Kept with the application under its own kind (not one of the enrolment's documents): the scanned page, a JPEG.
      const store = Store.open({ dataDir: t.dataDir, dataKey: fileKeyProvider().loadOrCreateKey(t.dataDir) });
      const blob = store.blobs.get(letter.blobId);
      store.close();
      expect(blob?.info).toMatchObject({ kind: 'authorisation_letter', ownerId: a.appointmentId });
      expect(blob?.data.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    } finally {
      await sim.close();
    }
  });
});

describe('dispatch by post', () => {
  it('records courier and tracking number and lists the parcel in the day\'s manifest (CSV and PDF)', async () => {
    const a = bringToPrinted(t.dataDir, { bookingCode: 'HOPOS001', fullName: 'Made Wirawan' });
    const b = bringToPrinted(t.dataDir, { bookingCode: 'HOPOS002', fullName: 'Agus Salim' });
    const send = (appointmentId: string, extra: Record<string, string> = {}) => s.call('issuance.dispatch', {
      appointmentId, address: 'Jl. Gajah Mada No. 12, Denpasar 80112', courier: 'Pos Indonesia', trackingNumber: 'rr123456789id', dispatchDate: today(), ...extra,
    });
    expect(await send(a.appointmentId, { trackingNumber: '' })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'trackingNumber' } });
    expect(await send(a.appointmentId, { address: 'Denpasar' })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'address' } });
    const r = await send(a.appointmentId);
    expect(r).toMatchObject({ ok: true, value: { view: { appointment: { status: 'dispatched' }, dispatch: { courier: 'Pos Indonesia', trackingNumber: 'RR123456789ID', dispatchDate: today() } } } });
    // An address typed as a formula stays text in the CSV.
    await send(b.appointmentId, { address: '=HYPERLINK("http://x"), Jl. Sudirman 1, Jakarta', courier: 'JNE', trackingNumber: 'JNE0001234567' });
    const m = await s.ok<DispatchManifest>('issuance.manifest', { day: today() });
    expect(m.count).toBe(2);
    expect(m.csvFileName).toBe(`pengiriman-paspor-${today()}.csv`);
    const lines = m.csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('no,booking_code,name,address,courier,tracking_number,dispatch_date,officer,recorded_at');
    expect(lines[1]).toContain('HOPOS001,Made Wirawan,"Jl. Gajah Mada No. 12, Denpasar 80112",Pos Indonesia,RR123456789ID');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x""), Jl. Sudirman 1, Jakarta"`);
    const none = await s.ok<DispatchManifest>('issuance.manifest', { day: '2020-01-01' });
    expect(none.count).toBe(0);
    if (!hasPoppler) throw new Error(POPPLER_MISSING);
    const txt = pdfText(Buffer.from(m.pdfBase64, 'base64'));
    expect(txt).toContain(`Passport dispatch manifest — ${today()}`);
    expect(txt).toContain('HOPOS001');
    expect(txt).toContain('Made Wirawan');
    expect(txt).toContain('RR123456789ID');
    expect(txt).toContain('JNE0001234567');
  });
});

describe('the station enforces order, roles and the quality check', () => {
  it('refuses a book that is not printed, and a caller without the print or supervisor role', async () => {
    const a = bringToPrinted(t.dataDir, { bookingCode: 'HOORD001', until: 'approved' });
    expect(await s.call('issuance.verifyFinger', { appointmentId: a.appointmentId })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'not_printed' } } });
    expect(await s.call('issuance.dispatch', { appointmentId: a.appointmentId, address: 'Jl. Merdeka 1, Bandung 40111', courier: 'Pos Indonesia', trackingNumber: 'RR000000001ID', dispatchDate: today() }))
      .toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect((await s.ok<HandoverView>('issuance.identify', { code: 'HOORD001' })).blockers).toEqual(['not_printed']);

    await s.ok('officers.create', { ...OFFICER, roles: ['counter'] });
    const counter = t.session();
    await counter.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    expect(await counter.call('issuance.identify', { code: 'HOORD001' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('holds a printed book back until its quality check passed, where the office requires one', async () => {
    const a = bringToPrinted(t.dataDir, { bookingCode: 'HOQC0001' });
    const store = Store.open({ dataDir: t.dataDir, dataKey: fileKeyProvider().loadOrCreateKey(t.dataDir) });
    store.tx(() => store.settings.set('issuance.requireQc', 'true', new Date().toISOString()));
    store.close();
    expect((await s.ok<HandoverView>('issuance.identify', { code: 'HOQC0001' })).blockers).toEqual(['qc_missing']);
    expect(await s.call('issuance.issue', { appointmentId: a.appointmentId, collector: { kind: 'representative', name: 'Siti Aminah', nik: '3171015203880002', letterNote: 'Surat kuasa' } }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'qc_missing' } } });
  });
});
