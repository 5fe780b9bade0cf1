// The enrolment of one applicant at the counter: old passport MRZ, document scans, photo,
// and the fingerprint outcome, autosaved as each piece arrives. Images are sealed blobs
// owned by the appointment; the enrolment row holds only what the officer confirmed.
import { imageSize } from 'image-size';
import type { Role } from '../contract';
import type {
  DocumentPageInfo, DocumentType, EnrolmentView, FingerprintInfo, MrzReadView, PhotoInfo, BlobData, ReturnNotice,
} from '../contract-types';
import { parseMrz } from '../../domain/mrz/parse-mrz';
import { compareWithBooking } from '../../domain/mrz/compare-booking';
import { mayReplaceValidRead, placeMrzRead } from '../../domain/mrz/keep-valid-read';
import type { Store } from '../store/store';
import { StationError } from './errors';
import type { QueueService } from './queue';
import type { WorkflowService } from './workflow';
import { EDITABLE_STATUSES } from '../../domain/workflow';
import { mayReadBlob, type BlobScreen } from '../../domain/blob-access';
import { DOCUMENT_MIN_DPI } from '../../domain/document-scan';
import { ESCL_KEYS } from '../../native/drivers/escl/escl-keys';
import type { DetailsView, IdentityView, SupervisorFlag } from '../contract-types';
import { missingForSubmit } from '../../domain/enrolment-completeness';
import {
  checkCorrection, currentIdentity, nikWarning, type Correction, type CorrectionReason, type Identity, type IdentityField, type TravelPurpose,
} from '../../domain/enrolment-identity';
import { feeLines, maxValidityYears, total } from '../../domain/service-rules';
import { localDate } from '../../domain/dates';
import type { OfficerRecord } from '../store/officers-repo';
import { ServiceRulesService } from './service-rules';
import { documentChecklist, fineFor, nextDocumentType } from '../../domain/service-rules';
import type { BapData, BapInput, OldPassportData, OldPassportInput } from '../../domain/service-step';
import { serviceStepKind } from '../../domain/service-step';
import { mergeMissing, serviceStepMissing } from '../../domain/service-step-completeness';
import type { Service } from '../../domain/catalog';
import type { BapPdfView, ServiceStepView, SignatureInfo } from '../contract-types';
import { cropSignature, type CropBox } from './signature-crop';
import type { SignaturePadPort } from './signature-pad';
import { contentHash, hashedContent } from './content-hash';
import type { DispatchRecord, HandoverRecord } from '../handover-types';

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

export interface ScannedPage { mime: string; bytes: Buffer }
/** What the scanner was actually asked for, chosen from its capabilities. */
export interface ScanUsed { source: 'platen' | 'feeder'; resolution: number; colorMode: 'color' | 'grayscale' | 'black_white' }
export type ScanOutcome = { ok: true; pages: ScannedPage[]; used: ScanUsed } | { ok: false; error: { key: string; params?: Record<string, string | number> } };

/** The document scanner as the enrolment needs it; the device service provides one. */
export interface DocumentScannerPort {
  /** `minResolution`: what the document needs; the scanner's nearest at or above is used. */
  scan(req: { source: 'platen' | 'feeder'; minResolution: number; colorMode: 'color' | 'grayscale' }, signal?: AbortSignal): Promise<ScanOutcome>;
}

const OWNER = 'appointment';

export class EnrolmentService {
  /** One scan at a time per enrolment, with the means to stop it. */
  private readonly scansRunning = new Map<string, AbortController>();

  constructor(
    private readonly store: Store,
    private readonly queue: QueueService,
    private readonly now: () => Date,
    private readonly scanner: () => DocumentScannerPort | null,
    private readonly changed: (appointmentId: string) => void,
    private readonly workflow: WorkflowService,
    private readonly rules: ServiceRulesService = new ServiceRulesService(store, now),
    /** No pad driver exists yet (signature-pad.ts): null means "crop from a scan". */
    private readonly signaturePad: () => SignaturePadPort | null = () => null,
  ) {}

  private data(appointmentId: string): EnrolmentData {
    return this.store.enrolments.get<EnrolmentData>(appointmentId)?.data ?? {};
  }

