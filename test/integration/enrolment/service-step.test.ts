// The service step, the document checklist and the signature through real station sessions
// (a real SQLite file, the simulated eSCL scanner): a lost passport's BAP saved as it is
// typed, its fine from the rules file, its PDF read back by poppler's pdftotext and
// pdffonts (an independent PDF reader); a replacement's old passport; the checklist's next
// type in the rules' order with "one of" lines; a signature cut from a scanned form and
// compared pixel by pixel with the page it came from; and the station refusing a submit
// while any of these is missing.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppointmentRow, AuditRow, BapPdfView, BlobData, EnrolmentView } from '../../../electron/contract-types';
import { composeTd3 } from '../../../domain/mrz/compose-td3';
import { ADMIN, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import { POPPLER_MISSING, fonts, hasPoppler, text } from '../../helpers/poppler';
import { completeServiceParts } from '../../helpers/service-parts';

let t: TestStation;
let s: TestSession;

beforeEach(async () => {
  t = await openTestStation({ simulators: true });
  s = t.session();
  await s.ok('setup.createFirstAdmin', ADMIN);
  const me = await s.ok<{ officerId: string }>('auth.session');
  await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'counter'] });
});
afterEach(async () => { await t.close(); });

async function walkIn(service: string): Promise<AppointmentRow> {
  const a = await s.ok<AppointmentRow>('queue.addWalkIn', {
    nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F', service, passportType: 'ordinary', priority: [],
  });
  await s.ok('enrolment.open', { appointmentId: a.id });
  return a;
}

