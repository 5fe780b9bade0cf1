import { describe, expect, it } from 'vitest';
import { checkTransition, nextSteps } from '../../../domain/appointment-status';

describe('application steps', () => {
  it('lets each role take only its own steps', () => {
    expect(checkTransition('booked', 'checked_in', ['counter'])).toBe('ok');
    expect(checkTransition('awaiting_approval', 'approved', ['counter'])).toBe('forbidden');
    expect(checkTransition('awaiting_approval', 'approved', ['supervisor'])).toBe('ok');
    expect(checkTransition('approved', 'printing', ['print'])).toBe('ok');
    expect(checkTransition('booked', 'issued', ['admin', 'supervisor', 'print', 'counter'])).toBe('invalid_transition');
    expect(nextSteps('issued', ['supervisor'])).toEqual([]);
    expect(nextSteps('booked', ['technician'])).toEqual([]);
  });
});
