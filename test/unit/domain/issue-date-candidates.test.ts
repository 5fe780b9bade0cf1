// The old passport's issue date offered from its MRZ expiry (same day and month, 5 or 10
// years before), as on an Indonesian book: e.g. issued 2019-08-21, expires 2024-08-21.
import { describe, expect, it } from 'vitest';
import { issueDateCandidates } from '../../../domain/service-step';

describe('issueDateCandidates', () => {
  it('offers 5 and 10 years before the expiry, same day and month', () => {
    expect(issueDateCandidates('2024-08-21', '2026-12-07')).toEqual([{ years: 5, date: '2019-08-21' }, { years: 10, date: '2014-08-21' }]);
  });
  it('never a date after today (a 10-year book expiring in 2034 was issued in 2024, not 2029)', () => {
    expect(issueDateCandidates('2034-01-10', '2026-12-07')).toEqual([{ years: 10, date: '2024-01-10' }]);
  });
  it('29 February in a year that has none falls to the 28th', () => {
    expect(issueDateCandidates('2028-02-29', '2026-12-07')).toEqual([{ years: 5, date: '2023-02-28' }, { years: 10, date: '2018-02-28' }]);
    expect(issueDateCandidates('2030-02-28', '2026-12-07')[0]).toEqual({ years: 5, date: '2025-02-28' });
  });
  it('nothing without a readable expiry', () => {
    expect(issueDateCandidates(null, '2026-12-07')).toEqual([]);
    expect(issueDateCandidates('24-08-21', '2026-12-07')).toEqual([]);
  });
});
