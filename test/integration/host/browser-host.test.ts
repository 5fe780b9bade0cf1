// The browser host refuses everything without the run's token, serves with the CSP, binds
// to 127.0.0.1 only, and carries the contract over the WebSocket.
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
const TOKEN = 'test-token-0123456789abcdef';

beforeAll(async () => {
  t = await openTestStation();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-r-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Loket</title>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  host = await startBrowserHost({ station: t.station, rendererDir: dir, token: TOKEN });
});
afterAll(async () => { await host.close(); await t.close(); });

const base = () => `http://127.0.0.1:${host.port}`;

describe('HTTP', () => {
  it('refuses requests without the token, serves with it and sets a strict cookie', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(403);
    expect((await fetch(`${base()}/?token=wrong`)).status).toBe(403);
    const ok = await fetch(`${base()}/?token=${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await fetch(`${base()}/assets/app.js`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base()}/assets/app.js`)).status).toBe(403);
  });

  it('does not serve files outside the renderer', async () => {
    const r = await fetch(`${base()}/..%2f..%2f..%2fetc%2fpasswd?token=${TOKEN}`);
    expect(r.status).toBe(404);
  });

  it('listens on the loopback address only', async () => {
    const other = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!other) {
      console.log('browser-host: no non-loopback IPv4 address on this machine; the loopback-only check has nothing to reach');
      return;
    }
    await expect(fetch(`http://${other.address}:${host.port}/?token=${TOKEN}`)).rejects.toThrow();
  });
});

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
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

describe('WebSocket', () => {
  it('refuses a connection without the token or from another origin', async () => {
    await expect(connect(`ws://127.0.0.1:${host.port}/ws`)).rejects.toThrow(/403/);
    await expect(connect(`ws://127.0.0.1:${host.port}/ws?token=nope`)).rejects.toThrow(/403/);
    await expect(connect(`ws://127.0.0.1:${host.port}/ws?token=${TOKEN}`, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('carries contract calls and events, one session per connection', async () => {
    const a = await connect(`ws://127.0.0.1:${host.port}/ws?token=${TOKEN}`, { origin: base() });
    const ra = rpc(a);
    expect(await ra.call('setup.status')).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
    expect(await ra.call('setup.createFirstAdmin', ADMIN)).toMatchObject({ ok: true, value: { nip: ADMIN.nip } });
    expect(ra.events.some((e) => e.t === 'event' && e.e === 'session.changed')).toBe(true);
    const b = await connect(`ws://127.0.0.1:${host.port}/ws?token=${TOKEN}`);
    const rb = rpc(b);
    // The second connection is its own session: not logged in.
    expect(await rb.call('officers.list')).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });
    expect(await ra.call('officers.list')).toMatchObject({ ok: true });
    a.close(); b.close();
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
    const early = await startBrowserHost({ station: starting, rendererDir: dir, token: TOKEN });
    const late = await openTestStation();
    try {
      const at = `127.0.0.1:${early.port}`;
      expect((await fetch(`http://${at}/?token=${TOKEN}`)).status).toBe(200);
      const ws = await connect(`ws://${at}/ws?token=${TOKEN}`, { origin: `http://${at}` });
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
    const early = await startBrowserHost({ station: failing, rendererDir: dir, token: TOKEN });
    try {
      const at = `127.0.0.1:${early.port}`;
      const ws = await connect(`ws://${at}/ws?token=${TOKEN}`, { origin: `http://${at}` });
      const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
      ws.send(JSON.stringify({ t: 'call', id: 1, m: 'setup.status', i: {} }));
      expect(await closed).toBe(1011);
    } finally {
      await early.close();
    }
  });
});
