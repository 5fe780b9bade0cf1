// The one contract between the renderer and the station: every method the renderer may
// call (name, input schema, output type, roles allowed) and every event the station pushes.
// There is deliberately no generic pass-through: a method that is not listed here does not
// exist for the renderer, and the dispatcher refuses it.
import { z } from 'zod';
import { DOCUMENT_TYPES, FINGERS, LANGUAGES, PASSPORT_TYPES, ROLES, STATUSES, type Role } from '../domain/catalog';
import { isoDateField, nipField, passwordField, personNameField, uniqueChoices, walkInInput } from '../domain/fields';
import type {
  AppointmentRow, AuditVerifyResult, AuditChoices, AuditExport, DayNumbers, DeviceSlot, ImportPreview, ImportResult, OfficerRow,
  QueueView, SessionInfo, ApplicationStep, SetupStatus, StationSettings, AuditRow, EnrolmentView, BlobData,
  MrzReaderEvent, BarcodeScanEvent, CaptureView, DevicesOverview, DeviceTestResult, TraceView,
  PrinterPageView, PrinterPrintResult,
  ScannerCertificateView, DiscoveredScannerView,
} from './contract-types';
import type { AuditHeadExport, KeyProtection } from './contract-types';
import type { ReceiptOutcome } from './contract-types';
import type { OfficeRefusalView, OfficeStatus } from './contract-types';
import type { DisplayAddress, QueueCallResult } from './contract-types';
import type { DraftView } from './contract-types';
import type { BacklogView, BatchGrantView, ReviewApproved, ReviewQueue, ReviewView } from './contract-types';
import { RETURN_REASONS } from '../domain/review';
import type { DispatchManifest, HandoverView, IssueResult, VerifyFingerResult } from './handover-types';
import type { ServiceRules } from '../domain/service-rules';
import type { DeliveryView, PrintJobView, PrintQueueView, QcView, Reconciliation, StockOverview, UncollectedRow } from './issuance-types';
import { SPOIL_REASONS } from '../domain/stock';
import type { LeaseView } from './lease-types';
import { BLOB_SCREEN_NAMES } from '../domain/blob-access';
import { CORRECTION_REASONS, IDENTITY_FIELDS, TRAVEL_PURPOSES } from '../domain/enrolment-identity';
import { IMPORT_CHUNK_CHARS, IMPORT_MAX_CHUNKS } from '../domain/import-limits';
import { bapInput, oldPassportInput } from '../domain/service-step';
import type { BapPdfView } from './contract-types';
import type { ReceiptSettingsView } from './receipt-settings-types';
import type { TripBackupView, TripDrive, TripView } from './trip-types';

export { ROLES, type Role } from '../domain/catalog';

/** Who may call a method: anyone (before login), any logged-in officer, or listed roles. */
export type Access = 'public' | 'locked' | 'officer' | readonly Role[];

interface MethodDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: carries the output type to both sides; never set at run time. */
  output?: O;
}
/**
 * `input` is a schema, or a function that builds it: built on the method's first call, so the
 * station does not build all of the contract's schemas (over half of its modules' start-up
 * time, traced) before it can answer its first call. Measured in `npm run bench` (cold-start).
 */
const method = <O>() => <I extends z.ZodType>(input: I | (() => I), access: Access): MethodDef<I, O> => {
  if (typeof input !== 'function') return { input, access };
  let built: I | undefined;
  return { get input() { return (built ??= input()); }, access };
};

// ---- shared field schemas (domain/: the screens check the same rules) ---------------------
export {
  STATUSES, SERVICES, PASSPORT_TYPES, PRIORITY_FLAGS, LANGUAGES, FINGERS, DOCUMENT_TYPES, type AppointmentStatus,
} from '../domain/catalog';
export { walkInInput } from '../domain/fields';

const nip = nipField;
const password = passwordField;
const personName = personNameField;
const isoDate = isoDateField;
const id = z.string().uuid();
const empty = z.object({}).strict();
/** The audit screen's filters: one officer, an action (or its family), a span of instants. */
const auditFilter = z.object({
  officerId: id.optional(),
  action: z.string().regex(/^[a-z_]+(\.[a-z_]+)*$/).max(64).optional(),
  from: z.string().datetime().optional(),
  to: z.string().datetime().optional(),
});
/** An import names its file once: inline as text or as bytes (base64), or by a finished upload of its bytes. */
const oneSource = (i: { content?: string; contentBase64?: string; uploadId?: string }) =>
  [i.content, i.contentBase64, i.uploadId].filter((x) => x !== undefined).length === 1;
