// Dates as booking exports and people write them: ISO, or day first with one or two digits
// for day and month; a two-digit year is named, never guessed.
import { beforeAll, describe, expect, it } from 'vitest';
import { localStamp, parseDate } from '../../../domain/dates';
import { loadPhoneRules, normalisePhone } from '../../../electron/services/appointment-phone';

// The numbering plans load on first need, not at the station's start.
beforeAll(() => loadPhoneRules());

describe('localStamp', () => {
  it('writes an instant to the minute in local time, as the receipts print it', () => {
    expect(localStamp(new Date(2026, 2, 17, 10, 42, 59))).toBe('2026-03-17T10:42');
    expect(localStamp(new Date(2026, 11, 31, 0, 5))).toBe('2026-12-31T00:05');
  });
});

describe('parseDate', () => {
  it.each([
    ['1990-08-05', '1990-08-05'],
    ['05/08/1990', '1990-08-05'],
    ['5/8/1990', '1990-08-05'],
    ['31/12/1990', '1990-12-31'],
    ['5-8-1990', '1990-08-05'],
  ])('%s → %s', (written, iso) => expect(parseDate(written)).toBe(iso));

  it('refuses a two-digit year by name, and other shapes as format', () => {
    expect(parseDate('31/12/90')).toBe('two_digit_year');
    expect(parseDate('5/8/90')).toBe('two_digit_year');
    expect(parseDate('5/8-1990')).toBe('format');
    expect(parseDate('1990/08/05')).toBe('format');
    expect(parseDate('5 Agustus 1990')).toBe('format');
  });

  it('day first: 12/31/1990 is no date', () => {
    expect(parseDate('12/31/1990')).toBe('invalid');
    expect(parseDate('30/2/1990')).toBe('invalid');
  });
});

describe('normalisePhone', () => {
  it.each([
    ['081234567890', '+6281234567890', false],
    ['6281234567890', '+6281234567890', false],
    ['+6281234567890', '+6281234567890', false],
    ['+62 812-3456-7890', '+6281234567890', false],
    ['81234567890', '+6281234567890', true],
    ['(021) 5551234', '+62215551234', false],
  ])('%s → %s', (written, e164, zeroRestored) => expect(normalisePhone(written)).toEqual({ ok: true, e164, zeroRestored }));

  it('refuses what is no phone number', () => {
    for (const bad of ['12345', '08123', 'abc', '0812345678901234', '+', '']) expect(normalisePhone(bad), bad).toEqual({ ok: false });
  });
});
