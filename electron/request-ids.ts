// Idempotent calls by request id. The renderer gives every call an id (renderer/api.ts); for
// a method that changes something, the station remembers, per session, recent request ids
// with their outcome. The same id again — a resend after a dropped connection, a doubled
// message, a double press that reached the station twice — gets the same answer (or waits
// for the same answer still being worked out), and the work is done once.
//
// Only successes are remembered after they end: a refused or failed call changed nothing, so
// sending it again may try again. Reads are not remembered at all (their answers can be
// large — a blob, a trace — and doing them twice costs nothing).
import type { MethodName, Result } from './contract';

/** Methods that change nothing: their answers are never kept. */
export const READ_ONLY_METHODS: ReadonlySet<string> = new Set<MethodName>([
  'setup.status', 'auth.session', 'auth.touch', 'officers.list', 'settings.get', 'queue.view', 'queue.get',
  'application.history', 'import.preview', 'rules.current', 'audit.list', 'audit.choices', 'audit.verify',
  'keys.protection', 'numbers.day', 'numbers.export', 'enrolment.get', 'blob.get', 'capture.get',
  'devices.slots', 'devices.overview', 'devices.trace', 'devices.traceText', 'devices.scannerCertificate',
  'devices.discoverScanners', 'printer.page', 'drafts.list',
  'stock.lease',
  'receipts.settings',
  'trip.status', 'trip.drives',
]);

/** What a request id may look like (a UUID from the renderer, or any short token). */
export const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** Remembered per session: a resend comes within seconds; a long-open tab must not grow. */
export const MAX_REMEMBERED = 256;
/** How long an answer is remembered. */
export const REMEMBER_MS = 10 * 60_000;

interface Entry { method: string; at: number; result: Promise<Result<unknown>> }

export interface RecentRequests {
  /**
   * Runs `work` once for (session, request id): a repeat while it runs waits for the same
   * answer, a repeat after a success gets that success again. The same id for another
   * method is refused (a renderer bug, not a repeat).
   */
  run(session: object, requestId: string, method: string, work: () => Promise<Result<unknown>>): Promise<Result<unknown>>;
  /** Requests remembered for a session (tests, diagnostics). */
  size(session: object): number;
}

export function createRecentRequests(now: () => number = Date.now, max = MAX_REMEMBERED, rememberMs = REMEMBER_MS): RecentRequests {
  const bySession = new WeakMap<object, Map<string, Entry>>();
  const prune = (m: Map<string, Entry>, t: number): void => {
    // A Map iterates in insertion order: the oldest come first.
    for (const [k, e] of m) {
      if (m.size <= max && t - e.at < rememberMs) break;
      m.delete(k);
    }
  };
  return {
    run(session, requestId, method, work) {
      let m = bySession.get(session);
      if (!m) { m = new Map(); bySession.set(session, m); }
      const t = now();
      prune(m, t);
      const seen = m.get(requestId);
      if (seen) {
        if (seen.method !== method) return Promise.resolve({ ok: false, error: { code: 'bad_input', field: 'requestId', params: { reason: 'request_id_reused' } } });
        return seen.result;
      }
      const result = work();
      const entry: Entry = { method, at: t, result };
      m.set(requestId, entry);
      const map = m;
      void result.then((r) => { if (!r.ok && map.get(requestId) === entry) map.delete(requestId); }, () => { map.delete(requestId); });
      return result;
    },
    size(session) {
      return bySession.get(session)?.size ?? 0;
    },
  };
}