describe('a lost passport', () => {
  it('asks for the police report, the account, the finding, the signed BAP and the checklist; the fine is the rules file\'s', async () => {
    const a = await walkIn('replace_lost');
    const v = await s.ok<EnrolmentView>('enrolment.get', { appointmentId: a.id });
    expect(v.service.kind).toEqual({ oldPassport: false, bap: true, policeReport: true });
    // PP 45/2024: Rp 1,000,000 for a lost passport.
    expect(v.service.fine).toBe(1_000_000);
    expect(v.service.fineSource).toContain('PP No. 45 Tahun 2024');
    expect(v.checklist.map((l) => l.anyOf)).toEqual([['ktp'], ['police_report']]);
    expect(v.nextDocType).toBe('ktp');
    expect(v.missing).toEqual(expect.arrayContaining(['police_report', 'bap_narrative', 'bap_finding', 'bap_signed', 'document_ktp', 'document_police_report', 'signature']));
    expect(v.missing).not.toContain('old_passport_mrz');

    // Saved as typed: each patch keeps what came before; a placeholder is not an account.
    await s.ok('enrolment.saveService', { appointmentId: a.id, bap: { narrative: '-' } });
    await s.ok('enrolment.saveService', { appointmentId: a.id, bap: { policeReportNumber: 'LP/B/1234/XI/2026/SPKT', policeReportDate: '2026-11-20' } });
    let w = await s.ok<EnrolmentView>('enrolment.get', { appointmentId: a.id });
    expect(w.service.bap).toEqual({ narrative: '-', policeReportNumber: 'LP/B/1234/XI/2026/SPKT', policeReportDate: '2026-11-20' });
    expect(w.missing).toContain('bap_narrative');
    expect(w.missing).not.toContain('police_report');
    const narrative = 'Tas saya dicopet di KRL Bogor–Jakarta pada 19 November; paspor ada di dalam tas.';
    await s.ok('enrolment.saveService', { appointmentId: a.id, bap: { narrative, finding: 'Keterangan konsisten dengan laporan polisi.' } });

    // Force majeure found by the officer: no fine; withdrawn: the fine again.
    expect((await s.ok<EnrolmentView>('enrolment.saveService', { appointmentId: a.id, bap: { forceMajeure: true } })).service.fine).toBe(0);
    w = await s.ok<EnrolmentView>('enrolment.saveService', { appointmentId: a.id, bap: { forceMajeure: false } });
    expect(w.service.fine).toBe(1_000_000);
    expect(w.missing).not.toEqual(expect.arrayContaining(['bap_narrative']));
    expect(w.missing).not.toContain('bap_finding');

    // The audit names the fields typed, never the applicant's words.
    const audit = await s.ok<AuditRow[]>('audit.list', { action: 'enrolment.service', limit: 50 });
    expect(audit.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(audit)).not.toContain('dicopet');
    expect(JSON.stringify(audit)).toContain('bap.narrative');

    // Refusals: a date to come, an old passport for a service without one, a role without it.
    expect(await s.call('enrolment.saveService', { appointmentId: a.id, bap: { policeReportDate: '2026-12-30' } }))
      .toMatchObject({ ok: false, error: { code: 'bad_input', field: 'bap.policeReportDate', params: { reason: 'date_future' } } });
    expect(await s.call('enrolment.saveService', { appointmentId: a.id, oldPassport: { disposition: 'kept' } }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'no_old_passport_for_service' } } });
    expect(await s.call('enrolment.saveService', { appointmentId: a.id, bap: { narrative: 'x'.repeat(4001) } })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await s.call('enrolment.submit', { appointmentId: a.id }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'incomplete' } } });
  });

  it.skipIf(!hasPoppler)(`makes the BAP as an Indonesian PDF with its text and embedded font (${hasPoppler ? 'poppler' : POPPLER_MISSING})`, async () => {
    const a = await walkIn('replace_lost');
    const narrative = 'Tas saya dicopet di KRL Bogor–Jakarta pada 19 November; paspor ada di dalam tas.';
    await s.ok('enrolment.saveService', {
      appointmentId: a.id,
      bap: { narrative, finding: 'Keterangan konsisten dengan laporan polisi.', policeReportNumber: 'LP/B/1234/XI/2026/SPKT', policeReportDate: '2026-11-20' },
    });
    const r = await s.ok<BapPdfView>('enrolment.bapPdf', { appointmentId: a.id });
    expect(r.fileName).toBe(`BAP-${a.bookingCode}.pdf`);
    const pdf = new Uint8Array(Buffer.from(r.pdfBase64, 'base64'));
    const words = text(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'BERITA ACARA PEMERIKSAAN', 'Penggantian paspor karena hilang', 'Dewi Lestari', '3171014508900003', 'Jakarta, 5 Agustus 1990', 'Perempuan',
      'LP/B/1234/XI/2026/SPKT', '20 November 2026', narrative, 'Keterangan konsisten dengan laporan polisi.',
      'Denda administratif : Rp 1.000.000', 'Pemohon,', 'Petugas pemeriksa,', ADMIN.name, `NIP ${ADMIN.nip}`, 'Senin, 23 November 2026',
    ]) expect(words, expected).toContain(expected);
    // Vector text in an embedded font that maps back to Unicode (not an image, not base-14).
    const f = fonts(pdf);
    expect(f.length).toBeGreaterThan(0);
    for (const row of f) expect(row, row.name).toMatchObject({ embedded: true, unicode: true });
    expect(f.map((x) => x.name).join(' ')).toContain('DejaVuSans');

    // Force majeure: the same record says no fine.
    await s.ok('enrolment.saveService', { appointmentId: a.id, bap: { forceMajeure: true } });
    const again = text(new Uint8Array(Buffer.from((await s.ok<BapPdfView>('enrolment.bapPdf', { appointmentId: a.id })).pdfBase64, 'base64'))).replace(/\s+/g, ' ');
    expect(again).toContain('Tidak dikenakan');
    expect(again).toContain('Keadaan kahar : Ya');
  });

  it('a complete lost-passport enrolment is accepted by the station, not before', async () => {
    const a = await walkIn('replace_lost');
    const v = await completeServiceParts(s.ok.bind(s) as never, a.id);
    // What is left belongs to the other steps (identity, details and payment, photo, fingers).
    expect(v.missing.filter((m) => !['photo', 'fingerprints', 'identity', 'details', 'payment'].includes(m))).toEqual([]);
    expect(v.documents.map((d) => d.docType)).toEqual(expect.arrayContaining(['bap_signed', 'ktp', 'police_report', 'application_form']));
  }, 120_000);
});