  view(appointmentId: string): EnrolmentView {
    const appointment = this.queue.get(appointmentId);
    const data = this.data(appointmentId);
    const blobs = this.store.blobs.listFor(OWNER, appointmentId);
    const documents: DocumentPageInfo[] = blobs.filter((b) => b.kind === 'document').map((b) => ({
      blobId: b.id, docType: b.meta.docType as DocumentType, page: Number(b.meta.page), mime: b.mime,
      width: Number(b.meta.width), height: Number(b.meta.height), resolution: Number(b.meta.resolution), createdAt: b.createdAt,
    }));
    const photoBlob = blobs.filter((b) => b.kind === 'photo').at(-1);
    const photo: PhotoInfo | null = photoBlob ? {
      blobId: photoBlob.id, width: Number(photoBlob.meta.width), height: Number(photoBlob.meta.height),
      camera: String(photoBlob.meta.camera ?? ''), checks: (photoBlob.meta.checks ?? {}) as PhotoInfo['checks'], createdAt: photoBlob.createdAt,
      ...(typeof photoBlob.meta.overrideReason === 'string' ? { overrideReason: photoBlob.meta.overrideReason } : {}),
    } : null;
    const fingerprints = data.fingerprints ?? [];
    const identity = this.identityView(appointment, data);
    const details = this.detailsView(appointment, data, identity.current);
    const failedChecks = photo ? Object.entries(photo.checks).filter(([, v]) => v === false).map(([k]) => k) : [];
    const missing = missingForSubmit({
      service: appointment.service,
      mrz: { present: Boolean(data.mrz), held: Boolean(data.mrzHeld) },
      identityConfirmed: identity.confirmed,
      disagreements: identity.disagreements.map((d) => d.field),
      disagreementsKept: identity.disagreementsKept,
      detailsConfirmed: details.chosen !== null,
      payment: { paid: appointment.paymentStatus === 'paid', overridden: details.payment.override !== null },
      documents: documents.length,
      photo: photo ? { failedChecks, keptWithReason: Boolean(photoBlob?.meta.keptReason) } : null,
      fingerprints: fingerprints.map((f) => ({ status: f.status, reason: f.missingReason, note: f.note })),
    });
    // The service step, the document checklist and the signature add their own items.
    const extra = this.serviceParts(appointment.service as Service, data, documents, blobs);
    const missingAll: EnrolmentView['missing'] = mergeMissing(missing, extra.missing);
    const updatedAt = this.store.enrolments.get(appointmentId)?.updatedAt ?? appointment.updatedAt;
    const base = {
      appointment, documents, photo, fingerprints, mrz: data.mrz ?? null, mrzHeld: data.mrzHeld ?? null, missing: missingAll, updatedAt,
      identity, details, flags: supervisorFlags(identity, details, appointment.passportType),
      service: extra.service, checklist: extra.checklist, nextDocType: nextDocumentType(extra.checklist), signature: extra.signature,
    };
    return { ...base, contentHash: contentHash(base), lastReturn: appointment.status === 'returned' ? this.lastReturn(appointmentId) : null };
  }

  private identityView(a: EnrolmentView['appointment'], data: EnrolmentData): IdentityView {
    const booked: Identity = { fullName: a.fullName, birthPlace: a.birthPlace, birthDate: a.birthDate, sex: a.sex, nik: a.nik };
    const corrections = data.corrections ?? [];
    const current = currentIdentity(booked, corrections);
    // The old passport is compared with the identity as corrected: a correction that takes the
    // passport's value answers that disagreement.
    const disagreements = data.mrz ? compareWithBooking(data.mrz, { birthDate: current.birthDate, sex: current.sex, fullName: current.fullName }) : [];
    return {
      booked, current, corrections, confirmed: Boolean(data.identityConfirmed),
      disagreementsKept: data.identityConfirmed?.keptDisagreements ?? [], disagreements, nikWarning: nikWarning(current),
    };
  }

