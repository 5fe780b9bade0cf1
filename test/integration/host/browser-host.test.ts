// The browser host serves its static page with the CSP, trades the address's one-time code
// for a session credential, refuses every WebSocket without one, binds to 127.0.0.1 only,
// and carries the contract over the WebSocket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../electron/host';
import { openTestStation, ADMIN, type TestStation } from '../../helpers/station';
import type { WsServerMessage } from '../../../electron/bridge-types';

let t: TestStation;
let host: BrowserHost;

beforeAll(async () => {
  t = await openTestStation();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-r-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Loket</title>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  host = await startBrowserHost({ station: t.station, rendererDir: dir, log: () => undefined });
});
afterAll(async () => { await host.close(); await t.close(); });

const base = () => `http://127.0.0.1:${host.port}`;

/** Trades the code of a fresh address for a credential, as the page does. */
async function credential(): Promise<string> {
  return credentialOf(host);
}

async function credentialOf(h: BrowserHost): Promise<string> {
  const code = new URL(h.newAddress()).searchParams.get('code')!;
  const r = await fetch(`http://127.0.0.1:${h.port}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  expect(r.status).toBe(200);
  return ((await r.json()) as { credential: string }).credential;
}

describe('HTTP', () => {
  it('serves the static page without a credential, with the CSP, and sets no cookie', async () => {
    const ok = await fetch(`${base()}/`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(ok.headers.get('set-cookie')).toBeNull();
    const asset = await fetch(`${base()}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('trades a code for a credential once; a used or unknown code is refused', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]{22}$/);
    const code = new URL(host.newAddress()).searchParams.get('code')!;
    const post = (c: unknown) => fetch(`${base()}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: c }) });
    const first = await post(code);
    expect(first.status).toBe(200);
    expect((await first.json()) as object).toMatchObject({ credential: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const again = await post(code);
    expect(again.status).toBe(403);
    expect(await again.json()).toEqual({ error: 'code_refused' });
    expect((await post('A'.repeat(22))).status).toBe(403);
    expect((await post(42)).status).toBe(403);
  });

  it('says with the credential whether the station had a store at start (the page may show the login form at once)', async () => {
    const exchange = async (h: BrowserHost) => {
      const code = new URL(h.newAddress()).searchParams.get('code')!;
      const r = await fetch(`http://127.0.0.1:${h.port}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      return (await r.json()) as { storeExisted?: unknown };
    };
    expect((await exchange(host)).storeExisted).toBe(false);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-r-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Loket</title>');
    const restarted = await startBrowserHost({ station: t.station, rendererDir: dir, log: () => undefined, storeExisted: true });
    try {
      expect((await exchange(restarted)).storeExisted).toBe(true);
    } finally {
      await restarted.close();
    }
  });

  it('refuses the exchange from another origin or without a JSON body', async () => {
    const code = new URL(host.newAddress()).searchParams.get('code')!;
    const foreign = await fetch(`${base()}/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:1' }, body: JSON.stringify({ code }) });
    expect(foreign.status).toBe(403);
    const form = await fetch(`${base()}/session`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ code }) });
    expect(form.status).toBe(415);
    // Neither attempt used the code up.
    const ok = await fetch(`${base()}/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base() }, body: JSON.stringify({ code }) });
    expect(ok.status).toBe(200);
  });

  it('does not serve files outside the renderer', async () => {
    const r = await fetch(`${base()}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(r.status).toBe(404);
  });

  it('listens on the loopback address only', async () => {
    const other = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!other) {
      console.log('browser-host: no non-loopback IPv4 address on this machine; the loopback-only check has nothing to reach');
      return;
    }
    await expect(fetch(`http://${other.address}:${host.port}/`)).rejects.toThrow();
  });
});

function connect(url: string, headers: Record<string, string> = {}, protocols: string[] = []): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function rpc(ws: WebSocket) {
  let id = 0;
  const events: WsServerMessage[] = [];
  const waiting = new Map<number, (m: unknown) => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as WsServerMessage;
    if (m.t === 'result') waiting.get(m.id)?.(m.r); else events.push(m);
  });
  return {
    events,
    call: (m: string, i: unknown = {}) => new Promise<unknown>((resolve) => { const n = ++id; waiting.set(n, resolve); ws.send(JSON.stringify({ t: 'call', id: n, m, i })); }),
  };
}

const withCredential = (c: string) => ['loket.v1', `loket.credential.${c}`];

/** Resolves with the close code when the server ends the connection. */
const closeCode = (ws: WebSocket) => new Promise<number>((r) => ws.once('close', (code) => r(code)));

