// eSCL (AirScan) client over HTTP with Node's fetch. One scan = create a job (POST
// ScanJobs → 201 + Location), fetch pages with GET {job}/NextDocument until 404, then
// DELETE the job. Every outcome is a Result: a scanner that is busy (503) is asked again
// after a pause, a bounded number of times; an empty feeder, a cancel (ours or at the
// device) and a scanner that vanishes mid-job each come back as their own error, and a
// failed job never returns the pages it had so far (no half documents in a file).
import { fail, ok } from '../../result';
import { ExchangeLock, sleep } from '../../transport/exchange';
import type { DeviceErrorCode, Result } from '../../result';
import { ESCL_KEYS } from './escl-keys';
import { buildScanSettings, parseCapabilities, parseStatus } from './escl-xml';
import { CertificateMismatch, fetchPeerCertificate, normaliseFingerprint, pinnedFetch } from './pinned-https';
import type { PeerCertificate } from './pinned-https';
import type { EsclCapabilities, EsclColorMode, EsclFormat, EsclRegion, EsclSource, EsclSourceCaps, EsclStatus } from './escl-xml';

export interface EsclClientOptions {
  /** Base URL ending in the eSCL root, e.g. http://192.168.1.20/eSCL/ (trailing slash optional). */
  baseUrl: string;
  /** Time limit per HTTP request (a page may take a while on a slow scanner). */
  requestTimeoutMs?: number;
  /** How many times a 503 is retried before we give up with `busy`. */
  busyRetries?: number;
  /** Pause between 503 retries unless the scanner sends Retry-After (capped at 5 s). */
  busyPauseMs?: number;
  /**
   * For an https scanner: the SHA-256 fingerprint of the certificate the technician
   * confirmed. Only that certificate is accepted; without a pin the system's authorities decide.
   */
  certSha256?: string;
}

export interface EsclScanRequest {
  source: EsclSource;
  colorMode?: EsclColorMode;
  /** Dots per inch. */
  resolution?: number;
  /** In 1/300 inch; defaults to the source's full area. */
  region?: EsclRegion;
  format?: EsclFormat;
  duplex?: boolean;
}

export interface EsclPage {
  /** 1-based page number within the job. */
  index: number;
  contentType: string;
  bytes: Buffer;
}

export interface EsclScanOptions {
  signal?: AbortSignal;
  /** Called as each page arrives (progress); pages are still only returned when the job succeeds. */
  onPage?: (page: EsclPage) => void;
}

export interface EsclScanResult {
  jobUri: string;
  pages: EsclPage[];
  /** Milliseconds spent receiving page bodies (for the overhead benchmark). */
  transferMs: number;
}


const RETRY_AFTER_CAP_MS = 5000;
/** Node's codes for a certificate the system's authorities do not vouch for. */
const CERT_ERRORS = /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID)$/;

export class EsclClient {
  private readonly base: URL;
  private readonly requestTimeoutMs: number;
  private readonly busyRetries: number;
  private readonly busyPauseMs: number;
  private readonly pin: string | undefined;
  private caps: EsclCapabilities | undefined;
  /** A scanner runs one job at a time; a second scan from this station waits its turn. */
  private readonly lock = new ExchangeLock();

  constructor(opts: EsclClientOptions) {
    this.base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 30_000;
    this.busyRetries = opts.busyRetries ?? 5;
    this.busyPauseMs = opts.busyPauseMs ?? 1000;
    this.pin = opts.certSha256 ? normaliseFingerprint(opts.certSha256) : undefined;
  }

  /** The certificate an https scanner presents (for the technician to confirm), trusting nothing. */
  async peerCertificate(): Promise<Result<PeerCertificate>> {
    if (this.base.protocol !== 'https:') return fail('rejected', ESCL_KEYS.notHttps, { address: this.address });
    try {
      return ok(await fetchPeerCertificate(this.base));
    } catch (err) {
      return fail('disconnected', ESCL_KEYS.unreachable, { address: this.address }, errorText(err));
    }
  }

  get address(): string {
    return this.base.href;
  }

  async capabilities(signal?: AbortSignal): Promise<Result<EsclCapabilities>> {
    const r = await this.request('GET', 'ScannerCapabilities', { signal });
    if (!r.ok) return r;
    if (r.value.status !== 200) return this.badResponse(`ScannerCapabilities: HTTP ${r.value.status}`);
    const caps = parseCapabilities(await r.value.text());
    if (!caps || (!caps.platen && !caps.feeder)) return this.badResponse('ScannerCapabilities: no platen or feeder');
    this.caps = caps;
    return ok(caps);
  }

  async status(signal?: AbortSignal): Promise<Result<EsclStatus>> {
    const r = await this.request('GET', 'ScannerStatus', { signal });
    if (!r.ok) return r;
    if (r.value.status !== 200) return this.badResponse(`ScannerStatus: HTTP ${r.value.status}`);
    const status = parseStatus(await r.value.text());
    return status ? ok(status) : this.badResponse('ScannerStatus: not a ScannerStatus document');
  }

