// eSCL (AirScan) scanner simulator: an HTTP server on 127.0.0.1 that answers the way a
// network document scanner does — capabilities, status, scan jobs, NextDocument until 404,
// DELETE — and returns a synthetic page of exactly the requested region at the requested
// resolution (JPEG or PNG). It can be told to misbehave: busy (503), an empty feeder, a
// job cancelled at the device, or vanishing halfway through sending a page.
// Independent clients (Debian's sane-airscan via `scanimage`) scan from it too.
//
//   const sim = await startEsclSim({ feederPages: 3 });
//   // sim.url === 'http://127.0.0.1:PORT/eSCL/'
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseScanSettings } from '../drivers/escl/escl-xml';
import type { EsclScanSettings } from '../drivers/escl/escl-xml';
import { SIM_FORMATS, SIM_MAX_HEIGHT, SIM_MAX_WIDTH, SIM_PROFILES, capabilitiesXml, statusXml } from './escl-sim-documents';
import type { SimJobView, SimProfile } from './escl-sim-documents';
import { encodePage } from './synthetic-page';

export interface EsclSimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Whether the scanner has a document feeder (default true). */
  feeder?: boolean;
  /** Sheets loaded in the feeder (default 3); each feeder page served consumes one. */
  feederPages?: number;
  /** The next N POST ScanJobs answer 503 (busy). */
  busyResponses?: number;
  /** The next N NextDocument requests answer 503 (warming up), as some scanners do. */
  busyNextDocument?: number;
  /** The simulator dies while sending this page (1-based, within a job). */
  vanishAtPage?: number;
  /** The job is cancelled at the device after this many pages (someone pressed Stop). */
  cancelAfterPages?: number;
  /** Time to "scan" each page before it is sent. */
  pageDelayMs?: number;
  makeAndModel?: string;
  /** Serve https with this key and certificate (PEM), as a scanner with its own certificate does. */
  tls?: { key: string; cert: string };
  /** Which settings the scanner offers (default 'wide'; 'office' = 150/300 flatbed, 300 feeder). */
  profile?: SimProfile;
  log?: (line: string) => void;
}

export interface EsclSim {
  /** Base URL of the eSCL root, with trailing slash. */
  readonly url: string;
  readonly port: number;
  /** "METHOD path → status" for every request, for tests and traces. */
  readonly requests: string[];
  readonly vanished: boolean;
  loadFeeder(pages: number): void;
  setBusy(scanJobResponses: number, nextDocumentResponses?: number): void;
  vanishAtPage(page: number | undefined): void;
  cancelAfterPages(pages: number | undefined): void;
  /** Time to "scan" each page from now on (0: at once). */
  setPageDelay(ms: number): void;
  /** The state of every job so far, by id (a cancelled job reads 'Canceled'). */
  jobStates(): Record<string, string>;
  close(): Promise<void>;
}

interface SimJob {
  id: string;
  settings: EsclScanSettings;
  state: SimJobView['state'];
  reason: string;
  served: number;
  created: number;
  lastActivity: number;
}

/** A job nobody fetches for this long is aborted, as real scanners do (else it blocks all others). */
const ABANDONED_JOB_MS = 20_000;

const JOB_PATH = /^\/eSCL\/ScanJobs\/([A-Za-z0-9-]+)(\/NextDocument)?\/?$/;

