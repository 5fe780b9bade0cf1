// The browser host runs the station in a worker thread: compiling the station chunk and
// opening the store take a few hundred milliseconds of one thread, and while the station ran
// on the host's own thread the page's files (and the credential exchange) waited behind
// them. Now the host's thread only serves HTTP and the WebSocket, at once, while the station
// starts beside it; calls made meanwhile wait for it, in order (electron/host.ts).
//
// This file is both sides of the thread boundary: `stationInThread` (the host's side) is a
// Station whose sessions forward calls and events as messages, and `serveStationThread` (the
// worker's side) answers them with the real station. Messages are structured clones, as
// over Electron's IPC, so a result looks the same to the screens in either host.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Worker, type MessagePort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { EventName, Result } from './contract';
import type { EventListener, Station, StationSession, WaitingRoomFeed } from './station-types';
import type { QueueCall } from './contract-types';

/** What the worker needs to build the station (the key provider is chosen inside it). */
export interface StationThreadOptions {
  dataDir: string;
  demo?: boolean;
  simulators?: boolean;
  scannerUrl?: string;
}

/** A start failure, as the worker saw it: `known` failures have a message meant for the officer. */
export interface StationStartFailure { name: string; message: string; stack?: string; known: boolean }

export type ToStation =
  | { t: 'open'; sid: number }
  | { t: 'call'; sid: number; id: number; m: string; i: unknown }
  | { t: 'close'; sid: number }
  | { t: 'stop' };

export type FromStation =
  /** `display`: the waiting-room display's token and today's calls, when the station has a display. */
  | { t: 'ready'; stationId: string; display?: { token: string; calls: QueueCall[] } }
  /** The waiting room's latest calls, after each call. */
  | { t: 'calls'; calls: QueueCall[] }
  | { t: 'failed'; failure: StationStartFailure }
  | { t: 'result'; id: number; r: Result<unknown> }
  | { t: 'call-failed'; id: number; error: string }
  | { t: 'event'; sid: number; e: EventName; p: unknown }
  /** The worker's crash policy judged the store gone: the process must stop. */
  | { t: 'fatal' }
  | { t: 'stopped' };

/** Rebuilds the worker's start failure on this side, keeping what the CLI tells the officer. */
export class StationStartError extends Error {
  constructor(readonly failure: StationStartFailure) {
    super(failure.message);
    this.name = failure.name;
    if (failure.stack) this.stack = failure.stack;
  }
}

export interface StationThreadHooks {
  /** The worker's store is gone or broken, or the worker itself ended while serving. */
  onFatal(reason: string): void;
}

/**
 * Starts the station in a worker running `workerFile` (which calls serveStationThread).
 * Resolves once the station is open; rejects with a StationStartError when it cannot start.
 */