describe('a replacement', () => {
  it('records the old passport: number and expiry from its MRZ, issue date and what happens to it typed', async () => {
    const a = await walkIn('replace_expired');
    let v = await s.ok<EnrolmentView>('enrolment.get', { appointmentId: a.id });
    expect(v.service.kind).toEqual({ oldPassport: true, bap: false, policeReport: false });
    expect(v.service.bap).toBeNull();
    expect(v.service.fine).toBe(0);
    expect(v.missing).toEqual(expect.arrayContaining(['mrz', 'old_passport_issue_date', 'old_passport_disposition', 'document_ktp', 'document_old_passport']));
    // The unread MRZ is named once, as step 1's item; no document is said by the checklist's lines.
    expect(v.missing).not.toContain('old_passport_mrz');
    expect(v.missing).not.toContain('documents');
    const mrz = composeTd3({ documentNumber: 'B1234567', primaryIdentifier: 'LESTARI', secondaryIdentifier: 'DEWI', birthDate: '1990-08-05', sex: 'F', expiryDate: '2025-01-10' });
    if (!mrz.ok) throw new Error('compose');
    await s.ok('enrolment.attachMrz', { appointmentId: a.id, lines: mrz.lines, source: 'reader' });
    await s.ok('enrolment.saveService', { appointmentId: a.id, oldPassport: { issueDate: '2020-01-10' } });
    v = await s.ok<EnrolmentView>('enrolment.saveService', { appointmentId: a.id, oldPassport: { disposition: 'cancelled_returned' } });
    expect(v.service.oldPassport).toEqual({ number: 'B1234567', expiryDate: '2025-01-10', issueDate: '2020-01-10', disposition: 'cancelled_returned' });
    expect(v.missing.filter((m) => m.startsWith('old_passport'))).toEqual([]);
    // A date cleared again is missing again.
    v = await s.ok<EnrolmentView>('enrolment.saveService', { appointmentId: a.id, oldPassport: { issueDate: '' } });
    expect(v.service.oldPassport?.issueDate).toBeUndefined();
    expect(v.missing).toContain('old_passport_issue_date');
    // No BAP for a replacement.
    expect(await s.call('enrolment.bapPdf', { appointmentId: a.id })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'no_bap_for_service' } } });
  });

  it('a damaged passport needs both the old passport and the BAP, with the damaged fine', async () => {
    const a = await walkIn('replace_damaged');
    const v = await s.ok<EnrolmentView>('enrolment.get', { appointmentId: a.id });
    expect(v.service.kind).toEqual({ oldPassport: true, bap: true, policeReport: false });
    expect(v.service.fine).toBe(500_000);
    expect(v.missing).not.toContain('police_report');
    const disaster = await walkIn('replace_disaster');
    expect((await s.ok<EnrolmentView>('enrolment.get', { appointmentId: disaster.id })).service.fine).toBe(0);
    const fresh = await walkIn('new');
    expect((await s.ok<EnrolmentView>('enrolment.get', { appointmentId: fresh.id })).service).toMatchObject({ oldPassport: null, bap: null, fine: 0 });
    expect(await s.call('enrolment.saveService', { appointmentId: fresh.id, bap: { narrative: 'tidak ada' } }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'no_bap_for_service' } } });
  });
});

describe('the document checklist', () => {
  it('picks the next type in the rules\' order; any one of a "one of" line satisfies it', async () => {
    const a = await walkIn('new');
    let v = await s.ok<EnrolmentView>('enrolment.get', { appointmentId: a.id });
    expect(v.checklist.map((l) => l.anyOf)).toEqual([['ktp'], ['kk'], ['birth_certificate', 'diploma', 'marriage_book']]);
    const order: string[] = [];
    // A page of something else does not move the checklist.
    v = await s.ok<EnrolmentView>('documents.scan', { appointmentId: a.id, docType: 'other' });
    expect(v.nextDocType).toBe('ktp');
    for (const next of ['ktp', 'kk']) {
      order.push(v.nextDocType!);
      v = await s.ok<EnrolmentView>('documents.scan', { appointmentId: a.id, docType: next });
    }
    expect(order).toEqual(['ktp', 'kk']);
    expect(v.nextDocType).toBe('birth_certificate');
    expect(v.missing).toContain('document_birth_certificate');
    // The diploma stands in for the birth certificate.
    v = await s.ok<EnrolmentView>('documents.scan', { appointmentId: a.id, docType: 'diploma' });
    expect(v.nextDocType).toBeNull();
    expect(v.checklist.map((l) => l.satisfiedBy)).toEqual(['ktp', 'kk', 'diploma']);
    expect(v.missing.filter((m) => m.startsWith('document_'))).toEqual([]);
  });
});

