// The renderer's only way to the station: call a contract method or listen to an event.
// In Electron it goes through the preload bridge (window.loket); in the browser host it
// goes over the WebSocket on 127.0.0.1 with the run's token. Screens never know which.
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

function websocketBridge(): LoketBridge {
  const params = new URLSearchParams(location.search);
  const token = params.get('token') ?? sessionStorage.getItem('loket.token') ?? '';
  sessionStorage.setItem('loket.token', token);
  if (params.has('token')) {
    // Keep the token out of the address bar and history once the cookie is set.
    params.delete('token');
    const q = params.toString();
    history.replaceState(null, '', location.pathname + (q ? `?${q}` : '') + location.hash);
  }
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?token=${encodeURIComponent(token)}`;
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<number, (r: Result<unknown>) => void>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => { socket = ws; opening = null; resolve(ws); };
      ws.onerror = () => { opening = null; reject(new ApiError({ code: 'internal', params: { reason: 'connection' } })); };
      ws.onclose = () => {
        socket = null;
        for (const [, done] of pending) done({ ok: false, error: { code: 'internal', params: { reason: 'connection' } } });
        pending.clear();
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
    async invoke(method, input) {
      const ws = await connect();
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ t: 'call', id, m: method, i: input }));
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

/** Call a method; resolves with its output or throws ApiError carrying the contract error. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await bridge.invoke(method, input);
  if (!r.ok) throw new ApiError(r.error);
  return r.value as MethodOutput<M>;
}

/** Subscribe to a station event; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return bridge.on(event, listener);
}
