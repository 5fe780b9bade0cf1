// The passport leaves the office: handed over at the counter or the drive-thru, after one
// finger of the applicant matched 1:1 on the reader here against the templates kept sealed
// at enrolment (or a supervisor vouched with NIP, password and a reason, or a representative
// brought a letter of authorisation), or sent by post. Each is a workflow step taken in the
// same transaction as its record in the enrolment; a second receipt follows and never fails
// the step. The order (printed → issued | dispatched) and the roles are the workflow's.
import type { Role } from '../contract';
import type { AppointmentRow } from '../contract-types';
import type { DispatchRecord, HandoverRecord, HandoverView, IssueResult, VerifyFingerResult } from '../handover-types';
import {
  dispatchPreconditions, handoverPreconditions, issuanceBlockers, type AuthorisationLetter, type Collector, type IssuanceState, type Verification,
} from '../../domain/handover';
import { localDate } from '../../domain/dates';
import { canCompare, isTemplateFormat, type FingerprintReader, type FingerprintTemplate } from '../../native/drivers/fingerprint-reader';
import type { EscPosPrinter } from '../../native/drivers/escpos/driver';
import type { Store } from '../store/store';
import type { FingerprintInfo } from '../contract-types';
import type { SessionState } from './session';
import type { WorkflowService } from './workflow';
import type { DocumentScannerPort } from './document-scanner-port';
import { StationError } from './errors';
import { printHandoverReceipt } from './handover-receipt-print';

/** The devices the handover uses. */
export interface IssuanceDevices {
  fingerprintReader(): { id: string; reader: FingerprintReader } | null;
  receiptPrinter(): { id: string; printer: EscPosPrinter; paperMm: 58 | 80 } | null;
}

/**
 * Whether a passed quality check is needed before this application's book is handed over (the
 * office setting `issuance.requireQc`, or a check this book failed), and whether it passed.
 * The print queue records the check on the application's print job.
 */
export interface QcSource {
  /** The office requires a passed check, or this application's printed book failed its check. */
  required(appointmentId: string): boolean;
  passed(appointmentId: string): boolean;
}

export interface OfficerCheck {
  confirmOfficer(session: SessionState, nip: string, password: string): Promise<{ id: string; name: string; roles: Role[] }>;
}

/** The part of the enrolment document this service reads and writes (EnrolmentData). */
interface IssuanceData { fingerprints?: FingerprintInfo[]; handover?: HandoverRecord; dispatch?: DispatchRecord }

export interface IssueInput {
  appointmentId: string;
  collector: { kind: 'applicant' } | { kind: 'representative'; name: string; nik: string; letterNote: string; letterBlobId?: string | undefined };
  override?: { nip: string; password: string; reason: string };
}

export interface DispatchInput {
  appointmentId: string; address: string; courier: string; trackingNumber: string; dispatchDate: string;
}

/** A matched finger stands for this long (the applicant is at the window now, not tomorrow). */
const VERIFIED_MS = 10 * 60_000;
const FINGER_TIMEOUT_MS = 20_000;
const OWNER = 'appointment';
/** The letter of authorisation is kept as its own kind: it is not one of the enrolment's documents. */
export const LETTER_KIND = 'authorisation_letter';
/** Text on A4 reads well at 200 dpi; the scanner's nearest offered resolution at or above is used. */
const LETTER_DPI = 200;

export class HandoverService {
  private readonly verified = new Map<string, { officerId: string; finger: string; at: Date }>();

  constructor(
    private readonly store: Store,
    private readonly devices: IssuanceDevices,
    private readonly workflow: WorkflowService,
    private readonly officers: OfficerCheck,
    private readonly qc: QcSource,
    private readonly officeName: () => string,
    private readonly now: () => Date,
    private readonly scanner: () => DocumentScannerPort | null = () => null,
    /**
     * The book leaves the office with the passport (stock: printed → issued), in the step's
     * transaction; returns its serial (the passport number, for the receipt), or null where
     * the application has no book in the stock.
     */
    private readonly bookLeft: (officerId: string, appointmentId: string, at: string) => string | null = () => null,
    /** Fetches a blob's bytes from the office when only its row is here (office-blobs.ts). */
    private readonly needBlob: (id: string) => Promise<void> = async () => undefined,
  ) {}

