// The browser host: serves the renderer over HTTP and the contract over a WebSocket, on
// 127.0.0.1 only. Static files hold no data and are served to anyone who names this host
// correctly; the WebSocket and every data request need a session credential, which the page
// gets by trading the one-time code of its address (host-access.ts).
//
// No request can stop the process: every request and upgrade is handled inside a try and
// ends in a response or a close; the WebSocket server and each socket have error listeners;
// an over-limit frame closes that socket only (1009).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Station } from './station-types';
import type { WsCall, WsServerMessage } from './bridge-types';
import { CONTENT_SECURITY_POLICY } from './csp';
import { createHostAccess, credentialFromProtocols, displayTokenFromProtocols, WS_DISPLAY_PROTOCOL, WS_PROTOCOL } from './host-access';
import { createHostTabs } from './host-tabs';
import { allowedHost, ownOrigins, parseTarget } from './host-request';

export interface BrowserHostOptions {
  /**
   * The station, or its start still under way: the host listens (and serves the screens)
   * first, and each connection waits for the station, so the browser loads the page while
   * the store opens.
   */
  station: Station | Promise<Station>;
  rendererDir: string;
  port?: number;
  /**
   * Lets `POST /address` with `Authorization: Bearer <key>` ask for a fresh address
   * (`npm run station:address`, which reads the key from a file only the user can read).
   */
  addressKey?: string;
  /** Where the host reports what went wrong (error classes, never data); stderr otherwise. */
  log?: (line: string) => void;
  /**
   * The data directory already held a store when the host started, so the station is past
   * its first run. The code exchange passes this on: a tab that has just traded its code has
   * no session, and with a store the station's first answers will ask for the login form,
   * which the page then shows without waiting for them (renderer/app.tsx).
   */
  storeExisted?: boolean;
}

export interface BrowserHost {
  /** The first address, with its one-time code. */
  url: string;
  port: number;
  /** A fresh address with a new one-time code. */
  newAddress(): string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
  '.map': 'application/json', '.otf': 'font/otf', '.ttf': 'font/ttf',
};
/** The largest WebSocket message the station reads; a larger frame closes that socket (1009). */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
/** Bodies of the two small POSTs (a code, nothing else). */
const MAX_POST_BYTES = 1024;
/** Close code for a refused credential: the page shows how to get a new address. */
export const CLOSE_CREDENTIAL_REFUSED = 4401;