  private detailsView(a: EnrolmentView['appointment'], data: EnrolmentData, current: Identity): DetailsView {
    const rules = this.rules.current();
    const chosen = data.details ?? null;
    const passportType = chosen?.passportType ?? a.passportType;
    // The booking system bills the validity the rules give on the appointment day; the
    // counter applies them on the day of enrolment, to the identity as corrected.
    const bookedValidityYears = maxValidityYears(rules, { birthDate: a.birthDate, married: false }, a.appointmentDate);
    const validityYears = maxValidityYears(rules, { birthDate: current.birthDate, married: chosen?.married ?? false }, localDate(this.now()));
    const service = a.service as Parameters<typeof feeLines>[1]['service'];
    const lines = feeLines(rules, { passportType, years: validityYears, service, sameDay: chosen?.sameDay ?? false });
    const bookedFee = total(feeLines(rules, { passportType: a.passportType, years: bookedValidityYears, service, sameDay: false }));
    const o = data.paymentOverride;
    return {
      chosen, validityYears, bookedValidityYears, bookedFee,
      fee: { lines, total: total(lines), rulesVersion: rules.version },
      payment: {
        status: a.paymentStatus, billingCode: a.billingCode,
        override: o ? { supervisorName: o.supervisorName, supervisorNip: o.supervisorNip, reason: o.reason, at: o.at } : null,
      },
    };
  }

  /** The officer corrects one field of the booked identity with the KTP in hand. */
  correct(officerId: string, appointmentId: string, c: { field: IdentityField; value: string; reason: CorrectionReason; reasonText: string }): EnrolmentView {
    this.requireOpen(appointmentId);
    const data = this.data(appointmentId);
    const current = this.identityView(this.queue.get(appointmentId), data).current;
    const checked = checkCorrection(c.field, c.value, current, localDate(this.now()));
    if (!checked.ok) throw new StationError('bad_input', { reason: checked.problem }, 'value');
    const at = this.now().toISOString();
    const correction: Correction = { field: c.field, before: current[c.field], after: checked.value, reason: c.reason, reasonText: c.reasonText.trim(), at, officerId };
    // A changed identity is confirmed again; the values stay out of the audit (personal data):
    // it names the field and the reason, the enrolment keeps before and after.
    return this.save(officerId, appointmentId, { corrections: [...(data.corrections ?? []), correction], identityConfirmed: undefined },
      'enrolment.identity_corrected', { field: c.field, reason: c.reason });
  }

  confirmIdentity(officerId: string, appointmentId: string, keepDisagreements: ('name' | 'birthDate' | 'sex')[]): EnrolmentView {
    this.requireOpen(appointmentId);
    const data = this.data(appointmentId);
    const open = this.identityView(this.queue.get(appointmentId), data).disagreements.map((d) => d.field);
    const unanswered = open.filter((f) => !keepDisagreements.includes(f));
    // Each disagreement is answered: corrected to the passport, or kept (the KTP is right).
    if (unanswered.length) throw new StationError('conflict', { reason: 'disagreement_unanswered', fields: unanswered.join(',') });
    const kept = keepDisagreements.filter((f) => open.includes(f));
    return this.save(officerId, appointmentId, { identityConfirmed: { at: this.now().toISOString(), officerId, keptDisagreements: kept } },
      'enrolment.identity_confirmed', { corrections: (data.corrections ?? []).length, keptDisagreements: kept });
  }

  saveDetails(officerId: string, appointmentId: string, d: { passportType: 'ordinary' | 'electronic'; married: boolean; sameDay: boolean; travelPurpose: TravelPurpose; notes: string }): EnrolmentView {
    this.requireOpen(appointmentId);
    const details = { ...d, notes: d.notes.trim(), confirmedAt: this.now().toISOString() };
    const v = this.save(officerId, appointmentId, { details }, 'enrolment.details', {
      passportType: d.passportType, married: d.married, sameDay: d.sameDay, travelPurpose: d.travelPurpose, notes: d.notes.trim().length > 0,
    });
    return v;
  }

  /**
   * A supervisor lets an unpaid applicant go on. Their NIP and password were checked by the
   * caller (AuthService.verifyOfficer, throttled); here the role and the reason. Audited with
   * both officers: the counter officer who asked and the supervisor who decided.
   */
  overridePayment(officerId: string, appointmentId: string, supervisor: OfficerRecord, reason: string): EnrolmentView {
    this.requireOpen(appointmentId);
    const a = this.queue.get(appointmentId);
    if (a.paymentStatus === 'paid') throw new StationError('conflict', { reason: 'already_paid' });
    // Four eyes: the override is another officer's, and that officer a supervisor.
    const refusal = !supervisor.roles.includes('supervisor') ? 'not_supervisor' : supervisor.id === officerId ? 'same_officer' : null;
    if (refusal) {
      this.store.tx(() => this.store.audit.append(officerId, 'enrolment.payment_override_refused', { appointmentId, supervisorId: supervisor.id, reason: refusal }, this.now().toISOString()));
      throw new StationError('forbidden', { reason: refusal });
    }
    const at = this.now().toISOString();
    const override = { supervisorId: supervisor.id, supervisorName: supervisor.name, supervisorNip: supervisor.nip, officerId, reason: reason.trim(), at };
    return this.save(officerId, appointmentId, { paymentOverride: override }, 'enrolment.payment_override', { supervisorId: supervisor.id, counterOfficerId: officerId, reason: reason.trim() });
  }

