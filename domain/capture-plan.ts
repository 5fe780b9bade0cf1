// Fingerprint capture plan: pure rules, no I/O. Which fingers, how good is good enough,
// how many tries, what is kept. The capture session drives a reader through this plan;
// the plan only decides.
//
// Rules:
//  - Fingers are captured in plan order; by default both thumbs and both index fingers.
//  - Every attempt is counted, whatever became of it (a failed capture counts too).
//  - The best attempt (highest quality score) is kept; a later, worse one never replaces it.
//  - An attempt at or above the threshold finishes the finger.
//  - After the maximum attempts with nothing at the threshold, the officer decides: accept
//    the best with a reason, mark the finger missing/injured with a reason, or (with a
//    supervisor's say, outside this module) try more.
//  - A finger marked missing or injured needs a reason and is not captured.
//  - The plan is complete when every finger is captured, accepted below the threshold, or
//    marked missing.

import { FINGERS, type Finger } from './catalog';

export { FINGERS, type Finger };

export const DEFAULT_FINGERS: readonly Finger[] = ['right_thumb', 'left_thumb', 'right_index', 'left_index'];

export interface CapturePlanConfig {
  fingers: readonly Finger[];
  /** Quality score (0–100) that finishes a finger. */
  qualityThreshold: number;
  /** Attempts per finger before the officer must decide. */
  maxAttempts: number;
}

export const DEFAULT_PLAN: CapturePlanConfig = { fingers: DEFAULT_FINGERS, qualityThreshold: 50, maxAttempts: 3 };

export type FingerStatus =
  | 'pending' // no usable attempt yet, attempts left
  | 'needs_decision' // max attempts reached, best below threshold
  | 'captured' // an attempt at or above threshold
  | 'accepted_below_threshold' // officer accepted the best below threshold, with a reason
  | 'missing'; // finger missing or injured, with a reason

export type MissingReason = 'amputated' | 'injured' | 'bandaged' | 'other';

export interface AttemptRecord {
  /** 1-based attempt number for this finger. */
  number: number;
  /** Quality score, or null when the attempt failed (no image). */
  score: number | null;
  /** Why the attempt failed (a translation key), when it did. */
  errorKey?: string;
}

export interface FingerPlanState {
  finger: Finger;
  status: FingerStatus;
  attempts: AttemptRecord[];
  /** Number of the best attempt so far (the one kept). */
  bestAttempt?: number;
  bestScore?: number;
  missingReason?: MissingReason;
  /** Free-text note for a missing finger or a below-threshold acceptance. */
  note?: string;
}

export interface CapturePlanState {
  config: CapturePlanConfig;
  fingers: FingerPlanState[];
}

export type PlanError =
  | 'unknown_finger'
  | 'finger_finished'
  | 'no_attempt_to_accept'
  | 'reason_required'
  | 'not_allowed_before_max_attempts';

export type PlanResult = { ok: true; state: CapturePlanState } | { ok: false; error: PlanError };

export function validatePlanConfig(config: CapturePlanConfig): string[] {
  const problems: string[] = [];
  if (config.fingers.length === 0) problems.push('fingers: at least one finger');
  if (new Set(config.fingers).size !== config.fingers.length) problems.push('fingers: a finger is listed twice');
  if (config.fingers.some((f) => !FINGERS.includes(f))) problems.push('fingers: unknown finger');
  if (!(config.qualityThreshold >= 0 && config.qualityThreshold <= 100)) problems.push('qualityThreshold: 0–100');
  if (!(Number.isInteger(config.maxAttempts) && config.maxAttempts >= 1)) problems.push('maxAttempts: at least 1');
  return problems;
}

export function createPlan(config: CapturePlanConfig = DEFAULT_PLAN): CapturePlanState {
  const problems = validatePlanConfig(config);
  if (problems.length > 0) throw new Error(`invalid capture plan: ${problems.join('; ')}`);
  return { config, fingers: config.fingers.map((finger) => ({ finger, status: 'pending', attempts: [] })) };
}

const FINISHED: readonly FingerStatus[] = ['captured', 'accepted_below_threshold', 'missing'];
export const isFinished = (f: FingerPlanState): boolean => FINISHED.includes(f.status);

export function fingerState(state: CapturePlanState, finger: Finger): FingerPlanState | undefined {
  return state.fingers.find((f) => f.finger === finger);
}

/** The next finger to capture: the first pending one in plan order. */
export function nextFinger(state: CapturePlanState): Finger | undefined {
  return state.fingers.find((f) => f.status === 'pending')?.finger;
}

export function isComplete(state: CapturePlanState): boolean {
  return state.fingers.every(isFinished);
}

/** Whether the session may try this finger again (pending, or re-trying a finished one is refused). */
export function canAttempt(state: CapturePlanState, finger: Finger): boolean {
  const f = fingerState(state, finger);
  return f !== undefined && f.status === 'pending';
}

export interface AttemptOutcome {
  state: CapturePlanState;
  /** Whether this attempt is now the kept (best) one. */
  kept: boolean;
  /** What the session should do next for this finger. */
  next: 'done' | 'retry' | 'decide';
}