const errorClass = (err: unknown): string => (err instanceof Error ? `${err.name}${(err as { code?: unknown }).code ? ` ${String((err as { code?: unknown }).code)}` : ''}` : typeof err);

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) { resolve(null); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function rawUpgradeReply(socket: Duplex, status: string): void {
  try {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  } catch {
    socket.destroy();
  }
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const root = path.resolve(opts.rendererDir);
  const log = opts.log ?? ((line: string) => { process.stderr.write(`${line}\n`); });
  const access = createHostAccess();
  const tabs = createHostTabs(opts.station, undefined, log);
  let port = 0;
  let origins: string[] = [];
  const address = () => `http://127.0.0.1:${port}/?code=${access.issueCode()}`;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`Loket browser host: request failed (${errorClass(err)})`);
      try {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end();
      } catch {
        res.destroy();
      }
    });
  });
  // A socket torn down mid-request is not the station's problem.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  const plain = (res: ServerResponse, status: number, body = '') => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
  };
  const json = (res: ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.on('error', () => undefined);
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    // Another name for 127.0.0.1 (DNS rebinding) gets nothing, not even the static page.
    if (!allowedHost(req.headers.host, port)) { plain(res, 421); return; }
    const target = parseTarget(req.url);
    if (!target) { plain(res, 400, 'Bad request\n'); return; }

    if (req.method === 'POST' && target.path === '/session') return exchangeCode(req, res);
    if (req.method === 'POST' && target.path === '/address') return issueAddress(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') { plain(res, 405); return; }

    const rel = target.path === '/' ? '/index.html' : target.path;
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep)) { plain(res, 404, 'Not found\n'); return; }
    let body: Buffer;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      body = await readFile(file);
    } catch {
      plain(res, 404, 'Not found\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** POST /session {code} → {credential}, once per code; only from our own page. */
  async function exchangeCode(req: IncomingMessage, res: ServerResponse) {
    const from = req.headers.origin;
    if (from !== undefined && !origins.includes(from)) { plain(res, 403); return; }
    // A JSON body cannot be sent across origins without a preflight we never answer.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) { plain(res, 415); return; }
    const text = await readBody(req, MAX_POST_BYTES);
    let code: unknown;
    try { code = (JSON.parse(text ?? '') as { code?: unknown }).code; } catch { code = undefined; }
    const credential = access.exchange(code);
    if (!credential) { json(res, 403, { error: 'code_refused' }); return; }
    json(res, 200, { credential, storeExisted: opts.storeExisted === true });
  }

  /** POST /address with the address key (from the 0600 file) → a fresh address. */
  async function issueAddress(req: IncomingMessage, res: ServerResponse) {
    await readBody(req, MAX_POST_BYTES);
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    // A browser page never has the key; refusing any Origin keeps pages out altogether.
    if (!opts.addressKey || req.headers.origin !== undefined || !sameSecret(auth, opts.addressKey)) { plain(res, 403); return; }
    json(res, 200, { url: address() });
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Echo only the protocol name, never the credential entry beside it.
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : protocols.has(WS_DISPLAY_PROTOCOL) ? WS_DISPLAY_PROTOCOL : false),
  });
  wss.on('error', (err) => log(`Loket browser host: WebSocket server error (${errorClass(err)})`));
  wss.on('wsClientError', (_err, socket) => rawUpgradeReply(socket, '400 Bad Request'));

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    try {
      if (!allowedHost(req.headers.host, port)) { rawUpgradeReply(socket, '421 Misdirected Request'); return; }
      const target = parseTarget(req.url);
      if (!target) { rawUpgradeReply(socket, '400 Bad Request'); return; }
      // A page on another origin could open a WebSocket to us: only our own page may.
      const from = req.headers.origin;
      if (from !== undefined && !origins.includes(from)) { rawUpgradeReply(socket, '403 Forbidden'); return; }
      if (target.path === '/display-ws') { upgradeDisplay(req, socket, head); return; }
      if (target.path !== '/ws') { rawUpgradeReply(socket, '403 Forbidden'); return; }
      const credential = credentialFromProtocols(req.headers['sec-websocket-protocol']);
      const credentialOk = access.valid(credential);
      wss.handleUpgrade(req, socket, head, (ws) => {
        // Accepted only to say why: the page shows how to get a new address.
        if (!credentialOk || !credential) { ws.on('error', () => undefined); ws.close(CLOSE_CREDENTIAL_REFUSED, 'credential refused'); return; }
        attach(ws, credential);
      });
    } catch (err) {
      log(`Loket browser host: upgrade failed (${errorClass(err)})`);
      rawUpgradeReply(socket, '400 Bad Request');
    }
  });

  /**
   * The waiting-room display: its own read-only token (never an officer's credential), and a
   * socket that only receives the latest calls. It opens no session, so no method can be
   * called through it; anything it sends closes it.
   */
  function upgradeDisplay(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const token = displayTokenFromProtocols(req.headers['sec-websocket-protocol']);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => undefined);
      Promise.resolve(opts.station).then((station) => {
        const feed = station.waitingRoom;
        if (ws.readyState !== ws.OPEN) return;
        if (!feed || !feed.valid(token)) { ws.close(CLOSE_CREDENTIAL_REFUSED, 'display token refused'); return; }
        const send = (calls: unknown) => {
          if (ws.readyState !== ws.OPEN) return;
          try { ws.send(JSON.stringify({ t: 'calls', calls })); } catch (err) { log(`Loket browser host: could not send to a display (${errorClass(err)})`); }
        };
        const off = feed.onCalls(send);
        ws.on('close', off);
        ws.on('message', () => ws.close(1008, 'a display only listens'));
        send(feed.recent());
      }, () => ws.close(1011, 'station unavailable'));
    });
  }

  function attach(ws: WebSocket, credential: string) {
    const send = (m: WsServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      try {
        ws.send(JSON.stringify(m));
      } catch (err) {
        log(`Loket browser host: could not send a message (${errorClass(err)})`);
      }
    };
    // Messages that arrive while the station is still starting wait for it, in order. The
    // session is the tab's (host-tabs.ts): a reload of the tab finds it again.
    const joined = tabs.join(credential, (e, p) => send({ t: 'event', e, p }));
    const opened = joined.opened.then((session) => ({ session }));
    opened.catch(() => ws.close(1011, 'station unavailable'));
    // Over-limit frames (1009), bad UTF-8, bad framing: ws closes this socket and tells us here.
    ws.on('error', (err) => log(`Loket browser host: a connection was closed (${errorClass(err)})`));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      try {
        if (isBinary) { ws.close(1003, 'text only'); return; }
        let msg: WsCall;
        try {
          msg = JSON.parse(String(data)) as WsCall;
        } catch {
          ws.close(1003, 'not json');
          return;
        }
        if (typeof msg !== 'object' || msg === null || msg.t !== 'call' || typeof msg.id !== 'number') { ws.close(1003, 'not a call'); return; }
        const { id, m, i } = msg;
        const r = typeof msg.r === 'string' ? msg.r : undefined;
        opened.then(
          ({ session }) => session.call(m, i, r).then(
            (r) => send({ t: 'result', id, r }),
            (err: unknown) => {
              log(`Loket browser host: a call failed (${errorClass(err)})`);
              send({ t: 'result', id, r: { ok: false, error: { code: 'internal' } } });
            },
          ),
          () => ws.close(1011, 'station unavailable'),
        ).catch((err: unknown) => log(`Loket browser host: a call failed (${errorClass(err)})`));
      } catch (err) {
        log(`Loket browser host: a message failed (${errorClass(err)})`);
        ws.close(1011, 'internal');
      }
    });
    ws.on('close', () => {
      try { joined.leave(); } catch (err) { log(`Loket browser host: closing a session failed (${errorClass(err)})`); }
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  server.on('error', (err) => log(`Loket browser host: server error (${errorClass(err)})`));
  port = (server.address() as { port: number }).port;
  origins = ownOrigins(port);
  return {
    url: address(),
    port,
    newAddress: address,
    async close() {
      for (const c of wss.clients) c.terminate();
      tabs.closeAll();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