  /** The supervisor's latest return of this enrolment: reason code, note, when and who. */
  private lastReturn(appointmentId: string): ReturnNotice | null {
    const r = this.data(appointmentId).returns?.at(-1);
    return r ? { reason: r.reason, note: r.note, at: r.at, officerName: this.store.officers.byId(r.officerId)?.name ?? null } : null;
  }

  /** Adds time the officer spent on one step of the enrolment screen. Taken while the
   *  enrolment is open, returned, or just submitted (the summary's last seconds); a figure
   *  for any other status is dropped. No audit row: it records time, not a change. */
  recordStepTime(appointmentId: string, step: string, seconds: number): { recorded: boolean } {
    const status = this.queue.get(appointmentId).status;
    if (!EDITABLE_STATUSES.includes(status) && status !== 'awaiting_approval') return { recorded: false };
    this.store.tx(() => {
      const data = this.data(appointmentId);
      const steps = { ...data.stepSeconds };
      const was = steps[step] ?? { seconds: 0, visits: 0 };
      steps[step] = { seconds: Math.round((was.seconds + seconds) * 10) / 10, visits: was.visits + 1 };
      this.store.enrolments.put(appointmentId, { ...data, stepSeconds: steps }, this.now().toISOString());
    });
    return { recorded: true };
  }

  /** Keeps the version a supervisor returns (hash and snapshot), inside the return's step. */
  keepReturnedVersion(appointmentId: string, r: Omit<ReturnedRecord, 'contentHash' | 'snapshot'>): void {
    const view = this.view(appointmentId);
    const data = this.data(appointmentId);
    const returns = [...(data.returns ?? []), { ...r, contentHash: view.contentHash, snapshot: hashedContent(view) }];
    this.store.enrolments.put(appointmentId, { ...data, returns }, r.at);
  }

  /** What the review screen shows beside the view: the time per step and the returned versions' hashes. */
  reviewData(appointmentId: string): Pick<EnrolmentData, 'stepSeconds' | 'returns'> {
    const d = this.data(appointmentId);
    return { stepSeconds: d.stepSeconds ?? {}, returns: d.returns ?? [] };
  }

  /** Starts (or resumes) the enrolment: a checked-in applicant moves to enrolment. */
  open(officerId: string, roles: Role[], appointmentId: string): EnrolmentView {
    const a = this.queue.get(appointmentId);
    // A returned enrolment is corrected where it stands; an open one is resumed.
    if (a.status === 'checked_in') this.workflow.take(officerId, roles, 'openEnrolment', appointmentId);
    else if (!EDITABLE_STATUSES.includes(a.status)) throw new StationError('invalid_transition', { from: a.status, to: 'in_enrolment' });
    return this.view(appointmentId);
  }

  private requireOpen(appointmentId: string): void {
    if (!EDITABLE_STATUSES.includes(this.queue.get(appointmentId).status)) throw new StationError('conflict', { reason: 'not_in_enrolment' });
  }

