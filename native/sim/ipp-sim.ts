// IPP printer simulator: an HTTP server on 127.0.0.1 that answers IPP/2.0 the way a
// network printer does — Get-Printer-Attributes, Print-Job, Validate-Job, Get-Job-
// Attributes, Get-Jobs, Cancel-Job — for the demo station and the tests. It claims only
// what it takes (PDF, the 125 × 88 mm passport page), keeps the documents it receives,
// and can be told to jam a book, run out of blank books, have its door opened or go
// offline. Debian's ipptool runs its own tests against it.
//
//   const sim = await startIppSim();   // sim.url === 'ipp://127.0.0.1:PORT/ipp/print'
//   sim.inject('media-jam');           // the next book jams; sim.clear('media-jam') clears it
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { asNumber, asString, attr, decodeMessage, encodeMessage, first, strings, v, values } from '../drivers/ipp/ipp-codec';
import type { IppAttribute, IppGroup, IppMessage } from '../drivers/ipp/ipp-codec';
import { GROUP, JOB_STATE, OP, PRINTER_STATE, STATUS, STATUS_NAME } from '../drivers/ipp/ipp-constants';
import { SIM_MEDIA, SIM_MEDIA_SIZE, printerAttributes, selectAttributes } from './ipp-sim-attributes';

export const IPP_SIM_FAULTS = ['media-jam', 'media-empty', 'door-open', 'offline'] as const;
export type IppSimFault = (typeof IPP_SIM_FAULTS)[number];

export interface IppSimOptions {
  port?: number;
  /** How long a job stays "processing" (ms). */
  printMs?: number;
  name?: string;
  log?: (line: string) => void;
}

export interface IppSimJob {
  id: number;
  name: string;
  user: string;
  format: string;
  media: string;
  document: Uint8Array;
  state: number;
  reasons: string[];
  createdAt: number;
}

export interface IppSim {
  /** ipp://127.0.0.1:PORT/ipp/print */
  readonly url: string;
  readonly port: number;
  readonly jobs: readonly IppSimJob[];
  /** "Operation → status" per request. */
  readonly requests: string[];
  readonly faults: ReadonlySet<IppSimFault>;
  inject(fault: IppSimFault): void;
  /** Clears one fault, or all. A cleared jam aborts the jammed job: that book is spoiled. */
  clear(fault?: IppSimFault): void;
  close(): Promise<void>;
}

const MAX_BODY = 32 * 1024 * 1024;
const TERMINAL = new Set<number>([JOB_STATE.canceled, JOB_STATE.aborted, JOB_STATE.completed]);

