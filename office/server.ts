// The office service's HTTPS front: stations pair, push their changes and pull the others'.
// PostgreSQL stays behind it. Every request answers with JSON — a result, or
// { error: { code, message } } with a sentence the station shows — and no request, body or
// connection can stop the service.
import https from 'node:https';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { CHANGE_FORMAT_VERSION } from '../domain/change-format';
import type { Pool } from './db';
import { OfficeError } from './errors';
import { MAX_PULL_BATCH, formatWatermark, parseWatermark, pullChanges } from './pull';
import { MAX_PUSH_BATCH, storePush, type OfficeValidator } from './push';
import { assertPairingFormat, authenticate, pairStation } from './stations';
import { isBlobPath, routeBlob } from './blob-routes';
import { KEY_SHARE_PATTERN } from '../domain/office-key-wrap';
import type { TlsIdentity } from './tls-identity';
import { adminRoute, type RouteKit } from './admin-routes';
import { leaseRoute } from './lease-routes';
import { assertPullable, compactedTombstones, compactionHorizon, pastCompacted } from './compaction';
import { parseTripRange, tripBookings } from './trip';

export interface OfficeServerOptions {
  pool: Pool;
  identity: TlsIdentity;
  officeId: string;
  port?: number;
  host?: string;
  validate?: OfficeValidator;
  /** The age recipient stations encrypt their trip backups to (backup-key.ts). */
  backupRecipient?: string;
  /** The office data key, handed wrapped to each station at pairing (office/data-key.ts). */
  dataKey: () => Promise<Buffer>;
}

export interface OfficeServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** A push of 500 changes with their values stays far below this. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const pairBody = z.object({
  stationId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  name: z.string().trim().min(1).max(100),
  format: z.number().int(),
  proof: z.string().regex(/^[0-9a-f]{64}$/),
  /** The station's one-time X25519 public key: the office data key comes back wrapped for it. */
  keyShare: z.string().regex(KEY_SHARE_PATTERN),
}).strict();
const pushBody = z.object({ format: z.number().int(), changes: z.array(z.unknown()).max(MAX_PUSH_BATCH) }).strict();

const gunzip = promisify(zlib.gunzip);
const gzip = promisify(zlib.gzip);
/** Smaller answers go as they are: gzip's header and the CPU are not worth it. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON body, gzip-compressed or not. Every answer says `Accept-Encoding: gzip` (RFC 7694),
 * so a station learns it may compress what it sends; over a 2 Mbit/s mobile link a push is a
 * tenth of its size. Inflated, a body has the same limit as a plain one.
 */
function readBody(req: IncomingMessage): Promise<unknown> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  return new Promise((resolve, reject) => {
    if (encoding !== 'identity' && encoding !== 'gzip') {
      reject(new OfficeError(415, 'encoding_unsupported', `The request is encoded as "${encoding}"; this office reads gzip or plain JSON.`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => new OfficeError(413, 'too_large', `A request may carry at most ${MAX_BODY_BYTES / 1024 / 1024} MB; the station sends smaller batches.`);
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) { reject(tooLarge()); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => {
      void (async () => {
        let raw = Buffer.concat(chunks);
        if (encoding === 'gzip') {
          try { raw = await gunzip(raw, { maxOutputLength: MAX_BODY_BYTES }); } catch (err) {
            reject((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge() : new OfficeError(400, 'bad_json', 'The request says gzip but is not gzip.'));
            return;
          }
        }
        try { resolve(JSON.parse(raw.toString('utf8'))); } catch { reject(new OfficeError(400, 'bad_json', 'The request is not valid JSON.')); }
      })();
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'accept-encoding': 'gzip', vary: 'accept-encoding' };
  const wants = /\bgzip\b/i.test(String(res.req?.headers['accept-encoding'] ?? ''));
  if (!wants || text.length < COMPRESS_FROM_BYTES) {
    res.writeHead(status, { ...headers, 'content-length': text.length });
    res.end(text);
    return;
  }
  gzip(text, { level: zlib.constants.Z_BEST_SPEED }).then((packed) => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { ...headers, 'content-encoding': 'gzip', 'content-length': packed.length });
    res.end(packed);
  }, () => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { ...headers, 'content-length': text.length });
    res.end(text);
  });
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) {
    const where = r.error.issues[0]?.path.join('.') || 'body';
    throw new OfficeError(400, 'bad_request', `The request's "${where}" is not valid.`);
  }
  return r.data;
}