  private save(officerId: string, appointmentId: string, patch: Partial<EnrolmentData>, action: string, detail: Record<string, unknown>): EnrolmentView {
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.store.enrolments.put(appointmentId, { ...this.data(appointmentId), ...patch }, at);
      this.store.audit.append(officerId, action, { appointmentId, ...detail }, at);
    });
    this.changed(appointmentId);
    return this.view(appointmentId);
  }

  attachMrz(officerId: string, appointmentId: string, lines: string[], source: 'reader' | 'typed'): EnrolmentView {
    this.requireOpen(appointmentId);
    const parsed = parseMrz(lines, { today: this.now() });
    if (!parsed.ok) throw new StationError('bad_input', { key: parsed.error.key, ...parsed.error.params }, 'lines');
    const r = parsed.read;
    const a = this.queue.get(appointmentId);
    const mrz: MrzReadView = {
      lines: r.lines, format: r.format, documentType: r.documentType, issuingState: r.issuingState, documentNumber: r.documentNumber,
      primaryIdentifier: r.primaryIdentifier, secondaryIdentifier: r.secondaryIdentifier, nationality: r.nationality,
      birthDate: r.birthDate, sex: r.sex, expiryDate: r.expiryDate, valid: r.valid,
      fieldErrors: r.fieldErrors.map((e) => ({ field: e.field, kind: e.kind, key: e.key, params: Object.fromEntries(Object.entries(e.params).filter(([, v]) => v !== undefined)) as Record<string, string> })),
      disagreements: compareWithBooking(r, { birthDate: a.birthDate, sex: a.sex, fullName: a.fullName }),
      source, readAt: this.now().toISOString(),
    };
    // The document number is not a secret, but the full MRZ stays out of the audit detail.
    const data = this.data(appointmentId);
    const slots = placeMrzRead({ kept: data.mrz ?? null, held: data.mrzHeld ?? null }, mrz);
    const held = slots.held !== null;
    return this.save(officerId, appointmentId, { mrz: slots.kept ?? undefined, mrzHeld: slots.held ?? undefined }, held ? 'enrolment.mrz_held' : 'enrolment.mrz', {
      source, valid: r.valid, disagreements: mrz.disagreements.map((d) => d.field),
      ...(held ? { badFields: mrz.fieldErrors.map((e) => e.field) } : {}),
    });
  }

  /** The officer's decision on a held (failed) read: keep the valid one, or use the new one. */
  decideMrz(officerId: string, appointmentId: string, choice: 'keep' | 'useNew'): EnrolmentView {
    this.requireOpen(appointmentId);
    const held = this.data(appointmentId).mrzHeld;
    if (!held) throw new StationError('conflict', { reason: 'no_held_mrz' });
    if (choice === 'keep') return this.save(officerId, appointmentId, { mrzHeld: undefined }, 'enrolment.mrz_kept', { discarded: held.source });
    if (!mayReplaceValidRead(held)) throw new StationError('conflict', { reason: 'mrz_held_invalid' });
    return this.save(officerId, appointmentId, { mrz: held, mrzHeld: undefined }, 'enrolment.mrz_replaced', { source: held.source, valid: held.valid });
  }

  /**
   * Scans one document. `resolution`, when given, is the least the officer wants; without it
   * the document type's need (DOCUMENT_MIN_DPI) is. A scan in progress for this enrolment
   * can be cancelled (cancelScan): the job is deleted on the scanner and nothing is stored.
   */
  async scanDocument(officerId: string, appointmentId: string, req: { docType: DocumentType; source: 'platen' | 'feeder'; resolution?: number | undefined; colorMode: 'color' | 'grayscale' }): Promise<EnrolmentView> {
    this.requireOpen(appointmentId);
    const scanner = this.scanner();
    if (!scanner) throw new StationError('device', { key: 'device.scanner.not_configured' });
    if (this.scansRunning.has(appointmentId)) throw new StationError('device', { key: ESCL_KEYS.scanRunning });
    const abort = new AbortController();
    this.scansRunning.set(appointmentId, abort);
    let outcome: ScanOutcome;
    try {
      outcome = await scanner.scan({ source: req.source, minResolution: req.resolution ?? DOCUMENT_MIN_DPI[req.docType], colorMode: req.colorMode }, abort.signal);
    } finally {
      this.scansRunning.delete(appointmentId);
    }
    if (!outcome.ok) {
      if (abort.signal.aborted) this.store.audit.append(officerId, 'enrolment.scan_cancelled', { appointmentId, docType: req.docType }, this.now().toISOString());
      throw new StationError('device', { key: outcome.error.key, ...outcome.error.params });
    }
    const used = outcome.used;
    const at = this.now().toISOString();
    const existing = this.view(appointmentId).documents.filter((d) => d.docType === req.docType).length;
    // All pages of the job are stored together, or none: no half document.
    this.store.tx(() => {
      outcome.pages.forEach((p, i) => {
        const size = imageSize(p.bytes);
        this.store.blobs.put({ type: OWNER, id: appointmentId }, 'document', p.mime, p.bytes, {
          docType: req.docType, page: existing + i + 1, width: size.width, height: size.height, resolution: used.resolution,
        }, at);
      });
      this.store.audit.append(officerId, 'enrolment.document', { appointmentId, docType: req.docType, pages: outcome.pages.length, ...used }, at);
    });
    this.changed(appointmentId);
    return this.view(appointmentId);
  }

  /** Stops this enrolment's scan in progress; false when none was running. */
  cancelScan(appointmentId: string): { cancelled: boolean } {
    const running = this.scansRunning.get(appointmentId);
    if (!running) return { cancelled: false };
    running.abort();
    return { cancelled: true };
  }

  removeDocument(officerId: string, appointmentId: string, blobId: string): EnrolmentView {
    this.requireOpen(appointmentId);
    const doc = this.view(appointmentId).documents.find((d) => d.blobId === blobId);
    if (!doc) throw new StationError('not_found');
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.store.blobs.remove(blobId, at);
      this.store.audit.append(officerId, 'enrolment.document_removed', { appointmentId, docType: doc.docType, page: doc.page }, at);
    });
    this.changed(appointmentId);
    return this.view(appointmentId);
  }

  savePhoto(officerId: string, appointmentId: string, p: { jpegBase64: string; width: number; height: number; camera: string; checks: Record<string, boolean | number>; overrideReason?: string }): EnrolmentView {
    this.requireOpen(appointmentId);
    // A photo that failed one of the screen's checks is kept only with the officer's reason.
    const failed = Object.entries(p.checks).some(([k, v]) => k.endsWith('Ok') && v === false);
    if (failed && !p.overrideReason) throw new StationError('bad_input', { reason: 'reason_required' }, 'overrideReason');
    const bytes = Buffer.from(p.jpegBase64, 'base64');
    if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new StationError('bad_input', { reason: 'not_jpeg' }, 'jpegBase64');
    let size: { width?: number; height?: number };
    try { size = imageSize(bytes); } catch { throw new StationError('bad_input', { reason: 'not_jpeg' }, 'jpegBase64'); }
    const at = this.now().toISOString();
    const previous = this.view(appointmentId).photo;
    this.store.tx(() => {
      // A retake replaces the photo: the old one is removed in the same transaction.
      if (previous) this.store.blobs.remove(previous.blobId, at);
      this.store.blobs.put({ type: OWNER, id: appointmentId }, 'photo', 'image/jpeg', bytes, {
        width: size.width ?? p.width, height: size.height ?? p.height, camera: p.camera, checks: p.checks,
        ...(failed && p.overrideReason ? { overrideReason: p.overrideReason } : {}),
      }, at);
      this.store.audit.append(officerId, 'enrolment.photo', { appointmentId, retake: Boolean(previous), ...(failed ? { overridden: true } : {}) }, at);
    });
    this.changed(appointmentId);
    return this.view(appointmentId);
  }

  /** Called by the capture service as each finger is finished. */
  recordFingerprints(officerId: string, appointmentId: string, fingerprints: FingerprintInfo[]): EnrolmentView {
    return this.save(officerId, appointmentId, { fingerprints }, 'enrolment.fingerprints', {
      fingers: fingerprints.map((f) => `${f.finger}:${f.status}`),
    });
  }

  /** Sends a complete enrolment for approval: `submit` the first time, `resubmit` after a return. */
  submit(officerId: string, roles: Role[], appointmentId: string, action: 'submit' | 'resubmit' = 'submit'): EnrolmentView {
    this.workflow.take(officerId, roles, action, appointmentId, {
      precondition: () => {
        // Checked inside the step's transaction, so nothing can slip in between.
        const missing = this.view(appointmentId).missing;
        if (missing.length) throw new StationError('conflict', { reason: 'incomplete', missing: missing.join(',') });
      },
    });
    return this.view(appointmentId);
  }

  /** One kept image, for a screen that shows its kind to one of the caller's roles; every
   * read (and every refusal) is audited with who, which blob and the screen. */
  blob(officerId: string, roles: Role[], id: string, screen: BlobScreen): BlobData {
    const b = this.store.blobs.get(id);
    if (!b) throw new StationError('not_found');
    const allowed = mayReadBlob(b.info.kind, screen, roles);
    const detail = { blobId: id, kind: b.info.kind, owner: b.info.ownerId, screen, ...(allowed ? {} : { refused: true }) };
    this.store.tx(() => this.store.audit.append(officerId, 'blob.read', detail, this.now().toISOString()));
    if (!allowed) throw new StationError('forbidden');
    return { id, mime: b.info.mime, base64: b.data.toString('base64'), meta: b.info.meta };
  }

  // ---- the service step, the document checklist and the signature -------------------------

  private serviceParts(service: Service, data: EnrolmentData, documents: DocumentPageInfo[], blobs: { id: string; kind: string; meta: Record<string, unknown>; createdAt: string }[]) {
    const rules = this.rules.current();
    const kind = serviceStepKind(service);
    const scanned = new Set(documents.map((d) => d.docType));
    const checklist = documentChecklist(rules, service, scanned);
    const s = blobs.filter((b) => b.kind === 'signature').at(-1);
    const signature: SignatureInfo | null = s ? {
      blobId: s.id, width: Number(s.meta.width), height: Number(s.meta.height), source: s.meta.source === 'pad' ? 'pad' : 'crop',
      fromBlobId: typeof s.meta.fromBlobId === 'string' ? s.meta.fromBlobId : null, createdAt: s.createdAt,
    } : null;
    const step: ServiceStepView = {
      kind,
      oldPassport: kind.oldPassport ? { ...data.oldPassport, number: data.mrz?.documentNumber ?? null, expiryDate: data.mrz?.expiryDate ?? null } : null,
      bap: kind.bap ? (data.bap ?? {}) : null,
      fine: kind.bap ? fineFor(rules, service, data.bap?.forceMajeure ?? false) : 0,
      fineSource: rules.fines.source.title,
    };
    const missing = serviceStepMissing(rules, {
      service, mrz: data.mrz ?? null, oldPassport: data.oldPassport, bap: data.bap, scanned, hasSignature: signature !== null,
    });
    return { service: step, checklist, signature, missing };
  }

  /**
   * Saves what the officer typed in the service step, field by field as it is typed (the
   * screen sends a debounced patch), so a crash loses at most the last moment of typing.
   * '' clears a date. The audit names the fields changed, never the applicant's words.
   */
  saveService(officerId: string, appointmentId: string, input: { oldPassport?: OldPassportInput | undefined; bap?: BapInput | undefined }): EnrolmentView {
    this.requireOpen(appointmentId);
    const kind = serviceStepKind(this.queue.get(appointmentId).service as Service);
    if (input.oldPassport && !kind.oldPassport) throw new StationError('conflict', { reason: 'no_old_passport_for_service' });
    if (input.bap && !kind.bap) throw new StationError('conflict', { reason: 'no_bap_for_service' });
    const today = this.now().toISOString().slice(0, 10);
    for (const [field, value] of [['oldPassport.issueDate', input.oldPassport?.issueDate], ['bap.policeReportDate', input.bap?.policeReportDate]] as const) {
      if (value && value > today) throw new StationError('bad_input', { reason: 'date_future' }, field);
    }
    const data = this.data(appointmentId);
    const patch: Partial<EnrolmentData> = {};
    if (input.oldPassport) patch.oldPassport = withoutEmpty({ ...data.oldPassport, ...input.oldPassport });
    if (input.bap) patch.bap = withoutEmpty({ ...data.bap, ...input.bap });
    const fields = [
      ...Object.keys(input.oldPassport ?? {}).map((k) => `oldPassport.${k}`),
      ...Object.keys(input.bap ?? {}).map((k) => `bap.${k}`),
    ];
    return this.save(officerId, appointmentId, patch, 'enrolment.service', { fields });
  }

  /** The BAP as a PDF in Indonesian, for the applicant's and the officer's signatures. */
  async bapPdf(officerId: string, appointmentId: string): Promise<BapPdfView> {
    const v = this.view(appointmentId);
    if (!v.service.bap) throw new StationError('conflict', { reason: 'no_bap_for_service' });
    const officer = this.store.officers.byId(officerId);
    const a = v.appointment;
    // pdfkit and its fonts load with the first BAP, never at the station's start.
    const { composeBap } = await import('../bap/compose-bap');
    const pdf = await composeBap({
      service: a.service as Service,
      applicant: { fullName: a.fullName, nik: a.nik, birthPlace: a.birthPlace, birthDate: a.birthDate, sex: a.sex, bookingCode: a.bookingCode },
      officer: { name: officer?.name ?? '', nip: officer?.nip ?? '' },
      oldPassport: v.mrz && v.service.kind.oldPassport ? { number: v.mrz.documentNumber, expiryDate: v.mrz.expiryDate } : null,
      bap: v.service.bap, fine: v.service.fine, fineSource: v.service.fineSource, at: this.now(),
    });
    this.store.tx(() => this.store.audit.append(officerId, 'enrolment.bap_pdf', { appointmentId, fine: v.service.fine }, this.now().toISOString()));
    return { pdfBase64: Buffer.from(pdf).toString('base64'), fileName: `BAP-${a.bookingCode}.pdf` };
  }

  /** The applicant's signature cut from a scanned page of this enrolment (the signed form). */
  cropSignature(officerId: string, appointmentId: string, blobId: string, box: CropBox): EnrolmentView {
    this.requireOpen(appointmentId);
    const b = this.store.blobs.get(blobId);
    if (!b || b.info.ownerType !== OWNER || b.info.ownerId !== appointmentId || b.info.kind !== 'document') throw new StationError('not_found');
    let out: ReturnType<typeof cropSignature>;
    try {
      out = cropSignature(b.info.mime, b.data, box, Number(b.info.meta.resolution) || 300, blobId);
    } catch {
      throw new StationError('bad_input', { reason: 'page_unreadable' }, 'blobId');
    }
    if (!out) throw new StationError('bad_input', { reason: 'crop_too_small' }, 'box');
    return this.keepSignature(officerId, appointmentId, out.png, { width: out.width, height: out.height, source: 'crop', fromBlobId: blobId, box });
  }

  /** The applicant's signature from the signature pad, where one is configured. */
  async signatureFromPad(officerId: string, appointmentId: string): Promise<EnrolmentView> {
    this.requireOpen(appointmentId);
    const pad = this.signaturePad();
    if (!pad) throw new StationError('device', { key: 'device.signaturePad.not_configured' });
    const outcome = await pad.capture();
    if (!outcome.ok) throw new StationError('device', { key: outcome.error.key, ...outcome.error.params });
    return this.keepSignature(officerId, appointmentId, outcome.png, { width: outcome.width, height: outcome.height, source: 'pad' });
  }

  private keepSignature(officerId: string, appointmentId: string, png: Buffer, meta: Record<string, unknown>): EnrolmentView {
    const at = this.now().toISOString();
    const previous = this.store.blobs.listFor(OWNER, appointmentId).filter((x) => x.kind === 'signature');
    this.store.tx(() => {
      // A new signature replaces the old one in the same transaction.
      for (const p of previous) this.store.blobs.remove(p.id, at);
      this.store.blobs.put({ type: OWNER, id: appointmentId }, 'signature', 'image/png', png, meta, at);
      this.store.audit.append(officerId, 'enrolment.signature', { appointmentId, source: meta.source, replaced: previous.length > 0 }, at);
    });
    this.changed(appointmentId);
    return this.view(appointmentId);
  }
}

/** Drops fields cleared to '' (a date the officer emptied again). */
function withoutEmpty<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as T;
}

/** What the supervisor's review must look at, in the order the steps come. */
function supervisorFlags(identity: IdentityView, details: DetailsView, bookedType: 'ordinary' | 'electronic'): SupervisorFlag[] {
  const flags: SupervisorFlag[] = [];
  for (const field of new Set(identity.corrections.map((c) => c.field))) flags.push({ kind: 'correction', field });
  if (identity.nikWarning) flags.push({ kind: 'nik_warning', problem: identity.nikWarning });
  for (const field of identity.disagreementsKept) flags.push({ kind: 'disagreement_kept', field });
  if (details.validityYears !== details.bookedValidityYears) flags.push({ kind: 'validity_differs', booked: details.bookedValidityYears, now: details.validityYears });
  if (details.chosen && details.chosen.passportType !== bookedType) flags.push({ kind: 'passport_type_changed', booked: bookedType, now: details.chosen.passportType });
  if (details.payment.override) flags.push({ kind: 'payment_override', supervisorName: details.payment.override.supervisorName });
  return flags;
}
