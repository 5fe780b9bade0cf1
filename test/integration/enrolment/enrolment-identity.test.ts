// The identity and details steps and the station's completeness rule on a real store: a
// correction kept beside the untouched booking (audited without the personal values), a NIK
// that no longer agrees becomes a warning, validity from the rules at the enrolment date,
// and a submit refused with the list of what is missing until an unpaid applicant is
// overridden by a supervisor's NIP and password.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { composeTd3 } from '../../../domain/mrz/compose-td3';
import type { AppointmentRow, AuditRow, CaptureView, EnrolmentView, OfficerRow } from '../../../electron/contract-types';
import { ADMIN, OFFICER, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import { SUPERVISOR } from '../../helpers/enrolment-steps';
import { completeServiceParts } from '../../helpers/service-parts';
import { until } from '../../helpers/until';

let t: TestStation;
let admin: TestSession;
let counter: TestSession;
let officerId: string;

// 09:00 in Jakarta on 7 December 2026: the enrolment date the rules are applied at.
const START = new Date('2026-12-07T09:00:00+07:00');

beforeEach(async () => {
  t = await openTestStation({ simulators: true, start: START });
  admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
  officerId = (await admin.ok<OfficerRow>('officers.create', { ...OFFICER, roles: ['counter'] })).id;
  await admin.ok('officers.create', { ...SUPERVISOR, roles: ['supervisor'] });
  counter = t.session();
  await counter.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
}, 60_000);
afterEach(async () => { await t.close(); });

const walkIn = (over: Record<string, unknown> = {}) => counter.ok<AppointmentRow>('queue.addWalkIn', {
  nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F',
  service: 'replace_expired', passportType: 'electronic', priority: [], ...over,
});

function oldPassport(birthDate: string): string[] {
  const r = composeTd3({ documentNumber: 'B1234567', primaryIdentifier: 'LESTARI', secondaryIdentifier: 'DEWI', birthDate, sex: 'F', expiryDate: '2025-01-10' });
  if (!r.ok) throw new Error('compose');
  return r.lines;
}

async function captureFourFingers(appointmentId: string): Promise<void> {
  await counter.ok('capture.start', { appointmentId });
  for (const name of ['a', 'b', 'c', 'd']) {
    await counter.ok('devices.simulate', { id: 'fingerprint-sim', action: 'place_finger', code: `${appointmentId}-${name}`, variant: 'clean' });
    const before = counter.events.length;
    await counter.ok('capture.action', { appointmentId, action: 'retry' });
    await until(() => counter.events.slice(before).filter((e) => e.event === 'capture.state').map((e) => e.payload as CaptureView)
      .find((p) => p.state === 'review' || p.state === 'done' || p.state === 'error'));
    await counter.ok('devices.simulate', { id: 'fingerprint-sim', action: 'lift_finger' });
  }
}

const audit = async (action: string) => (await admin.ok<AuditRow[]>('audit.list', { action, limit: 50 })).filter((r) => r.action === action);

describe('identity, details and completeness', () => {
  it('keeps a correction beside the booking, refuses until complete, and takes a supervisor\'s override of an unpaid applicant', async () => {
    const a = await walkIn();
    await counter.ok('enrolment.open', { appointmentId: a.id });
    // The old passport says the 6th; the booking (and the NIK) the 5th.
    await counter.ok('enrolment.attachMrz', { appointmentId: a.id, lines: oldPassport('1990-08-06'), source: 'reader' });

    const refused = await counter.call('enrolment.submit', { appointmentId: a.id });
    // The identity rule's items first; the service step's, checklist's and signature's follow.
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'incomplete', missing: expect.stringMatching(/^identity,disagreement_birthDate,details,payment,photo,fingerprints(,|$)/) } } });

    // A disagreement must be answered before the identity is confirmed.
    expect(await counter.call('enrolment.confirmIdentity', { appointmentId: a.id, keepDisagreements: [] }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'disagreement_unanswered', fields: 'birthDate' } } });
    // A corrected value is checked by the same rules as a walk-in's.
    expect(await counter.call('enrolment.correct', { appointmentId: a.id, field: 'birthDate', value: '1990-02-30', reason: 'booking_typo', reasonText: 'Sesuai KTP' }))
      .toMatchObject({ ok: false, error: { code: 'bad_input', params: { reason: 'date_invalid' } } });
    expect(await counter.call('enrolment.correct', { appointmentId: a.id, field: 'birthDate', value: '1990-08-06', reason: 'booking_typo', reasonText: '' }))
      .toMatchObject({ ok: false, error: { code: 'bad_input' } });

    const v = await counter.ok<EnrolmentView>('enrolment.correct', { appointmentId: a.id, field: 'birthDate', value: '1990-08-06', reason: 'ktp_differs', reasonText: 'KTP baru 2024' });
    expect(v.identity.corrections).toEqual([expect.objectContaining({ field: 'birthDate', before: '1990-08-05', after: '1990-08-06', reason: 'ktp_differs', reasonText: 'KTP baru 2024', officerId })]);
    expect(v.identity.current.birthDate).toBe('1990-08-06');
    // The correction answers the disagreement; the NIK keeps the 5th: a warning, not a refusal.
    expect(v.identity.disagreements).toEqual([]);
    expect(v.identity.nikWarning).toBe('nik_birthdate_mismatch');
    expect(v.flags).toEqual(expect.arrayContaining([{ kind: 'correction', field: 'birthDate' }, { kind: 'nik_warning', problem: 'nik_birthdate_mismatch' }]));
    // The booking row stays as booked.
    expect((await counter.ok<AppointmentRow>('queue.get', { id: a.id })).birthDate).toBe('1990-08-05');
    // Audited with the field and the reason, without the personal values.
    const corrected = await audit('enrolment.identity_corrected');
    expect(corrected).toHaveLength(1);
    expect(corrected[0]!.detail).toEqual({ appointmentId: a.id, field: 'birthDate', reason: 'ktp_differs' });
    expect(JSON.stringify(corrected[0])).not.toContain('1990-08');

    await counter.ok('enrolment.confirmIdentity', { appointmentId: a.id, keepDisagreements: [] });
    const d = await counter.ok<EnrolmentView>('enrolment.saveDetails', { appointmentId: a.id, passportType: 'electronic', married: false, sameDay: true, travelPurpose: 'umrah', notes: 'Berangkat Februari' });
    // 36 years old: 10 years; electronic 10 y Rp 950,000 + same-day Rp 1,000,000 (PP 45/2024).
    expect(d.details).toMatchObject({ validityYears: 10, bookedValidityYears: 10, fee: { total: 1_950_000 }, payment: { status: 'unpaid', override: null } });
    expect(d.missing.slice(0, 3)).toEqual(['payment', 'photo', 'fingerprints']);

    // The override: a wrong password is refused (and counted like a login), a counter
    // officer's own credentials are not a supervisor's, the supervisor's are taken.
    expect(await counter.call('enrolment.overridePayment', { appointmentId: a.id, nip: SUPERVISOR.nip, password: 'salah-sekali', reason: 'Bukti bayar ada' }))
      .toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect(await counter.call('enrolment.overridePayment', { appointmentId: a.id, nip: OFFICER.nip, password: OFFICER.password, reason: 'Bukti bayar ada' }))
      .toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'not_supervisor' } } });
    expect(await counter.call('enrolment.overridePayment', { appointmentId: a.id, nip: SUPERVISOR.nip, password: SUPERVISOR.password, reason: 'x' }))
      .toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const o = await counter.ok<EnrolmentView>('enrolment.overridePayment', { appointmentId: a.id, nip: SUPERVISOR.nip, password: SUPERVISOR.password, reason: 'Bukti bayar bank diperlihatkan' });
    expect(o.details.payment.override).toMatchObject({ supervisorName: SUPERVISOR.name, supervisorNip: SUPERVISOR.nip, reason: 'Bukti bayar bank diperlihatkan' });
    expect(o.missing).not.toContain('payment');
    const supervisorId = (await admin.ok<OfficerRow[]>('officers.list')).find((x) => x.nip === SUPERVISOR.nip)!.id;
    const overrides = await audit('enrolment.payment_override');
    expect(overrides.map((r) => [r.officerId, r.detail.supervisorId, r.detail.counterOfficerId])).toEqual([[officerId, supervisorId, officerId]]);
    expect((await audit('login.failed')).some((r) => r.detail.nip === SUPERVISOR.nip)).toBe(true);

    // The rest of a complete enrolment, then the station lets it go.
    const [w, h] = [300, 400];
    const jpegBase64 = Buffer.from(jpeg.encode({ data: Buffer.alloc(w * h * 4, 180), width: w, height: h }, 85).data).toString('base64');
    await counter.ok('photo.save', { appointmentId: a.id, jpegBase64, width: w, height: h, camera: 'test', checks: { exposureOk: true } });
    await counter.ok('documents.scan', { appointmentId: a.id, docType: 'ktp' });
    await captureFourFingers(a.id);
    await completeServiceParts(counter.ok.bind(counter) as never, a.id);
    const sent = await counter.ok<EnrolmentView>('enrolment.submit', { appointmentId: a.id });
    expect(sent.appointment.status).toBe('awaiting_approval');
    expect(sent.missing).toEqual([]);
  }, 120_000);

  it('gives a 16-year-old 5 years and a married one 10, flagged against what was booked', async () => {
    // 17 tomorrow: 16 years and 364 days on the enrolment date.
    const a = await walkIn({ nik: '3171014812090003', fullName: 'Nadia Putri', birthDate: '2009-12-08', service: 'new' });
    await counter.ok('enrolment.open', { appointmentId: a.id });
    const single = await counter.ok<EnrolmentView>('enrolment.saveDetails', { appointmentId: a.id, passportType: 'ordinary', married: false, sameDay: false, travelPurpose: 'study', notes: '' });
    expect(single.details).toMatchObject({ validityYears: 5, bookedValidityYears: 5, fee: { total: 350_000 } });
    expect(single.flags).toEqual([{ kind: 'passport_type_changed', booked: 'electronic', now: 'ordinary' }]);
    const married = await counter.ok<EnrolmentView>('enrolment.saveDetails', { appointmentId: a.id, passportType: 'electronic', married: true, sameDay: false, travelPurpose: 'family', notes: '' });
    expect(married.details).toMatchObject({ validityYears: 10, bookedValidityYears: 5, fee: { total: 950_000 }, bookedFee: 650_000 });
    expect(married.flags).toEqual([{ kind: 'validity_differs', booked: 5, now: 10 }]);

    // Turning 17 on the enrolment date: 10 years.
    const b = await walkIn({ nik: '3171014712090003', fullName: 'Nadia Putri', birthDate: '2009-12-07', service: 'new' });
    await counter.ok('enrolment.open', { appointmentId: b.id });
    expect((await counter.ok<EnrolmentView>('enrolment.get', { appointmentId: b.id })).details.validityYears).toBe(10);
  });
});
