// The images an enrolment takes: document scans (one job at a time, cancellable), the photo
// and the applicant's signature (cut from a scanned page or from the pad). Each is a sealed
// blob owned by the appointment, stored with its audit row in one transaction.
import { imageSize } from 'image-size';
import type { DocumentType, EnrolmentView } from '../contract-types';
import { DOCUMENT_MIN_DPI } from '../../domain/document-scan';
import { ESCL_KEYS } from '../../native/drivers/escl/escl-keys';
import type { Store } from '../store/store';
import { StationError } from './errors';
import { cropSignature, type CropBox } from './signature-crop';
import type { SignaturePadPort } from './signature-pad';
import type { DocumentScannerPort, ScanOutcome } from './document-scanner-port';
import { BLOB_OWNER } from './enrolment-data';

/** What the images need from the enrolment service. */
export interface EnrolmentImagesContext {
  store: Store;
  now: () => Date;
  changed: (appointmentId: string) => void;
  scanner: () => DocumentScannerPort | null;
  signaturePad: () => SignaturePadPort | null;
  /** Refuses unless the enrolment is open for changes. */
  requireOpen: (appointmentId: string) => void;
  view: (appointmentId: string) => EnrolmentView;
}

export class EnrolmentImages {
  /** One scan at a time per enrolment, with the means to stop it. */
  private readonly scansRunning = new Map<string, AbortController>();

  constructor(private readonly ctx: EnrolmentImagesContext) {}

