// The office's rules as a table of cases: each refusal, and the neighbouring case allowed.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../domain/change-format';
import { officeRefusal, stepExists } from '../../../domain/office-rules';

const change = (table: string, values: Change['values'], op: Change['op'] = 'upsert'): Change =>
  ({ format: 1, changeId: 's:1', stationId: 's', table, rowId: 'r1', op, values, hlc: '0000019af000-000000-s' });
const row = (vals: Record<string, string>) => ({ vals });

describe('office rules', () => {
  it('knows the steps of the workflow table', () => {
    expect(stepExists('awaiting_approval', 'approved')).toBe(true);
    expect(stepExists('awaiting_approval', 'returned')).toBe(true);
    expect(stepExists('approved', 'returned')).toBe(false);
    expect(stepExists('issued', 'booked')).toBe(false);
  });

  it('refuses a status change that no step leads to, and one taken from a status the office no longer holds', () => {
    expect(officeRefusal(change('appointments', { status: 'returned' }), { current: row({ status: 'approved' }) })?.code).toBe('step_invalid');
    expect(officeRefusal(change('appointments', { status: 'approved' }), { current: row({ status: 'printed' }), stepFrom: 'awaiting_approval' })?.code).toBe('step_stale');
    expect(officeRefusal(change('appointments', { status: 'approved' }), { current: row({ status: 'awaiting_approval' }), stepFrom: 'awaiting_approval' })).toBeNull();
    expect(officeRefusal(change('appointments', { status: 'booked', full_name: 'A' }), {})).toBeNull();
  });

  it('freezes an application from submission on, and lets a returned one be corrected', () => {
    expect(officeRefusal(change('appointments', { full_name: 'B' }), { current: row({ status: 'approved', full_name: 'A' }) })?.code).toBe('fields_frozen');
    expect(officeRefusal(change('appointments', { full_name: 'A' }), { current: row({ status: 'approved', full_name: 'A' }) })).toBeNull();
    expect(officeRefusal(change('appointments', { full_name: 'B' }), { current: row({ status: 'returned', full_name: 'A' }) })).toBeNull();
    expect(officeRefusal(change('enrolments', { data: '{"x":2}', updated_at: 't2' }), { current: row({ data: '{"x":1}' }), application: row({ status: 'awaiting_approval' }) })?.code).toBe('fields_frozen');
    expect(officeRefusal(change('enrolments', { data: '{"x":2}' }), { current: row({ data: '{"x":1}' }), application: row({ status: 'in_enrolment' }) })).toBeNull();
  });

  it('keeps a step in the history only if the office took it', () => {
    const ev = change('appointment_events', { appointment_id: 'a1', from_status: 'awaiting_approval', to_status: 'returned' });
    expect(officeRefusal(ev, { application: row({ status: 'approved' }) })?.code).toBe('step_stale');
    expect(officeRefusal(ev, { application: row({ status: 'returned' }) })).toBeNull();
  });
});