export async function startEsclSim(opts: EsclSimOptions = {}): Promise<EsclSim> {
  const host = opts.host ?? '127.0.0.1';
  const hasFeeder = opts.feeder ?? true;
  const profile = opts.profile ?? 'wide';
  let feederPages = opts.feederPages ?? 3;
  let busyJobs = opts.busyResponses ?? 0;
  let busyPages = opts.busyNextDocument ?? 0;
  let vanishAt = opts.vanishAtPage;
  let cancelAfter = opts.cancelAfterPages;
  let pageDelayMs = opts.pageDelayMs ?? 0;
  let vanished = false;
  let jobCounter = 0;
  const jobs = new Map<string, SimJob>();
  const requests: string[] = [];
  const imageCache = new Map<string, Buffer>();
  const log = opts.log ?? (() => undefined);
  const uuid = '4509a320-00a0-008f-00b6-00559a327d5a';
  let baseUrl = '';

  const send = (res: ServerResponse, status: number, body: string | Buffer = '', type = 'text/xml'): void => {
    const buf = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { 'content-type': type, 'content-length': buf.length });
    res.end(buf);
  };

  const pageImage = (s: EsclScanSettings, page: number): Buffer => {
    const widthPx = Math.max(1, Math.round((s.region.width * s.resolution) / 300));
    const heightPx = Math.max(1, Math.round((s.region.height * s.resolution) / 300));
    const format = s.format === 'image/png' ? 'image/png' : 'image/jpeg';
    const key = `${widthPx}x${heightPx}:${s.colorMode}:${format}:${page % 4}`;
    let img = imageCache.get(key);
    if (!img) {
      img = encodePage({ widthPx, heightPx, gray: s.colorMode !== 'RGB24', format, page });
      if (imageCache.size > 16) imageCache.delete(imageCache.keys().next().value!);
      imageCache.set(key, img);
    }
    return img;
  };

  const goAway = (): void => {
    vanished = true;
    server.close();
    server.closeAllConnections();
  };

  const abortAbandoned = (): void => {
    const now = Date.now();
    for (const j of jobs.values()) {
      if (j.state === 'Processing' && now - j.lastActivity > ABANDONED_JOB_MS) [j.state, j.reason] = ['Aborted', 'JobTimedOut'];
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<number> => {
    abortAbandoned();
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/eSCL/ScannerCapabilities') {
      send(res, 200, capabilitiesXml({ makeAndModel: opts.makeAndModel ?? 'Loket eSCL Simulator', serialNumber: 'SIM0001', uuid, feeder: hasFeeder, profile }));
      return 200;
    }
    if (method === 'GET' && path === '/eSCL/ScannerStatus') {
      const views: SimJobView[] = [...jobs.values()].slice(-10).map((j) => ({
        uri: `/eSCL/ScanJobs/${j.id}`,
        uuid: j.id,
        state: j.state,
        reason: j.reason,
        imagesCompleted: j.served,
        imagesToTransfer: j.state === 'Processing' ? 1 : 0,
        age: Math.round((Date.now() - j.created) / 1000),
      }));
      const busy = [...jobs.values()].some((j) => j.state === 'Processing');
      send(res, 200, statusXml(busy ? 'Processing' : 'Idle', hasFeeder ? (feederPages > 0 ? 'ScannerAdfLoaded' : 'ScannerAdfEmpty') : undefined, views));
      return 200;
    }
    if (method === 'POST' && (path === '/eSCL/ScanJobs' || path === '/eSCL/ScanJobs/')) {
      if (busyJobs > 0) {
        busyJobs -= 1;
        send(res, 503, '');
        return 503;
      }
      const s = parseScanSettings(body);
      if (!s || !isSupported(s, profile)) {
        send(res, 400, '');
        return 400;
      }
      if (s.source === 'Feeder' && (!hasFeeder || feederPages <= 0)) {
        send(res, 409, '');
        return 409;
      }
      if ([...jobs.values()].some((j) => j.state === 'Processing')) {
        send(res, 503, '');
        return 503;
      }
      jobCounter += 1;
      const id = `${uuid.slice(0, 24)}${String(jobCounter).padStart(12, '0')}`;
      jobs.set(id, { id, settings: s, state: 'Processing', reason: 'JobScanning', served: 0, created: Date.now(), lastActivity: Date.now() });
      res.writeHead(201, { location: `${baseUrl}ScanJobs/${id}`, 'content-length': 0 });
      res.end();
      return 201;
    }
    const m = JOB_PATH.exec(path);
    const job = m ? jobs.get(m[1]!) : undefined;
    if (m && method === 'DELETE') {
      if (!job) return send(res, 404), 404;
      if (job.state === 'Processing') [job.state, job.reason] = ['Canceled', 'JobCanceledByUser'];
      send(res, 200);
      return 200;
    }
    if (m && m[2] && method === 'GET') {
      if (!job || job.state !== 'Processing') return send(res, 404), 404;
      job.lastActivity = Date.now();
      if (busyPages > 0) {
        busyPages -= 1;
        send(res, 503);
        return 503;
      }
      const finish = (): number => {
        [job.state, job.reason] = ['Completed', 'JobCompletedSuccessfully'];
        send(res, 404);
        return 404;
      };
      if (cancelAfter !== undefined && job.served >= cancelAfter) {
        [job.state, job.reason] = ['Canceled', 'JobCanceledByUser'];
        send(res, 404);
        return 404;
      }
      if (job.settings.source === 'Platen' ? job.served >= 1 : feederPages <= 0) return finish();
      const index = job.served + 1;
      if (pageDelayMs) await new Promise((r) => setTimeout(r, pageDelayMs));
      // Cancelled (DELETE) while this page was being scanned: nothing more is sent.
      if (job.state !== 'Processing') return send(res, 404), 404;
      const img = pageImage(job.settings, index);
      if (vanishAt !== undefined && index === vanishAt) {
        // Half a page, then the scanner is gone (power cut, cable pulled).
        res.writeHead(200, { 'content-type': job.settings.format, 'content-length': img.length });
        res.write(img.subarray(0, Math.floor(img.length / 2)), () => setTimeout(goAway, 20));
        return -1;
      }
      job.served = index;
      if (job.settings.source === 'Feeder') feederPages -= 1;
      send(res, 200, img, job.settings.format === 'image/png' ? 'image/png' : 'image/jpeg');
      return 200;
    }
    send(res, 404);
    return 404;
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).then(
        (status) => {
          const line = `${req.method} ${req.url} → ${status < 0 ? 'vanished' : status}`;
          requests.push(line);
          log(line);
        },
        (err: unknown) => {
          log(`${req.method} ${req.url} → 500 ${String(err)}`);
          if (!res.headersSent) send(res, 500);
        },
      );
    });
  };
  const server = opts.tls ? createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, onRequest) : createServer(onRequest);
  server.keepAliveTimeout = 2000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `${opts.tls ? 'https' : 'http'}://${host}:${port}/eSCL/`;

  return {
    url: baseUrl,
    port,
    requests,
    get vanished() {
      return vanished;
    },
    loadFeeder: (pages) => void (feederPages = pages),
    setBusy: (scanJobs, nextDocs = 0) => {
      busyJobs = scanJobs;
      busyPages = nextDocs;
    },
    vanishAtPage: (page) => void (vanishAt = page),
    cancelAfterPages: (pages) => void (cancelAfter = pages),
    setPageDelay: (ms) => void (pageDelayMs = ms),
    jobStates: () => Object.fromEntries([...jobs.values()].map((j) => [j.id, j.state])),
    close: () =>
      new Promise<void>((resolve) => {
        if (vanished) return resolve();
        vanished = true;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A real scanner refuses (400) settings its capabilities do not list for that source. */
function isSupported(s: EsclScanSettings, profile: SimProfile): boolean {
  const offer = SIM_PROFILES[profile][s.source === 'Feeder' ? 'feeder' : 'platen'];
  return (
    (offer.resolutions as readonly number[]).includes(s.resolution) &&
    (offer.colorModes as readonly string[]).includes(s.colorMode) &&
    (SIM_FORMATS as readonly string[]).includes(s.format) &&
    s.region.width > 0 &&
    s.region.height > 0 &&
    s.region.x + s.region.width <= SIM_MAX_WIDTH &&
    s.region.y + s.region.height <= SIM_MAX_HEIGHT
  );
}