describe('the signature', () => {
  it('is cut from a scanned form at the box given, in grey, and replaces the one before', async () => {
    const a = await walkIn('new');
    let v = await s.ok<EnrolmentView>('documents.scan', { appointmentId: a.id, docType: 'application_form', colorMode: 'grayscale' });
    const form = v.documents.find((d) => d.docType === 'application_form')!;
    const box = { x: 0.06, y: 0.04, width: 0.5, height: 0.05 };
    v = await s.ok<EnrolmentView>('signature.crop', { appointmentId: a.id, blobId: form.blobId, box });
    expect(v.missing).not.toContain('signature');
    const sig = v.signature!;
    expect(sig).toMatchObject({ source: 'crop', fromBlobId: form.blobId });
    const x0 = Math.floor(box.x * form.width);
    const y0 = Math.floor(box.y * form.height);
    expect(sig.width).toBe(Math.ceil((box.x + box.width) * form.width) - x0);
    expect(sig.height).toBe(Math.ceil((box.y + box.height) * form.height) - y0);

    // Pixel for pixel what the page has there (the page decoded on its own here).
    const page = await s.ok<BlobData>('blob.get', { id: form.blobId, screen: 'enrolment.signature' });
    const kept = await s.ok<BlobData>('blob.get', { id: sig.blobId, screen: 'enrolment.signature' });
    expect(kept.mime).toBe('image/png');
    const src = page.mime === 'image/png' ? PNG.sync.read(Buffer.from(page.base64, 'base64')) : jpeg.decode(Buffer.from(page.base64, 'base64'), { useTArray: true });
    const png = PNG.sync.read(Buffer.from(kept.base64, 'base64'));
    expect([png.width, png.height]).toEqual([sig.width, sig.height]);
    let dark = 0;
    for (const [x, y] of [[0, 0], [5, 5], [sig.width - 1, sig.height - 1], [Math.floor(sig.width / 2), Math.floor(sig.height / 2)]] as const) {
      const si = ((y0 + y) * src.width + x0 + x) * 4;
      const luma = Math.round(0.299 * src.data[si]! + 0.587 * src.data[si + 1]! + 0.114 * src.data[si + 2]!);
      expect(png.data[(y * png.width + x) * 4], `pixel ${x},${y}`).toBe(luma);
    }
    // The box sits on the page's dark header band: the cut is mostly ink.
    for (let i = 0; i < png.width * png.height; i++) if (png.data[i * 4]! < 100) dark++;
    expect(dark / (png.width * png.height)).toBeGreaterThan(0.5);

    // A second cut replaces the first; a box of nothing, or another applicant's page, is refused.
    const second = await s.ok<EnrolmentView>('signature.crop', { appointmentId: a.id, blobId: form.blobId, box: { x: 0.5, y: 0.7, width: 0.4, height: 0.12 } });
    expect(second.signature!.blobId).not.toBe(sig.blobId);
    expect(await s.call('blob.get', { id: sig.blobId, screen: 'enrolment.signature' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await s.call('signature.crop', { appointmentId: a.id, blobId: form.blobId, box: { x: 0.5, y: 0.5, width: 0.001, height: 0.001 } }))
      .toMatchObject({ ok: false, error: { code: 'bad_input', field: 'box', params: { reason: 'crop_too_small' } } });
    const other = await walkIn('new');
    expect(await s.call('signature.crop', { appointmentId: other.id, blobId: form.blobId, box }))
      .toMatchObject({ ok: false, error: { code: 'not_found' } });
    // No pad driver: the station says so.
    expect(await s.call('signature.fromPad', { appointmentId: a.id })).toMatchObject({ ok: false, error: { code: 'device', params: { key: 'device.signaturePad.not_configured' } } });
  }, 120_000);
});