  /** Scans the representative's letter of authorisation on the document scanner; kept sealed, its id returned for the handover. */
  async scanLetter(officerId: string, appointmentId: string): Promise<{ blobId: string; pages: number }> {
    const row = this.row(appointmentId);
    const blockers = issuanceBlockers(this.state(row));
    if (blockers.length) throw new StationError('conflict', { reason: blockers[0]! });
    const scanner = this.scanner();
    if (!scanner) throw new StationError('device', { key: 'device.scanner.not_configured' });
    const outcome = await scanner.scan({ source: 'platen', minResolution: LETTER_DPI, colorMode: 'grayscale' });
    if (!outcome.ok) throw new StationError('device', { key: outcome.error.key, ...outcome.error.params });
    const at = this.now().toISOString();
    // One blob per page; the first names the letter (the others carry its id in their meta).
    const ids = this.store.tx(() => {
      const out: string[] = [];
      outcome.pages.forEach((p, i) => {
        out.push(this.store.blobs.put({ type: OWNER, id: appointmentId }, LETTER_KIND, p.mime, p.bytes, {
          page: i + 1, resolution: outcome.used.resolution, ...(i > 0 ? { letter: out[0] } : {}),
        }, at));
      });
      this.store.audit.append(officerId, 'handover.letter_scanned', { appointmentId, pages: outcome.pages.length }, at);
      return out;
    });
    if (!ids[0]) throw new StationError('conflict', { reason: 'letter_missing' });
    return { blobId: ids[0], pages: ids.length };
  }

  /** A receipt's code (scanned or typed) → the applicant, photo, and what the handover needs. */
  identify(officerId: string, code: string): HandoverView {
    const bookingCode = code.trim().toUpperCase();
    const row = this.store.appointments.getByCode(bookingCode);
    if (!row) throw new StationError('not_found', { bookingCode }, 'code');
    return this.view(officerId, row);
  }

  get(officerId: string, appointmentId: string): HandoverView {
    return this.view(officerId, this.row(appointmentId));
  }

  /** One finger on the reader here, compared 1:1 on the device with each enrolled template of its family. */
  async verifyFinger(officerId: string, appointmentId: string): Promise<VerifyFingerResult> {
    const row = this.row(appointmentId);
    const blockers = issuanceBlockers(this.state(row));
    if (blockers.length) throw new StationError('conflict', { reason: blockers[0]! });
    const device = this.devices.fingerprintReader();
    if (!device) throw new StationError('device', { key: 'device.fingerprint.not_configured' });
    const { reader } = device;
    // Enrolled at another counter: the templates come from the office the first time.
    for (const f of this.data(appointmentId).fingerprints ?? []) if (f.templateBlobId) await this.needBlob(f.templateBlobId);
    const enrolled = this.templates(appointmentId);
    const usable = enrolled.filter((t) => canCompare(reader, t.template));
    if (usable.length === 0) {
      // Templates are per family: a reader of another family cannot read these at all.
      throw new StationError('conflict', {
        reason: enrolled.length ? 'template_format' : 'no_templates',
        enrolled: [...new Set(enrolled.map((t) => t.template.format))].join(', '), reader: reader.capabilities.templateFormat,
      });
    }
    const image = await reader.capture({ timeoutMs: FINGER_TIMEOUT_MS });
    if (!image.ok) throw new StationError('device', { key: image.error.key, ...image.error.params });
    const probe = await reader.extractTemplate();
    let match: { finger: string; score?: number } | null = null;
    let compared = 0;
    if (probe.ok) {
      for (const t of usable) {
        const r = await reader.compare(probe.value, t.template);
        if (!r.ok) throw new StationError('device', { key: r.error.key, ...r.error.params });
        compared += 1;
        if (r.value.matched) {
          match = { finger: t.finger, ...(r.value.score !== undefined ? { score: r.value.score } : {}) };
          break;
        }
      }
    }
    const at = this.now();
    if (match) this.verified.set(appointmentId, { officerId, finger: match.finger, at });
    // Which finger and whether it matched; never a template or an image.
    this.store.tx(() => this.store.audit.append(officerId, 'handover.verify_finger', {
      appointmentId, matched: Boolean(match), compared, ...(match ? { finger: match.finger } : {}), ...(probe.ok ? {} : { reason: probe.error.key }),
    }, at.toISOString()));
    // Too few features to compare: the module's own sentence (place the finger flat, clean it).
    if (!probe.ok) throw new StationError('device', { key: probe.error.key, ...probe.error.params });
    return { matched: Boolean(match), ...(match ?? {}), compared, view: this.view(officerId, this.row(appointmentId)) };
  }

