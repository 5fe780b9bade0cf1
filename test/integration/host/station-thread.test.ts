// The browser host runs the station in a worker thread (electron/station-thread.ts): the
// page's files and the credential exchange are answered while the station thread is still
// busy starting, calls made meanwhile wait and are answered in order, events cross the
// thread, a start failure keeps the sentence meant for the officer, and closing stops it.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../electron/host';
import { stationInThread, StationStartError, type StationThreadOptions } from '../../../electron/station-thread';
import type { Station } from '../../../electron/station-types';
import type { WsServerMessage } from '../../../electron/bridge-types';
import { ADMIN } from '../../helpers/station';

const WORKER = path.join(import.meta.dirname, 'gated-station-worker.mjs');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

function gatedStation(dataDir: string, open = false) {
  const gate = new Int32Array(new SharedArrayBuffer(4));
  if (open) gate[0] = 1;
  const fatal: string[] = [];
  const options = { dataDir, simulators: false, gate: gate.buffer } as StationThreadOptions;
  const station = stationInThread(WORKER, options, { onFatal: (why) => fatal.push(why) });
  station.catch(() => undefined);
  return { station, fatal, release() { Atomics.store(gate, 0, 1); Atomics.notify(gate, 0); } };
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function credentialOf(h: BrowserHost): Promise<string> {
  const code = new URL(h.newAddress()).searchParams.get('code')!;
  const r = await fetch(`http://127.0.0.1:${h.port}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  expect(r.status).toBe(200);
  return ((await r.json()) as { credential: string }).credential;
}

describe('the station in its own thread', () => {
  it('leaves the host serving while the station thread starts; early calls wait and are answered in order, events cross', async () => {
    const renderer = tempDir('loket-r-');
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Loket</title>');
    const gated = gatedStation(path.join(tempDir('loket-t-'), 'store'));
    let ready = false;
    void gated.station.then(() => { ready = true; });
    const host = await startBrowserHost({ station: gated.station, rendererDir: renderer, log: () => undefined });
    cleanup.push(async () => { await host.close(); gated.release(); await gated.station.then((s) => s.close(), () => undefined); });

    // The station thread is held at its gate: the page and the credential come anyway.
    const page = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(page.status).toBe(200);
    const credential = await credentialOf(host);
    expect(ready).toBe(false);

    const at = `127.0.0.1:${host.port}`;
    const ws = new WebSocket(`ws://${at}/ws`, ['loket.v1', `loket.credential.${credential}`], { origin: `http://${at}` });
    await new Promise((r, j) => { ws.once('open', r); ws.once('error', j); });
    const messages: WsServerMessage[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d)) as WsServerMessage));
    ws.send(JSON.stringify({ t: 'call', id: 1, m: 'setup.status', i: {} }));
    ws.send(JSON.stringify({ t: 'call', id: 2, m: 'setup.createFirstAdmin', i: ADMIN }));
    await new Promise((r) => setTimeout(r, 200));
    expect(messages).toEqual([]);
    expect(ready).toBe(false);

    gated.release();
    await expect.poll(() => messages.filter((m) => m.t === 'result').length, { timeout: 20_000 }).toBe(2);
    const results = messages.filter((m): m is Extract<WsServerMessage, { t: 'result' }> => m.t === 'result');
    expect(results.map((m) => m.id)).toEqual([1, 2]);
    expect(results[0]!.r).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
    expect(results[1]!.r).toMatchObject({ ok: true, value: { nip: ADMIN.nip } });
    // The login the first administrator's creation made is announced as an event, before its result.
    const changed = messages.findIndex((m) => m.t === 'event' && m.e === 'session.changed');
    expect(changed).toBeGreaterThanOrEqual(0);
    expect(changed).toBeLessThan(messages.findIndex((m) => m.t === 'result' && m.id === 2));
    expect(gated.fatal).toEqual([]);
    ws.close();
  }, 60_000);

  it('keeps a start failure meant for the officer: a store file others can read', async () => {
    const dataDir = path.join(tempDir('loket-t-'), 'store');
    const first = gatedStation(dataDir, true);
    await (await first.station).close();
    chmodSync(path.join(dataDir, 'loket.sqlite'), 0o644);
    const again = gatedStation(dataDir, true);
    const failure = await again.station.then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(StationStartError);
    expect((failure as StationStartError).failure.known).toBe(true);
    expect((failure as StationStartError).message).toMatch(/loket\.sqlite/);
  }, 60_000);

  it('closes: the store is closed and later calls are refused, never left waiting', async () => {
    const dataDir = path.join(tempDir('loket-t-'), 'store');
    const gated = gatedStation(dataDir, true);
    const station: Station = await gated.station;
    const session = station.openSession();
    expect(await session.call('setup.status', {})).toMatchObject({ ok: true });
    await station.close();
    await expect(session.call('setup.status', {})).rejects.toThrow(/stopped/);
    expect(gated.fatal).toEqual([]);
    // Closed cleanly: the same store opens again.
    const next = gatedStation(dataDir, true);
    await (await next.station).close();
  }, 60_000);

  it('tells the host when the station thread ends on its own, and refuses calls rather than leave them waiting', async () => {
    const fatal: string[] = [];
    const dataDir = path.join(tempDir('loket-t-'), 'store');
    const station = await stationInThread(path.join(import.meta.dirname, 'exiting-station-worker.mjs'), { dataDir, simulators: false }, { onFatal: (why) => fatal.push(why) });
    const session = station.openSession();
    expect(await session.call('setup.status', {})).toMatchObject({ ok: true });
    await expect.poll(() => fatal, { timeout: 20_000 }).toEqual(['exit']);
    await expect(session.call('setup.status', {})).rejects.toThrow(/stopped/);
  }, 60_000);
});