  /**
   * Scans one document. `resolution`, when given, is the least the officer wants; without it
   * the document type's need (DOCUMENT_MIN_DPI) is. A scan in progress for this enrolment
   * can be cancelled (cancelScan): the job is deleted on the scanner and nothing is stored.
   */
  async scanDocument(officerId: string, appointmentId: string, req: { docType: DocumentType; source: 'platen' | 'feeder'; resolution?: number | undefined; colorMode: 'color' | 'grayscale' }): Promise<EnrolmentView> {
    this.ctx.requireOpen(appointmentId);
    const scanner = this.ctx.scanner();
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
      if (abort.signal.aborted) this.ctx.store.audit.append(officerId, 'enrolment.scan_cancelled', { appointmentId, docType: req.docType }, this.ctx.now().toISOString());
      throw new StationError('device', { key: outcome.error.key, ...outcome.error.params });
    }
    const used = outcome.used;
    const at = this.ctx.now().toISOString();
    const existing = this.ctx.view(appointmentId).documents.filter((d) => d.docType === req.docType).length;
    // All pages of the job are stored together, or none: no half document.
    this.ctx.store.tx(() => {
      outcome.pages.forEach((p, i) => {
        const size = imageSize(p.bytes);
        this.ctx.store.blobs.put({ type: BLOB_OWNER, id: appointmentId }, 'document', p.mime, p.bytes, {
          docType: req.docType, page: existing + i + 1, width: size.width, height: size.height, resolution: used.resolution,
        }, at);
      });
      this.ctx.store.audit.append(officerId, 'enrolment.document', { appointmentId, docType: req.docType, pages: outcome.pages.length, ...used }, at);
    });
    this.ctx.changed(appointmentId);
    return this.ctx.view(appointmentId);
  }

  /** Stops this enrolment's scan in progress; false when none was running. */
  cancelScan(appointmentId: string): { cancelled: boolean } {
    const running = this.scansRunning.get(appointmentId);
    if (!running) return { cancelled: false };
    running.abort();
    return { cancelled: true };
  }

  removeDocument(officerId: string, appointmentId: string, blobId: string): EnrolmentView {
    this.ctx.requireOpen(appointmentId);
    const doc = this.ctx.view(appointmentId).documents.find((d) => d.blobId === blobId);
    if (!doc) throw new StationError('not_found');
    const at = this.ctx.now().toISOString();
    this.ctx.store.tx(() => {
      this.ctx.store.blobs.remove(blobId, at);
      this.ctx.store.audit.append(officerId, 'enrolment.document_removed', { appointmentId, docType: doc.docType, page: doc.page }, at);
    });
    this.ctx.changed(appointmentId);
    return this.ctx.view(appointmentId);
  }

  savePhoto(officerId: string, appointmentId: string, p: { jpegBase64: string; width: number; height: number; camera: string; checks: Record<string, boolean | number>; overrideReason?: string }): EnrolmentView {
    this.ctx.requireOpen(appointmentId);
    // A photo that failed one of the screen's checks is kept only with the officer's reason.
    const failed = Object.entries(p.checks).some(([k, v]) => k.endsWith('Ok') && v === false);
    if (failed && !p.overrideReason) throw new StationError('bad_input', { reason: 'reason_required' }, 'overrideReason');
    const bytes = Buffer.from(p.jpegBase64, 'base64');
    if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new StationError('bad_input', { reason: 'not_jpeg' }, 'jpegBase64');
    let size: { width?: number; height?: number };
    try { size = imageSize(bytes); } catch { throw new StationError('bad_input', { reason: 'not_jpeg' }, 'jpegBase64'); }
    const at = this.ctx.now().toISOString();
    const previous = this.ctx.view(appointmentId).photo;
    this.ctx.store.tx(() => {
      // A retake replaces the photo: the old one is removed in the same transaction.
      if (previous) this.ctx.store.blobs.remove(previous.blobId, at);
      this.ctx.store.blobs.put({ type: BLOB_OWNER, id: appointmentId }, 'photo', 'image/jpeg', bytes, {
        width: size.width ?? p.width, height: size.height ?? p.height, camera: p.camera, checks: p.checks,
        ...(failed && p.overrideReason ? { overrideReason: p.overrideReason } : {}),
      }, at);
      this.ctx.store.audit.append(officerId, 'enrolment.photo', { appointmentId, retake: Boolean(previous), ...(failed ? { overridden: true } : {}) }, at);
    });
    this.ctx.changed(appointmentId);
    return this.ctx.view(appointmentId);
  }

  /** The applicant's signature cut from a scanned page of this enrolment (the signed form). */
  cropSignature(officerId: string, appointmentId: string, blobId: string, box: CropBox): EnrolmentView {
    this.ctx.requireOpen(appointmentId);
    const b = this.ctx.store.blobs.get(blobId);
    if (!b || b.info.ownerType !== BLOB_OWNER || b.info.ownerId !== appointmentId || b.info.kind !== 'document') throw new StationError('not_found');
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
    this.ctx.requireOpen(appointmentId);
    const pad = this.ctx.signaturePad();
    if (!pad) throw new StationError('device', { key: 'device.signaturePad.not_configured' });
    const outcome = await pad.capture();
    if (!outcome.ok) throw new StationError('device', { key: outcome.error.key, ...outcome.error.params });
    return this.keepSignature(officerId, appointmentId, outcome.png, { width: outcome.width, height: outcome.height, source: 'pad' });
  }

  private keepSignature(officerId: string, appointmentId: string, png: Buffer, meta: Record<string, unknown>): EnrolmentView {
    const at = this.ctx.now().toISOString();
    const previous = this.ctx.store.blobs.listFor(BLOB_OWNER, appointmentId).filter((x) => x.kind === 'signature');
    this.ctx.store.tx(() => {
      // A new signature replaces the old one in the same transaction.
      for (const p of previous) this.ctx.store.blobs.remove(p.id, at);
      this.ctx.store.blobs.put({ type: BLOB_OWNER, id: appointmentId }, 'signature', 'image/png', png, meta, at);
      this.ctx.store.audit.append(officerId, 'enrolment.signature', { appointmentId, source: meta.source, replaced: previous.length > 0 }, at);
    });
    this.ctx.changed(appointmentId);
    return this.ctx.view(appointmentId);
  }
}
