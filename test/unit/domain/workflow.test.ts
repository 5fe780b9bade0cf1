import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../../domain/catalog';
import { availableActions, checkAction, WORKFLOW, WORKFLOW_ACTIONS } from '../../../domain/workflow';

describe('the application workflow', () => {
  it('lets each role take only its own steps', () => {
    expect(checkAction('checkIn', 'booked', ['counter'])).toBe('ok');
    expect(checkAction('approve', 'awaiting_approval', ['counter'])).toBe('forbidden');
    expect(checkAction('approve', 'awaiting_approval', ['supervisor'])).toBe('ok');
    expect(checkAction('startPrint', 'approved', ['print'])).toBe('ok');
    expect(checkAction('issue', 'booked', ['admin', 'supervisor', 'print', 'counter'])).toBe('invalid_transition');
    expect(availableActions('issued', ['supervisor'])).toEqual([]);
    expect(availableActions('booked', ['technician'])).toEqual([]);
  });

  it('never lets a counter officer reach approval or approved by any action but submit and resubmit', () => {
    const counter = ['counter'] as const;
    for (const from of STATUSES) {
      for (const name of availableActions(from, counter)) {
        const to = WORKFLOW[name].to;
        if (to === 'awaiting_approval') expect(['submit', 'resubmit']).toContain(name);
        expect(to).not.toBe('approved');
      }
    }
  });

  it('asks for a reason exactly where the history must say why', () => {
    expect(WORKFLOW_ACTIONS.filter((n) => WORKFLOW[n].reason).sort()).toEqual(['cancel', 'reopen', 'return', 'spoil']);
  });

  it('leaves no status a dead end except the two ends of the road', () => {
    const stuck = STATUSES.filter((s) => availableActions(s, ['counter', 'supervisor', 'print']).length === 0);
    expect(stuck.sort()).toEqual(['dispatched', 'issued']);
  });
});
