// The only door between the sandboxed renderer and the main process: `window.loket`, exactly
// the LoketBridge of bridge-types.ts and nothing more. The renderer never sees ipcRenderer or
// an IPC event object (whose `sender` would hand it every channel).
// Sandboxed preloads may require only a few built-ins, so this file is bundled into one
// CommonJS file (dist/preload.cjs) whose only run-time import is 'electron'. It exports
// nothing, so the bundle never touches the sandbox's stand-in `module` object.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { EVENT_NAMES, IPC_EVENT, IPC_INVOKE } from './bridge-types';
import type { LoketBridge } from './bridge-types';
import type { EventName, Events, MethodName, Result } from './contract';

/** Shape of a contract method name ("queue.view"); anything else never reaches main. */
const METHOD_NAME = /^[a-z]+\.[A-Za-z]+$/;
/** Events the renderer may listen to: the contract's, nothing else. */
const ALLOWED_EVENTS: ReadonlySet<string> = new Set<string>(EVENT_NAMES);

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all events; renderer listeners get only the payload.
ipcRenderer.on(IPC_EVENT, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (err) {
      // One faulty screen must not stop the others from hearing the event.
      console.error(`loket: listener for ${name} failed`, err);
    }
  }
});

const failure = (code: 'unknown_method' | 'internal', reason?: string): Result<unknown> =>
  ({ ok: false, error: reason ? { code, params: { reason } } : { code } });

function invoke(method: MethodName, input: unknown, requestId?: string): Promise<Result<unknown>> {
  if (typeof method !== 'string' || !METHOD_NAME.test(method)) return Promise.resolve(failure('unknown_method'));
  // The main side always answers with a Result; a rejection means the IPC itself broke
  // (window closing, handler missing), which the renderer should see as a value too.
  return ipcRenderer.invoke(IPC_INVOKE, method, input, typeof requestId === 'string' ? requestId : undefined)
    .then((r: Result<unknown>) => r, () => failure('internal', 'ipc'));
}

function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  if (typeof event !== 'string' || !ALLOWED_EVENTS.has(event)) throw new TypeError(`loket: unknown event ${String(event)}`);
  if (typeof listener !== 'function') throw new TypeError('loket: listener must be a function');
  const set = listeners.get(event) ?? new Set<Listener>();
  set.add(listener as Listener);
  listeners.set(event, set);
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    set.delete(listener as Listener);
  };
}

const bridge: LoketBridge = Object.freeze({ invoke, on });
contextBridge.exposeInMainWorld('loket', bridge);
