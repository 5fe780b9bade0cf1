// When an enrolment may go to the supervisor: decided by the station, not the screen. A pure
// function of what the enrolment holds, so the station's refusal, the summary step's list and
// the tests all read the same rule. Each item is a stable code the screens turn into a
// sentence in the officer's language.
import type { Service } from './catalog';

export const MISSING_ITEMS = [
  'mrz', 'mrz_held', 'identity', 'disagreement_name', 'disagreement_birthDate', 'disagreement_sex',
  'details', 'payment', 'documents', 'photo', 'photo_checks', 'fingerprints', 'fingerprint_reason',
] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];

/** Services that bring the old passport to the counter: its MRZ must be read (or typed). A
 *  lost passport is not there to read, and a disaster may have taken it. */
const OLD_PASSPORT_AT_COUNTER: readonly Service[] = ['replace_expired', 'replace_full', 'replace_damaged'];

export interface CompletenessInput {
  service: string;
  mrz: { present: boolean; held: boolean };
  identityConfirmed: boolean;
  /** Fields where the old passport's MRZ disagrees with the current (corrected) identity. */
  disagreements: readonly ('name' | 'birthDate' | 'sex')[];
  /** Disagreements the officer answered: the identity on the KTP is right, the old book differs. */
  disagreementsKept: readonly string[];
  detailsConfirmed: boolean;
  payment: { paid: boolean; overridden: boolean };
  documents: number;
  photo: null | { failedChecks: readonly string[]; keptWithReason: boolean };
  fingerprints: readonly { status: string; reason?: string | undefined; note?: string | undefined }[];
}

export function missingForSubmit(e: CompletenessInput): MissingItem[] {
  const out: MissingItem[] = [];
  if ((OLD_PASSPORT_AT_COUNTER as readonly string[]).includes(e.service) && !e.mrz.present) out.push('mrz');
  if (e.mrz.held) out.push('mrz_held');
  if (!e.identityConfirmed) out.push('identity');
  for (const d of e.disagreements) if (!e.disagreementsKept.includes(d)) out.push(`disagreement_${d}`);
  if (!e.detailsConfirmed) out.push('details');
  if (!e.payment.paid && !e.payment.overridden) out.push('payment');
  if (e.documents === 0) out.push('documents');
  if (!e.photo) out.push('photo');
  else if (e.photo.failedChecks.length > 0 && !e.photo.keptWithReason) out.push('photo_checks');
  if (e.fingerprints.length === 0 || e.fingerprints.some((f) => f.status === 'pending')) out.push('fingerprints');
  // A finger not captured (or kept below the threshold) is an exception: it needs its reason.
  else if (e.fingerprints.some((f) => (f.status === 'missing' && !f.reason) || (f.status === 'accepted_below_threshold' && !f.note?.trim()))) out.push('fingerprint_reason');
  return out;
}
