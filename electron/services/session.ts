// One officer session per window or browser connection. The station, not the screen,
// decides whether a session is logged in, locked or idle: the screen only mirrors it.
import type { BatchGrant } from '../../domain/review';

export class SessionState {
  officerId: string | null = null;
  locked = false;
  lastActivity: number;
  /** The enrolment this session's screen has open: only it receives that enrolment's capture
   * and the MRZ reader's reads (see electron/event-access.ts). */
  openEnrolment: string | null = null;
  /** The supervisor's approval batch, unlocked by their password (review.unlockBatch): held
   * only here, so it ends with the session, a lock, or another officer taking over. */
  batchGrant: BatchGrant | null = null;

  constructor(now: number) {
    this.lastActivity = now;
  }

  get loggedIn(): boolean {
    return this.officerId !== null;
  }

  logIn(officerId: string, now: number): void {
    // Another officer taking over (unlock as someone else) starts from the queue.
    if (this.officerId !== officerId) this.openEnrolment = null;
    this.batchGrant = null;
    this.officerId = officerId;
    this.locked = false;
    this.lastActivity = now;
  }

  logOut(): void {
    this.officerId = null;
    this.locked = false;
    this.openEnrolment = null;
    this.batchGrant = null;
  }

  /** An open session whose officer has done nothing for the idle limit. */
  isIdle(now: number, idleMinutes: number): boolean {
    return this.officerId !== null && !this.locked && now - this.lastActivity >= idleMinutes * 60_000;
  }
}
