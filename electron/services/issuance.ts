// The print operator's work: approved applications oldest first; for each, the serial of the
// book loaded in the printer is checked (known, in stock, of a series for this passport type)
// before anything is printed; the data page is composed with that serial as the passport
// number and printed; the book and the application move on together. A failed job asks the
// operator whether the book was spoiled (spoil) or is still blank (requeue). The quality
// check reads the printed page's MRZ with the full-page reader and compares it field by
// field with what was composed; the handover requires the job's qc_passed.
import { createHash } from 'node:crypto';
import type { Role } from '../contract';
import type { AppointmentRow } from '../contract-types';
import type { PrintJobView, PrintQueueView, QcView } from '../issuance-types';
import type { Store } from '../store/store';
import type { PrintJobRecord } from '../store/stock-repo';
import type { WorkflowService } from './workflow';
import type { DeviceService } from './device-service';
import type { StockService } from './stock';
import type { EnrolmentData } from './enrolment-data';
import type { ServiceRules } from '../../domain/service-rules';
import { maxValidityYears } from '../../domain/service-rules';
import { normaliseSerial, serialFitsSeries, type SpoilReason } from '../../domain/stock';
import { compareMrz } from '../../domain/print-qc';
import { localDate } from '../../domain/dates';
import { dataPageInput } from './issuance-page';
import { offsetsOf } from './printer-devices';
import { StationError } from './errors';

/** How long the check waits for the printed page on the MRZ reader. */
const QC_WAIT_MS = 30_000;

const loadComposer = async () => {
  const [page, fonts] = await Promise.all([import('../datapage/compose-data-page'), import('../datapage/fonts')]);
  return { composeDataPage: page.composeDataPage, loadDataPageFonts: fonts.loadDataPageFonts };
};

export function jobView(j: PrintJobRecord): PrintJobView {
  return {
    id: j.id, appointmentId: j.appointmentId, serial: j.serial, state: j.state, qcPassed: j.qcPassed, mrz: j.mrz, pdfSha256: j.pdfSha256, printerId: j.printerId,
    ...(j.errorKey ? { message: { key: j.errorKey } } : {}), createdAt: j.createdAt, updatedAt: j.updatedAt,
  };
}

