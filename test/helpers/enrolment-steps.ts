// The identity and details steps answered as an officer does for a standard applicant: the
// identity confirmed (any MRZ disagreement kept: the KTP is right), the booked passport type,
// tourism as the purpose, the old passport's MRZ typed for a renewal, and — for an unpaid walk-in — a supervisor's override at the counter.
import type { EnrolmentView } from '../../electron/contract-types';
import { composeTd3 } from '../../domain/mrz/compose-td3';

export const SUPERVISOR = { name: 'Rahmat Hidayat', nip: '197805102005011002', password: 'loket-rahmat-2024' };

interface Caller { ok<T = unknown>(method: string, input?: unknown): Promise<T> }

/** An administrator's session adds the supervisor who overrides payments in the tests. */
export async function addSupervisor(admin: Caller): Promise<void> {
  await admin.ok('officers.create', { ...SUPERVISOR, roles: ['supervisor'] });
}

export async function answerIdentityAndDetails(s: Caller, appointmentId: string, opts: { supervisor?: { nip: string; password: string } } = {}): Promise<EnrolmentView> {
  let v = await s.ok<EnrolmentView>('enrolment.get', { appointmentId });
  // A renewal brings the old passport: its MRZ, as the booking's data would have it.
  if (['replace_expired', 'replace_full', 'replace_damaged'].includes(v.appointment.service) && !v.mrz) {
    const words = v.appointment.fullName.toUpperCase().split(/\s+/);
    const mrz = composeTd3({
      documentNumber: 'B1234567', primaryIdentifier: words.at(-1)!, secondaryIdentifier: words.slice(0, -1).join(' '),
      birthDate: v.appointment.birthDate, sex: v.appointment.sex, expiryDate: '2025-01-10',
    });
    if (!mrz.ok) throw new Error(`no MRZ for ${v.appointment.bookingCode}`);
    await s.ok('enrolment.attachMrz', { appointmentId, lines: mrz.lines, source: 'typed' });
  }
  v = await s.ok<EnrolmentView>('enrolment.confirmIdentity', { appointmentId, keepDisagreements: v.identity.disagreements.map((d) => d.field) });
  v = await s.ok<EnrolmentView>('enrolment.saveDetails', {
    appointmentId, passportType: v.appointment.passportType, married: false, sameDay: false, travelPurpose: 'tourism', notes: '',
  });
  if (v.appointment.paymentStatus === 'unpaid') {
    if (!opts.supervisor) throw new Error(`${v.appointment.bookingCode} is unpaid: pass a supervisor for the override`);
    v = await s.ok<EnrolmentView>('enrolment.overridePayment', { appointmentId, nip: opts.supervisor.nip, password: opts.supervisor.password, reason: 'Bukti bayar diperlihatkan' });
  }
  return v;
}