/** Why a step was taken, for the application's history: required where the rule says so. */
const reason = z.string().trim().min(3, 'reason_short').max(300, 'too_long');
/** An import file: as text, or as its bytes in base64 (one of the two; the station checks). */
const importFile = {
  content: z.string().max(IMPORT_CHUNK_CHARS).optional(), contentBase64: z.string().max(IMPORT_CHUNK_CHARS).optional(), uploadId: z.string().uuid().optional(),
};

/** Which typed text of an enrolment a draft holds: 'mrz', 'notes', 'bap.narrative'… */
const draftField = z.string().regex(/^[a-z][a-zA-Z0-9_.-]{0,63}$/, 'draft_field');

// ---- methods ------------------------------------------------------------------------------
export const methods = {
  'setup.status': method<SetupStatus>()(empty, 'public'),
  'setup.createFirstAdmin': method<SessionInfo>()(() => z.object({ name: personName, nip, password }).strict(), 'public'),

  'auth.session': method<SessionInfo | null>()(empty, 'public'),
  'auth.login': method<SessionInfo>()(() => z.object({ nip, password: z.string().min(1).max(200) }).strict(), 'public'),
  'auth.logout': method<null>()(empty, 'locked'),
  'auth.lock': method<SessionInfo>()(empty, 'officer'),
  'auth.unlock': method<SessionInfo>()(() => z.object({ nip, password: z.string().min(1).max(200) }).strict(), 'locked'),
  /** Renderer reports officer activity (throttled) so the station's idle lock agrees with the screen. */
  'auth.touch': method<null>()(empty, 'officer'),
  'auth.setLanguage': method<SessionInfo>()(() => z.object({ language: z.enum(LANGUAGES) }).strict(), 'officer'),
  'auth.changePassword': method<null>()(() => z.object({ current: z.string().min(1).max(200), next: password }).strict(), 'officer'),

  'officers.list': method<OfficerRow[]>()(empty, ['admin']),
  'officers.create': method<OfficerRow>()(() => z.object({ name: personName, nip, password, roles: uniqueChoices(ROLES).min(1) }).strict(), ['admin']),
  'officers.update': method<OfficerRow>()(() => z.object({
    id, name: personName.optional(), roles: uniqueChoices(ROLES).min(1).optional(), disabled: z.boolean().optional(),
  }).strict(), ['admin']),
  'officers.resetPassword': method<null>()(() => z.object({ id, password }).strict(), ['admin']),

  'settings.get': method<StationSettings>()(empty, 'officer'),
  'settings.update': method<StationSettings>()(() => z.object({
    idleLockMinutes: z.number().int().min(1).max(240).optional(),
    maxFailedLogins: z.number().int().min(3).max(20).optional(),
    lockoutMinutes: z.number().int().min(1).max(1440).optional(),
    fingerprintThreshold: z.number().int().min(0).max(100).optional(),
    fingerprintMaxAttempts: z.number().int().min(1).max(10).optional(),
    reviewBacklogLimit: z.number().int().min(1).max(1000).optional(),
    blobRetentionDays: z.number().int().min(1).max(3650).optional(),
  }).strict(), ['admin']),

  'queue.view': method<QueueView>()(() => z.object({
    date: isoDate,
    query: z.string().max(64).default(''),
    statuses: uniqueChoices(STATUSES).default([]),
    slot: z.string().max(16).optional(),
    limit: z.number().int().min(1).max(1000).default(500),
    /** 'all': search every stored day (an applicant who came on another day). */
    scope: z.enum(['day', 'all']).default('day'),
  }).strict(), ['counter', 'supervisor', 'print', 'admin']),
  'queue.get': method<AppointmentRow>()(() => z.object({ id }).strict(), ['counter', 'supervisor', 'print', 'admin']),
  'queue.addWalkIn': method<AppointmentRow>()(walkInInput, ['counter', 'supervisor']),
  // Each step of an application's life is its own method, checked by the station against
  // domain/workflow.ts and the step's own preconditions; there is no generic "set status".
  'application.checkIn': method<AppointmentRow>()(() => z.object({ id }).strict(), ['counter', 'supervisor']),
  'application.undoCheckIn': method<AppointmentRow>()(() => z.object({ id }).strict(), ['counter', 'supervisor']),
  'application.cancel': method<AppointmentRow>()(() => z.object({ id, reason }).strict(), ['counter', 'supervisor']),
  'application.reopen': method<AppointmentRow>()(() => z.object({ id, reason }).strict(), ['supervisor']),
  'application.history': method<ApplicationStep[]>()(() => z.object({ id }).strict(), ['counter', 'supervisor', 'print', 'admin']),
  'queue.checkIn': method<AppointmentRow>()(() => z.object({ bookingCode: z.string().trim().min(4).max(32) }).strict(), ['counter', 'supervisor']),
  // Call next / call one applicant to this PC's counter (waiting-room display, audited).
  'queue.callNext': method<QueueCallResult>()(empty, ['counter', 'supervisor']),
  'queue.call': method<QueueCallResult>()(() => z.object({ id }).strict(), ['counter', 'supervisor']),
  'queue.displayAddress': method<DisplayAddress>()(empty, ['counter', 'supervisor', 'admin']),
  'queue.setCounter': method<DisplayAddress>()(() => z.object({ counter: z.string().trim().min(1).max(8).regex(/^[0-9A-Za-z-]+$/) }).strict(), ['admin', 'technician']),

  // A file travels whole ('content' as text, 'contentBase64' as bytes, so the station can tell
  // its encoding) when small, or first in chunks of base64 (import.begin / import.chunk, each
  // far below the WebSocket message limit) and is then named by 'uploadId'.
  'import.preview': method<ImportPreview>()(() => z.object({ fileName: z.string().max(260), ...importFile }).strict()
    .refine(oneSource, { message: 'content_or_upload' }), ['counter', 'supervisor', 'admin']),
  'import.commit': method<ImportResult>()(() => z.object({
    fileName: z.string().max(260), ...importFile, acceptValidRows: z.boolean().default(false),
  }).strict().refine(oneSource, { message: 'content_or_upload' }), ['counter', 'supervisor', 'admin']),
  /** Announces a file sent in chunks; a size over the limit is refused here, before any chunk. */
  'import.begin': method<{ uploadId: string }>()(() => z.object({
    fileName: z.string().max(260), size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  }).strict(), ['counter', 'supervisor', 'admin']),
  'import.chunk': method<{ receivedBytes: number; complete: boolean }>()(() => z.object({
    uploadId: z.string().uuid(), index: z.number().int().min(0).max(IMPORT_MAX_CHUNKS), data: z.string().max(IMPORT_CHUNK_CHARS), last: z.boolean(),
  }).strict(), ['counter', 'supervisor', 'admin']),

  /** The fee table, validity and document rules in force (each figure with its source). */
  'rules.current': method<ServiceRules>()(empty, 'officer'),
  'rules.load': method<ServiceRules>()(() => z.object({ content: z.string().min(2).max(200_000) }).strict(), ['admin']),

  'audit.list': method<AuditRow[]>()(() => auditFilter.extend({
    limit: z.number().int().min(1).max(500).default(100),
    before: z.number().int().min(1).optional(),
  }).strict(), ['admin', 'supervisor', 'head']),
  'audit.choices': method<AuditChoices>()(empty, ['admin', 'supervisor', 'head']),
  'audit.export': method<AuditExport>()(() => auditFilter.strict(), ['admin', 'head']),
  'audit.verify': method<AuditVerifyResult>()(empty, ['admin', 'head']),
  'numbers.day': method<DayNumbers>()(() => z.object({ day: isoDate }).strict(), ['supervisor', 'head']),
  'numbers.export': method<{ fileName: string; csv: string }>()(() => z.object({ day: isoDate }).strict(), ['supervisor', 'head']),
  /** Writes the audit chain's head to today's report file now (besides each day's end and each close). */
  'audit.exportHead': method<AuditHeadExport>()(empty, ['admin']),
  /** How the station key is kept; on Linux without a desktop keyring, sealing waits for an admin. */
  'keys.protection': method<KeyProtection>()(empty, ['admin']),
  /** The administrator read what a built-in-password keychain means and seals the key with it anyway. */
  'keys.confirmWeakSeal': method<KeyProtection>()(() => z.object({ understood: z.literal(true) }).strict(), ['admin']),

  'enrolment.open': method<EnrolmentView>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor']),
  'enrolment.get': method<EnrolmentView>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor', 'print']),
  'enrolment.submit': method<EnrolmentView>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor']),
  /** A returned enrolment, corrected, goes back for approval (the same completeness check). */
  'enrolment.resubmit': method<EnrolmentView>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor']),
  /** Approves within the batch the supervisor's password unlocked (review.unlockBatch), and
   *  only the content they were shown: `contentHash` is the view's. */
  'review.approve': method<ReviewApproved>()(() => z.object({ appointmentId: id, contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'content_hash') }).strict(), ['supervisor']),
  /** Back to the counter with a reason from the list (domain/review.ts) and the supervisor's words ("other" needs them). */
  'review.return': method<AppointmentRow>()(() => z.object({
    appointmentId: id, reason: z.enum(RETURN_REASONS), note: z.string().trim().max(300, 'too_long').optional(),
  }).strict(), ['supervisor']),
  /** The enrolments awaiting approval, oldest submission first, with the day's counts. */
  'review.queue': method<ReviewQueue>()(empty, ['supervisor']),
  /** One enrolment with its history, time per step and returned versions, for the decision. */
  'review.view': method<ReviewView>()(() => z.object({ appointmentId: id }).strict(), ['supervisor']),
  /** The supervisor's password again: a batch of at most 50 approvals within 15 minutes. */
  'review.unlockBatch': method<BatchGrantView>()(() => z.object({ password: z.string().min(1).max(200) }).strict(), ['supervisor']),
  'review.batch': method<BatchGrantView | null>()(empty, ['supervisor']),
  /** The guard rail the counter screens show: enrolments awaiting approval against the limit. */
  'review.backlog': method<BacklogView>()(empty, ['counter', 'supervisor']),
  /** Seconds the officer spent on one step of the enrolment screen (added up per step). */
  'enrolment.stepTime': method<{ recorded: boolean }>()(() => z.object({
    appointmentId: id, step: z.string().regex(/^[a-z_]{2,24}$/), seconds: z.number().min(0).max(4 * 3600),
  }).strict(), ['counter', 'supervisor']),
  /** The MRZ lines of the old passport, from a reader's event or typed by the officer. */
  'enrolment.attachMrz': method<EnrolmentView>()(() => z.object({
    appointmentId: id, lines: z.array(z.string().max(60)).min(1).max(4), source: z.enum(['reader', 'typed']),
  }).strict(), ['counter', 'supervisor']),
  /** The officer's decision on a failed MRZ read held beside a valid one: keep the valid read,
   *  or use the new one (allowed only if it is valid or was typed). */
  'enrolment.decideMrz': method<EnrolmentView>()(() => z.object({ appointmentId: id, choice: z.enum(['keep', 'useNew']) }).strict(), ['counter', 'supervisor']),
  /** A correction of the booked identity, made with the applicant's KTP in hand: kept with
   *  before, after and reason, audited, flagged for the supervisor; the booking row stays as booked. */
  'enrolment.correct': method<EnrolmentView>()(() => z.object({
    appointmentId: id, field: z.enum(IDENTITY_FIELDS), value: z.string().max(200),
    reason: z.enum(CORRECTION_REASONS), reasonText: reason,
  }).strict(), ['counter', 'supervisor']),
  /** The officer confirms the identity; each MRZ disagreement left is kept (the KTP is right). */
  'enrolment.confirmIdentity': method<EnrolmentView>()(() => z.object({
    appointmentId: id, keepDisagreements: uniqueChoices(['name', 'birthDate', 'sex']),
  }).strict(), ['counter', 'supervisor']),
  /** Passport type, married (for the validity rule), same-day service, and the interview. */
  'enrolment.saveDetails': method<EnrolmentView>()(() => z.object({
    appointmentId: id, passportType: z.enum(PASSPORT_TYPES), married: z.boolean(), sameDay: z.boolean(),
    travelPurpose: z.enum(TRAVEL_PURPOSES), notes: z.string().trim().max(1000, 'too_long').default(''),
  }).strict(), ['counter', 'supervisor']),
  /** An unpaid applicant goes on only with a supervisor's override: their NIP and password,
   *  typed at this counter, checked by the station (with the login throttle), and a reason. */
  'enrolment.overridePayment': method<EnrolmentView>()(() => z.object({
    appointmentId: id, nip, password: z.string().min(1).max(200), reason,
  }).strict(), ['counter', 'supervisor']),
  'documents.scan': method<EnrolmentView>()(() => z.object({
    appointmentId: id, docType: z.enum(DOCUMENT_TYPES), source: z.enum(['platen', 'feeder']).default('platen'),
    // The least dpi wanted; without it the document type's need. The scanner's nearest
    // offered resolution at or above it is used (escl-choose.ts), so no value is refused.
    resolution: z.number().int().min(75).max(1200).optional(),
    colorMode: z.enum(['color', 'grayscale']).default('color'),
  }).strict(), ['counter', 'supervisor']),
  /** Stops the scan running for this enrolment: the job is deleted on the scanner, nothing is stored. */
  'documents.cancelScan': method<{ cancelled: boolean }>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor']),
  'documents.remove': method<EnrolmentView>()(() => z.object({ appointmentId: id, blobId: id }).strict(), ['counter', 'supervisor']),
  'photo.save': method<EnrolmentView>()(() => z.object({
    appointmentId: id,
    jpegBase64: z.string().min(100).max(8_000_000).regex(/^[A-Za-z0-9+/=]+$/, 'base64'),
    width: z.number().int().min(100).max(4000), height: z.number().int().min(100).max(6000),
    camera: z.string().max(200),
    checks: z.record(z.string().max(40), z.union([z.boolean(), z.number()])),
    /** Why a photo that failed a check is kept (required then: the station checks). */
    overrideReason: reason.optional(),
  }).strict(), ['counter', 'supervisor']),
  /** `flow` (the screen's way): the first finger starts now, and each next one after a good capture. */
  'capture.start': method<CaptureView>()(() => z.object({ appointmentId: id, flow: z.boolean().optional() }).strict(), ['counter', 'supervisor']),
  'capture.get': method<CaptureView | null>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor']),
  /** retry: capture the current finger (again); skip: mark it missing (missingReason + note);
   *  accept: keep the best attempt below the threshold after the last attempt (note);
   *  select: make another finger current; cancel: stop waiting for the finger (nothing
   *  captured is lost). */
  'capture.action': method<CaptureView>()(() => z.object({
    appointmentId: id,
    action: z.enum(['retry', 'skip', 'accept', 'select', 'cancel']),
    finger: z.enum(FINGERS).optional(),
    missingReason: z.enum(['amputated', 'injured', 'bandaged', 'other']).optional(),
    note: z.string().trim().min(3).max(300).optional(),
  }).strict(), ['counter', 'supervisor']),
  /** The officer leaves the enrolment (not a reload, not a lost connection): the station
   *  lets go of the capture's images and templates; what was saved stays. */
  'capture.close': method<null>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor']),
  /** `screen`: why the image is read (audited), one of the screens that show kept images;
   *  the kind × role table in domain/blob-access.ts decides. */
  'blob.get': method<BlobData>()(() => z.object({ id, screen: z.enum(BLOB_SCREEN_NAMES) }).strict(), ['counter', 'supervisor', 'print']),

  'devices.slots': method<DeviceSlot[]>()(empty, 'officer'),
  'devices.overview': method<DevicesOverview>()(empty, ['technician', 'admin']),
  'devices.save': method<DevicesOverview>()(() => z.object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'device_id'),
    kind: z.enum(['fingerprint', 'mrz', 'barcode', 'document_scanner', 'printer']),
    driver: z.string().regex(/^[a-z0-9-]{2,40}$/),
    label: z.string().trim().min(1).max(60),
    port: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('path'), path: z.string().min(1).max(200), baudRate: z.number().int().min(1200).max(921600).optional() }).strict(),
      z.object({ kind: z.literal('usb'), vendorId: z.number().int().min(0).max(0xffff), productId: z.number().int().min(0).max(0xffff), serialNumber: z.string().max(100).optional(), baudRate: z.number().int().min(1200).max(921600).optional() }).strict(),
      z.object({ kind: z.literal('sim'), name: z.string().min(1).max(40) }).strict(),
      z.object({ kind: z.literal('url'), url: z.string().url().max(300) }).strict(),
    ]),
    settings: z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()])).default({}),
  }).strict(), ['technician']),
  'devices.remove': method<DevicesOverview>()(() => z.object({ id: z.string().max(40) }).strict(), ['technician']),
  'devices.reconnect': method<DevicesOverview>()(() => z.object({ id: z.string().max(40) }).strict(), ['technician']),
  'devices.test': method<DeviceTestResult>()(() => z.object({ id: z.string().max(40) }).strict(), ['technician']),
  'devices.trace': method<TraceView>()(() => z.object({ id: z.string().max(40), paused: z.boolean().optional(), clear: z.boolean().optional() }).strict(), ['technician']),
  'devices.traceText': method<{ fileName: string; text: string }>()(() => z.object({ id: z.string().max(40) }).strict(), ['technician']),
  /** Demo and training: make a simulated reader read a passport, a scanner see a code, or
   *  a finger lie on the simulated sensor (code = finger name, variant = quality or fault). */
  'devices.simulate': method<null>()(() => z.object({
    id: z.string().max(40),
    action: z.enum(['present_document', 'scan_code', 'place_finger', 'lift_finger', 'fault', 'feed_page']),
    lines: z.array(z.string().max(60)).min(1).max(3).optional(),
    code: z.string().max(64).optional(),
    variant: z.string().max(32).optional(),
  }).strict(), ['counter', 'supervisor', 'technician']),
  // Data page printers: the calibration (or sample) page with this printer's offsets, for
  // the preview while they are tried; saving them; printing the page on the printer.
  'printer.page': method<PrinterPageView>()(() => z.object({
    id: z.string().max(40), page: z.enum(['calibration', 'sample']),
    offsetX: z.number().min(-5).max(5).optional(), offsetY: z.number().min(-5).max(5).optional(),
  }).strict(), ['technician']),
  'printer.setOffsets': method<DevicesOverview>()(() => z.object({
    id: z.string().max(40), x: z.number().min(-5).max(5), y: z.number().min(-5).max(5),
  }).strict(), ['technician']),
  'printer.printPage': method<PrinterPrintResult>()(() => z.object({ id: z.string().max(40), page: z.enum(['calibration', 'sample']) }).strict(), ['technician']),
  // ---- device methods (device layer issue) are added below this line ----
  /** Prints the applicant's receipt again (after a printer problem, or a lost paper). */
  'receipts.reprint': method<ReceiptOutcome>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor']),
  /** The certificate an https eSCL scanner presents, trusting nothing, for the technician to confirm. */
  'devices.scannerCertificate': method<ScannerCertificateView>()(() => z.object({ url: z.string().url().max(300).regex(/^https:\/\//i, 'https_url') }).strict(), ['technician']),
  /** eSCL scanners announced on the local network by mDNS, listened for a few seconds. */
  'devices.discoverScanners': method<DiscoveredScannerView[]>()(() => z.object({ seconds: z.number().min(1).max(10).default(3) }).strict(), ['technician']),

  // ---- the office link (issue 12) ----
  'office.status': method<OfficeStatus>()(empty, 'officer'),
  'office.pair': method<OfficeStatus>()(() => z.object({
    url: z.string().trim().max(300), code: z.string().trim().min(1).max(40), stationName: z.string().trim().min(1).max(100),
  }).strict(), ['admin']),
  'office.syncNow': method<OfficeStatus>()(empty, ['admin', 'technician']),
  'office.refusals': method<OfficeRefusalView[]>()(empty, ['admin', 'supervisor']),

  // ---- the service step, the document checklist's companions and the signature (enrol-bap) ----
  /** What the officer typed in the service step (a patch, saved as it is typed). */
  'enrolment.saveService': method<EnrolmentView>()(() => z.object({ appointmentId: id, oldPassport: oldPassportInput.optional(), bap: bapInput.optional() }).strict(), ['counter', 'supervisor']),
  /** The BAP of a lost or damaged passport as a PDF in Indonesian, for signing. */
  'enrolment.bapPdf': method<BapPdfView>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor']),
  /** The applicant's signature cut from a scanned page of this enrolment; the box in fractions of the page. */
  'signature.crop': method<EnrolmentView>()(() => z.object({
    appointmentId: id, blobId: id,
    box: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), width: z.number().gt(0).max(1), height: z.number().gt(0).max(1) }).strict(),
  }).strict(), ['counter', 'supervisor']),
  /** The applicant's signature from a signature pad (SignaturePadPort; no driver yet). */
  'signature.fromPad': method<EnrolmentView>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor']),
  // ---- drafts: typed text kept while it is typed (enrol-flow) ----
  'drafts.list': method<DraftView[]>()(() => z.object({ appointmentId: id }).strict(), ['counter', 'supervisor']),
  'drafts.save': method<DraftView>()(() => z.object({ appointmentId: id, field: draftField, text: z.string().max(20_000) }).strict(), ['counter', 'supervisor']),
  'drafts.discard': method<null>()(() => z.object({ appointmentId: id, field: draftField }).strict(), ['counter', 'supervisor']),
  // ---- blank-book stock and the print queue (issue 11) ----
  'stock.overview': method<StockOverview>()(empty, ['print', 'supervisor', 'head', 'admin']),
  /** A delivery from headquarters: a range of serials of one series with its delivery note. */
  'stock.receive': method<DeliveryView>()(() => z.object({
    reference: z.string().trim().min(3).max(60), series: z.string().min(1).max(30), first: z.string().trim().min(1).max(20), last: z.string().trim().min(1).max(20),
  }).strict(), ['print', 'supervisor']),
  /** A blank book found damaged (or misprinted outside the queue). */
  'stock.spoil': method<StockOverview>()(() => z.object({ serial: z.string().trim().min(1).max(20), reason: z.enum(['damaged', 'misprint']) }).strict(), ['print', 'supervisor']),
  'stock.return': method<StockOverview>()(() => z.object({
    first: z.string().trim().min(1).max(20), last: z.string().trim().min(1).max(20), reference: z.string().trim().min(3).max(60),
  }).strict(), ['supervisor']),
  'stock.setConfig': method<StockOverview>()(() => z.object({
    series: z.array(z.object({
      id: z.string().regex(/^[a-z0-9-]{1,30}$/), passportType: z.enum(['ordinary', 'electronic']), pattern: z.string().min(1).max(100), example: z.string().min(1).max(9),
    }).strict()).min(1).max(20).optional(),
    uncollectedDays: z.number().int().min(1).max(365).optional(),
  }).strict(), ['admin']),
  'stock.reconciliation': method<Reconciliation>()(() => z.object({ day: isoDate }).strict(), ['supervisor', 'head']),
  'stock.reconciliationCsv': method<{ fileName: string; csv: string }>()(() => z.object({ day: isoDate }).strict(), ['supervisor', 'head']),
  'stock.uncollected': method<UncollectedRow[]>()(empty, ['print', 'supervisor', 'head']),
  'issuance.queue': method<PrintQueueView>()(empty, ['print', 'supervisor']),
  /** Prints the application's data page on the book with this serial (checked first). */
  'issuance.print': method<PrintJobView>()(() => z.object({ appointmentId: id, serial: z.string().trim().min(1).max(20), printerId: z.string().max(40).optional() }).strict(), ['print', 'supervisor']),
  'issuance.spoil': method<PrintJobView>()(() => z.object({ jobId: id, reason: z.enum(SPOIL_REASONS) }).strict(), ['print', 'supervisor']),
  /** A failed job whose book is still blank: the book back to stock, the application to the queue. */
  'issuance.requeue': method<PrintJobView>()(() => z.object({ jobId: id }).strict(), ['print', 'supervisor']),
  /** The quality check of a printed page through the MRZ reader. */
  'issuance.check': method<QcView>()(() => z.object({ jobId: id }).strict(), ['print', 'supervisor']),
  // ---- handover at the counter or the drive-thru, and dispatch by post (issue 11) ----
  /** A receipt's booking code, scanned or typed → the applicant, photo and what the handover needs. */
  'issuance.identify': method<HandoverView>()(() => z.object({ code: z.string().trim().min(4).max(32) }).strict(), ['print', 'supervisor']),
  'issuance.get': method<HandoverView>()(() => z.object({ appointmentId: id }).strict(), ['print', 'supervisor']),
  /** One finger on the reader here, 1:1 on the device against the enrolled templates of its family. */
  'issuance.verifyFinger': method<VerifyFingerResult>()(() => z.object({ appointmentId: id }).strict(), ['print', 'supervisor']),
  /** Handed over: to the applicant (finger matched here, or a supervisor's NIP + password + reason) or a representative. */
  'issuance.issue': method<IssueResult>()(() => z.object({
    appointmentId: id,
    collector: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('applicant') }).strict(),
      z.object({ kind: z.literal('representative'), name: z.string().trim().max(100), nik: z.string().trim().max(32), letterNote: z.string().trim().max(300), letterBlobId: id.optional() }).strict(),
    ]),
    override: z.object({ nip, password: z.string().min(1).max(200), reason }).strict().optional(),
  }).strict(), ['print', 'supervisor']),
  'issuance.dispatch': method<IssueResult>()(() => z.object({
    appointmentId: id, address: z.string().trim().max(500), courier: z.string().trim().max(60),
    trackingNumber: z.string().trim().max(40), dispatchDate: isoDate,
  }).strict(), ['print', 'supervisor']),
  /** The representative's letter of authorisation on the document scanner, kept sealed; its id goes with issuance.issue. */
  'issuance.scanLetter': method<{ blobId: string; pages: number }>()(() => z.object({ appointmentId: id }).strict(), ['print', 'supervisor']),
  /** The day's dispatch manifest, as CSV and PDF. */
  'issuance.manifest': method<DispatchManifest>()(() => z.object({ day: isoDate }).strict(), ['print', 'supervisor', 'head']),
  // ---- blank-book leases from the office (issue 12): a paired print station prints only on leased books ----
  'stock.lease': method<LeaseView>()(empty, ['print', 'supervisor', 'head', 'admin']),
  'stock.leaseRequest': method<LeaseView>()(() => z.object({ series: z.string().min(1).max(30), count: z.number().int().min(1).max(500) }).strict(), ['print', 'supervisor']),
  /** Still printing: the held leases run on (and the office's list of them replaces this station's). */
  'stock.leaseExtend': method<LeaseView>()(empty, ['print', 'supervisor']),
  /** Gives a lease back; its books still blank here may go to another print station. */
  'stock.leaseReturn': method<LeaseView>()(() => z.object({ leaseId: id }).strict(), ['print', 'supervisor']),
  /** A station away longer than the office keeps deletions (60 days) pulls everything again. */
  'office.resync': method<OfficeStatus>()(empty, ['admin']),
  // ---- the receipt's office settings: name, collection hours, working days, closures (stock-admin) ----
  'receipts.settings': method<ReceiptSettingsView>()(empty, ['admin']),
  'receipts.setSettings': method<ReceiptSettingsView>()(() => z.object({
    officeName: z.string().trim().min(3).max(80).optional(),
    officeAddress: z.string().trim().max(160).optional(),
    collectionWorkingDays: z.number().int().min(0).max(60).optional(),
    collectionHours: z.array(z.string().trim().min(1).max(60)).min(1).max(4).optional(),
    closedOnCollectiveLeave: z.boolean().optional(),
    extraClosedDates: z.array(isoDate).max(60).optional(),
    closedWeekdays: z.array(z.number().int().min(0).max(6)).max(6).optional(),
  }).strict(), ['admin']),
  // ---- the mobile unit's trip (issue 12, trip-screen) ----
  // Preparing a trip pulls the trip's bookings and the office's backup key over the office
  // link and marks the station as on the road: a station-level act like office.syncNow, so the
  // same roles — the technician readies the unit's laptop before it leaves, the administrator
  // where no technician goes. Backing up and finishing are the same people's job on return
  // (the backup is encrypted to the office's key; finishing is a sync). The counter officer
  // on the road works as at any counter and only reads whether the station is on trip.
  'trip.status': method<TripView>()(empty, 'officer'),
  'trip.drives': method<TripDrive[]>()(empty, ['admin', 'technician']),
  'trip.prepare': method<TripView>()(z.object({ from: isoDate, to: isoDate }).strict(), ['admin', 'technician']),
  /** An absolute directory: a drive's mount point from trip.drives, or a folder the officer names. */
  'trip.backup': method<TripBackupView>()(z.object({ dir: z.string().trim().min(1).max(4096) }).strict(), ['admin', 'technician']),
  /** A backup to backupDir first when given, then the sync; pressed again after a broken link, it resumes. */
  'trip.finish': method<TripView>()(z.object({ backupDir: z.string().trim().min(1).max(4096).optional() }).strict(), ['admin', 'technician']),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Exclude<Methods[M]['output'], undefined>;