export class IssuanceService {
  private fonts: unknown = null;
  /** One check at a time: the reader reads one page. */
  private checking = false;
  /** Jobs whose printer has not answered yet: not to be spoiled or requeued meanwhile. */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly stock: StockService,
    private readonly workflow: WorkflowService,
    private readonly devices: DeviceService,
    private readonly rules: () => ServiceRules,
    private readonly now: () => Date,
    private readonly qcWaitMs = QC_WAIT_MS,
    /** Fetches a blob's bytes from the office when only its row is here (office-blobs.ts). */
    private readonly needBlob: (id: string) => Promise<void> = async () => undefined,
  ) {}

  queue(): PrintQueueView {
    const series = this.stock.config().series;
    const waiting = this.store.stock.approvedQueue(500).flatMap(({ appointmentId, approvedAt }) => {
      const appointment = this.store.appointments.getById(appointmentId);
      return appointment ? [{ appointment, approvedAt, series: series.filter((s) => s.passportType === appointment.passportType).map((s) => s.id) }] : [];
    });
    const open = this.store.stock.openJobs().flatMap((j) => {
      const appointment = this.store.appointments.getById(j.appointmentId);
      return appointment ? [{ ...jobView(j), appointment }] : [];
    });
    return { waiting, open };
  }

  private job(id: string): PrintJobRecord {
    const j = this.store.stock.job(id);
    if (!j) throw new StationError('not_found');
    return j;
  }

  /** The refusal when this serial may not be printed for this application; nothing is changed. */
  private checkSerial(a: AppointmentRow, serial: string): void {
    const b = this.stock.book(serial);
    if (b.state !== 'in_stock') throw new StationError('bad_input', { reason: 'serial_not_in_stock', serial: b.serial, state: b.state }, 'serial');
    const fits = this.stock.config().series.filter((s) => s.passportType === a.passportType);
    const series = fits.find((s) => s.id === b.series);
    if (!series || !serialFitsSeries(b.serial, series)) {
      throw new StationError('bad_input', { reason: 'serial_wrong_series', serial: b.serial, example: fits[0]?.example ?? '' }, 'serial');
    }
  }

  /**
   * `printerId`: the passport printer the operator chose for the batch (offices have several);
   * without one, the first configured printer. A chosen printer that is not one is refused
   * before the book is touched.
   */
  async print(officerId: string, roles: readonly Role[], appointmentId: string, rawSerial: string, printerId?: string): Promise<PrintJobView> {
    const serial = normaliseSerial(rawSerial);
    const a = this.store.appointments.getById(appointmentId);
    if (!a) throw new StationError('not_found');
    if (a.status !== 'approved') throw new StationError('invalid_transition', { from: a.status, to: 'printing', action: 'startPrint' });
    this.checkSerial(a, serial);
    const printer = printerId ? this.devices.printers.get(printerId) : this.devices.printers.first();
    if (!printer) throw new StationError('device', { key: printerId ? 'issuance.printerUnknown' : 'issuance.noPrinter' });
    const page = await this.compose(a, serial, printer.id);

    const at = this.now().toISOString();
    // Book, job and application move together, after the same checks inside the transaction.
    const job = this.store.tx(() => {
      this.checkSerial(a, serial);
      this.workflow.take(officerId, roles, 'startPrint', appointmentId, { detail: { serial } });
      this.stock.move(officerId, serial, 'assign', { appointmentId, at });
      const j = this.store.stock.createJob({ appointmentId, serial, printerId: printer.id, officerId, at });
      return this.store.stock.updateJob(j.id, { mrz: page.mrz, pdfSha256: createHash('sha256').update(page.pdf).digest('hex'), at });
    });

    this.inFlight.add(job.id);
    const r = await this.devices.printers.print(printer.id, page.pdf, serial).finally(() => this.inFlight.delete(job.id));
    const done = this.now().toISOString();
    if (!r || !r.ok) {
      const key = r ? r.error.key : 'device.system.unavailable';
      this.store.tx(() => {
        this.store.stock.updateJob(job.id, { state: 'failed', errorKey: key, at: done });
        this.store.audit.append(officerId, 'issuance.printFailed', { appointmentId, serial, jobId: job.id, key }, done);
      });
      return jobView(this.job(job.id));
    }
    this.store.tx(() => {
      this.stock.move(officerId, serial, 'print', { appointmentId, at: done });
      this.store.stock.updateJob(job.id, { state: 'printed', ippJobId: r.value.jobId, at: done });
      this.workflow.take(officerId, roles, 'printed', appointmentId, { detail: { serial, jobId: job.id } });
    });
    // Demo: the printed page goes into the simulated reader's tray for the check.
    this.devices.feedPrintedPage(page.mrz);
    return jobView(this.job(job.id));
  }

  private async compose(a: AppointmentRow, serial: string, printerId: string): Promise<{ pdf: Uint8Array; mrz: [string, string] }> {
    const photo = this.store.blobs.listFor('appointment', a.id).filter((b) => b.kind === 'photo').at(-1);
    if (photo) await this.needBlob(photo.id);
    const portrait = photo ? this.store.blobs.get(photo.id)?.data : undefined;
    if (!portrait) throw new StationError('conflict', { reason: 'no_photo' });
    const today = localDate(this.now());
    const data = this.store.enrolments.get<EnrolmentData>(a.id)?.data ?? {};
    const office = this.store.settings.getAll()['receipt.officeName'] || 'Kantor Imigrasi';
    const { composeDataPage, loadDataPageFonts } = await loadComposer();
    this.fonts ??= loadDataPageFonts();
    const input = dataPageInput({
      appointment: a, oldMrz: data.mrz ?? null, portrait: new Uint8Array(portrait), serial, issueDate: today,
      validityYears: maxValidityYears(this.rules(), { birthDate: a.birthDate, married: false }, today), issuingOffice: office,
    });
    const r = await composeDataPage(input, { fonts: this.fonts as never, offset: offsetsOf(this.devices.printerConfig(printerId).settings) });
    if (!r.ok) throw new StationError('bad_input', { key: r.error.key, ...r.error.params });
    return { pdf: r.pdf, mrz: r.mrz };
  }

  /** The book was spoiled (a jam, a misprint, a failed check): recorded, and the application waits for a new book. */
  spoil(officerId: string, roles: readonly Role[], jobId: string, reason: SpoilReason): PrintJobView {
    const j = this.job(jobId);
    // 'printing' with no printer waiting on it: the station stopped mid-job (a crash, a power cut).
    const mayBeSpoiled = j.state === 'failed' || (j.state === 'printed' && j.qcPassed !== true) || (j.state === 'printing' && !this.inFlight.has(j.id));
    if (!mayBeSpoiled) throw new StationError('conflict', { reason: 'job_state', state: j.state });
    // The reason must say what happened: a book that failed the check is spoiled as qc_failed, and only such a book.
    if ((reason === 'qc_failed') !== (j.qcPassed === false)) throw new StationError('bad_input', { reason: 'spoil_reason' }, 'reason');
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.stock.move(officerId, j.serial, 'spoil', { spoilReason: reason, appointmentId: j.appointmentId, at });
      this.store.stock.updateJob(j.id, { state: 'spoiled', at });
      this.workflow.take(officerId, roles, 'spoil', j.appointmentId, { reason: `${j.serial}: ${reason}`, detail: { serial: j.serial, jobId: j.id, spoilReason: reason } });
    });
    return jobView(this.job(j.id));
  }

  /** A failed job left the book blank: it goes back to stock and the application to the queue. */
  requeue(officerId: string, roles: readonly Role[], jobId: string): PrintJobView {
    const j = this.job(jobId);
    if (j.state !== 'failed') throw new StationError('conflict', { reason: 'job_state', state: j.state });
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.stock.move(officerId, j.serial, 'release', { appointmentId: null, at });
      this.store.stock.updateJob(j.id, { state: 'released', at });
      this.workflow.take(officerId, roles, 'requeue', j.appointmentId, { detail: { serial: j.serial, jobId: j.id } });
    });
    return jobView(this.job(j.id));
  }

  /**
   * The quality check: waits for the printed page on the MRZ reader (demo: the simulated
   * reader reads the page in its tray) and compares. A failed check blocks the book.
   */
  async check(officerId: string, jobId: string): Promise<QcView> {
    const j = this.job(jobId);
    if (j.state !== 'printed' || !j.mrz) throw new StationError('conflict', { reason: 'job_state', state: j.state });
    if (j.qcPassed !== null) throw new StationError('conflict', { reason: 'qc_done' });
    if (this.checking) throw new StationError('conflict', { reason: 'qc_busy' });
    this.checking = true;
    let lines: string[];
    try {
      lines = await this.readPage();
    } finally {
      this.checking = false;
    }
    const result = compareMrz(j.mrz, lines, this.now());
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.store.stock.updateJob(j.id, { qcPassed: result.passed, checkedAt: at, at });
      // The fields that differ, never their values (names and dates are personal data).
      this.store.audit.append(officerId, 'issuance.check', { appointmentId: j.appointmentId, serial: j.serial, jobId: j.id, passed: result.passed, fields: result.mismatches.map((m) => m.field) }, at);
    });
    return { job: jobView(this.job(j.id)), passed: result.passed, mismatches: result.mismatches };
  }

  private readPage(): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { stop(); reject(new StationError('device', { key: 'issuance.qcNoRead' })); }, this.qcWaitMs);
      const stop = this.devices.watchMrz((lines) => { clearTimeout(timer); stop(); resolve(lines); });
      void this.devices.readFedPage();
    });
  }

  /** For the handover: whether the application's printed book failed its check (and is not yet spoiled). */
  qcFailed(appointmentId: string): boolean {
    const j = this.store.stock.latestJob(appointmentId);
    return j?.state === 'printed' && j.qcPassed === false;
  }

  /** For the handover: whether the application's printed passport passed its check. */
  qcPassed(appointmentId: string): boolean {
    const j = this.store.stock.latestJob(appointmentId);
    return j?.state === 'printed' && j.qcPassed === true;
  }
}
