// The rules of handing a printed passport over — at the counter, at the drive-thru, or by
// post — as pure functions the station checks inside its transaction and the handover
// screen reads to say what is still missing. The quality check is a flag here: where the
// office requires it, a book is handed over only after it passed (the print queue records
// that); the station decides whether it is required and whether it happened.
import type { AppointmentStatus } from './catalog';
import { parseNik } from './nik';

/** Why the passport cannot leave the office at all yet (nothing the print operator types fixes these). */
export type IssuanceBlocker = 'not_printed' | 'already_issued' | 'already_dispatched' | 'qc_missing';

/** How the person collecting was recognised as the applicant. */
export type Verification =
  | { method: 'finger'; finger: string }
  /** A supervisor, verified by NIP and password at this station, vouched for the person. */
  | { method: 'override'; supervisorId: string; reason: string };

/** The letter of authorisation a representative brings: scanned, or its details noted. */
export type AuthorisationLetter = { kind: 'scanned'; blobId: string } | { kind: 'noted'; note: string };

export type Collector =
  | { kind: 'applicant' }
  | { kind: 'representative'; name: string; nik: string; letter: AuthorisationLetter };

export interface IssuanceState {
  status: AppointmentStatus;
  /** Whether this office hands over only books that passed the quality check. */
  qcRequired: boolean;
  /** Whether this application's printed book passed it. */
  qcPassed: boolean;
}

export interface HandoverFacts extends IssuanceState {
  collector: Collector;
  /** Needed when the applicant collects in person; a representative proves who they are with their NIK and letter. */
  verification: Verification | null;
}

export type HandoverProblem =
  | IssuanceBlocker
  | 'identity_unverified' | 'override_reason'
  | 'representative_name' | 'representative_nik' | 'letter_missing';

export interface DispatchFacts extends IssuanceState {
  address: string;
  courier: string;
  trackingNumber: string;
  /** ISO date the parcel left the office. */
  dispatchDate: string;
  /** The office's today: a parcel is not recorded as sent in the future. */
  today: string;
}

export type DispatchProblem = IssuanceBlocker | 'address_missing' | 'courier_missing' | 'tracking_missing' | 'dispatch_date';

/** Couriers offered first; another may be typed. Pos Indonesia is the default. */
export const COURIERS = ['Pos Indonesia', 'JNE', 'TIKI', 'J&T Express', 'SiCepat'] as const;
export const DEFAULT_COURIER = COURIERS[0];

export const MIN_REASON = 3;

/** What stops the passport leaving the office, whoever comes for it. */
export function issuanceBlockers(s: IssuanceState): IssuanceBlocker[] {
  if (s.status === 'issued') return ['already_issued'];
  if (s.status === 'dispatched') return ['already_dispatched'];
  const out: IssuanceBlocker[] = [];
  if (s.status !== 'printed') out.push('not_printed');
  if (s.qcRequired && !s.qcPassed) out.push('qc_missing');
  return out;
}

/** Everything that must hold before a handover is recorded; empty means go. */
export function handoverPreconditions(f: HandoverFacts): HandoverProblem[] {
  const out: HandoverProblem[] = [...issuanceBlockers(f)];
  if (f.collector.kind === 'applicant') {
    if (!f.verification) out.push('identity_unverified');
    else if (f.verification.method === 'override' && f.verification.reason.trim().length < MIN_REASON) out.push('override_reason');
  } else {
    const r = f.collector;
    if (r.name.trim().length < 2) out.push('representative_name');
    if (typeof parseNik(r.nik.trim()) === 'string') out.push('representative_nik');
    if (r.letter.kind === 'noted' ? r.letter.note.trim().length < MIN_REASON : !r.letter.blobId) out.push('letter_missing');
  }
  return out;
}

/** Everything that must hold before a dispatch by post is recorded; empty means go. */
export function dispatchPreconditions(f: DispatchFacts): DispatchProblem[] {
  const out: DispatchProblem[] = [...issuanceBlockers(f)];
  if (f.address.trim().length < 10) out.push('address_missing');
  if (f.courier.trim().length < 2) out.push('courier_missing');
  if (!/^[A-Za-z0-9-]{6,40}$/.test(f.trackingNumber.trim())) out.push('tracking_missing');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.dispatchDate) || f.dispatchDate > f.today) out.push('dispatch_date');
  return out;
}
