// The Electron window and everything that makes it safe to point at a station holding
// passport data: a sandboxed, context-isolated renderer; a strict Content-Security-Policy;
// no navigation away and no new windows; the camera as the only permission, and only for
// our own page.
//
// Why a custom `app://loket` protocol rather than loadFile: file:// pages all share one
// opaque origin and may read any file the user can, so "is this our page?" cannot be
// answered by origin (the permission handlers and the IPC sender check rely on it), and CSP
// 'self' would mean "the whole disk". A privileged standard+secure scheme gives the renderer
// a real origin, a secure context (getUserMedia needs one), and a handler that serves only
// the files under dist/renderer.
import { app, BrowserWindow, protocol } from 'electron';
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
// One policy for both hosts, so the browser-host end-to-end tests prove the app's too.
import { CONTENT_SECURITY_POLICY } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'loket';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  'Cache-Control': 'no-store',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * "scheme://host" of a URL, compared as text: Node's URL reports the origin of non-special
 * schemes such as app: as "null", and Chromium hands origins over with or without a
 * trailing slash.
 */
export function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '';
  }
}

const isAppUrl = (url: string | undefined): boolean => url !== undefined && originOf(url) === APP_ORIGIN;

/** Must run before app 'ready': Chromium fixes a scheme's privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{
    scheme: APP_SCHEME,
    // standard: real origin and relative URL resolution; secure: secure context for the
    // camera; supportFetchAPI + corsEnabled: Vite emits `<script type="module" crossorigin>`.
    // No bypassCSP: our own page obeys the policy like any other.
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
  }]);
}

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves dist/renderer under app://loket/, with the security headers on every response. */
export function installAppProtocol(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'Bad path');
    }
    if (rel.includes('\0')) return plain(400, 'Bad path');
    if (rel === '' || rel === '/') rel = '/index.html';
    // Resolve, then insist the result is still inside the renderer folder: encoded "..",
    // backslashes on Windows and the like must never reach other files.
    const file = path.resolve(root, `.${path.sep}${rel}`);
    if (!file.startsWith(root + path.sep)) return plain(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not found');
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': type },
    });
  });
}

/**
 * Session-wide rules: the CSP on every response (the protocol handler already sets it on
 * our files; this covers anything else the session might load), and permissions limited to
 * the camera for our own main frame.
 */
export function hardenSession(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    // DevTools pages are Chromium's own and break under our policy.
    if (details.url.startsWith('devtools:')) {
      callback({});
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });

  ses.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    // Video only: the counter photo needs the camera, nothing here needs a microphone.
    const videoOnly = 'mediaTypes' in details && Array.isArray(details.mediaTypes) &&
      details.mediaTypes.length > 0 && details.mediaTypes.every((t) => t === 'video');
    callback(permission === 'media' && videoOnly && details.isMainFrame && isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    permission === 'media' &&
    details.mediaType !== 'audio' &&
    details.isMainFrame &&
    originOf(requestingOrigin) === APP_ORIGIN &&
    (details.securityOrigin === undefined || originOf(details.securityOrigin) === APP_ORIGIN));
  // WebHID / WebSerial / WebUSB: devices belong to the station, never to the page.
  ses.setDevicePermissionHandler(() => false);
}

/** Applies to every web contents the app ever creates, including any we did not expect. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** True when an IPC call comes from our page in the main frame of this window. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow): boolean {
  if (win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  const main = win.webContents.mainFrame;
  if (!frame || frame.parent !== null) return false;
  return frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url);
}

export interface MainWindowOptions {
  preloadPath: string;
  /** Allow DevTools (always in development; in a packaged app only when asked for). */
  devTools: boolean;
}

/** Creates the station window and loads the renderer from app://loket. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Loket',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: opts.devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  reloadAfterCrash(win.webContents);
  win.loadURL(APP_URL).catch((err: unknown) => {
    console.error(`loket: could not load ${APP_URL}:`, err);
  });
  return win;
}

/**
 * A counter cannot be left with a blank window: reload a renderer that crashed or was
 * killed, but not in a loop (a page that crashes on load would spin the CPU forever).
 */
function reloadAfterCrash(contents: WebContents): void {
  let lastReload = 0;
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return;
    console.error(`loket: renderer gone (${details.reason})`);
    const now = Date.now();
    if (now - lastReload < 30_000) return;
    lastReload = now;
    contents.reload();
  });
}
