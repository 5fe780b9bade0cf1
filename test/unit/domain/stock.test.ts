// The rules of blank-book stock: the steps a book may take, the series check, ranges, and the
// day's reconciliation arithmetic with its gaps and out-of-order uses.
import { describe, expect, it } from 'vitest';
import { BOOK_STATES, BOOK_STEPS, DEFAULT_SERIES, bookStep, compareSerials, expandRange, normaliseSerial, serialFitsSeries, seriesProblems } from '../../../domain/stock';
import type { BookState } from '../../../domain/stock';
import { reconcile, reconciliationCsv, type BookEvent } from '../../../domain/stock-reconciliation';

describe('a book\'s steps', () => {
  it('allows exactly these moves, and nothing leaves issued, spoiled or returned', () => {
    const allowed: string[] = [];
    for (const step of Object.keys(BOOK_STEPS) as (keyof typeof BOOK_STEPS)[]) {
      for (const from of BOOK_STATES) {
        const to = bookStep(step, from);
        if (to) allowed.push(`${from}→${to}`);
      }
    }
    expect(allowed.sort()).toEqual([
      'assigned→in_stock', 'assigned→printed', 'assigned→spoiled', 'in_stock→assigned', 'in_stock→returned', 'in_stock→spoiled',
      'printed→issued', 'printed→spoiled',
    ]);
    for (const end of ['issued', 'spoiled', 'returned'] as BookState[]) {
      for (const step of Object.keys(BOOK_STEPS) as (keyof typeof BOOK_STEPS)[]) expect(bookStep(step, end)).toBeNull();
    }
  });

  it('prints only an assigned book, so a book never jumps from the pile to printed', () => {
    expect(bookStep('print', 'in_stock')).toBeNull();
    expect(bookStep('print', 'assigned')).toBe('printed');
    expect(bookStep('assign', 'assigned')).toBeNull();
  });
});

describe('series and serials', () => {
  it('checks a serial against its series pattern and the MRZ document-number alphabet', () => {
    const e = DEFAULT_SERIES.find((s) => s.passportType === 'electronic')!;
    expect(serialFitsSeries('C1234567', e)).toBe(true);
    expect(serialFitsSeries('C123456', e)).toBe(false);
    expect(serialFitsSeries('B1234567', e)).toBe(false);
    // Anchored: a longer serial that contains a match does not fit.
    expect(serialFitsSeries('XC12345678', e)).toBe(false);
    expect(serialFitsSeries('c1234567', { ...e, pattern: '[a-z][0-9]{7}' })).toBe(false);
    expect(normaliseSerial(' c 123-4567 ')).toBe('C1234567');
  });

  it('refuses a configuration whose pattern is broken or whose example does not fit', () => {
    expect(seriesProblems(DEFAULT_SERIES)).toEqual([]);
    expect(seriesProblems([{ id: 'a', passportType: 'ordinary', pattern: '[A-', example: 'A1' }])).toEqual([{ id: 'a', problem: 'pattern_invalid' }]);
    expect(seriesProblems([{ id: 'a', passportType: 'ordinary', pattern: 'A[0-9]{3}', example: 'A12' }])).toEqual([{ id: 'a', problem: 'example_mismatch' }]);
    expect(seriesProblems([{ id: 'a', passportType: 'ordinary', pattern: '.{10}', example: 'A123456789' }])).toEqual([{ id: 'a', problem: 'example_not_mrz' }]);
  });

  it('expands a delivery range keeping leading zeros, and refuses odd ranges', () => {
    expect(expandRange('C0000098', 'C0000101')).toEqual({ ok: true, serials: ['C0000098', 'C0000099', 'C0000100', 'C0000101'] });
    expect(expandRange('C0000101', 'C0000098')).toEqual({ ok: false, problem: 'reversed' });
    expect(expandRange('C0000001', 'X0000009')).toEqual({ ok: false, problem: 'prefix_differs' });
    expect(expandRange('C0000001', 'C0009999')).toEqual({ ok: false, problem: 'too_many' });
    expect(expandRange('CX', 'CY')).toEqual({ ok: false, problem: 'not_numbered' });
    expect(['C10', 'C9', 'C100'].sort(compareSerials)).toEqual(['C9', 'C10', 'C100']);
  });
});

describe('the day\'s reconciliation', () => {
  const ev = (serial: string, from: BookState | null, to: BookState, at: string): BookEvent => ({ serial, from, to, at });
  const D = '2026-12-07';
  const start = '2026-12-06T17:00:00.000Z';
  const end = '2026-12-07T17:00:00.000Z';
  const yesterday = '2026-12-06T03:00:00.000Z';
  const t = (h: number) => `2026-12-07T0${h}:00:00.000Z`;
  // Ten books received yesterday (C101–C110); five today (C111–C115).
  const history: BookEvent[] = [
    ...Array.from({ length: 10 }, (_, i) => ev(`C${101 + i}`, null, 'in_stock', yesterday)),
    ev('C101', 'in_stock', 'assigned', yesterday), ev('C101', 'assigned', 'printed', yesterday),
    ...Array.from({ length: 5 }, (_, i) => ev(`C${111 + i}`, null, 'in_stock', t(1))),
    ev('C102', 'in_stock', 'assigned', t(2)), ev('C102', 'assigned', 'printed', t(2)),
    ev('C103', 'in_stock', 'assigned', t(3)), ev('C103', 'assigned', 'spoiled', t(3)), // jam
    ev('C105', 'in_stock', 'assigned', t(4)), ev('C105', 'assigned', 'printed', t(4)), // C104 skipped
    ev('C105', 'printed', 'spoiled', t(5)), // failed the check
    ev('C101', 'printed', 'issued', t(5)),
    ev('C115', 'in_stock', 'returned', t(6)),
    ev('C106', 'in_stock', 'assigned', t(7)), // loaded, not yet printed at the close
    ev('C107', 'in_stock', 'assigned', '2026-12-07T20:00:00.000Z'), // tomorrow: not counted
  ];

  it('balances opening + received − printed − spoiled − returned against the books on hand', () => {
    const r = reconcile(D, history, start, end);
    expect(r).toMatchObject({ opening: 9, received: 5, printed: 2, spoiled: 1, returned: 1, closing: 10, onHand: 10, balanced: true, spoiledAfterPrint: 1 });
    expect(r.byState).toEqual({ in_stock: 9, assigned: 1, printed: 1, issued: 1, spoiled: 2, returned: 1 });
    // Every book received is in exactly one state.
    expect(Object.values(r.byState).reduce((a, b) => a + b, 0)).toBe(15);
  });

  it('lists a serial skipped while a higher one was used, and a use out of order', () => {
    const r = reconcile(D, [...history, ev('C104', 'in_stock', 'assigned', t(8)), ev('C104', 'assigned', 'printed', t(8))], start, end);
    expect(r.gaps).toEqual([]);
    expect(r.outOfOrder).toEqual([{ serial: 'C104', after: 'C105' }]);
    const missing = reconcile(D, history, start, end);
    expect(missing.gaps).toEqual(['C104']);
  });

  it('writes the figures, the gaps and the out-of-order uses as CSV', () => {
    const csv = reconciliationCsv(reconcile(D, history, start, end));
    expect(csv.split('\r\n')).toEqual(expect.arrayContaining(['opening,9', 'closing,10', 'balanced,yes', 'gap,C104', 'state_returned,1']));
  });
});
