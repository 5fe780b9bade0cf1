// The supervisor's review: why an enrolment may be returned, the batch a password unlocks,
// and the backlog past which the counters are warned. The station enforces these; the
// review screen offers exactly the same list and limits.

/**
 * Why an enrolment goes back to the counter. The screens translate each as
 * `review.returnReason.<code>`; the history and the day's numbers keep the code, so returns
 * can be counted by reason whatever the officer's language.
 */
export const RETURN_REASONS = [
  'photo', 'fingerprints', 'documents_missing', 'documents_unreadable', 'data_mismatch', 'mrz', 'payment', 'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Only "other" says nothing by itself: its free text is required. */
export function returnNeedsNote(code: ReturnReason): boolean {
  return code === 'other';
}

/**
 * Approving needs the supervisor's password again for each batch: at most this many
 * approvals, within this many minutes of the password (as MOSIP's registration client does
 * for its end-of-day approval), so a screen left unlocked cannot be used to approve.
 */
export const BATCH_MAX_APPROVALS = 50;
export const BATCH_MINUTES = 15;

export interface BatchGrant {
  id: string;
  officerId: string;
  /** Epoch milliseconds. */
  grantedAt: number;
  expiresAt: number;
  /** Approvals still allowed in this batch. */
  remaining: number;
}

export type GrantProblem = 'batch_needed' | 'batch_expired' | 'batch_used_up';

export function newGrant(id: string, officerId: string, nowMs: number): BatchGrant {
  return { id, officerId, grantedAt: nowMs, expiresAt: nowMs + BATCH_MINUTES * 60_000, remaining: BATCH_MAX_APPROVALS };
}

/** Why this grant cannot approve now for this officer, or null when it can. */
export function grantProblem(grant: BatchGrant | null, officerId: string, nowMs: number): GrantProblem | null {
  if (!grant || grant.officerId !== officerId) return 'batch_needed';
  if (nowMs >= grant.expiresAt) return 'batch_expired';
  if (grant.remaining <= 0) return 'batch_used_up';
  return null;
}

/** Past this many enrolments awaiting approval the counters are told (settings override it). */
export const DEFAULT_BACKLOG_LIMIT = 50;
