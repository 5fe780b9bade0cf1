// A data page printer reached over IPP: checks the printer can take a PDF of the page size,
// sends it with Print-Job, then asks Get-Job-Attributes until the job ends, telling the
// operator on the way what the printer is waiting for (a blank book, a closed door…).
import { fail, ok } from '../../result';
import type { DeviceMessage, Result } from '../../result';
import type { DataPagePrinter, PageMedia, PrintJob, PrintOutcome, PrintProgress, PrinterFitness, PrinterStatus } from '../../printer';
import { sleep } from '../../transport/exchange';
import { IppClient } from './ipp-client';
import type { IppClientOptions, PrinterAttributes } from './ipp-client';
import { JOB_STATE, PRINTER_STATE } from './ipp-constants';
import { IPP_KEYS } from './ipp-keys';
import { chooseMedia } from './ipp-media';
import { jobEndMessage, printerReasonMessage } from './ipp-reasons';

export interface IppPrinterOptions extends IppClientOptions {
  /** How often a running job is asked about (ms). */
  pollMs?: number;
  /** How long a job may take before the station gives up waiting (ms). */
  jobTimeoutMs?: number;
}

const PDF = 'application/pdf';

export class IppPrinter implements DataPagePrinter {
  readonly kind = 'ipp';
  readonly client: IppClient;

  constructor(private readonly opts: IppPrinterOptions) {
    this.client = new IppClient(opts);
  }

  get address(): string {
    return this.client.address;
  }

  async status(signal?: AbortSignal): Promise<Result<PrinterStatus>> {
    const a = await this.client.getPrinterAttributes(signal);
    return a.ok ? ok(statusOf(a.value)) : a;
  }

  async fitness(media: PageMedia, signal?: AbortSignal): Promise<Result<PrinterFitness>> {
    const a = await this.client.getPrinterAttributes(signal);
    return a.ok ? ok(fitnessOf(a.value, media)) : a;
  }

  async print(job: PrintJob, o: { signal?: AbortSignal; onProgress?: (p: PrintProgress) => void } = {}): Promise<Result<PrintOutcome>> {
    const progress = (p: PrintProgress) => o.onProgress?.(p);
    const attrs = await this.client.getPrinterAttributes(o.signal);
    if (!attrs.ok) return attrs;
    const fit = fitnessOf(attrs.value, job.media);
    if (fit.problems.length > 0) {
      const first = fit.problems[0]!;
      return fail('rejected', first.key, first.params);
    }
    const chosen = chooseMedia(job.media, attrs.value.media, attrs.value.mediaSizes);
    progress({ phase: 'sending', message: { key: IPP_KEYS.sending } });
    const ticket = await this.client.printJob({
      pdf: job.pdf, name: job.name, ...(chosen ? { media: chosen } : {}), scalingNone: attrs.value.printScaling.includes('none'),
    }, o.signal);
    if (!ticket.ok) return ticket;
    const { jobId, exchange } = ticket.value;
    const transferMs = exchange.uploadedAt - exchange.sentAt;
    let state = ticket.value.state;
    let reasons = ticket.value.stateReasons;
    const deadline = performance.now() + (this.opts.jobTimeoutMs ?? 5 * 60_000);
    let lastKey = '';
    // The first question comes soon (a spooling printer takes the job at once), then every pollMs.
    let wait = Math.min(100, this.opts.pollMs ?? 500);
    for (;;) {
      if (state === JOB_STATE.completed) {
        progress({ phase: 'completed', jobId, message: { key: IPP_KEYS.printed } });
        return ok({ jobId, transferMs, totalMs: performance.now() - exchange.sentAt });
      }
      if (state === JOB_STATE.canceled || state === JOB_STATE.aborted) {
        const printer = await this.client.getPrinterAttributes();
        const m = jobEndMessage(state, reasons, printer.ok ? printer.value.stateReasons : []);
        return fail('rejected', m.key, { ...m.params, jobId }, `job ${jobId} ${state === JOB_STATE.canceled ? 'canceled' : 'aborted'}: ${reasons.join(',')}`);
      }
      // Still pending or printing: say what the printer waits for, when it waits for something.
      const waiting = state === JOB_STATE.processingStopped || state === JOB_STATE.pendingHeld || reasons.includes('printer-stopped');
      let message: DeviceMessage = { key: state === JOB_STATE.processing ? IPP_KEYS.printing : IPP_KEYS.queued };
      let phase: PrintProgress['phase'] = state === JOB_STATE.processing ? 'printing' : 'queued';
      if (waiting || state === JOB_STATE.pending) {
        const printer = await this.client.getPrinterAttributes(o.signal);
        const problem = printer.ok ? printerReasonMessage(printer.value.stateReasons) : null;
        if (problem) { message = problem; phase = 'stopped'; }
      }
      if (message.key !== lastKey) progress({ phase, jobId, message });
      lastKey = message.key;
      if (performance.now() > deadline) {
        const seconds = Math.round((this.opts.jobTimeoutMs ?? 5 * 60_000) / 1000);
        return fail('timeout', IPP_KEYS.jobTimeout, { seconds, jobId });
      }
      if (o.signal?.aborted) return this.cancelled(jobId);
      await sleep(wait, o.signal);
      wait = this.opts.pollMs ?? 500;
      if (o.signal?.aborted) return this.cancelled(jobId);
      const now = await this.client.getJobAttributes(jobId, o.signal);
      if (!now.ok) {
        if (now.error.code === 'cancelled') return this.cancelled(jobId);
        return fail(now.error.code, now.error.key, { ...now.error.params, jobId }, now.error.detail);
      }
      state = now.value.state;
      reasons = now.value.stateReasons;
    }
  }

  private async cancelled(jobId: number): Promise<Result<PrintOutcome>> {
    await this.client.cancelJob(jobId);
    return fail('cancelled', IPP_KEYS.cancelled, { jobId });
  }
}

export function statusOf(a: PrinterAttributes): PrinterStatus {
  const problem = printerReasonMessage(a.stateReasons) ?? (a.state === PRINTER_STATE.stopped ? { key: IPP_KEYS.printerStopped, params: { reasons: a.stateReasons.join(', ') || 'stopped' } } : undefined);
  return {
    state: a.state === PRINTER_STATE.processing ? 'processing' : a.state === PRINTER_STATE.stopped ? 'stopped' : 'idle',
    reasons: a.stateReasons.filter((r) => r !== 'none'),
    acceptingJobs: a.acceptingJobs,
    ...(problem ? { problem } : !a.acceptingJobs ? { problem: { key: IPP_KEYS.notAcceptingJobs } } : {}),
    ...(a.makeAndModel ? { model: a.makeAndModel } : {}),
  };
}

export function fitnessOf(a: PrinterAttributes, media: PageMedia): PrinterFitness {
  const acceptsPdf = a.formats.includes(PDF);
  const chosen = chooseMedia(media, a.media, a.mediaSizes);
  const problems: DeviceMessage[] = [];
  if (!acceptsPdf) problems.push({ key: IPP_KEYS.pdfNotAccepted, params: { formats: a.formats.join(', ') || '—' } });
  if (!chosen) problems.push({ key: IPP_KEYS.mediaNotSupported });
  if (!a.acceptingJobs) problems.push({ key: IPP_KEYS.notAcceptingJobs });
  return {
    acceptsPdf, mediaSupported: chosen !== null, formats: a.formats, problems,
    ...(chosen && 'keyword' in chosen ? { media: chosen.keyword } : {}),
  };
}
