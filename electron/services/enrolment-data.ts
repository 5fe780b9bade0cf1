// What an enrolment keeps in its store row (the `data` JSON of the enrolments table), apart
// from the service that changes it: issuance, review and the view read the same shape.
import type { DetailsView, FingerprintInfo, MrzReadView } from '../contract-types';
import type { Correction } from '../../domain/enrolment-identity';
import type { BapData, OldPassportData } from '../../domain/service-step';
import type { DispatchRecord, HandoverRecord } from '../handover-types';
import type { Store } from '../store/store';

export interface EnrolmentData {
  mrz?: MrzReadView;
  /** A failed read held beside a valid `mrz` until the officer decides (keep-valid-read.ts). */
  mrzHeld?: MrzReadView;
  fingerprints?: FingerprintInfo[];
  // ---- identity and details (enrol-identity) ----
  /** The officer's corrections of the booked identity, in order (the booking row is untouched). */
  corrections?: Correction[];
  /** The identity step confirmed, with the MRZ disagreements the officer kept. */
  identityConfirmed?: { at: string; officerId: string; keptDisagreements: ('name' | 'birthDate' | 'sex')[] };
  /** Passport type, married, same-day service and the interview, as the officer confirmed them. */
  details?: NonNullable<DetailsView['chosen']>;
  /** A supervisor let an unpaid applicant go on (both officers are in the audit). */
  paymentOverride?: { supervisorId: string; supervisorName: string; supervisorNip: string; officerId: string; reason: string; at: string };
  /** The service step: a replacement's old passport, a lost or damaged passport's BAP. */
  oldPassport?: OldPassportData;
  bap?: BapData;
  /** Seconds the officer spent on each step of the enrolment screen (and how many visits),
   *  in the order first seen. Not content: the content hash leaves it out. */
  stepSeconds?: Record<string, { seconds: number; visits: number }>;
  /** Each version returned by a supervisor: its content hash and what it held, so the
   *  corrected enrolment's history keeps the earlier one. */
  returns?: ReturnedRecord[];
  /** How the passport left the office (issuance.ts): handed over at the counter, or sent by post. */
  handover?: HandoverRecord;
  dispatch?: DispatchRecord;
}

/** One return by a supervisor: the reason code (also in the history), their words, and the
 *  version they returned (its content hash and content, images by blob id). */
export interface ReturnedRecord { at: string; reason: string; note: string | null; officerId: string; contentHash: string; snapshot: Record<string, unknown> }

/** The images of an enrolment (documents, photo, signature) are blobs owned by its appointment. */
export const BLOB_OWNER = 'appointment';

/** The enrolment row's data, or nothing yet. */
export function enrolmentData(store: Store, appointmentId: string): EnrolmentData {
  return store.enrolments.get<EnrolmentData>(appointmentId)?.data ?? {};
}
