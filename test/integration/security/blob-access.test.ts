// Kept images (document pages, the photo, fingerprints) go only to a role whose screen shows
// that kind, for a screen on the list, and every read — granted or refused — is audited with
// who read which blob and why (the screen). Real station, real SQLite file, the eSCL simulator.
import jpeg from 'jpeg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import type { AppointmentRow, AuditRow, EnrolmentView, SessionInfo } from '../../../electron/contract-types';
import { BLOB_KINDS, BLOB_SCREEN_NAMES, mayReadBlob } from '../../../domain/blob-access';
import { ROLES } from '../../../domain/catalog';

let t: TestStation;
let admin: TestSession;
let view: EnrolmentView;
beforeEach(async () => {
  t = await openTestStation({ demo: true, start: new Date() });
  admin = t.session();
  const me = await admin.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await admin.ok('officers.update', { id: me.officerId, roles: ['admin', 'counter'] });
  const appointmentId = (await admin.ok<AppointmentRow>('queue.addWalkIn', {
    nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F', service: 'new', passportType: 'electronic', priority: [],
  })).id;
  await admin.ok('enrolment.open', { appointmentId });
  const w = 350, h = 450;
  const jpegBase64 = Buffer.from(jpeg.encode({ data: Buffer.alloc(w * h * 4, 200), width: w, height: h }, 85).data).toString('base64');
  await admin.ok('photo.save', { appointmentId, jpegBase64, width: w, height: h, camera: 'test', checks: {} });
  view = await admin.ok<EnrolmentView>('documents.scan', { appointmentId, docType: 'kk', source: 'platen', resolution: 150, colorMode: 'grayscale' });
}, 240_000);
afterEach(async () => { await t.close(); });

async function as(roles: string[], nip: string): Promise<TestSession> {
  await admin.ok('officers.create', { name: `Petugas ${nip.slice(-2)}`, nip, password: `sandi-${nip}`, roles });
  const s = t.session();
  await s.ok('auth.login', { nip, password: `sandi-${nip}` });
  return s;
}

describe('blob.get', () => {
  it('hands a blob only to a role whose screen shows its kind, and audits every read with its reason', async () => {
    const photo = view.photo!.blobId;
    const doc = view.documents[0]!.blobId;
    const printer = await as(['print'], '199001012015011004');
    // The print operator sees the photo at hand-over, never the applicant's documents.
    expect(await printer.call('blob.get', { id: photo, screen: 'issuance' })).toMatchObject({ ok: true, value: { mime: 'image/jpeg' } });
    expect(await printer.call('blob.get', { id: doc, screen: 'issuance' })).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await printer.call('blob.get', { id: doc, screen: 'enrolment.documents' })).toEqual({ ok: false, error: { code: 'forbidden' } });
    // A counter officer gets each kind for the screen that shows it, not for another screen.
    expect(await admin.call('blob.get', { id: doc, screen: 'enrolment.documents' })).toMatchObject({ ok: true });
    expect(await admin.call('blob.get', { id: photo, screen: 'enrolment.documents' })).toEqual({ ok: false, error: { code: 'forbidden' } });
    // No reason, or a reason not on the list, is bad input; a technician gets nothing.
    expect(await admin.call('blob.get', { id: photo })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'screen' } });
    expect(await admin.call('blob.get', { id: photo, screen: 'debug' })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'screen' } });
    const technician = await as(['technician'], '199001012015011003');
    expect(await technician.call('blob.get', { id: photo, screen: 'enrolment.photo' })).toEqual({ ok: false, error: { code: 'forbidden' } });

    const audit = (await admin.ok<AuditRow[]>('audit.list', { limit: 100 })).filter((a) => a.action === 'blob.read').reverse();
    const printerId = (await printer.ok<SessionInfo>('auth.session')).officerId;
    expect(audit.map((a) => [a.officerId === printerId ? 'print' : 'counter', (a.detail as unknown as Record<string, unknown>).blobId === photo ? 'photo' : 'doc', (a.detail as unknown as Record<string, unknown>).screen, Boolean((a.detail as unknown as Record<string, unknown>).refused)])).toEqual([
      ['print', 'photo', 'issuance', false],
      ['print', 'doc', 'issuance', true],
      ['print', 'doc', 'enrolment.documents', true],
      ['counter', 'doc', 'enrolment.documents', false],
      ['counter', 'photo', 'enrolment.documents', true],
    ]);
    expect(audit[0]!.detail).toMatchObject({ kind: 'photo', owner: view.appointment.id });
  }, 240_000);

  it('fingerprint templates go to no role on any screen', () => {
    for (const screen of BLOB_SCREEN_NAMES) for (const role of ROLES) expect(mayReadBlob('fingerprint_template', screen, [role])).toBe(false);
    expect(BLOB_KINDS).toContain('fingerprint_template');
    expect(mayReadBlob('something-else', 'review', ['supervisor'])).toBe(false);
  });
});
