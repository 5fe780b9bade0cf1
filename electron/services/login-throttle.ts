// Two brakes on guessing passwords, besides the per-officer lock-out kept in the store:
// - per connection: one attempt at a time (parallel attempts queue behind each other), and
//   a pause once a connection has failed too often, whichever officers it tried;
// - per unknown NIP: the same count and lock-out a real officer gets, so an unknown NIP is
//   answered exactly like a known one (no list of officer IDs can be drawn from answers).
// Kept in memory: a restart forgets them, and the store's lock-out is what survives.
import type { SessionState } from './session';

/** Failed attempts one connection may make within the window before it must wait. */
export const CONNECTION_MAX_FAILURES = 10;
export const CONNECTION_WINDOW_MS = 10 * 60_000;
/** Unknown NIPs remembered at most (oldest forgotten first), so the map cannot grow without end. */
const MAX_PHANTOMS = 10_000;

interface ConnectionLog { failures: number[]; tail: Promise<unknown> }

export class LoginThrottle {
  private readonly connections = new WeakMap<SessionState, ConnectionLog>();
  private readonly phantoms = new Map<string, { failed: number; lockedUntil: number }>();

  private log(session: SessionState): ConnectionLog {
    let l = this.connections.get(session);
    if (!l) this.connections.set(session, (l = { failures: [], tail: Promise.resolve() }));
    return l;
  }

  /** Runs one attempt after the connection's previous one has finished. */
  serial<T>(session: SessionState, attempt: () => Promise<T>): Promise<T> {
    const l = this.log(session);
    const run = l.tail.then(attempt, attempt);
    l.tail = run.catch(() => undefined);
    return run;
  }

  /** Seconds this connection must still wait, or 0. */
  waitSeconds(session: SessionState, now: number): number {
    const l = this.log(session);
    l.failures = l.failures.filter((t) => now - t < CONNECTION_WINDOW_MS);
    if (l.failures.length < CONNECTION_MAX_FAILURES) return 0;
    return Math.max(1, Math.ceil((l.failures[0]! + CONNECTION_WINDOW_MS - now) / 1000));
  }

  failed(session: SessionState, now: number): void {
    this.log(session).failures.push(now);
  }

  /** An unknown NIP: locked minutes left (as for an officer), or null. */
  phantomLocked(nip: string, now: number): number | null {
    const p = this.phantoms.get(nip);
    return p && p.lockedUntil > now ? Math.max(1, Math.ceil((p.lockedUntil - now) / 60_000)) : null;
  }

  /** Counts a failure for an unknown NIP; true when it locks it now. */
  phantomFailed(nip: string, now: number, maxFailed: number, lockoutMinutes: number): boolean {
    const p = this.phantoms.get(nip) ?? { failed: 0, lockedUntil: 0 };
    this.phantoms.delete(nip);
    p.failed += 1;
    const lockNow = p.failed >= maxFailed;
    if (lockNow) { p.failed = 0; p.lockedUntil = now + lockoutMinutes * 60_000; }
    this.phantoms.set(nip, p);
    if (this.phantoms.size > MAX_PHANTOMS) this.phantoms.delete(this.phantoms.keys().next().value!);
    return lockNow;
  }
}
