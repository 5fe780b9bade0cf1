// The browser host: serves the renderer over HTTP and the contract over a WebSocket, on
// 127.0.0.1 only, for one run's random token. Without the token every request is refused,
// so another local user or a web page in the officer's browser cannot drive the station.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Station } from './station-types';
import type { WsCall, WsServerMessage } from './bridge-types';
import { CONTENT_SECURITY_POLICY } from './csp';

export interface BrowserHostOptions {
  /**
   * The station, or its start still under way: the host listens (and serves the screens)
   * first, and each connection waits for the station, so the browser loads the page while
   * the store opens.
   */
  station: Station | Promise<Station>;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; random per run otherwise. */
  token?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const COOKIE = 'loket_token';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};
const MAX_MESSAGE = 32 * 1024 * 1024;

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE) return v;
  }
  return undefined;
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = path.resolve(opts.rendererDir);
  let origin = '';

  const authorised = (req: IncomingMessage, url: URL) => sameToken(url.searchParams.get('token') ?? undefined, token) || sameToken(cookieToken(req), token);

  const server = createServer((req, res) => { void serveFile(req, res); });

  async function serveFile(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!authorised(req, url)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Loket: this address needs the token printed when the station started.\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405).end(); return; }
    if (url.searchParams.has('token')) {
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep)) { res.writeHead(404).end(); return; }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    // A page on another origin could open a WebSocket to us: only our own page may.
    const fromOurPage = req.headers.origin === undefined || req.headers.origin === origin;
    if (url.pathname !== '/ws' || !authorised(req, url) || !fromOurPage) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket) {
    const send = (m: WsServerMessage) => { if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m)); };
    // Messages that arrive while the station is still starting wait for it, in order.
    const opened = Promise.resolve(opts.station).then((station) => {
      const session = station.openSession();
      const off = session.onEvent((e, p) => send({ t: 'event', e, p }));
      return { session, off };
    });
    opened.catch(() => ws.close(1011, 'station unavailable'));
    ws.on('message', (data) => {
      let msg: WsCall;
      try {
        msg = JSON.parse(String(data)) as WsCall;
      } catch {
        ws.close(1003, 'not json');
        return;
      }
      if (msg?.t !== 'call' || typeof msg.id !== 'number') { ws.close(1003, 'not a call'); return; }
      void opened.then(({ session }) => session.call(msg.m, msg.i)).then((r) => send({ t: 'result', id: msg.id, r }), () => ws.close(1011, 'station unavailable'));
    });
    ws.on('close', () => { void opened.then(({ session, off }) => { off(); session.close(); }, () => undefined); });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    port,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
