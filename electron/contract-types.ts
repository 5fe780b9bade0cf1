// Plain data shapes that cross the contract. Types only: the renderer imports them freely.
import type { AppointmentStatus, Role } from './contract';
import type { DocumentType } from '../domain/catalog';
import type { MissingItem } from '../domain/enrolment-completeness';
import type { Correction, CorrectionReason, Identity, IdentityField, TravelPurpose } from '../domain/enrolment-identity';
import type { ServiceStepMissing } from '../domain/service-step-completeness';
import type { BapData, OldPassportData, ServiceStepKind } from '../domain/service-step';
import type { ChecklistLine } from '../domain/service-rules';
import type { ReturnNotice } from './review-types';

// The devices' shapes (slots, capture, device settings, printers, network scanners) live in
// device-types.ts, the supervisor's review in review-types.ts; re-exported so every importer
// keeps one place to import from.
export type * from './device-types';
export type * from './review-types';

export interface SetupStatus {
  needsFirstAdmin: boolean;
  stationId: string;
  version: string;
  /** Today's date at the station (YYYY-MM-DD, local time): the queue opens on it. */
  today: string;
}

export interface SessionInfo {
  state: 'active' | 'locked';
  officerId: string;
  name: string;
  nip: string;
  roles: Role[];
  language: 'id' | 'en';
  idleLockMinutes: number;
}

export interface OfficerRow {
  id: string;
  name: string;
  nip: string;
  roles: Role[];
  disabled: boolean;
  language: 'id' | 'en';
  lockedUntil: string | null;
  createdAt: string;
}

export interface StationSettings {
  idleLockMinutes: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
  /** Fingerprint quality (0–100) that finishes a finger. */
  fingerprintThreshold: number;
  /** Attempts per finger before the officer decides. */
  fingerprintMaxAttempts: number;
  /** Past this many enrolments awaiting approval, the counter screens say so. */
  reviewBacklogLimit: number;
  /** Days an issued or closed application's images stay on a station once the office holds them. */
  blobRetentionDays: number;
}

export interface AppointmentRow {
  id: string;
  bookingCode: string;
  nik: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  sex: 'M' | 'F';
  service: string;
  passportType: 'ordinary' | 'electronic';
  appointmentDate: string;
  timeSlot: string;
  paymentStatus: 'paid' | 'unpaid';
  billingCode: string;
  phone: string;
  status: AppointmentStatus;
  priority: string[];
  walkIn: boolean;
  updatedAt: string;
  /** Number in the day's queue, given at check-in (null before); shown when called. */
  queueNumber: number | null;
}

/** One step in an application's history: which action, between which statuses, who, why. */
export interface ApplicationStep {
  /** The workflow action (domain/workflow.ts); null for steps recorded before actions were named. */
  action: string | null;
  from: AppointmentStatus | null;
  to: AppointmentStatus;
  reason: string | null;
  at: string;
  officerId: string | null;
  officerName: string | null;
}

export interface QueueView {
  rows: AppointmentRow[];
  /** Count per status for the whole day, independent of the filters. */
  counts: Partial<Record<AppointmentStatus, number>>;
  total: number;
  slots: string[];
  /** Number of rows matching the filters (rows may be capped by limit). */
  matched: number;
}

export interface ImportIssue {
  row: number;
  field: string;
  /** Stable code the renderer translates, e.g. "nik_birthdate_mismatch". */
  code: string;
  value?: string;
}

export interface ImportPreview {
  format: 'csv' | 'json';
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** Rows already in the store unchanged (importing them again changes nothing). */
  unchangedRows: number;
  issues: ImportIssue[];
  /** A problem with the file as a whole (not a table, unknown columns…). */
  fileError?: { code: string; params?: Record<string, string | number> };
  /** How the file's bytes were read: UTF-8, or Windows-1252 when they were not valid UTF-8. */
  encoding?: 'utf-8' | 'windows-1252';
  /** What the station read differently from what the file wrote (encoding, a phone's lost 0). */
  notes?: ImportNote[];
}