export function stationInThread(workerFile: string, options: StationThreadOptions, hooks: StationThreadHooks): Promise<Station> {
  const fromSource = workerFile.endsWith('.ts');
  // From source (tsx: the tests, a developer's run), Node 20 gives a worker no loader hooks
  // of the main thread's: the worker registers tsx's own before importing the .ts entry.
  const entry = fromSource
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(workerFile).href)}); })`
    : workerFile;
  const worker = new Worker(entry, {
    eval: fromSource,
    workerData: options,
  });
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; reject: (e: Error) => void }>();
  const listeners = new Map<number, Set<EventListener>>();
  let nextId = 1;
  let nextSid = 1;
  let state: 'starting' | 'ready' | 'stopping' | 'gone' = 'starting';
  let stopped: (() => void) | null = null;
  // The waiting-room display is served by the host's thread from what the worker tells it.
  let displayToken: string | null = null;
  let latestCalls: QueueCall[] = [];
  const callListeners = new Set<(calls: QueueCall[]) => void>();
  const post = (m: ToStation) => worker.postMessage(m);
  const failAll = (why: string) => {
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };

  return new Promise<Station>((resolve, reject) => {
    worker.on('message', (msg: FromStation) => {
      switch (msg.t) {
        case 'ready':
          state = 'ready';
          if (msg.display) { displayToken = msg.display.token; latestCalls = msg.display.calls; }
          resolve(station(msg.stationId));
          break;
        case 'calls':
          latestCalls = msg.calls;
          for (const l of callListeners) { try { l(msg.calls); } catch { /* one display must not stop the others */ } }
          break;
        case 'failed':
          state = 'gone';
          reject(new StationStartError(msg.failure));
          void worker.terminate();
          break;
        case 'result': {
          const p = pending.get(msg.id);
          pending.delete(msg.id);
          p?.resolve(msg.r);
          break;
        }
        case 'call-failed': {
          const p = pending.get(msg.id);
          pending.delete(msg.id);
          p?.reject(Object.assign(new Error('the call failed in the station'), { name: msg.error }));
          break;
        }
        case 'event':
          for (const l of listeners.get(msg.sid) ?? []) l(msg.e, msg.p);
          break;
        case 'fatal':
          hooks.onFatal('store');
          break;
        case 'stopped':
          stopped?.();
          break;
      }
    });
    // What escapes the worker's own crash policy ends the worker; the error's class reaches the log.
    worker.on('error', (err) => {
      if (state === 'starting') {
        state = 'gone';
        reject(new StationStartError({ name: err.name, message: err.message, stack: err.stack, known: false }));
      }
    });
    worker.on('exit', () => {
      const was = state;
      state = 'gone';
      failAll('the station stopped');
      stopped?.();
      if (was === 'ready') hooks.onFatal('exit');
    });
  });

  function station(stationId: string): Station {
    const digest = (x: string) => createHash('sha256').update(x).digest();
    const waitingRoom: WaitingRoomFeed | undefined = displayToken === null ? undefined : {
      valid: (token) => typeof token === 'string' && timingSafeEqual(digest(token), digest(displayToken!)),
      recent: () => latestCalls,
      onCalls(listener) { callListeners.add(listener); return () => { callListeners.delete(listener); }; },
    };
    return {
      stationId,
      ...(waitingRoom ? { waitingRoom } : {}),
      openSession(): StationSession {
        const sid = nextSid++;
        const mine = new Set<EventListener>();
        listeners.set(sid, mine);
        post({ t: 'open', sid });
        return {
          call(method, input) {
            if (state !== 'ready') return Promise.reject(new Error('the station stopped'));
            const id = nextId++;
            return new Promise<Result<unknown>>((res, rej) => {
              pending.set(id, { resolve: res, reject: rej });
              post({ t: 'call', sid, id, m: method, i: input });
            });
          },
          onEvent(listener) {
            mine.add(listener);
            return () => mine.delete(listener);
          },
          close() {
            listeners.delete(sid);
            if (state === 'ready') post({ t: 'close', sid });
          },
        };
      },
      async close() {
        if (state !== 'ready') return;
        state = 'stopping';
        await new Promise<void>((r) => { stopped = r; post({ t: 'stop' }); });
        await worker.terminate();
      },
    };
  }
}

/** The worker's side: opens the station with `open` and answers the host over `port`. */
export async function serveStationThread(port: MessagePort, open: () => Promise<Station>, knownFailure: (err: unknown) => boolean): Promise<void> {
  const send = (m: FromStation) => port.postMessage(m);
  let station: Station;
  try {
    station = await open();
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    send({ t: 'failed', failure: { name: e.name, message: e.message, stack: e.stack, known: knownFailure(err) } });
    return;
  }
  const sessions = new Map<number, { session: StationSession; off: () => void }>();
  port.on('message', (msg: ToStation) => {
    switch (msg.t) {
      case 'open': {
        const session = station.openSession();
        const off = session.onEvent((e, p) => {
          try { send({ t: 'event', sid: msg.sid, e, p }); } catch { /* not cloneable: never sent in-process either */ }
        });
        sessions.set(msg.sid, { session, off });
        break;
      }
      case 'call': {
        const s = sessions.get(msg.sid);
        if (!s) { send({ t: 'call-failed', id: msg.id, error: 'NoSession' }); break; }
        s.session.call(msg.m, msg.i).then(
          (r) => {
            try { send({ t: 'result', id: msg.id, r }); } catch (err) { send({ t: 'call-failed', id: msg.id, error: (err as Error).name }); }
          },
          (err: unknown) => send({ t: 'call-failed', id: msg.id, error: err instanceof Error ? err.name : typeof err }),
        );
        break;
      }
      case 'close': {
        const s = sessions.get(msg.sid);
        sessions.delete(msg.sid);
        s?.off();
        s?.session.close();
        break;
      }
      case 'stop':
        for (const s of sessions.values()) { s.off(); s.session.close(); }
        sessions.clear();
        station.close().finally(() => send({ t: 'stopped' }));
        break;
    }
  });
  const room = station.waitingRoom as (WaitingRoomFeed & { path?: () => string }) | undefined;
  const token = room?.path ? new URLSearchParams(room.path().split('#')[1] ?? '').get('token') : null;
  if (room && token) room.onCalls((calls) => send({ t: 'calls', calls }));
  send({ t: 'ready', stationId: station.stationId, ...(room && token ? { display: { token, calls: room.recent() } } : {}) });
}