export async function startIppSim(opts: IppSimOptions = {}): Promise<IppSim> {
  const printMs = opts.printMs ?? 400;
  const name = opts.name ?? 'Loket Passport Printer';
  const uuid = randomUUID();
  const startedAt = Date.now();
  const jobs: IppSimJob[] = [];
  const requests: string[] = [];
  const faults = new Set<IppSimFault>();
  const sockets = new Set<Socket>();
  let nextId = 1;
  let current: IppSimJob | null = null;
  let timer: NodeJS.Timeout | undefined;
  let uri = '';
  const log = opts.log ?? (() => undefined);

  const reasons = (): string[] => {
    const r: string[] = [];
    if (faults.has('media-jam') && current?.state === JOB_STATE.processingStopped) r.push('media-jam-error');
    if (faults.has('media-empty')) r.push('media-empty-error', 'media-needed-error');
    if (faults.has('door-open')) r.push('door-open-error');
    return r;
  };
  const blocked = () => faults.has('media-empty') || faults.has('door-open');
  const printerState = () => (reasons().length > 0 ? PRINTER_STATE.stopped : current ? PRINTER_STATE.processing : PRINTER_STATE.idle);

  /** Moves the queue on: one job at a time, nothing starts while the printer is blocked. */
  function advance(): void {
    if (current || blocked()) return;
    const next = jobs.find((j) => j.state === JOB_STATE.pending);
    if (!next) return;
    current = next;
    next.state = JOB_STATE.processing;
    next.reasons = ['job-printing'];
    if (faults.has('media-jam')) {
      next.state = JOB_STATE.processingStopped;
      next.reasons = ['printer-stopped'];
      log(`job ${next.id} jammed`);
      return;
    }
    timer = setTimeout(() => finish(next), printMs);
    timer.unref();
  }

  function finish(job: IppSimJob): void {
    if (job.state !== JOB_STATE.processing) return;
    const isPdf = job.document.length > 5 && Buffer.from(job.document.subarray(0, 5)).toString('latin1') === '%PDF-';
    job.state = isPdf ? JOB_STATE.completed : JOB_STATE.aborted;
    job.reasons = isPdf ? ['job-completed-successfully'] : ['document-format-error', 'aborted-by-system'];
    current = null;
    log(`job ${job.id} ${isPdf ? 'completed' : 'aborted (not a PDF)'}`);
    advance();
  }

  // ---- operations ---------------------------------------------------------------------------

  const answer = (req: IppMessage, status: number, ...groups: IppGroup[]): IppMessage => ({
    version: req.version[0] === 1 ? [1, 1] : [2, 0], code: status, requestId: req.requestId,
    groups: [{ tag: GROUP.operation, attributes: [attr('attributes-charset', v.charset('utf-8')), attr('attributes-natural-language', v.language('en')),
      attr('status-message', v.text(STATUS_NAME[status] ?? 'error'))] }, ...groups],
  });

  const jobAttributes = (j: IppSimJob): IppAttribute[] => [
    attr('job-id', v.integer(j.id)),
    attr('job-uri', v.uri(`${uri}/${j.id}`)),
    attr('job-printer-uri', v.uri(uri)),
    attr('job-name', v.name(j.name)),
    attr('job-originating-user-name', v.name(j.user)),
    attr('job-state', v.enum(j.state)),
    attr('job-state-reasons', ...(j.reasons.length ? j.reasons : ['none']).map(v.keyword)),
    attr('job-state-message', v.text(stateWord(j.state))),
    attr('document-format', v.mime(j.format)),
    attr('media', v.keyword(j.media)),
    attr('time-at-creation', v.integer(Math.max(1, Math.round((j.createdAt - startedAt) / 1000)))),
  ];

  /** Checks a job's format and template attributes; returns the error answer or the chosen values. */
  function checkJob(req: IppMessage, data: Uint8Array | undefined): IppMessage | { format: string; media: string; ignored: IppAttribute[] } {
    let format = asString(first(req, GROUP.operation, 'document-format')) ?? 'application/octet-stream';
    if (format === 'application/octet-stream' && data && Buffer.from(data.subarray(0, 5)).toString('latin1') === '%PDF-') format = 'application/pdf';
    if (format !== 'application/pdf') {
      return answer(req, STATUS.clientErrorDocumentFormatNotSupported, { tag: GROUP.unsupported, attributes: [attr('document-format', v.mime(format))] });
    }
    let media = SIM_MEDIA;
    const ignored: IppAttribute[] = [];
    for (const g of req.groups.filter((x) => x.tag === GROUP.job)) {
      for (const a of g.attributes) {
        if (a.name === 'media') {
          const kw = asString(a.values[0]);
          if (kw !== SIM_MEDIA) return answer(req, STATUS.clientErrorAttributesOrValuesNotSupported, { tag: GROUP.unsupported, attributes: [a] });
          media = kw;
        } else if (a.name === 'media-col') {
          const size = Array.isArray(a.values[0]?.value) ? a.values[0].value.find((m) => m.name === 'media-size')?.values[0] : undefined;
          const dims = Array.isArray(size?.value) ? size.value : [];
          const x = asNumber(dims.find((m) => m.name === 'x-dimension')?.values[0]);
          const y = asNumber(dims.find((m) => m.name === 'y-dimension')?.values[0]);
          const fits = (x === SIM_MEDIA_SIZE.x && y === SIM_MEDIA_SIZE.y) || (x === SIM_MEDIA_SIZE.y && y === SIM_MEDIA_SIZE.x);
          if (!fits) return answer(req, STATUS.clientErrorAttributesOrValuesNotSupported, { tag: GROUP.unsupported, attributes: [a] });
        } else if (a.name === 'copies') {
          if (asNumber(a.values[0]) !== 1) ignored.push(a);
        } else if (a.name === 'print-scaling') {
          if (asString(a.values[0]) !== 'none') ignored.push(a);
        } else {
          ignored.push(a);
        }
      }
    }
    return { format, media, ignored };
  }

  function handle(req: IppMessage): IppMessage {
    const op = req.code;
    if (req.version[0] !== 1 && req.version[0] !== 2) return answer(req, STATUS.serverErrorVersionNotSupported);
    const opGroup = req.groups[0];
    if (opGroup?.tag !== GROUP.operation || opGroup.attributes[0]?.name !== 'attributes-charset' || opGroup.attributes[1]?.name !== 'attributes-natural-language') {
      return answer(req, STATUS.clientErrorBadRequest);
    }
    if (!first(req, GROUP.operation, 'printer-uri') && !first(req, GROUP.operation, 'job-uri')) return answer(req, STATUS.clientErrorBadRequest);
    const user = asString(first(req, GROUP.operation, 'requesting-user-name')) ?? 'anonymous';

    switch (op) {
      case OP.getPrinterAttributes: {
        const all = printerAttributes({ uri, name, makeAndModel: 'Loket IPP Passport Printer Simulator', state: printerState(), reasons: reasons(), acceptingJobs: true,
          upSeconds: Math.round((Date.now() - startedAt) / 1000), uuid, now: new Date() });
        return answer(req, STATUS.successfulOk, { tag: GROUP.printer, attributes: selectAttributes(all, strings(values(req, GROUP.operation, 'requested-attributes'))) });
      }
      case OP.validateJob:
      case OP.printJob: {
        const checked = checkJob(req, req.data);
        if ('code' in checked) return checked;
        const status = checked.ignored.length ? STATUS.successfulOkIgnoredOrSubstituted : STATUS.successfulOk;
        const unsupported: IppGroup[] = checked.ignored.length ? [{ tag: GROUP.unsupported, attributes: checked.ignored }] : [];
        if (op === OP.validateJob) return answer(req, status, ...unsupported);
        if (!req.data || req.data.length === 0) return answer(req, STATUS.clientErrorBadRequest);
        const job: IppSimJob = {
          id: nextId++, name: asString(first(req, GROUP.operation, 'job-name')) ?? 'untitled', user, format: checked.format, media: checked.media,
          document: new Uint8Array(req.data), state: JOB_STATE.pending, reasons: ['job-queued'], createdAt: Date.now(),
        };
        jobs.push(job);
        advance();
        const reply = [attr('job-id', v.integer(job.id)), attr('job-uri', v.uri(`${uri}/${job.id}`)), attr('job-state', v.enum(job.state)),
          attr('job-state-reasons', ...job.reasons.map(v.keyword)), attr('job-state-message', v.text(stateWord(job.state)))];
        return answer(req, status, ...unsupported, { tag: GROUP.job, attributes: reply });
      }
      case OP.getJobAttributes:
      case OP.cancelJob: {
        const id = asNumber(first(req, GROUP.operation, 'job-id')) ?? Number(/\/(\d+)$/.exec(asString(first(req, GROUP.operation, 'job-uri')) ?? '')?.[1]);
        const job = jobs.find((j) => j.id === id);
        if (!job) return answer(req, STATUS.clientErrorNotFound);
        if (op === OP.getJobAttributes) {
          const requested = strings(values(req, GROUP.operation, 'requested-attributes'));
          const all = jobAttributes(job);
          const chosen = requested.length === 0 || requested.includes('all') || requested.includes('job-description') ? all : all.filter((a) => requested.includes(a.name));
          return answer(req, STATUS.successfulOk, { tag: GROUP.job, attributes: chosen });
        }
        if (TERMINAL.has(job.state)) return answer(req, STATUS.clientErrorNotPossible);
        job.state = JOB_STATE.canceled;
        job.reasons = ['job-canceled-by-user'];
        if (current === job) { clearTimeout(timer); current = null; faults.delete('media-jam'); advance(); }
        return answer(req, STATUS.successfulOk);
      }
      case OP.getJobs: {
        const which = asString(first(req, GROUP.operation, 'which-jobs')) ?? 'not-completed';
        const listed = jobs.filter((j) => which === 'all' || (which === 'completed' ? TERMINAL.has(j.state) : !TERMINAL.has(j.state)));
        return answer(req, STATUS.successfulOk, ...listed.map((j) => ({ tag: GROUP.job, attributes: jobAttributes(j).slice(0, 7) })));
      }
      default:
        return answer(req, STATUS.serverErrorOperationNotSupported);
    }
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  const server = createServer((req, res) => void serve(req, res));
  server.on('connection', (s) => {
    if (faults.has('offline')) { s.destroy(); return; }
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') { res.writeHead(req.method === 'GET' ? 200 : 405, { 'Content-Type': 'text/plain' }).end(`${name}: IPP only (POST application/ipp to /ipp/print)\n`); return; }
    if (!/^application\/ipp\b/i.test(req.headers['content-type'] ?? '')) { res.writeHead(400).end(); return; }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_BODY) { res.writeHead(413).end(); req.destroy(); return; }
      chunks.push(c as Buffer);
    }
    const decoded = decodeMessage(new Uint8Array(Buffer.concat(chunks)));
    let reply: IppMessage;
    if (!decoded.ok) {
      log(`bad request: ${decoded.reason}`);
      const body = Buffer.concat(chunks);
      const requestId = body.length >= 8 ? body.readUInt32BE(4) : 0;
      reply = answer({ version: [2, 0], code: 0, requestId, groups: [] }, STATUS.clientErrorBadRequest);
    } else {
      reply = handle(decoded.message);
    }
    requests.push(`${decoded.ok ? opLabel(decoded.message.code) : 'undecodable'} → ${STATUS_NAME[reply.code] ?? reply.code}`);
    res.writeHead(200, { 'Content-Type': 'application/ipp' }).end(Buffer.from(encodeMessage(reply)));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  uri = `ipp://127.0.0.1:${port}/ipp/print`;

  return {
    url: uri,
    port,
    jobs,
    requests,
    faults,
    inject(fault) {
      faults.add(fault);
      if (fault === 'offline') for (const s of sockets) s.destroy();
      if (fault === 'media-jam' && current?.state === JOB_STATE.processing) {
        clearTimeout(timer);
        current.state = JOB_STATE.processingStopped;
        current.reasons = ['printer-stopped'];
      }
      log(`fault ${fault}`);
    },
    clear(fault) {
      const which = fault ? [fault] : [...faults];
      for (const f of which) faults.delete(f);
      if (which.includes('media-jam') && current?.state === JOB_STATE.processingStopped) {
        current.state = JOB_STATE.aborted;
        current.reasons = ['aborted-by-system'];
        current = null;
      }
      advance();
    },
    async close() {
      clearTimeout(timer);
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const stateWord = (s: number) => ({ 3: 'Job pending.', 4: 'Job held.', 5: 'Job printing.', 6: 'Job stopped.', 7: 'Job canceled.', 8: 'Job aborted.', 9: 'Job completed.' } as Record<number, string>)[s] ?? 'Unknown.';
const opLabel = (op: number) => ({ 2: 'Print-Job', 4: 'Validate-Job', 8: 'Cancel-Job', 9: 'Get-Job-Attributes', 10: 'Get-Jobs', 11: 'Get-Printer-Attributes' } as Record<number, string>)[op] ?? `op 0x${op.toString(16)}`;