  /** Runs one scan job to the end and returns every page, or a Result error and no pages. */
  scan(req: EsclScanRequest, opts: EsclScanOptions = {}): Promise<Result<EsclScanResult>> {
    return this.lock.run(() => this.runJob(req, opts));
  }

  private async runJob(req: EsclScanRequest, opts: EsclScanOptions): Promise<Result<EsclScanResult>> {
    const { signal } = opts;
    if (!this.caps) {
      const c = await this.capabilities(signal);
      if (!c.ok) return c;
    }
    const srcCaps: EsclSourceCaps | undefined = req.source === 'Feeder' ? this.caps!.feeder : this.caps!.platen;
    if (!srcCaps) return fail('rejected', ESCL_KEYS.sourceUnavailable, { source: req.source });
    const settings = {
      source: req.source,
      colorMode: req.colorMode ?? 'RGB24',
      resolution: req.resolution ?? 300,
      region: req.region ?? { x: 0, y: 0, width: srcCaps.maxWidth, height: srcCaps.maxHeight },
      format: req.format ?? 'image/jpeg',
      duplex: req.duplex ?? false,
    } as const;
    const unsupported = checkAgainstCaps(settings, srcCaps);
    if (unsupported) return fail('rejected', ESCL_KEYS.settingUnsupported, unsupported);

    // Create the job; a busy scanner (503) is asked again after a pause.
    const created = await this.withBusyRetry(() => this.request('POST', 'ScanJobs', { body: buildScanSettings(settings), signal }), signal);
    if (!created.ok) return created;
    const res = created.value;
    if (res.status === 409 || (req.source === 'Feeder' && res.status !== 201 && res.status < 500)) {
      // Scanners refuse a feeder job with nothing loaded (409 Conflict on HP and most others).
      const why = await this.explainRefusal(req.source, signal);
      return why ?? this.badResponse(`ScanJobs: HTTP ${res.status}`);
    }
    if (res.status !== 201) return this.badResponse(`ScanJobs: HTTP ${res.status}`);
    const location = res.headers.get('location');
    if (!location) return this.badResponse('ScanJobs: 201 without Location');
    const jobUrl = new URL(location, this.base);
    const jobPath = jobUrl.pathname.replace(/\/$/, '');

    const pages: EsclPage[] = [];
    let transferMs = 0;
    const outcome = await (async (): Promise<Result<never> | undefined> => {
      for (;;) {
        const r = await this.withBusyRetry(() => this.request('GET', new URL(`${jobPath}/NextDocument`, this.base), { signal }), signal);
        if (!r.ok) return r.error.code === 'disconnected' ? fail('disconnected', ESCL_KEYS.vanished, { pages: pages.length }, r.error.detail) : r;
        const page = r.value;
        if (page.status === 404) return undefined;
        if (page.status !== 200) return this.badResponse(`NextDocument: HTTP ${page.status}`);
        const t0 = performance.now();
        let bytes: Buffer;
        try {
          bytes = Buffer.from(await page.arrayBuffer());
        } catch (err) {
          if (signal?.aborted) return fail('cancelled', ESCL_KEYS.cancelled);
          // The body broke off: the scanner went away while sending the page.
          return fail('disconnected', ESCL_KEYS.vanished, { pages: pages.length }, errorText(err));
        }
        transferMs += performance.now() - t0;
        const p: EsclPage = { index: pages.length + 1, contentType: page.headers.get('content-type') ?? settings.format, bytes };
        pages.push(p);
        opts.onPage?.(p);
      }
    })();

    if (outcome) {
      // Best effort: tell the scanner to drop the job (it may be gone; then this fails quietly).
      await this.request('DELETE', new URL(jobPath, this.base), { timeoutMs: 2000 });
      return outcome;
    }

    // 404: no more pages. Find out whether the job completed or was cancelled at the scanner.
    const st = await this.status(signal);
    const job = st.ok ? st.value.jobs.find((j) => sameJob(j.uri, jobPath)) : undefined;
    await this.request('DELETE', new URL(jobPath, this.base), { timeoutMs: 2000 });
    if (job && /^(Canceled|Cancelled|Aborted)$/.test(job.state)) {
      return fail('cancelled', ESCL_KEYS.cancelledAtDevice, { pages: pages.length }, `job ${job.state} ${job.reasons.join(',')}`);
    }
    if (pages.length === 0) {
      if (req.source === 'Feeder' && st.ok && st.value.adfState === 'ScannerAdfEmpty') return fail('rejected', ESCL_KEYS.feederEmpty);
      return fail('protocol', ESCL_KEYS.noPages, { source: req.source });
    }
    return ok({ jobUri: jobPath, pages, transferMs });
  }

