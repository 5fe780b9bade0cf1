// The Electron shell run against a stand-in for the electron module (the runtime cannot
// run in CI) and the real station: proves the window's security settings, the IPC sender
// check, event forwarding, the permission and navigation rules, the app:// file server and
// the clean shutdown — everything main.ts and window.ts decide on their own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../../electron/bridge-types';
import type { Result } from '../../../electron/contract';

type AnyFn = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    handlers = new Map<string, ((...args: unknown[]) => unknown)[]>();
    on(event: string, listener: (...args: unknown[]) => unknown) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: (...args: unknown[]) => unknown) { return this.on(event, listener); }
    emit(event: string, ...args: unknown[]) { for (const l of this.handlers.get(event) ?? []) l(...args); }
  }
  const state = {
    ready: false,
    schemes: [] as { scheme: string; privileges?: Record<string, boolean>; registeredAfterReady: boolean }[],
    protocolHandler: null as null | ((req: Request) => Promise<Response>),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    windows: [] as FakeWindow[],
    quits: 0,
    exits: [] as number[],
    errorBoxes: [] as string[],
    userData: '',
    // node: modules cannot be imported inside vi.hoisted; a unique name is enough here.
    appData: `${process.env.TMPDIR ?? '/tmp'}/loket-shell-${process.pid}-${Date.now()}`,
    permissionRequest: null as null | ((...args: unknown[]) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    headers: null as null | ((details: unknown, cb: (r: unknown) => void) => void),
  };
  const app = new (class extends Emitter {
    isPackaged = false;
    setPath(name: string, p: string) { if (name === 'userData') state.userData = p; }
    getPath(name: string) { return name === 'userData' ? state.userData : state.appData; }
    requestSingleInstanceLock() { return true; }
    whenReady() { state.ready = true; return Promise.resolve(); }
    quit() { state.quits++; }
    exit(code: number) { state.exits.push(code); }
  })();
  let nextId = 1;
  class FakeContents extends Emitter {
    id = nextId++;
    sent: unknown[][] = [];
    openHandler: null | ((d: unknown) => unknown) = null;
    mainFrame = { processId: 7, routingId: this.id, url: 'app://loket/index.html', parent: null, send: (...a: unknown[]) => this.sent.push(a) };
    isDestroyed() { return false; }
    setWindowOpenHandler(h: (d: unknown) => unknown) { this.openHandler = h; }
    reload() { /* not needed */ }
  }
  class FakeWindow extends Emitter {
    webContents = new FakeContents();
    loaded: string[] = [];
    constructor(public options: { webPreferences: Record<string, unknown> }) {
      super();
      state.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) { this.loaded.push(url); return Promise.resolve(); }
    isDestroyed() { return false; }
    isMinimized() { return false; }
    restore() { /* not needed */ }
    show() { /* not needed */ }
    focus() { /* not needed */ }
  }
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (_t: string, m: string) => state.errorBoxes.push(m) },
    ipcMain: { handle: (ch: string, h: (...a: unknown[]) => unknown) => state.ipcHandlers.set(ch, h) },
    protocol: {
      registerSchemesAsPrivileged: (list: { scheme: string; privileges?: Record<string, boolean> }[]) =>
        state.schemes.push(...list.map((s) => ({ ...s, registeredAfterReady: state.ready }))),
      handle: (_scheme: string, h: (req: Request) => Promise<Response>) => { state.protocolHandler = h; },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(s).reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString(),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (l: (d: unknown, cb: (r: unknown) => void) => void) => { state.headers = l; } },
        setPermissionRequestHandler: (h: (...a: unknown[]) => void) => { state.permissionRequest = h; },
        setPermissionCheckHandler: (h: (...a: unknown[]) => boolean) => { state.permissionCheck = h; },
        setDevicePermissionHandler: () => undefined,
      },
    },
  };
  return { state, electron, app };
});

vi.mock('electron', () => fake.electron);

const { state } = fake;
let win: (typeof state.windows)[number];
let trustedEvent: { sender: unknown; senderFrame: unknown };
const invoke = (event: unknown, method: unknown, input: unknown = {}) =>
  (state.ipcHandlers.get(IPC_INVOKE) as AnyFn)(event, method, input) as Promise<Result<unknown>>;

beforeAll(async () => {
  await import('../../../electron/main');
  for (let i = 0; i < 200 && state.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  expect(state.errorBoxes).toEqual([]);
  win = state.windows[0]!;
  trustedEvent = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
});
afterAll(() => fs.rmSync(state.appData, { recursive: true, force: true }));

describe('start-up', () => {
  it('registers app:// as a standard, secure scheme before ready', () => {
    expect(state.schemes).toEqual([expect.objectContaining({
      scheme: 'app', registeredAfterReady: false,
      privileges: expect.objectContaining({ standard: true, secure: true }),
    })]);
    expect(state.schemes[0]!.privileges).not.toHaveProperty('bypassCSP');
  });

  it('opens one sandboxed, isolated window on app://loket with the bundled preload', () => {
    expect(state.windows).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false,
    });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(win.loaded).toEqual(['app://loket/index.html']);
  });

  it('keeps its data in <appData>/Loket with the key sealed, not in clear', () => {
    expect(state.userData).toBe(path.join(state.appData, 'Loket'));
    const files = fs.readdirSync(state.userData);
    expect(files).toContain('station.key.sealed');
    expect(files).not.toContain('station.key');
  });
});