  /** Hands the passport over: to the applicant (finger matched, or a supervisor's override) or to a representative. */
  async issue(session: SessionState, officerId: string, roles: readonly Role[], input: IssueInput): Promise<IssueResult> {
    const verification = await this.verification(session, officerId, input);
    const collector: Collector = input.collector.kind === 'applicant'
      ? { kind: 'applicant' }
      : { kind: 'representative', name: input.collector.name.trim(), nik: input.collector.nik.trim(), letter: this.letter(input.appointmentId, input.collector) };
    const at = this.now();
    const officer = this.store.officers.byId(officerId);
    const record: HandoverRecord = {
      kind: 'counter', at: at.toISOString(), officerId, officerName: officer?.name ?? '', collector, verification: collector.kind === 'applicant' ? verification : null,
    };
    const serial = this.store.tx(() => {
      this.workflow.take(officerId, roles, 'issue', input.appointmentId, {
        precondition: (row) => {
          const problems = handoverPreconditions({ ...this.state(row), collector, verification });
          if (problems.length) throw new StationError(problems[0] === 'representative_nik' ? 'bad_input' : 'conflict', { reason: problems[0]!, problems: problems.join(',') }, fieldOf(problems[0]!));
        },
        // Who handed over to whom and how they were recognised; the representative's NIK stays in the record.
        detail: {
          collector: collector.kind, verification: record.verification?.method ?? 'letter',
          ...(verification?.method === 'override' ? { supervisorId: verification.supervisorId, overrideReason: verification.reason } : {}),
          ...(verification?.method === 'finger' ? { finger: verification.finger } : {}),
        },
      });
      this.patch(input.appointmentId, { handover: record }, at.toISOString());
      return this.bookLeft(officerId, input.appointmentId, at.toISOString());
    });
    this.verified.delete(input.appointmentId);
    const row = this.row(input.appointmentId);
    const receipt = await printHandoverReceipt(this.store, this.devices, this.officeName(), this.now(), officerId, row, {
      kind: 'counter', collectedBy: collector.kind === 'applicant' ? row.fullName : collector.name, representative: collector.kind === 'representative',
      verifiedBy: record.verification?.method ?? 'letter', officerName: record.officerName, ...(serial ? { passportNumber: serial } : {}),
    });
    return { view: this.view(officerId, row), receipt };
  }

  /** Sends the passport by post: address, courier, tracking number and the day it left. */
  async dispatch(officerId: string, roles: readonly Role[], input: DispatchInput): Promise<IssueResult> {
    const at = this.now();
    const officer = this.store.officers.byId(officerId);
    const record: DispatchRecord = {
      kind: 'post', at: at.toISOString(), officerId, officerName: officer?.name ?? '', address: input.address.trim(),
      courier: input.courier.trim(), trackingNumber: input.trackingNumber.trim().toUpperCase(), dispatchDate: input.dispatchDate,
    };
    const serial = this.store.tx(() => {
      this.workflow.take(officerId, roles, 'dispatch', input.appointmentId, {
        precondition: (row) => {
          const problems = dispatchPreconditions({ ...this.state(row), ...record, today: localDate(at) });
          if (problems.length) throw new StationError(problems[0]!.endsWith('_missing') || problems[0] === 'dispatch_date' ? 'bad_input' : 'conflict', { reason: problems[0]!, problems: problems.join(',') }, fieldOf(problems[0]!));
        },
        detail: { courier: record.courier, trackingNumber: record.trackingNumber, dispatchDate: record.dispatchDate },
      });
      this.patch(input.appointmentId, { dispatch: record }, at.toISOString());
      return this.bookLeft(officerId, input.appointmentId, at.toISOString());
    });
    this.verified.delete(input.appointmentId);
    const row = this.row(input.appointmentId);
    const receipt = await printHandoverReceipt(this.store, this.devices, this.officeName(), this.now(), officerId, row, {
      kind: 'post', collectedBy: row.fullName, representative: false, verifiedBy: null, officerName: record.officerName,
      courier: record.courier, trackingNumber: record.trackingNumber, dispatchDate: record.dispatchDate, ...(serial ? { passportNumber: serial } : {}),
    });
    return { view: this.view(officerId, row), receipt };
  }

  /** The day's parcels, for the manifest. */
  dispatchedOn(day: string): { appointment: AppointmentRow; dispatch: DispatchRecord }[] {
    return this.store.dispatches.onDate(day).flatMap((r) => {
      const appointment = this.store.appointments.getById(r.appointmentId);
      const dispatch = (JSON.parse(r.data) as IssuanceData).dispatch;
      return appointment && dispatch ? [{ appointment, dispatch }] : [];
    });
  }