  /** Why a job was refused: feeder empty, jammed, cover open — or undefined when the status does not say. */
  private async explainRefusal(source: EsclSource, signal?: AbortSignal): Promise<Result<never> | undefined> {
    const st = await this.status(signal);
    if (!st.ok) return st;
    const adf = st.value.adfState;
    if (source === 'Feeder' && (adf === 'ScannerAdfEmpty' || adf === 'ScannerAdfProcessing')) return fail('rejected', ESCL_KEYS.feederEmpty);
    if (adf === 'ScannerAdfJam') return fail('rejected', ESCL_KEYS.jammed);
    if (adf === 'ScannerAdfDoorOpen') return fail('rejected', ESCL_KEYS.coverOpen);
    return undefined;
  }

  private async withBusyRetry(run: () => Promise<Result<Response>>, signal?: AbortSignal): Promise<Result<Response>> {
    for (let attempt = 0; ; attempt++) {
      const r = await run();
      if (!r.ok || r.value.status !== 503) return r;
      const retryAfter = Number(r.value.headers.get('retry-after'));
      await r.value.body?.cancel().catch(() => undefined);
      if (attempt >= this.busyRetries) return fail('busy', ESCL_KEYS.busy, { attempts: attempt + 1 });
      const pause = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, RETRY_AFTER_CAP_MS) : this.busyPauseMs;
      const slept = await sleep(pause, signal);
      if (!slept) return fail('cancelled', ESCL_KEYS.cancelled);
    }
  }

  private async request(
    method: string,
    path: string | URL,
    opts: { body?: string; signal?: AbortSignal | undefined; timeoutMs?: number } = {},
  ): Promise<Result<Response>> {
    const url = typeof path === 'string' ? new URL(path, this.base) : path;
    if (opts.signal?.aborted) return fail('cancelled', ESCL_KEYS.cancelled);
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? this.requestTimeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    try {
      const init: RequestInit & { body?: string; headers?: Record<string, string> } = { method, signal };
      if (opts.body !== undefined) {
        init.body = opts.body;
        init.headers = { 'content-type': 'text/xml' };
      }
      if (url.protocol === 'https:') return ok(await pinnedFetch(url, { method, signal, ...(opts.body !== undefined ? { body: opts.body, headers: { 'content-type': 'text/xml' } } : {}) }, this.pin));
      return ok(await fetch(url, init));
    } catch (err) {
      if (opts.signal?.aborted) return fail('cancelled', ESCL_KEYS.cancelled);
      if (timeout.aborted) return fail('timeout', ESCL_KEYS.timeout, { address: this.address }, `${method} ${url.pathname}`);
      if (err instanceof CertificateMismatch) return fail('rejected', ESCL_KEYS.certChanged, { address: this.address }, `presented ${err.presented}`);
      const code = (err as { code?: string })?.code ?? '';
      if (CERT_ERRORS.test(code)) return fail('rejected', ESCL_KEYS.certUnconfirmed, { address: this.address }, `${method} ${url.pathname}: ${code}`);
      return fail('disconnected', ESCL_KEYS.unreachable, { address: this.address }, `${method} ${url.pathname}: ${errorText(err)}`);
    }
  }

  private badResponse(detail: string): Result<never> {
    return fail('protocol' satisfies DeviceErrorCode, ESCL_KEYS.badResponse, { address: this.address }, detail);
  }
}

function checkAgainstCaps(s: { colorMode: string; resolution: number; format: string; region: EsclRegion }, caps: EsclSourceCaps): Record<string, string | number> | undefined {
  if (caps.colorModes.length && !caps.colorModes.includes(s.colorMode)) return { setting: 'colorMode', value: s.colorMode };
  const range = caps.resolutionRange;
  const inRange = range !== undefined && s.resolution >= range.min && s.resolution <= range.max && (s.resolution - range.min) % range.step === 0;
  if ((caps.resolutions.length || range) && !caps.resolutions.includes(s.resolution) && !inRange) return { setting: 'resolution', value: s.resolution };
  if (caps.formats.length && !caps.formats.includes(s.format)) return { setting: 'format', value: s.format };
  const r = s.region;
  if (r.width <= 0 || r.height <= 0 || (caps.maxWidth && r.x + r.width > caps.maxWidth) || (caps.maxHeight && r.y + r.height > caps.maxHeight)) {
    return { setting: 'region', value: `${r.x},${r.y},${r.width}x${r.height}` };
  }
  return undefined;
}

/** JobUri in a status may be absolute or relative, with or without a trailing slash. */
function sameJob(uri: string, jobPath: string): boolean {
  try {
    return new URL(uri, 'http://x').pathname.replace(/\/$/, '') === jobPath;
  } catch {
    return false;
  }
}

function errorText(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return [e?.message, e?.cause?.code ?? e?.cause?.message].filter(Boolean).join(': ');
}
