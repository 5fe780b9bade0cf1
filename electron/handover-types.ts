// What the handover and dispatch methods return: shapes shared by the station and the
// handover screen (types only on the renderer's side).
import type { AppointmentRow, ReceiptOutcome } from './contract-types';
import type { Collector, IssuanceBlocker, Verification } from '../domain/handover';

/** How the passport left the office, kept in the enrolment (it replicates with it). */
export interface HandoverRecord {
  kind: 'counter';
  at: string;
  officerId: string;
  officerName: string;
  collector: Collector;
  /** How the applicant was recognised (null for a representative: their NIK and letter stand instead). */
  verification: Verification | null;
}

export interface DispatchRecord {
  kind: 'post';
  at: string;
  officerId: string;
  officerName: string;
  address: string;
  courier: string;
  trackingNumber: string;
  dispatchDate: string;
}

export interface HandoverView {
  appointment: AppointmentRow;
  photoBlobId: string | null;
  /** What stops the passport leaving the office now (empty: it may go). */
  blockers: IssuanceBlocker[];
  /** The enrolled fingers whose templates are kept, with the family each was taken on. */
  enrolledFingers: { finger: string; format: string }[];
  /** The fingerprint reader here, or null when none is configured. */
  reader: { id: string; format: string } | null;
  /** Whether the reader here can compare against at least one enrolled template. */
  canCompare: boolean;
  /** A finger already matched at this station for this officer, still fresh. */
  verified: { finger: string; at: string } | null;
  handover: HandoverRecord | null;
  dispatch: DispatchRecord | null;
}

export interface VerifyFingerResult {
  matched: boolean;
  /** The enrolled finger it matched. */
  finger?: string;
  score?: number;
  /** How many enrolled templates it was compared with. */
  compared: number;
  view: HandoverView;
}

export interface IssueResult {
  view: HandoverView;
  receipt: ReceiptOutcome;
}

export interface DispatchManifest {
  day: string;
  count: number;
  csvFileName: string;
  csv: string;
  pdfFileName: string;
  pdfBase64: string;
}