/** Records an attempt (score, or null for a failed one). */
export function recordAttempt(state: CapturePlanState, finger: Finger, score: number | null, errorKey?: string): { ok: true; outcome: AttemptOutcome } | { ok: false; error: PlanError } {
  const f = fingerState(state, finger);
  if (!f) return { ok: false, error: 'unknown_finger' };
  if (f.status !== 'pending') return { ok: false, error: 'finger_finished' };
  const attempt: AttemptRecord = { number: f.attempts.length + 1, score };
  if (errorKey) attempt.errorKey = errorKey;
  const attempts = [...f.attempts, attempt];
  const kept = score !== null && (f.bestScore === undefined || score > f.bestScore);
  const updated: FingerPlanState = { ...f, attempts };
  if (kept) {
    updated.bestAttempt = attempt.number;
    updated.bestScore = score;
  }
  let next: AttemptOutcome['next'] = 'retry';
  if (score !== null && score >= state.config.qualityThreshold && kept) {
    updated.status = 'captured';
    next = 'done';
  } else if (attempts.length >= state.config.maxAttempts) {
    updated.status = 'needs_decision';
    next = 'decide';
  }
  return { ok: true, outcome: { state: replace(state, updated), kept, next } };
}

/** After the maximum attempts: keep the best one although it is below the threshold. */
export function acceptBest(state: CapturePlanState, finger: Finger, note: string): PlanResult {
  const f = fingerState(state, finger);
  if (!f) return { ok: false, error: 'unknown_finger' };
  if (isFinished(f)) return { ok: false, error: 'finger_finished' };
  if (f.status !== 'needs_decision') return { ok: false, error: 'not_allowed_before_max_attempts' };
  if (f.bestAttempt === undefined) return { ok: false, error: 'no_attempt_to_accept' };
  if (note.trim() === '') return { ok: false, error: 'reason_required' };
  return { ok: true, state: replace(state, { ...f, status: 'accepted_below_threshold', note: note.trim() }) };
}

/** A finger that cannot be captured (missing, injured…); allowed at any time, with a reason. */
export function markMissing(state: CapturePlanState, finger: Finger, reason: MissingReason, note = ''): PlanResult {
  const f = fingerState(state, finger);
  if (!f) return { ok: false, error: 'unknown_finger' };
  if (f.status === 'captured' || f.status === 'accepted_below_threshold') return { ok: false, error: 'finger_finished' };
  if (reason === 'other' && note.trim() === '') return { ok: false, error: 'reason_required' };
  const updated: FingerPlanState = { ...f, status: 'missing', missingReason: reason };
  if (note.trim()) updated.note = note.trim();
  return { ok: true, state: replace(state, updated) };
}

/** Re-opens a finger for capture (e.g. a duplicate was detected: the kept attempt is dropped). */
export function reopenFinger(state: CapturePlanState, finger: Finger): PlanResult {
  const f = fingerState(state, finger);
  if (!f) return { ok: false, error: 'unknown_finger' };
  const { bestAttempt: _a, bestScore: _s, missingReason: _m, note: _n, ...rest } = f;
  return { ok: true, state: replace(state, { ...rest, status: 'pending', attempts: [] }) };
}

/** A finger finished and saved earlier (before a restart), as the enrolment recorded it. */
export interface SavedFinger {
  finger: Finger;
  status: FingerStatus;
  attempts: number;
  score: number | null;
  missingReason?: MissingReason;
  note?: string;
}

/**
 * The plan as it stood when the fingers in `saved` were finished: they stay finished, with
 * their attempt count and kept score; the others start afresh. Only the kept attempt's
 * score survives a restart, so the earlier attempts are restored without scores.
 */
export function restorePlan(config: CapturePlanConfig, saved: readonly SavedFinger[]): CapturePlanState {
  let state = createPlan(config);
  for (const s of saved) {
    const f = fingerState(state, s.finger);
    if (!f || !FINISHED.includes(s.status)) continue;
    const n = Math.max(s.status === 'missing' ? 0 : 1, s.attempts);
    const attempts: AttemptRecord[] = Array.from({ length: n }, (_, i) => ({ number: i + 1, score: i === n - 1 && s.status !== 'missing' ? s.score : null }));
    const restored: FingerPlanState = { finger: s.finger, status: s.status, attempts };
    if (s.status !== 'missing' && s.score !== null) {
      restored.bestAttempt = n;
      restored.bestScore = s.score;
    }
    if (s.missingReason) restored.missingReason = s.missingReason;
    if (s.note) restored.note = s.note;
    state = replace(state, restored);
  }
  return state;
}

export interface PlanSummary {
  total: number;
  captured: number;
  acceptedBelowThreshold: number;
  missing: number;
  remaining: number;
  attempts: number;
}

export function summarize(state: CapturePlanState): PlanSummary {
  const count = (s: FingerStatus): number => state.fingers.filter((f) => f.status === s).length;
  return {
    total: state.fingers.length,
    captured: count('captured'),
    acceptedBelowThreshold: count('accepted_below_threshold'),
    missing: count('missing'),
    remaining: state.fingers.filter((f) => !isFinished(f)).length,
    attempts: state.fingers.reduce((n, f) => n + f.attempts.length, 0),
  };
}

function replace(state: CapturePlanState, updated: FingerPlanState): CapturePlanState {
  return { ...state, fingers: state.fingers.map((f) => (f.finger === updated.finger ? updated : f)) };
}