export interface ImportNote {
  /** Stable code the renderer translates (import.note.<code>). */
  code: 'encoding_windows_1252' | 'phone_zero_restored';
  params?: Record<string, string | number>;
}

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  skippedInvalid: number;
}

export interface AuditRow {
  seq: number;
  at: string;
  officerId: string | null;
  officerName: string | null;
  officerNip: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/** What the audit screen's filters offer. */
export interface AuditChoices {
  actions: string[];
  officers: { id: string; name: string; nip: string }[];
}

/** Median and 90th percentile of a duration, in minutes; null when nothing was measured. */
export interface DurationFigures { median: number | null; p90: number | null; count: number }

/** The day in numbers (supervisor, head of office), computed from the store. */
export interface DayNumbers {
  day: string;
  /** Booked for the day (walk-ins apart), and what became of them. */
  booked: number;
  checkedIn: number;
  /** Booked, not cancelled, never checked in: absent (a past day) or not yet come (today). */
  notArrived: number;
  cancelled: number;
  walkIns: number;
  priority: number;
  /** Enrolments first submitted that day, by service and passport type. */
  served: { service: string; passportType: string; count: number }[];
  servedTotal: number;
  enrolmentMinutes: DurationFigures;
  checkInToSubmitMinutes: DurationFigures;
  fingers: { finger: string; captured: number; retries: number; exceptions: number }[];
  returns: { reason: string; count: number }[];
  /** Enrolments waiting for approval at the end of each local hour. */
  backlog: { hour: string; waiting: number }[];
  /** Enrolments submitted per officer (a counter is staffed by one officer at a time). */
  perOfficer: { officerName: string; count: number }[];
}

/** An audit export: CSV text (UTF-8, header row) and the file name to save it under. */
export interface AuditExport {
  fileName: string;
  csv: string;
  rows: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  rows: number;
  /** First sequence number whose hash does not follow from the chain. */
  brokenAt?: number;
  /** What is wrong: a row changed, the chain not keyed, its tail cut off, or replaced. */
  problem?: 'broken' | 'unkeyed' | 'truncated' | 'head_mismatch';
  /** The row at which the chain became keyed (1: keyed from its start). */
  keyedFrom?: number;
  /** How many heads from the day-end reports were checked. */
  headsChecked?: number;
  /** The recorded head the chain fails. */
  head?: { seq: number; hash: string };
}

/** The audit chain's head, written to a day-end report in the data directory's reports/. */
export interface AuditHeadExport { fileName: string; date: string; seq: number; hash: string }

// ---- enrolment ------------------------------------------------------------------------------

export type { DocumentType };

export interface DocumentPageInfo {
  blobId: string;
  docType: DocumentType;
  page: number;
  mime: string;
  width: number;
  height: number;
  resolution: number;
  createdAt: string;
}

export interface PhotoInfo {
  blobId: string;
  width: number;
  height: number;
  camera: string;
  checks: Record<string, boolean | number>;
  createdAt: string;
  /** Why it was kept although a check failed. */
  overrideReason?: string;
}

export interface MrzFieldProblem { field: string; kind: 'checkDigit' | 'format'; key: string; params: Record<string, string> }
export interface MrzDisagreement { field: 'birthDate' | 'sex' | 'name'; key: string; params: { mrz: string; booking: string } }

/** An old passport's MRZ as read (by a reader or typed), checked and compared with the booking. */
export interface MrzReadView {
  lines: string[];
  format: 'TD1' | 'TD2' | 'TD3';
  documentType: string;
  issuingState: string;
  documentNumber: string;
  primaryIdentifier: string;
  secondaryIdentifier: string;
  nationality: string;
  birthDate: string | null;
  sex: 'M' | 'F' | 'X';
  expiryDate: string | null;
  valid: boolean;
  fieldErrors: MrzFieldProblem[];
  disagreements: MrzDisagreement[];
  source: 'reader' | 'typed';
  readAt: string;
}

export type FingerName =
  | 'right_thumb' | 'right_index' | 'right_middle' | 'right_ring' | 'right_little'
  | 'left_thumb' | 'left_index' | 'left_middle' | 'left_ring' | 'left_little';

export interface FingerprintInfo {
  finger: FingerName;
  status: 'pending' | 'captured' | 'accepted_below_threshold' | 'missing';
  score: number | null;
  attempts: number;
  blobId: string | null;
  /** Why a finger is missing (amputated, injured, bandaged, other). */
  missingReason?: 'amputated' | 'injured' | 'bandaged' | 'other';
  /** The officer's note: why a finger is missing or a print below the threshold was accepted. */
  note?: string;
  /** The sealed template of the kept print, and its family's format ('zfm', 'gt521'): a later
   *  1:1 check (the handover) needs a reader of the same family. */
  templateBlobId?: string | null;
  templateFormat?: string;
}

export interface EnrolmentView {
  appointment: AppointmentRow;
  documents: DocumentPageInfo[];
  photo: PhotoInfo | null;
  fingerprints: FingerprintInfo[];
  mrz: MrzReadView | null;
  /** A read that failed its check digits beside a valid `mrz`, until the officer decides. */
  mrzHeld: MrzReadView | null;
  /** What is still missing before the enrolment can go to approval (decided by the station:
   *  domain/enrolment-completeness.ts and domain/service-step-completeness.ts), in step order. */
  missing: (MissingItem | ServiceStepMissing)[];
  updatedAt: string;
  /** After a submit: whether the applicant's receipt came out of the receipt printer. */
  receipt?: ReceiptOutcome;
  /** The identity step: booking as booked, the officer's corrections, what follows from them. */
  identity: IdentityView;
  /** The details step: passport type, validity, fee, payment and the interview. */
  details: DetailsView;
  /** What the supervisor's review must look at (corrections, warnings, overrides). */
  flags: SupervisorFlag[];
  /** The service step (old passport, BAP), the document checklist and the signature. */
  service: ServiceStepView;
  checklist: ChecklistLine[];
  /** The checklist's next open line's usual type: what the documents step scans next. */
  nextDocType: DocumentType | null;
  signature: SignatureInfo | null;
  /** SHA-256 of what this view shows (electron/services/content-hash.ts): the review screen
   *  sends it back with an approval, and a changed enrolment is refused. */
  contentHash: string;
  /** While returned: why the supervisor sent it back (shown on the enrolment itself). */
  lastReturn?: ReturnNotice | null;
}

export type { MissingItem, Identity, Correction, IdentityField, CorrectionReason, TravelPurpose };

export interface IdentityView {
  booked: Identity;
  current: Identity;
  corrections: Correction[];
  confirmed: boolean;
  /** MRZ–identity disagreements (against the corrected identity) the officer has kept. */
  disagreementsKept: ('name' | 'birthDate' | 'sex')[];
  /** Disagreements between the old passport's MRZ and the current identity. */
  disagreements: MrzDisagreement[];
  nikWarning: 'nik_birthdate_mismatch' | 'nik_sex_mismatch' | null;
}

export interface DetailsView {
  /** What the officer confirmed, or null before the step was answered. */
  chosen: null | { passportType: 'ordinary' | 'electronic'; married: boolean; sameDay: boolean; travelPurpose: TravelPurpose; notes: string; confirmedAt: string };
  /** Validity the rules give at the enrolment date (current identity, married as confirmed). */
  validityYears: 5 | 10;
  /** Validity the booking was billed for: the rules at the appointment date, as booked. */
  bookedValidityYears: 5 | 10;
  fee: { lines: { item: 'passport' | 'same_day' | 'fine'; amount: number }[]; total: number; rulesVersion: string };
  bookedFee: number;
  payment: {
    status: 'paid' | 'unpaid';
    billingCode: string;
    override: null | { supervisorName: string; supervisorNip: string; reason: string; at: string };
  };
}

export type SupervisorFlag =
  | { kind: 'correction'; field: IdentityField }
  | { kind: 'nik_warning'; problem: 'nik_birthdate_mismatch' | 'nik_sex_mismatch' }
  | { kind: 'disagreement_kept'; field: 'name' | 'birthDate' | 'sex' }
  | { kind: 'validity_differs'; booked: 5 | 10; now: 5 | 10 }
  | { kind: 'passport_type_changed'; booked: 'ordinary' | 'electronic'; now: 'ordinary' | 'electronic' }
  | { kind: 'payment_override'; supervisorName: string };

export interface BlobData {
  id: string;
  mime: string;
  /** Base64 of the (decrypted) bytes, for display on this station's screen only. */
  base64: string;
  meta: Record<string, unknown>;
}

/** A read pushed by an MRZ reader; the screen with an open enrolment attaches it. */
export interface MrzReaderEvent {
  deviceId: string;
  lines: string[];
  framing: string;
  /** The frame's own checksum could not be verified (3M RTE BCC); the check digits held. */
  bccUnverified?: boolean;
}

export interface BarcodeScanEvent {
  deviceId: string;
  code: string;
  symbology?: string;
}

/** Where the station key is kept and how well, as the administrator's screen shows it. */
export interface KeyProtection {
  /** 'file': station.key, 0600; 'keychain': sealed by the OS keychain (safeStorage). */
  keptIn: 'file' | 'keychain';
  /** The keychain Electron found on Linux (e.g. gnome_libsecret, kwallet5, basic_text). */
  backend: string | null;
  /** The keychain protects the key only with a password built into Chromium. */
  weak: boolean;
  /** Sealing waits for an administrator to confirm a weak keychain. */
  awaitingConfirmation: boolean;
}

/**
 * The applicant's receipt (tanda terima) after an enrolment is submitted or reprinted. A
 * receipt that did not print never fails the submit: `message` says why, and the officer
 * can reprint (`receipts.reprint`).
 */
export interface ReceiptOutcome {
  printed: boolean;
  /** The collection date printed on it (ISO). */
  collectionDate: string;
  printerId?: string;
  /** Why it did not print, or a warning (paper near end). */
  message?: { key: string; params?: Record<string, string | number> };
}

/** The station's link to its office (status bar, settings). */
export interface OfficeStatus {
  paired: boolean;
  officeUrl: string | null;
  /** SHA-256 of the office certificate pinned at pairing. */
  certificate: string | null;
  /** online: the last exchange worked; offline: the office cannot be reached (the station works alone); error: the office refused. */
  state: 'not_paired' | 'online' | 'offline' | 'error';
  /** Changes made here that the office has not yet answered for. */
  waiting: number;
  lastSyncAt: string | null;
  lastError: { code: string; message: string } | null;
  /** Changes the office refused (kept for the supervisor to read). */
  refused: number;
  /** Images (photos, fingerprints, scans) made here whose bytes the office does not hold yet. */
  imagesWaiting: number;
  /** The station holds the office data key (paired with this version); without it images stay here. */
  officeKey: boolean;
}

export interface OfficeRefusalView { changeId: string; code: string; message: string; at: string; from?: 'office' | 'station'; params?: Record<string, string | number> }
/** One call of an applicant to a counter, as the waiting-room display shows it: no name. */
export interface QueueCall {
  queueNumber: number;
  counter: string;
  calledAt: string;
}

/** What calling an applicant gives the officer: whom, and the call the display shows. */
export interface QueueCallResult {
  row: AppointmentRow;
  call: QueueCall;
}

/** Where this station's waiting-room display opens (browser host), and this PC's counter. */
export interface DisplayAddress {
  /** A path of the browser host with the display's read-only token in its fragment. */
  path: string;
  counter: string;
}

// ---- service step, document checklist, signature (enrol-bap) ----------------------------------
export interface ServiceStepView {
  kind: ServiceStepKind;
  /** The old passport: number and expiry from its MRZ read, issue date and disposition typed. */
  oldPassport: (OldPassportData & { number: string | null; expiryDate: string | null }) | null;
  bap: BapData | null;
  /** The fine the rules file sets for this service and finding (0: none). */
  fine: number;
  fineSource: string;
}

export interface SignatureInfo {
  blobId: string;
  width: number;
  height: number;
  source: 'crop' | 'pad';
  /** The scanned page it was cut from. */
  fromBlobId: string | null;
  createdAt: string;
}

export interface BapPdfView { pdfBase64: string; fileName: string }
/** Text typed into an enrolment and not yet confirmed, kept by the station (drafts). */
export interface DraftView { field: string; text: string; updatedAt: string }
