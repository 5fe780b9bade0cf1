import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLAN, acceptBest, canAttempt, createPlan, fingerState, isComplete, markMissing, nextFinger, recordAttempt, reopenFinger, restorePlan, summarize, validatePlanConfig,
} from '../../../domain/capture-plan';
import type { CapturePlanState, Finger } from '../../../domain/capture-plan';

const record = (s: CapturePlanState, f: Finger, score: number | null) => {
  const r = recordAttempt(s, f, score, score === null ? 'device.zfm.no_finger' : undefined);
  if (!r.ok) throw new Error(r.error);
  return r.outcome;
};

describe('capture plan', () => {
  it('defaults to both thumbs and both index fingers, in that order', () => {
    const s = createPlan();
    expect(s.fingers.map((f) => f.finger)).toEqual(['right_thumb', 'left_thumb', 'right_index', 'left_index']);
    expect(nextFinger(s)).toBe('right_thumb');
    expect(DEFAULT_PLAN).toMatchObject({ qualityThreshold: 50, maxAttempts: 3 });
  });

  it('refuses a plan that makes no sense', () => {
    expect(validatePlanConfig({ fingers: [], qualityThreshold: 120, maxAttempts: 0 })).toHaveLength(3);
    expect(() => createPlan({ fingers: ['left_thumb', 'left_thumb'], qualityThreshold: 50, maxAttempts: 3 })).toThrow(/twice/);
  });

  it('finishes a finger on the first attempt at or above the threshold', () => {
    const o = record(createPlan(), 'right_thumb', 50);
    expect(o).toMatchObject({ kept: true, next: 'done' });
    expect(fingerState(o.state, 'right_thumb')).toMatchObject({ status: 'captured', bestScore: 50, bestAttempt: 1 });
    expect(nextFinger(o.state)).toBe('left_thumb');
  });

  it('counts every attempt, failed ones included, and keeps the best', () => {
    let s = createPlan();
    s = record(s, 'right_thumb', 30).state;
    s = record(s, 'right_thumb', null).state;
    const o = record(s, 'right_thumb', 20);
    const f = fingerState(o.state, 'right_thumb')!;
    expect(f.attempts.map((a) => a.score)).toEqual([30, null, 20]);
    expect(f.attempts[1]!.errorKey).toBe('device.zfm.no_finger');
    expect(f).toMatchObject({ bestAttempt: 1, bestScore: 30, status: 'needs_decision' });
    expect(o).toMatchObject({ kept: false, next: 'decide' });
    expect(canAttempt(o.state, 'right_thumb')).toBe(false);
    expect(recordAttempt(o.state, 'right_thumb', 90)).toEqual({ ok: false, error: 'finger_finished' });
  });

  it('accepts the best below threshold only after the maximum, and only with a reason', () => {
    let s = createPlan();
    s = record(s, 'right_thumb', 30).state;
    expect(acceptBest(s, 'right_thumb', 'dry skin')).toEqual({ ok: false, error: 'not_allowed_before_max_attempts' });
    s = record(s, 'right_thumb', 35).state;
    s = record(s, 'right_thumb', 10).state;
    expect(acceptBest(s, 'right_thumb', '  ')).toEqual({ ok: false, error: 'reason_required' });
    const r = acceptBest(s, 'right_thumb', 'dry skin');
    expect(r.ok && fingerState(r.state, 'right_thumb')).toMatchObject({ status: 'accepted_below_threshold', bestAttempt: 2, note: 'dry skin' });
  });

  it('refuses to accept when every attempt failed', () => {
    let s = createPlan();
    for (let i = 0; i < 3; i++) s = record(s, 'left_thumb', null).state;
    expect(acceptBest(s, 'left_thumb', 'x')).toEqual({ ok: false, error: 'no_attempt_to_accept' });
  });

  it('marks a finger missing or injured with a reason; "other" needs a note', () => {
    const s = createPlan();
    expect(markMissing(s, 'left_index', 'other')).toEqual({ ok: false, error: 'reason_required' });
    const r = markMissing(s, 'left_index', 'amputated');
    expect(r.ok && fingerState(r.state, 'left_index')).toMatchObject({ status: 'missing', missingReason: 'amputated' });
    const captured = record(s, 'right_thumb', 80).state;
    expect(markMissing(captured, 'right_thumb', 'injured')).toEqual({ ok: false, error: 'finger_finished' });
    expect(markMissing(s, 'right_ring', 'injured')).toEqual({ ok: false, error: 'unknown_finger' });
  });

  it('is complete when every finger is captured, accepted or missing; summarises', () => {
    let s = createPlan({ fingers: ['right_thumb', 'left_thumb', 'right_index'], qualityThreshold: 60, maxAttempts: 2 });
    s = record(s, 'right_thumb', 70).state;
    s = record(s, 'left_thumb', 40).state;
    s = record(s, 'left_thumb', 45).state;
    expect(isComplete(s)).toBe(false);
    const a = acceptBest(s, 'left_thumb', 'scar');
    if (!a.ok) throw new Error(a.error);
    const m = markMissing(a.state, 'right_index', 'bandaged');
    if (!m.ok) throw new Error(m.error);
    expect(isComplete(m.state)).toBe(true);
    expect(nextFinger(m.state)).toBeUndefined();
    expect(summarize(m.state)).toEqual({ total: 3, captured: 1, acceptedBelowThreshold: 1, missing: 1, remaining: 0, attempts: 3 });
  });

  it('reopens a finger from scratch', () => {
    const s = record(createPlan(), 'right_thumb', 90).state;
    const r = reopenFinger(s, 'right_thumb');
    expect(r.ok && fingerState(r.state, 'right_thumb')).toEqual({ finger: 'right_thumb', status: 'pending', attempts: [] });
  });

  it('never mutates the state it is given', () => {
    const s = createPlan();
    const frozen = JSON.stringify(s);
    record(s, 'right_thumb', 90);
    markMissing(s, 'left_thumb', 'injured');
    expect(JSON.stringify(s)).toBe(frozen);
  });

  it('restores the fingers saved before a restart as finished, the others afresh', () => {
    const s = restorePlan(DEFAULT_PLAN, [
      { finger: 'right_thumb', status: 'captured', attempts: 2, score: 81 },
      { finger: 'left_thumb', status: 'missing', attempts: 0, score: null, missingReason: 'bandaged', note: 'perban' },
      { finger: 'right_index', status: 'pending', attempts: 0, score: null },
      { finger: 'right_little', status: 'captured', attempts: 1, score: 90 },
    ]);
    expect(fingerState(s, 'right_thumb')).toMatchObject({ status: 'captured', bestScore: 81, bestAttempt: 2, attempts: [{ number: 1, score: null }, { number: 2, score: 81 }] });
    expect(fingerState(s, 'left_thumb')).toMatchObject({ status: 'missing', missingReason: 'bandaged', note: 'perban', attempts: [] });
    expect(fingerState(s, 'right_index')).toMatchObject({ status: 'pending', attempts: [] });
    expect(fingerState(s, 'right_little')).toBeUndefined();
    expect(nextFinger(s)).toBe('right_index');
    expect(canAttempt(s, 'right_thumb')).toBe(false);
  });
});