export async function startOfficeServer(opts: OfficeServerOptions): Promise<OfficeServer> {
  const { pool, identity, officeId } = opts;
  const live = new Set<WebSocket>();

  const notify = (fromStation: string) => {
    const msg = JSON.stringify({ type: 'changed', from: fromStation });
    for (const ws of live) if (ws.readyState === ws.OPEN) ws.send(msg);
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://office');
    const key = `${req.method} ${url.pathname}`;
    if (key === 'GET /v1/hello') {
      send(res, 200, { service: 'loket-office', officeId, formats: [CHANGE_FORMAT_VERSION] });
      return;
    }
    if (key === 'POST /v1/pair') {
      const raw = await readBody(req);
      if (typeof raw === 'object' && raw !== null && 'format' in raw) assertPairingFormat(raw.format);
      const body = parse(pairBody, raw);
      send(res, 200, await pairStation(pool, officeId, identity.sha256, body, new Date(), opts.dataKey));
      return;
    }
    if (key === 'POST /v1/push') {
      const station = await authenticate(pool, bearer(req));
      const body = parse(pushBody, await readBody(req));
      if (body.format !== CHANGE_FORMAT_VERSION) {
        throw new OfficeError(409, 'format_mismatch', `This station sends change format ${body.format}; this office service reads format ${CHANGE_FORMAT_VERSION}. Install the same version of Loket on both.`);
      }
      const acks = await storePush(pool, station.id, body.changes, opts.validate);
      send(res, 200, { acks });
      if (acks.some((a) => a.status === 'stored')) notify(station.id);
      return;
    }
    if (key === 'GET /v1/pull') {
      const station = await authenticate(pool, bearer(req));
      const after = parseWatermark(url.searchParams.get('after'));
      if (!after) throw new OfficeError(400, 'bad_request', 'The pull\'s "after" is not a watermark this office handed out.');
      await assertPullable(pool, after);
      const limit = Math.min(MAX_PULL_BATCH, Math.max(1, Number(url.searchParams.get('limit')) || MAX_PULL_BATCH));
      const page = await pullChanges(pool, station.id, after, limit);
      const watermark = await pastCompacted(pool, page.watermark, page.more);
      send(res, 200, { format: CHANGE_FORMAT_VERSION, changes: page.changes, watermark: formatWatermark(watermark), more: page.more });
      return;
    }
    if (key === 'GET /v1/tombstones') {
      await authenticate(pool, bearer(req));
      const horizon = await compactionHorizon(pool);
      send(res, 200, { format: CHANGE_FORMAT_VERSION, changes: await compactedTombstones(pool), horizon: horizon ? formatWatermark(horizon) : null });
      return;
    }
    const kit: RouteKit = { pool, validate: opts.validate, readBody, send, bearer, notify, parse };
    if (await leaseRoute(kit, req, res, url)) return;
    if (await adminRoute(kit, req, res, url)) return;
    if (key === 'GET /v1/backup-recipient' && opts.backupRecipient) {
      await authenticate(pool, bearer(req));
      send(res, 200, { recipient: opts.backupRecipient });
      return;
    }
    if (key === 'GET /v1/trip') {
      await authenticate(pool, bearer(req));
      send(res, 200, await tripBookings(pool, parseTripRange(url.searchParams.get('from'), url.searchParams.get('to'))));
      return;
    }
    if (isBlobPath(url.pathname)) {
      await routeBlob(req, res, url, pool, await authenticate(pool, bearer(req)), send);
      return;
    }
    throw new OfficeError(404, 'not_found', 'The office service has no such address.');
  }

  const server = https.createServer({ key: identity.key, cert: identity.cert }, (req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof OfficeError) send(res, err.status, { error: { code: err.code, message: err.message } });
      else send(res, 500, { error: { code: 'office_failed', message: 'The office service could not answer; it keeps running. Try again; if it repeats, the office administrator looks at the service log.' } });
      if (!(err instanceof OfficeError)) console.error('office: request failed:', (err as Error).message);
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  server.on('tlsClientError', () => undefined);

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => undefined);
    if (new URL(req.url ?? '/', 'https://office').pathname !== '/v1/live') { socket.destroy(); return; }
    authenticate(pool, bearer(req)).then(() => {
      wss.handleUpgrade(req, socket, head, (ws) => {
        live.add(ws);
        ws.on('close', () => live.delete(ws));
        ws.on('error', () => live.delete(ws));
      });
    }, () => { socket.write('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n'); socket.destroy(); });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `https://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`,
    async close() {
      for (const ws of live) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
