// The enrolment of one applicant at the counter: old passport MRZ, document scans, photo,
// and the fingerprint outcome, autosaved as each piece arrives. Images are sealed blobs
// owned by the appointment (enrolment-images.ts); the enrolment row holds only what the
// officer confirmed (enrolment-data.ts); every write returns the view (enrolment-view.ts).
import type { Role } from '../contract';
import type { EnrolmentView, FingerprintInfo, MrzReadView, BlobData, BapPdfView } from '../contract-types';
import { parseMrz } from '../../domain/mrz/parse-mrz';
import { compareWithBooking } from '../../domain/mrz/compare-booking';
import { mayReplaceValidRead, placeMrzRead } from '../../domain/mrz/keep-valid-read';
import type { Store } from '../store/store';
import { StationError } from './errors';
import type { QueueService } from './queue';
import type { WorkflowService } from './workflow';
import { EDITABLE_STATUSES } from '../../domain/workflow';
import { mayReadBlob, type BlobScreen } from '../../domain/blob-access';
import { checkCorrection, type Correction, type CorrectionReason, type IdentityField, type TravelPurpose } from '../../domain/enrolment-identity';
import { localDate } from '../../domain/dates';
import type { OfficerRecord } from '../store/officers-repo';
import { ServiceRulesService } from './service-rules';
import type { BapInput, OldPassportInput } from '../../domain/service-step';
import { serviceStepKind } from '../../domain/service-step';
import type { Service } from '../../domain/catalog';
import type { CropBox } from './signature-crop';
import type { SignaturePadPort } from './signature-pad';
import { hashedContent } from './content-hash';
import { enrolmentData, type EnrolmentData, type ReturnedRecord } from './enrolment-data';
import type { DocumentScannerPort } from './document-scanner-port';
import { enrolmentView, identityView } from './enrolment-view';
import { EnrolmentImages } from './enrolment-images';

// The port lived here before the split; station.ts still imports it from here.
export type { DocumentScannerPort } from './document-scanner-port';

export class EnrolmentService {
  private readonly images: EnrolmentImages;

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
  ) {
    this.images = new EnrolmentImages({
      store, now, changed, scanner, signaturePad,
      requireOpen: (id) => this.requireOpen(id), view: (id) => this.view(id),
    });
  }

  private data(appointmentId: string): EnrolmentData {
    return enrolmentData(this.store, appointmentId);
  }

  view(appointmentId: string): EnrolmentView {
    return enrolmentView({ store: this.store, queue: this.queue, rules: this.rules, now: this.now }, appointmentId);
  }

  /** The officer corrects one field of the booked identity with the KTP in hand. */
  correct(officerId: string, appointmentId: string, c: { field: IdentityField; value: string; reason: CorrectionReason; reasonText: string }): EnrolmentView {
    this.requireOpen(appointmentId);
    const data = this.data(appointmentId);
    const current = identityView(this.queue.get(appointmentId), data).current;
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
    const open = identityView(this.queue.get(appointmentId), data).disagreements.map((d) => d.field);
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

  // ---- the images: documents, photo, signature (enrolment-images.ts) ----------------------

  scanDocument(officerId: string, appointmentId: string, req: Parameters<EnrolmentImages['scanDocument']>[2]): Promise<EnrolmentView> {
    return this.images.scanDocument(officerId, appointmentId, req);
  }
  cancelScan(appointmentId: string): { cancelled: boolean } { return this.images.cancelScan(appointmentId); }
  removeDocument(officerId: string, appointmentId: string, blobId: string): EnrolmentView { return this.images.removeDocument(officerId, appointmentId, blobId); }
  savePhoto(officerId: string, appointmentId: string, p: Parameters<EnrolmentImages['savePhoto']>[2]): EnrolmentView {
    return this.images.savePhoto(officerId, appointmentId, p);
  }
  cropSignature(officerId: string, appointmentId: string, blobId: string, box: CropBox): EnrolmentView {
    return this.images.cropSignature(officerId, appointmentId, blobId, box);
  }
  signatureFromPad(officerId: string, appointmentId: string): Promise<EnrolmentView> { return this.images.signatureFromPad(officerId, appointmentId); }
}

/** Drops fields cleared to '' (a date the officer emptied again). */
function withoutEmpty<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as T;
}
