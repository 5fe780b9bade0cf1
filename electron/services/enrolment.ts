// The enrolment of one applicant at the counter: old passport MRZ, document scans, photo,
// and the fingerprint outcome, autosaved as each piece arrives. Images are sealed blobs
// owned by the appointment; the enrolment row holds only what the officer confirmed.
import { imageSize } from 'image-size';
import type { Role } from '../contract';
import type {
  DocumentPageInfo, DocumentType, EnrolmentView, FingerprintInfo, MrzReadView, PhotoInfo, BlobData,
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
import type { DispatchRecord, HandoverRecord } from '../issuance-types';

export interface EnrolmentData {
  mrz?: MrzReadView;
  /** A failed read held beside a valid `mrz` until the officer decides (keep-valid-read.ts). */
  mrzHeld?: MrzReadView;
  fingerprints?: FingerprintInfo[];
  /** How the passport left the office (issuance.ts): handed over at the counter, or sent by post. */
  handover?: HandoverRecord;
  dispatch?: DispatchRecord;
}

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
    } : null;
    const fingerprints = data.fingerprints ?? [];
    const missing: EnrolmentView['missing'] = [];
    if (!photo) missing.push('photo');
    if (fingerprints.length === 0 || fingerprints.some((f) => f.status === 'pending')) missing.push('fingerprints');
    if (documents.length === 0) missing.push('documents');
    const updatedAt = this.store.enrolments.get(appointmentId)?.updatedAt ?? appointment.updatedAt;
    return { appointment, documents, photo, fingerprints, mrz: data.mrz ?? null, mrzHeld: data.mrzHeld ?? null, missing, updatedAt };
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

  savePhoto(officerId: string, appointmentId: string, p: { jpegBase64: string; width: number; height: number; camera: string; checks: Record<string, boolean | number> }): EnrolmentView {
    this.requireOpen(appointmentId);
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
      }, at);
      this.store.audit.append(officerId, 'enrolment.photo', { appointmentId, retake: Boolean(previous) }, at);
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
}
