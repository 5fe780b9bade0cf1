// Whether a session may receive a pushed event: the same checks the dispatcher makes for the
// method that reads the same data (logged in, not locked, one of its roles), plus relevance —
// an enrolment's live capture goes only to the session that has that enrolment open. Used by
// the station for every host (Electron IPC and the browser host's WebSocket alike).
import { eventRules, type EventName, type Events, type MethodName, type Role } from './contract';
import type { SessionState } from './services/session';

export function mayReceive<E extends EventName>(event: E, payload: Events[E], state: SessionState, roles: readonly Role[]): boolean {
  const rule = eventRules[event];
  if (rule.access !== 'public') {
    if (!state.loggedIn) return false;
    if (rule.access !== 'locked' && state.locked) return false;
    if (Array.isArray(rule.access) && !rule.access.some((r) => roles.includes(r))) return false;
  }
  if (rule.relevance === 'open-enrolment') return state.openEnrolment !== null;
  if (rule.relevance === 'its-enrolment') {
    const id = (payload as { appointmentId?: unknown } | null)?.appointmentId;
    return state.openEnrolment !== null && id === state.openEnrolment;
  }
  return true;
}

/** Calls that open an enrolment on this session's screen, and calls that leave it. */
const OPENS: ReadonlySet<MethodName> = new Set<MethodName>(['enrolment.open', 'capture.start', 'capture.get']);
const LEAVES: ReadonlySet<MethodName> = new Set<MethodName>(['capture.close', 'enrolment.submit', 'enrolment.resubmit']);

/** After a successful call (its input already validated): remember which enrolment is open. */
export function noteOpenEnrolment(state: SessionState, method: string, input: unknown): void {
  const id = (input as { appointmentId?: unknown } | null)?.appointmentId;
  if (typeof id !== 'string') return;
  if (OPENS.has(method as MethodName)) state.openEnrolment = id;
  else if (LEAVES.has(method as MethodName) && state.openEnrolment === id) state.openEnrolment = null;
}