  /** A scanned letter must be one scanned for this application; otherwise the officer's note stands. */
  private letter(appointmentId: string, c: { letterNote: string; letterBlobId?: string | undefined }): AuthorisationLetter {
    if (!c.letterBlobId) return { kind: 'noted', note: c.letterNote.trim() };
    const b = this.store.blobs.listFor(OWNER, appointmentId).find((x) => x.id === c.letterBlobId && x.kind === LETTER_KIND);
    if (!b) throw new StationError('bad_input', { reason: 'letter_missing' }, 'letterBlobId');
    return { kind: 'scanned', blobId: b.id };
  }

  private async verification(session: SessionState, officerId: string, input: IssueInput): Promise<Verification | null> {
    if (input.collector.kind !== 'applicant') return null;
    if (input.override) {
      // Verified here, at the station, like a login: the screen never decides who is a supervisor.
      const sup = await this.officers.confirmOfficer(session, input.override.nip, input.override.password);
      if (!sup.roles.includes('supervisor')) throw new StationError('forbidden', { reason: 'not_supervisor' }, 'nip');
      return { method: 'override', supervisorId: sup.id, reason: input.override.reason.trim() };
    }
    const v = this.verified.get(input.appointmentId);
    if (!v || v.officerId !== officerId || this.now().getTime() - v.at.getTime() > VERIFIED_MS) return null;
    return { method: 'finger', finger: v.finger };
  }

  private view(officerId: string, row: AppointmentRow): HandoverView {
    const data = this.data(row.id);
    const photo = this.store.blobs.listFor(OWNER, row.id).filter((b) => b.kind === 'photo').at(-1);
    const enrolledFingers = (data.fingerprints ?? []).filter((f) => f.templateBlobId && f.templateFormat).map((f) => ({ finger: f.finger, format: f.templateFormat! }));
    const device = this.devices.fingerprintReader();
    const v = this.verified.get(row.id);
    const fresh = v && v.officerId === officerId && this.now().getTime() - v.at.getTime() <= VERIFIED_MS;
    return {
      appointment: row,
      photoBlobId: photo?.id ?? null,
      blockers: issuanceBlockers(this.state(row)),
      enrolledFingers,
      reader: device ? { id: device.id, format: device.reader.capabilities.templateFormat } : null,
      canCompare: Boolean(device && enrolledFingers.some((f) => isTemplateFormat(f.format) && canCompare(device.reader, { format: f.format }))),
      verified: fresh ? { finger: v.finger, at: v.at.toISOString() } : null,
      handover: data.handover ?? null,
      dispatch: data.dispatch ?? null,
    };
  }

  private state(row: AppointmentRow): IssuanceState {
    return { status: row.status, qcRequired: this.qc.required(row.id), qcPassed: this.qc.passed(row.id) };
  }

  private row(appointmentId: string): AppointmentRow {
    const row = this.store.appointments.getById(appointmentId);
    if (!row) throw new StationError('not_found');
    return row;
  }

  private data(appointmentId: string): IssuanceData {
    return this.store.enrolments.get<IssuanceData>(appointmentId)?.data ?? {};
  }

  private patch(appointmentId: string, patch: Partial<IssuanceData>, at: string): void {
    const cur = this.store.enrolments.get<Record<string, unknown>>(appointmentId)?.data ?? {};
    this.store.enrolments.put(appointmentId, { ...cur, ...patch }, at);
  }

  /** The enrolled templates, opened from their sealed blobs, with the format each was stored with. */
  private templates(appointmentId: string): { finger: string; template: FingerprintTemplate }[] {
    return (this.data(appointmentId).fingerprints ?? []).flatMap((f) => {
      if (!f.templateBlobId) return [];
      const b = this.store.blobs.get(f.templateBlobId);
      const format = b?.info.meta.format;
      return b && isTemplateFormat(format) ? [{ finger: f.finger, template: { format, data: b.data } }] : [];
    });
  }
}

function fieldOf(problem: string): string | undefined {
  return ({
    representative_name: 'name', representative_nik: 'nik', letter_missing: 'letterNote', override_reason: 'reason',
    address_missing: 'address', courier_missing: 'courier', tracking_missing: 'trackingNumber', dispatch_date: 'dispatchDate',
  } as Record<string, string>)[problem];
}