describe('IPC', () => {
  it("forwards calls from our page's main frame to the window's station session", async () => {
    const r = await invoke(trustedEvent, 'setup.status');
    expect(r).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
  });

  it('refuses a subframe, a foreign origin and an unknown sender', async () => {
    const sub = { ...win.webContents.mainFrame, routingId: 999, parent: win.webContents.mainFrame };
    const foreign = { ...win.webContents.mainFrame, url: 'https://evil.example/' };
    for (const event of [
      { sender: win.webContents, senderFrame: sub },
      { sender: win.webContents, senderFrame: foreign },
      { sender: win.webContents, senderFrame: null },
      { sender: { id: 4242 }, senderFrame: win.webContents.mainFrame },
    ]) {
      expect(await invoke(event, 'setup.status')).toEqual({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses a method name that is not a string', async () => {
    expect(await invoke(trustedEvent, { toString: () => 'setup.status' })).toEqual({ ok: false, error: { code: 'unknown_method' } });
  });

  it("sends the session's events to the window's main frame", async () => {
    const r = await invoke(trustedEvent, 'setup.createFirstAdmin', { name: 'Ani Admin', nip: '198001012005011001', password: 'correct horse' });
    expect(r.ok).toBe(true);
    expect(win.webContents.sent.some(([ch, ev]) => ch === IPC_EVENT && ev === 'session.changed')).toBe(true);
  });
});

describe('permissions and navigation', () => {
  const request = (permission: string, details: Record<string, unknown>) => new Promise<boolean>((resolve) =>
    (state.permissionRequest as AnyFn)(win.webContents, permission, resolve, details));

  it('grants the camera to our main frame only', async () => {
    const ours = { isMainFrame: true, requestingUrl: 'app://loket/index.html', mediaTypes: ['video'] };
    expect(await request('media', ours)).toBe(true);
    expect(await request('media', { ...ours, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(await request('media', { ...ours, requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(await request('media', { ...ours, isMainFrame: false })).toBe(false);
    expect(await request('geolocation', { isMainFrame: true, requestingUrl: 'app://loket/index.html' })).toBe(false);
    expect(await request('notifications', { isMainFrame: true, requestingUrl: 'app://loket/index.html' })).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const check = state.permissionCheck as AnyFn;
    expect(check(win.webContents, 'media', 'app://loket/', { isMainFrame: true, mediaType: 'video' })).toBe(true);
    expect(check(win.webContents, 'media', 'app://loket', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(check(win.webContents, 'media', 'https://evil.example/', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    expect(check(win.webContents, 'hid', 'app://loket/', { isMainFrame: true })).toBe(false);
  });

  it('puts the CSP on every response, replacing any other', () => {
    let out: { responseHeaders?: Record<string, string[]> } = {};
    state.headers!({ url: 'https://example.org/', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-A': ['1'] } }, (r) => { out = r as typeof out; });
    const names = Object.keys(out.responseHeaders ?? {});
    expect(names.filter((n) => n.toLowerCase() === 'content-security-policy')).toEqual(['Content-Security-Policy']);
    expect(out.responseHeaders!['Content-Security-Policy']![0]).toMatch(/script-src 'self'/);
    expect(out.responseHeaders!['X-A']).toEqual(['1']);
  });

  it('blocks navigation away from app://loket and every new window', () => {
    const navigate = (url: string) => {
      let prevented = false;
      win.webContents.emit('will-navigate', { url, preventDefault: () => { prevented = true; } });
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://loket/index.html')).toBe(false);
    expect(win.webContents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});

describe('app:// file server', () => {
  let root: string;
  let serve: (url: string, method?: string) => Promise<Response>;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-renderer-'));
    fs.mkdirSync(path.join(root, 'renderer', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>Loket</title>');
    fs.writeFileSync(path.join(root, 'renderer', 'assets', 'app.js'), 'export {};');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the renderer');
    const { installAppProtocol } = await import('../../../electron/window');
    installAppProtocol(path.join(root, 'renderer'));
    const handler = state.protocolHandler!;
    serve = (url, method = 'GET') => handler(new Request(url, { method }));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('serves the renderer with its type and the security headers', async () => {
    const page = await serve('app://loket/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await page.text()).toContain('<title>Loket</title>');
    const script = await serve('app://loket/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/text\/javascript/);
  });

  it('serves nothing outside the renderer folder or for another host or method', async () => {
    for (const url of [
      'app://loket/../secret.txt', 'app://loket/%2e%2e/secret.txt', 'app://loket/..%2fsecret.txt',
      'app://loket/assets/..%2f..%2fsecret.txt', 'app://loket/missing.js', 'app://other/index.html',
    ]) {
      expect((await serve(url)).status, url).toBe(404);
    }
    expect((await serve('app://loket/index.html', 'POST')).status).toBe(405);
  });
});

describe('shutdown', () => {
  it('closes the station before letting the app quit', async () => {
    let prevented = false;
    const quitsBefore = state.quits;
    fake.app.emit('will-quit', { preventDefault: () => { prevented = true; } });
    expect(prevented).toBe(true);
    for (let i = 0; i < 100 && state.quits === quitsBefore; i++) await new Promise((r) => setTimeout(r, 10));
    expect(state.quits).toBe(quitsBefore + 1);
    // The second will-quit (from that quit) goes through.
    let preventedAgain = false;
    fake.app.emit('will-quit', { preventDefault: () => { preventedAgain = true; } });
    expect(preventedAgain).toBe(false);
  });

  it('drops the window session when the window closes', async () => {
    win.emit('closed');
    expect(await invoke(trustedEvent, 'setup.status')).toEqual({ ok: false, error: { code: 'forbidden' } });
  });
});
