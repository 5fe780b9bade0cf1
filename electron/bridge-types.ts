// The shape of what the preload exposes as `window.loket`, and of the browser host's
// WebSocket messages. Both carry exactly the contract: a method name with its input, or an
// event subscription; nothing else crosses.
import type { EventName, Events, MethodName, Result } from './contract';

export interface LoketBridge {
  /** `requestId`: the same id again is the same call (the station answers it once). */
  invoke(method: MethodName, input: unknown, requestId?: string): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** Renderer → browser host. */
export interface WsCall { t: 'call'; id: number; m: string; i: unknown; /** request id */ r?: string }
/** Browser host → renderer. */
export type WsServerMessage =
  | { t: 'result'; id: number; r: Result<unknown> }
  | { t: 'event'; e: EventName; p: unknown };

/** IPC channel names used by the Electron shell (preload ⇄ main). */
export const IPC_INVOKE = 'loket:invoke';
export const IPC_EVENT = 'loket:event';

// The contract's events as a run-time list, for the preload's allow-list. Written as an
// object keyed by EventName so the compiler rejects both a missing and an unknown event:
// adding an event to `Events` without listing it here does not type-check.
const EVENT_KEYS: { readonly [E in EventName]: true } = {
  'session.changed': true,
  'queue.changed': true,
  'device.status': true,
  'mrz.read': true,
  'barcode.scanned': true,
  'enrolment.changed': true,
  'capture.state': true,
  'session.ended': true,
  'office.status': true,
};
export const EVENT_NAMES = Object.freeze(Object.keys(EVENT_KEYS) as EventName[]);
