// The waiting-room display: a page of the browser host on a TV that shows the latest calls
// (queue number and counter, never a name) and chimes. It has its own read-only token —
// not an officer's session — which opens only a socket that receives these calls and can
// send nothing: a TV left in a public room exposes no session, no method and no applicant.
// The token is random per station run (a restart revokes every open display).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { QueueCall } from '../contract-types';
import type { Store } from '../store/store';
import { localDate } from '../../domain/dates';

/** How many calls the display lists (the newest large, the others below). */
export const DISPLAY_CALLS = 8;

export type CallsListener = (calls: QueueCall[]) => void;

export class WaitingRoom {
  private readonly token = randomBytes(32).toString('base64url');
  private readonly listeners = new Set<CallsListener>();

  constructor(private readonly store: Store, private readonly now: () => Date) {}

  /** The display's address path; the token rides in the fragment, which no request carries. */
  path(): string {
    return `/display.html#token=${this.token}`;
  }

  valid(token: unknown): boolean {
    if (typeof token !== 'string') return false;
    const a = createHash('sha256').update(token).digest();
    const b = createHash('sha256').update(this.token).digest();
    return timingSafeEqual(a, b);
  }

  /** Today's latest calls, newest first. */
  recent(): QueueCall[] {
    const since = new Date(`${localDate(this.now())}T00:00:00`).toISOString();
    return this.store.queueCalls.recent(since, DISPLAY_CALLS);
  }

  onCalls(listener: CallsListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /** After a call is committed: every open display gets the new list. */
  announce(): void {
    if (this.listeners.size === 0) return;
    const calls = this.recent();
    for (const l of this.listeners) {
      try { l(calls); } catch { /* one broken display must not stop the others */ }
    }
  }
}
