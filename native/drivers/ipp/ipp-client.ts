// The IPP operations a data page needs (RFC 8011): Get-Printer-Attributes, Print-Job,
// Get-Job-Attributes, Cancel-Job. Requests carry the operation attributes every IPP
// request must start with (charset, natural language, printer-uri, requesting-user-name).
import { fail, ok } from '../../result';
import type { Result } from '../../result';
import { asNumber, asString, attr, decodeMessage, encodeMessage, first, strings, v, values } from './ipp-codec';
import type { IppAttribute, IppGroup, IppMessage, IppValue } from './ipp-codec';
import { GROUP, JOB_STATE, OP, STATUS, STATUS_NAME, TAG, isSuccess } from './ipp-constants';
import { postIpp } from './ipp-http';
import type { HttpExchange } from './ipp-http';
import { IPP_KEYS } from './ipp-keys';
import type { MediaSize } from './ipp-media';
import { parseIppUrl } from './ipp-url';
import type { IppEndpoint } from './ipp-url';

export interface IppClientOptions {
  url: string;
  user?: string;
  timeoutMs?: number;
  allowUntrustedTls?: boolean;
  /** Every request and answer, for the technician's trace. */
  onExchange?: (dir: 'tx' | 'rx', bytes: Uint8Array, name: string) => void;
}

export interface PrinterAttributes {
  state: number;
  stateReasons: string[];
  stateMessage?: string;
  acceptingJobs: boolean;
  formats: string[];
  media: string[];
  mediaReady: string[];
  mediaSizes: MediaSize[];
  printScaling: string[];
  makeAndModel?: string;
  name?: string;
}

export interface JobAttributes {
  jobId: number;
  state: number;
  stateReasons: string[];
  stateMessage?: string;
}

export interface JobTicket extends JobAttributes {
  /** Timing of the Print-Job request, for the batch figures. */
  exchange: Pick<HttpExchange, 'sentAt' | 'uploadedAt' | 'answeredAt'>;
}

export type MediaRequest = { keyword: string } | { size: { x: number; y: number } };

const PRINTER_ATTRIBUTES = [
  'printer-state', 'printer-state-reasons', 'printer-state-message', 'printer-is-accepting-jobs',
  'document-format-supported', 'media-supported', 'media-ready', 'media-size-supported', 'media-col-database',
  'print-scaling-supported', 'printer-make-and-model', 'printer-name',
];
const JOB_ATTRIBUTES = ['job-id', 'job-state', 'job-state-reasons', 'job-state-message'];

export class IppClient {
  readonly endpoint: IppEndpoint | null;
  private requestId = 0;

  constructor(private readonly opts: IppClientOptions) {
    this.endpoint = parseIppUrl(opts.url);
  }

  get address(): string {
    return this.endpoint?.printerUri ?? this.opts.url;
  }

  /** Sends one request; a non-successful status is an error carrying the status keyword. */
  async request(op: number, groups: IppGroup[], data?: Uint8Array, signal?: AbortSignal, timeoutMs?: number): Promise<Result<{ message: IppMessage; exchange: HttpExchange }>> {
    const ep = this.endpoint;
    if (!ep) return fail('io', IPP_KEYS.badUrl, { url: this.opts.url });
    const operation: IppAttribute[] = [
      attr('attributes-charset', v.charset('utf-8')),
      attr('attributes-natural-language', v.language('en')),
      attr('printer-uri', v.uri(ep.printerUri)),
      attr('requesting-user-name', v.name(this.opts.user ?? 'loket')),
    ];
    const [head, ...rest] = groups;
    const all: IppGroup[] = head?.tag === GROUP.operation
      ? [{ tag: GROUP.operation, attributes: [...operation, ...head.attributes] }, ...rest]
      : [{ tag: GROUP.operation, attributes: operation }, ...groups];
    const message: IppMessage = { version: [2, 0], code: op, requestId: ++this.requestId, groups: all, ...(data ? { data } : {}) };
    const bytes = encodeMessage(message);
    this.opts.onExchange?.('tx', data ? bytes.subarray(0, bytes.length - data.length) : bytes, opName(op));
    const sent = await postIpp(ep, bytes, { timeoutMs: timeoutMs ?? this.opts.timeoutMs ?? 10_000, ...(signal ? { signal } : {}), ...(this.opts.allowUntrustedTls ? { allowUntrustedTls: true } : {}) });
    if (!sent.ok) return sent;
    this.opts.onExchange?.('rx', sent.value.body, `${opName(op)} response`);
    const decoded = decodeMessage(sent.value.body);
    if (!decoded.ok) return fail('protocol', IPP_KEYS.badResponse, { address: ep.printerUri }, decoded.reason);
    const answer = decoded.message;
    if (answer.requestId !== message.requestId) return fail('protocol', IPP_KEYS.badResponse, { address: ep.printerUri }, `request-id ${answer.requestId}, sent ${message.requestId}`);
    if (!isSuccess(answer.code)) {
      const status = STATUS_NAME[answer.code] ?? `0x${answer.code.toString(16).padStart(4, '0')}`;
      const detail = asString(first(answer, GROUP.operation, 'status-message')) ?? status;
      if (answer.code === STATUS.serverErrorNotAcceptingJobs) return fail('rejected', IPP_KEYS.notAcceptingJobs, {}, detail);
      if (answer.code === STATUS.clientErrorDocumentFormatNotSupported) return fail('rejected', IPP_KEYS.pdfNotAccepted, { formats: '?' }, detail);
      return fail('rejected', IPP_KEYS.refused, { status }, detail);
    }
    return ok({ message: answer, exchange: sent.value });
  }

