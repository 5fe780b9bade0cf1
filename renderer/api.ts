// The renderer's only way to the station: call a contract method or listen to an event.
// In Electron it goes through the preload bridge (window.loket); in the browser host it
// goes over the WebSocket on 127.0.0.1 with this tab's session credential. Screens never know
// which.
import type { EventName, Events, MethodInput, MethodName, MethodOutput, Result, ContractError } from '../electron/contract';
import type { LoketBridge, WsServerMessage } from '../electron/bridge-types';

declare global {
  interface Window { loket?: LoketBridge }
}

export class ApiError extends Error {
  constructor(readonly error: ContractError) {
    super(error.code);
  }
}

type Listener = (payload: unknown) => void;

/** Where this tab keeps its credential: sessionStorage is scoped to scheme, host and port. */
const CREDENTIAL_KEY = 'loket.credential';
/** The host closes a WebSocket with this code when the credential is not (or no longer) valid. */
const CLOSE_CREDENTIAL_REFUSED = 4401;
/** Sent on window when the station refuses this tab's credential (it was restarted). */
export const CREDENTIAL_REFUSED_EVENT = 'loket:credential-refused';

/** ok: go on; otherwise why this tab has no way in (the page says how to get an address). */
export type HostAccess = 'ok' | 'code_refused' | 'no_address';

/**
 * Set when this tab has just traded its code (so it has no session yet) at a station that had
 * a store when it started (so it is past its first run): the station's first answers will ask
 * for the login form, and the app shows it without waiting for them.
 */
let loginExpected = false;

/** Whether the login form may be shown before the station has answered (see loginExpected). */
export function loginFormExpected(): boolean {
  return loginExpected;
}

function dropCodeFromAddress(params: URLSearchParams): void {
  params.delete('code');
  const q = params.toString();
  history.replaceState(null, '', location.pathname + (q ? `?${q}` : '') + location.hash);
}

/**
 * Trades the address's one-time code for this tab's credential (once; a reload finds the
 * credential in sessionStorage). The code leaves the address bar once the station has
 * answered, so it never stays in history. A used code in a tab that already has a
 * credential (the same address opened again) changes nothing.
 */
async function browserHostAccess(): Promise<HostAccess> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const stored = sessionStorage.getItem(CREDENTIAL_KEY);
  if (code === null) return stored ? 'ok' : 'no_address';
  let r: Response;
  try {
    r = await fetch('/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }), cache: 'no-store' });
  } catch {
    // The station is not there: keep the code for a reload; the boot screen says "not connected".
    return 'ok';
  }
  dropCodeFromAddress(params);
  if (r.ok) {
    const { credential, storeExisted } = (await r.json()) as { credential: string; storeExisted?: boolean };
    sessionStorage.setItem(CREDENTIAL_KEY, credential);
    loginExpected = storeExisted === true;
    return 'ok';
  }
  return stored ? 'ok' : 'code_refused';
}

/** Whether this tab may talk to the station; in Electron always. */
export function hostAccess(): Promise<HostAccess> {
  return window.loket ? Promise.resolve('ok') : browserHostAccess();
}

function websocketBridge(): LoketBridge {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<number, (r: Result<unknown>) => void>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise((resolve, reject) => {
      // The credential rides in the subprotocol list, never in a URL that lands in history.
      const ws = new WebSocket(url, ['loket.v1', `loket.credential.${sessionStorage.getItem(CREDENTIAL_KEY) ?? ''}`]);
      ws.onopen = () => { socket = ws; opening = null; resolve(ws); };
      ws.onerror = () => { opening = null; reject(new ApiError({ code: 'internal', params: { reason: 'connection' } })); };
      ws.onclose = (ev) => {
        socket = null;
        for (const [, done] of pending) done({ ok: false, error: { code: 'internal', params: { reason: 'connection' } } });
        pending.clear();
        if (ev.code === CLOSE_CREDENTIAL_REFUSED) {
          // A restarted station knows no credential of the last run: only a new address helps.
          sessionStorage.removeItem(CREDENTIAL_KEY);
          window.dispatchEvent(new Event(CREDENTIAL_REFUSED_EVENT));
          return;
        }
        // Reconnect so events keep flowing after the station restarts.
        setTimeout(() => { void connect().catch(() => undefined); }, 1000);
      };
      ws.onmessage = (ev) => {
        const msg = JSON.parse(String(ev.data)) as WsServerMessage;
        if (msg.t === 'result') {
          pending.get(msg.id)?.(msg.r);
          pending.delete(msg.id);
        } else {
          for (const l of listeners.get(msg.e) ?? []) l(msg.p);
        }
      };
    });
    return opening;
  };

  return {
    async invoke(method, input, requestId) {
      const ws = await connect();
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ t: 'call', id, m: method, i: input, ...(requestId ? { r: requestId } : {}) }));
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as Listener);
      listeners.set(event, set);
      void connect().catch(() => undefined);
      return () => set.delete(listener as Listener);
    },
  };
}

const bridge: LoketBridge = window.loket ?? websocketBridge();

/** A fresh request id (a UUID; the page is a secure context, 127.0.0.1 or the app's own). */
export function newRequestId(): string {
  return crypto.randomUUID();
}

/**
 * Calls still waiting for their answer, by method and input. A second identical call while
 * the first is out — a double click, Enter pressed twice — is the same call: it shares the
 * first's request id and answer, so it can neither do the work twice nor skip a step.
 */
const inFlight = new Map<string, Promise<Result<unknown>>>();

/** Call a method; resolves with its output or throws ApiError carrying the contract error. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const key = `${method}\u0000${JSON.stringify(input ?? null)}`;
  let answer = inFlight.get(key);
  if (!answer) {
    // Every call carries its own id: the station answers a repeat of a change once (a resend).
    answer = bridge.invoke(method, input, newRequestId());
    inFlight.set(key, answer);
    const mine = answer;
    void mine.finally(() => { if (inFlight.get(key) === mine) inFlight.delete(key); }).catch(() => undefined);
  }
  const r = await answer;
  if (!r.ok) throw new ApiError(r.error);
  return r.value as MethodOutput<M>;
}

/** Subscribe to a station event; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return bridge.on(event, listener);
}