// ---- events pushed by the station ------------------------------------------------------------
export interface Events {
  'session.changed': SessionInfo | null;
  'queue.changed': { date: string };
  'device.status': DeviceSlot;
  'mrz.read': MrzReaderEvent;
  'barcode.scanned': BarcodeScanEvent;
  'enrolment.changed': { appointmentId: string };
  'capture.state': CaptureView;
  /** This session was ended by the station (sent just before session.changed → null). */
  'session.ended': { reason: SessionEndReason };
  // ---- device events (device layer issue) are added below this line ----
  'office.status': OfficeStatus;
}
export type EventName = keyof Events;
/** Why the station ended a session on its own: an administrator disabled the officer or reset their password. */
export type SessionEndReason = 'disabled' | 'password_reset';

/**
 * Who may receive an event: the access rule of the contract method that reads the same
 * data, and — for an enrolment's live data — only the session that has that enrolment open
 * ('its-enrolment': the payload's appointmentId; 'open-enrolment': any, for the MRZ reader,
 * whose read belongs to the applicant on screen). A locked session receives nothing but its
 * own session.changed. Keyed by EventName: an event added without its rule does not compile.
 */
export interface EventRule { access: Access; relevance?: 'open-enrolment' | 'its-enrolment' }
export const eventRules: { readonly [E in EventName]: EventRule } = {
  'session.changed': { access: 'public' },
  'queue.changed': { access: methods['queue.view'].access },
  'device.status': { access: methods['devices.slots'].access },
  'mrz.read': { access: methods['enrolment.attachMrz'].access, relevance: 'open-enrolment' },
  // The counter checks in with it; the print operator scans the receipt at the handover.
  'barcode.scanned': { access: ['counter', 'supervisor', 'print'] },
  'enrolment.changed': { access: methods['enrolment.get'].access },
  'capture.state': { access: methods['capture.get'].access, relevance: 'its-enrolment' },
  'session.ended': { access: 'public' },
  'office.status': { access: methods['office.status'].access },
};

/** Errors cross the contract as values with a stable code the renderer translates. */
export type ErrorCode =
  | 'unknown_method' | 'bad_input' | 'not_logged_in' | 'locked' | 'forbidden'
  | 'bad_credentials' | 'account_locked' | 'account_disabled' | 'already_set_up'
  | 'not_found' | 'conflict' | 'invalid_transition' | 'import_invalid' | 'device' | 'internal'
  /** Too many failed logins from one connection: wait `seconds`. */
  | 'throttled'
  /** The office link failed: params.reason says how (office-link.ts codes). */
  | 'office';

export interface ContractError {
  code: ErrorCode;
  /** Optional details for the translated sentence, e.g. { field: 'nik' } or { minutes: 15 }. */
  params?: Record<string, string | number>;
  /** Which input field was wrong (bad_input). */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };
