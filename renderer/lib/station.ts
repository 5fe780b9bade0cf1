// Calls to the station, with the link state the status bar shows. api.ts knows only
// single calls; whether the station is reachable is derived here from how calls end: a
// connection failure marks the link offline, any answer (even a refusal) marks it online.
// While offline a cheap public call probes the link so it comes back on its own.
import { useSyncExternalStore } from 'react';
import type { EventName, Events, MethodInput, MethodName, MethodOutput } from '../../electron/contract';
import { ApiError, call as apiCall, on as apiOn } from '../api';

type LinkListener = (online: boolean) => void;

const PROBE_MS = 2000;
/** While someone watches the link, a quiet station is asked this often whether it is there. */
const HEARTBEAT_MS = 5000;
let online = true;
let probe: ReturnType<typeof setTimeout> | null = null;
let heartbeat: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<LinkListener>();

export function isConnectionError(err: unknown): boolean {
  return err instanceof ApiError && err.error.code === 'internal' && err.error.params?.reason === 'connection';
}

function setOnline(next: boolean): void {
  if (next === online) return;
  online = next;
  for (const l of listeners) l(online);
}

function scheduleProbe(): void {
  if (probe) return;
  probe = setTimeout(() => {
    probe = null;
    // Any reply proves the link; a failure inside call() schedules the next probe.
    void call('setup.status', {}).catch(() => undefined);
  }, PROBE_MS);
}

/** Call a contract method; throws ApiError like api.call, and keeps the link state current. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  try {
    const out = await apiCall(method, input);
    setOnline(true);
    return out;
  } catch (err) {
    if (isConnectionError(err)) {
      setOnline(false);
      scheduleProbe();
    } else if (err instanceof ApiError) setOnline(true);
    throw err;
  }
}

export function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return apiOn(event, listener);
}

export function onLinkChange(listener: LinkListener): () => void {
  listeners.add(listener);
  // A station that went away while nobody called would otherwise look connected. The probe
  // is a public, read-only method, so it never counts as officer activity.
  heartbeat ??= setInterval(() => { if (online) void call('setup.status', {}).catch(() => undefined); }, HEARTBEAT_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && heartbeat) { clearInterval(heartbeat); heartbeat = null; }
  };
}

// The station is on this machine, so the browser's network flag is only a hint: when it
// flips, ask the station directly instead of trusting it.
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => { void call('setup.status', {}).catch(() => undefined); });
  window.addEventListener('offline', () => { void call('setup.status', {}).catch(() => undefined); });
}

/** React view of the link state. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (cb) => onLinkChange(cb),
    () => online,
  );
}
