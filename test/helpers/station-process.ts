// The station as the officer runs it: the browser-host process (`electron/cli/station.ts`
// from source, its station in a worker thread, simulated devices), and a client that talks to
// it the way a tab does — trade the address's one-time code for a credential (POST /session),
// then contract calls and events over the WebSocket. Used by the kill -9 test and the
// enrolment bench, which need the real process boundary: a SIGKILL ends the host, the
// worker, the simulators and every open file at once, as a power cut or a crash would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import type { EventName, Result } from '../../electron/contract';
import type { WsServerMessage } from '../../electron/bridge-types';
import type { ScriptSession } from './enrolment-script';

const ROOT = path.resolve(import.meta.dirname, '../..');
// tsx as a loader in this one process (its CLI would run the station in a child, which a
// SIGKILL of the CLI leaves running); the station's worker thread inherits the loader.
const TSX_LOADER = ['--import', 'tsx'];
const START_TIMEOUT_MS = 60_000;

export interface StationProcess {
  /** The one-time address the host printed at its start. */
  url: string;
  pid: number;
  /** Everything the process wrote, for a failure's report. */
  output(): string;
  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, as `npm run station` is stopped; SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** A page for the host to serve: the client here never loads the screens. */
function emptyRenderer(dir: string): string {
  const renderer = path.join(dir, 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Loket</title>');
  return renderer;
}

function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

/** Starts the browser host on `dataDir` with simulated devices; resolves once it prints its address. */
export async function startStationProcess(dataDir: string, workDir: string): Promise<StationProcess> {
  const args = [...TSX_LOADER, path.join(ROOT, 'electron/cli/station.ts'), '--data-dir', dataDir, '--port', '0', '--renderer-dir', emptyRenderer(workDir)];
  const child = spawn(process.execPath, args, { cwd: ROOT });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station printed no LOKET_URL within ${START_TIMEOUT_MS} ms:\n${out}`)), START_TIMEOUT_MS);
    const look = () => {
      const m = /^LOKET_URL=(\S+)$/m.exec(out);
      if (m?.[1]) { clearTimeout(timer); child.stdout.off('data', look); resolve(m[1]); }
    };
    child.stdout.on('data', look);
    child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`station exited (${code ?? signal}) before it was ready:\n${out}`)); });
  });
  return {
    url,
    pid: child.pid!,
    output: () => out,
    async kill9() {
      const gone = exited(child);
      process.kill(child.pid!, 'SIGKILL');
      await gone;
    },
    async stop() {
      const gone = exited(child);
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(forced);
    },
  };
}

export interface TabClient extends ScriptSession {
  /** Calls and expects success. */
  ok<T = unknown>(method: string, input?: unknown): Promise<T>;
  close(): void;
}

/**
 * A tab's connection: the address's code traded for a credential, then the WebSocket with
 * the credential as a subprotocol entry (electron/host.ts). A call still out when the
 * connection drops ends with the renderer's `internal`/`connection` error, as in renderer/api.ts.
 */
export async function connectTab(url: string): Promise<TabClient> {
  const u = new URL(url);
  const r = await fetch(`${u.origin}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: u.searchParams.get('code') }) });
  if (!r.ok) throw new Error(`the station refused the address's code (${r.status})`);
  const { credential } = (await r.json()) as { credential: string };
  const ws = new WebSocket(`ws://${u.host}/ws`, ['loket.v1', `loket.credential.${credential}`]);
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const events: { event: EventName; payload: unknown }[] = [];
  const dropped: Result<unknown> = { ok: false, error: { code: 'internal', params: { reason: 'connection' } } };
  let nextId = 1;
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as WsServerMessage;
    if (msg.t === 'result') { pending.get(msg.id)?.(msg.r); pending.delete(msg.id); }
    else events.push({ event: msg.e, payload: msg.p });
  });
  ws.on('error', () => undefined);
  ws.on('close', () => { for (const [, done] of pending) done(dropped); pending.clear(); });
  const call = (method: string, input: unknown = {}, requestId?: string): Promise<Result<unknown>> => {
    if (ws.readyState !== WebSocket.OPEN) return Promise.resolve(dropped);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ t: 'call', id, m: method, i: input, ...(requestId ? { r: requestId } : {}) }));
    });
  };
  return {
    call, events,
    async ok<T>(method: string, input: unknown = {}) {
      const res = await call(method, input);
      if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
      return res.value as T;
    },
    close: () => ws.close(),
  };
}
