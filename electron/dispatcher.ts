// Every renderer call passes here: looked up in the contract, its input validated with the
// method's zod schema, the caller's access checked against the station's own record of the
// session, then handed to its handler. Failures return as typed values, never as throws.
import type { z } from 'zod';
import { methods, type Access, type MethodName, type MethodOutput, type MethodParsedInput, type Result, type Role } from './contract';
import { StationError } from './services/errors';
import { createRecentRequests, READ_ONLY_METHODS, REQUEST_ID, type RecentRequests } from './request-ids';
import type { SessionState } from './services/session';

export interface CallContext {
  session: SessionState;
  /** The caller's current roles, read from the store (a role removed takes effect at once). */
  roles: Role[];
  officerId: string | null;
}

export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>, ctx: CallContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export interface DispatcherDeps {
  handlers: Handlers;
  rolesOf(session: SessionState): Role[];
  /** Called before access is checked: locks an idle session. */
  beforeCall(session: SessionState, method: MethodName): void;
  /** Bugs are reported without the input (it may hold a password). */
  logError(method: string, err: unknown): void;
  /** Remembers recent request ids per session (default: a fresh memory). */
  requests?: RecentRequests;
}

function checkAccess(access: Access, session: SessionState, roles: Role[]): StationError | null {
  if (access === 'public') return null;
  if (!session.loggedIn) return new StationError('not_logged_in');
  if (access === 'locked') return null;
  if (session.locked) return new StationError('locked');
  if (access === 'officer') return null;
  return access.some((r) => roles.includes(r)) ? null : new StationError('forbidden');
}

export function createDispatcher(deps: DispatcherDeps) {
  const requests = deps.requests ?? createRecentRequests();
  /**
   * A call with a request id: a repeat of a change (same session, same id) is answered with
   * the first call's result, the work done once (request-ids.ts). Without an id, as before.
   */
  return function dispatch(session: SessionState, method: string, input: unknown, requestId?: unknown): Promise<Result<unknown>> {
    if (requestId === undefined || requestId === null) return run(session, method, input);
    if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) {
      return Promise.resolve({ ok: false, error: { code: 'bad_input', field: 'requestId', params: { reason: 'request_id' } } });
    }
    if (typeof method === 'string' && READ_ONLY_METHODS.has(method)) return run(session, method, input);
    return requests.run(session, requestId, String(method), () => run(session, method, input));
  };

  async function run(session: SessionState, method: string, input: unknown): Promise<Result<unknown>> {
    if (typeof method !== 'string' || !Object.hasOwn(methods, method)) {
      return { ok: false, error: { code: 'unknown_method', params: { method: String(method).slice(0, 64) } } };
    }
    const name = method as MethodName;
    const def = methods[name];
    try {
      deps.beforeCall(session, name);
      const roles = deps.rolesOf(session);
      const denied = checkAccess(def.access, session, roles);
      if (denied) return { ok: false, error: denied.toContract() };
      const parsed = (def.input as z.ZodType).safeParse(input ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const field = first?.path.map(String).join('.') || undefined;
        return { ok: false, error: { code: 'bad_input', ...(field ? { field } : {}), params: { reason: first?.message ?? 'invalid' } } };
      }
      const handler = deps.handlers[name] as (i: unknown, c: CallContext) => unknown;
      const value = await handler(parsed.data, { session, roles, officerId: session.officerId });
      return { ok: true, value: value ?? null };
    } catch (err) {
      if (err instanceof StationError) return { ok: false, error: err.toContract() };
      deps.logError(name, err);
      return { ok: false, error: { code: 'internal' } };
    }
  }
}