describe('WebSocket', () => {
  it('refuses a connection without a valid credential or from another origin', async () => {
    const noCred = await connect(`ws://127.0.0.1:${host.port}/ws`, {}, ['loket.v1']);
    expect(await closeCode(noCred)).toBe(4401);
    const wrong = await connect(`ws://127.0.0.1:${host.port}/ws`, {}, withCredential('x'.repeat(43)));
    expect(await closeCode(wrong)).toBe(4401);
    const c = await credential();
    await expect(connect(`ws://127.0.0.1:${host.port}/ws`, { origin: 'http://evil.example' }, withCredential(c))).rejects.toThrow(/403/);
    await expect(connect(`ws://127.0.0.1:${host.port}/ws`, { origin: 'http://127.0.0.1:1' }, withCredential(c))).rejects.toThrow(/403/);
  });

  it('never echoes the credential as the chosen subprotocol', async () => {
    const ws = await connect(`ws://127.0.0.1:${host.port}/ws`, { origin: base() }, withCredential(await credential()));
    expect(ws.protocol).toBe('loket.v1');
    ws.close();
  });

  it('carries contract calls and events, one session per tab (credential), kept across a reload', async () => {
    const c = await credential();
    const a = await connect(`ws://127.0.0.1:${host.port}/ws`, { origin: base() }, withCredential(c));
    const ra = rpc(a);
    expect(await ra.call('setup.status')).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
    expect(await ra.call('setup.createFirstAdmin', ADMIN)).toMatchObject({ ok: true, value: { nip: ADMIN.nip } });
    expect(ra.events.some((e) => e.t === 'event' && e.e === 'session.changed')).toBe(true);
    // The tab reloads: its socket closes, and the same credential connects again…
    const gone = new Promise((r) => a.once('close', r));
    a.close();
    await gone;
    const b = await connect(`ws://127.0.0.1:${host.port}/ws`, {}, withCredential(c));
    const rb = rpc(b);
    // …and finds its session: still logged in, and the events come to the new socket.
    expect(await rb.call('officers.list')).toMatchObject({ ok: true });
    expect(await rb.call('auth.lock')).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(rb.events.some((e) => e.t === 'event' && e.e === 'session.changed')).toBe(true);
    // Another tab (another credential) is its own session: not logged in.
    const other = await connect(`ws://127.0.0.1:${host.port}/ws`, {}, withCredential(await credential()));
    expect(await rpc(other).call('officers.list')).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });
    b.close(); other.close();
  });
});

// The host listens before the station has opened its store (electron/cli/station.ts): the
// page loads meanwhile, and calls made early wait for the station instead of failing.
describe('while the station is still starting', () => {
  it('serves the page, and answers calls sent before the station was ready, in order', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-r-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Loket</title>');
    let ready!: (s: TestStation['station']) => void;
    const starting = new Promise<TestStation['station']>((r) => { ready = r; });
    const early = await startBrowserHost({ station: starting, rendererDir: dir, log: () => undefined });
    const late = await openTestStation();
    try {
      const at = `127.0.0.1:${early.port}`;
      expect((await fetch(`http://${at}/`)).status).toBe(200);
      const ws = await connect(`ws://${at}/ws`, { origin: `http://${at}` }, withCredential(await credentialOf(early)));
      const r = rpc(ws);
      const first = r.call('setup.status');
      const second = r.call('setup.createFirstAdmin', ADMIN);
      const answered: string[] = [];
      void first.then(() => answered.push('first'));
      void second.then(() => answered.push('second'));
      await new Promise((res) => setTimeout(res, 50));
      expect(answered).toEqual([]);
      ready(late.station);
      expect(await first).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
      expect(await second).toMatchObject({ ok: true, value: { nip: ADMIN.nip } });
      expect(answered).toEqual(['first', 'second']);
      ws.close();
    } finally {
      await early.close();
      await late.close();
    }
  });

  it('closes the connection when the station cannot start', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-r-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Loket</title>');
    const failing = Promise.reject(new Error('the store could not be opened'));
    failing.catch(() => undefined);
    const early = await startBrowserHost({ station: failing, rendererDir: dir, log: () => undefined });
    try {
      const at = `127.0.0.1:${early.port}`;
      const ws = await connect(`ws://${at}/ws`, { origin: `http://${at}` }, withCredential(await credentialOf(early)));
      const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
      ws.send(JSON.stringify({ t: 'call', id: 1, m: 'setup.status', i: {} }));
      expect(await closed).toBe(1011);
    } finally {
      await early.close();
    }
  });
});