  async getPrinterAttributes(signal?: AbortSignal): Promise<Result<PrinterAttributes>> {
    const r = await this.request(OP.getPrinterAttributes, [{ tag: GROUP.operation, attributes: [attr('requested-attributes', ...PRINTER_ATTRIBUTES.map(v.keyword))] }], undefined, signal);
    if (!r.ok) return r;
    const m = r.value.message;
    const p = (name: string) => values(m, GROUP.printer, name);
    const state = asNumber(p('printer-state')[0]);
    if (state === undefined) return fail('protocol', IPP_KEYS.badResponse, { address: this.address }, 'no printer-state');
    const stateMessage = asString(p('printer-state-message')[0]);
    const makeAndModel = asString(p('printer-make-and-model')[0]);
    const name = asString(p('printer-name')[0]);
    return ok({
      state,
      stateReasons: strings(p('printer-state-reasons')),
      ...(stateMessage ? { stateMessage } : {}),
      acceptingJobs: p('printer-is-accepting-jobs')[0]?.value !== false,
      formats: [...new Set(strings(p('document-format-supported')))],
      media: [...new Set(strings(p('media-supported')))],
      mediaReady: strings(p('media-ready')),
      mediaSizes: [...p('media-size-supported').map(sizeOf), ...p('media-col-database').map((c) => sizeOf(member(c, 'media-size')))].filter((s): s is MediaSize => s !== null),
      printScaling: strings(p('print-scaling-supported')),
      ...(makeAndModel ? { makeAndModel } : {}),
      ...(name ? { name } : {}),
    });
  }

  async printJob(job: { pdf: Uint8Array; name: string; media?: MediaRequest; scalingNone?: boolean }, signal?: AbortSignal): Promise<Result<JobTicket>> {
    const operation = [attr('job-name', v.name(job.name.slice(0, 255))), attr('document-format', v.mime('application/pdf'))];
    const template: IppAttribute[] = [];
    if (job.media && 'keyword' in job.media) template.push(attr('media', v.keyword(job.media.keyword)));
    if (job.media && 'size' in job.media) {
      template.push(attr('media-col', v.collection(attr('media-size', v.collection(attr('x-dimension', v.integer(job.media.size.x)), attr('y-dimension', v.integer(job.media.size.y)))))));
    }
    // The page is already the size of the book: the printer must not fit it to anything.
    if (job.scalingNone) template.push(attr('print-scaling', v.keyword('none')));
    const groups: IppGroup[] = [{ tag: GROUP.operation, attributes: operation }, ...(template.length ? [{ tag: GROUP.job, attributes: template }] : [])];
    const r = await this.request(OP.printJob, groups, job.pdf, signal, Math.max(this.opts.timeoutMs ?? 10_000, 30_000));
    if (!r.ok) return r;
    const parsed = jobOf(r.value.message);
    if (!parsed) return fail('protocol', IPP_KEYS.badResponse, { address: this.address }, 'Print-Job answered without job-id');
    const { sentAt, uploadedAt, answeredAt } = r.value.exchange;
    return ok({ ...parsed, exchange: { sentAt, uploadedAt, answeredAt } });
  }

  async getJobAttributes(jobId: number, signal?: AbortSignal): Promise<Result<JobAttributes>> {
    const r = await this.request(OP.getJobAttributes, [{ tag: GROUP.operation, attributes: [attr('job-id', v.integer(jobId)), attr('requested-attributes', ...JOB_ATTRIBUTES.map(v.keyword))] }], undefined, signal);
    if (!r.ok) return r;
    const parsed = jobOf(r.value.message);
    return parsed ? ok(parsed) : fail('protocol', IPP_KEYS.badResponse, { address: this.address }, 'Get-Job-Attributes without job-state');
  }

  async cancelJob(jobId: number): Promise<Result<null>> {
    const r = await this.request(OP.cancelJob, [{ tag: GROUP.operation, attributes: [attr('job-id', v.integer(jobId))] }]);
    return r.ok ? ok(null) : r;
  }
}

function jobOf(m: IppMessage): JobAttributes | null {
  const jobId = asNumber(first(m, GROUP.job, 'job-id'));
  const state = asNumber(first(m, GROUP.job, 'job-state'));
  if (jobId === undefined || state === undefined || state < JOB_STATE.pending || state > JOB_STATE.completed) return null;
  const stateMessage = asString(first(m, GROUP.job, 'job-state-message'));
  return { jobId, state, stateReasons: strings(values(m, GROUP.job, 'job-state-reasons')), ...(stateMessage ? { stateMessage } : {}) };
}

function member(val: IppValue | undefined, name: string): IppValue | undefined {
  return Array.isArray(val?.value) ? val.value.find((a) => a.name === name)?.values[0] : undefined;
}

function sizeOf(val: IppValue | undefined): MediaSize | null {
  const dim = (d: IppValue | undefined): MediaSize['x'] | null => {
    if (!d) return null;
    if (d.tag === TAG.integer) return d.value as number;
    if (d.tag === TAG.rangeOfInteger) return d.value as { lower: number; upper: number };
    return null;
  };
  const x = dim(member(val, 'x-dimension'));
  const y = dim(member(val, 'y-dimension'));
  return x !== null && y !== null ? { x, y } : null;
}

const OP_NAMES: Record<number, string> = {
  [OP.printJob]: 'Print-Job', [OP.validateJob]: 'Validate-Job', [OP.createJob]: 'Create-Job', [OP.cancelJob]: 'Cancel-Job',
  [OP.getJobAttributes]: 'Get-Job-Attributes', [OP.getJobs]: 'Get-Jobs', [OP.getPrinterAttributes]: 'Get-Printer-Attributes',
};
export const opName = (op: number): string => OP_NAMES[op] ?? `operation 0x${op.toString(16)}`;
