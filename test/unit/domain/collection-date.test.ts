// Collection dates over Indonesia's real 2026 calendar (SKB 3 Menteri Nomor 1497, 2 and 5
// Tahun 2025): weekends, national holidays and collective leave days never count.
import { describe, expect, it } from 'vitest';
import { SATURDAY_SUNDAY, addWorkingDays, isWorkingDay, weekday } from '../../../domain/collection-date';
import { HOLIDAYS_ID_2026 } from '../../../domain/holidays-id';
import { formatDateId } from '../../../domain/receipt-layout';

const all = { weekend: SATURDAY_SUNDAY, closed: new Set(HOLIDAYS_ID_2026.map((h) => h.date)) };
const nationalOnly = { weekend: SATURDAY_SUNDAY, closed: new Set(HOLIDAYS_ID_2026.filter((h) => h.kind === 'national').map((h) => h.date)) };
const none = { weekend: SATURDAY_SUNDAY, closed: new Set<string>() };

describe('the 2026 holiday data', () => {
  it('holds the decree\'s 17 national holidays and 8 collective leave days, on the weekdays it names', () => {
    expect(HOLIDAYS_ID_2026.filter((h) => h.kind === 'national')).toHaveLength(17);
    expect(HOLIDAYS_ID_2026.filter((h) => h.kind === 'collective_leave')).toHaveLength(8);
    // The decree names the day of the week: 1 Jan Thursday, 21 Mar Saturday, 17 Aug Monday, 25 Dec Friday.
    expect(['2026-01-01', '2026-03-21', '2026-08-17', '2026-12-25'].map(weekday)).toEqual([4, 6, 1, 5]);
    const dates = HOLIDAYS_ID_2026.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('working days', () => {
  it('weekends and holidays are not working days', () => {
    expect(isWorkingDay('2026-03-16', all)).toBe(true); // Monday
    expect(isWorkingDay('2026-03-14', all)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-19', all)).toBe(false); // Nyepi
    expect(isWorkingDay('2026-03-18', all)).toBe(false); // collective leave
    expect(isWorkingDay('2026-03-18', nationalOnly)).toBe(true);
  });

  it('an ordinary week: 4 working days after Monday 2 Feb is Friday 6 Feb', () => {
    expect(addWorkingDays('2026-02-02', 4, all)).toBe('2026-02-06');
  });

  it('crosses a weekend: 3 working days after Thursday 5 Feb is Tuesday 10 Feb', () => {
    expect(addWorkingDays('2026-02-05', 3, all)).toBe('2026-02-10');
  });

  it('crosses Idul Fitri 1447 H: 3 working days after Monday 16 Mar is Thursday 26 Mar', () => {
    // 17 Tue ✓, 18 collective leave, 19 Nyepi, 20 collective leave, 21–22 Idul Fitri (weekend too),
    // 23–24 collective leave, 25 Wed ✓, 26 Thu ✓ → the third working day is 26 March.
    expect(addWorkingDays('2026-03-16', 3, all)).toBe('2026-03-26');
    // without the collective leave days the office would be open on 18, 20, 23 March
    expect(addWorkingDays('2026-03-16', 3, nationalOnly)).toBe('2026-03-20');
    expect(addWorkingDays('2026-03-16', 3, none)).toBe('2026-03-19');
  });

  it('crosses Ascension and Idul Adha in May: 5 working days after Wednesday 13 May is Friday 22 May', () => {
    // 14 holiday, 15 collective leave, 16–17 weekend, 18–22 Mon–Fri.
    expect(addWorkingDays('2026-05-13', 5, all)).toBe('2026-05-22');
    // 10 days: 18–22 (5), 25, 26 (7), 27 Idul Adha, 28 leave, 29 (8), 1 Jun Pancasila, 2, 3 (10)
    expect(addWorkingDays('2026-05-13', 10, all)).toBe('2026-06-03');
  });

  it('crosses Christmas: 3 working days after Wednesday 23 Dec 2026 is Wednesday 30 Dec', () => {
    // 24 collective leave, 25 Christmas, 26–27 weekend, 28 ✓, 29 ✓, 30 ✓
    expect(addWorkingDays('2026-12-23', 3, all)).toBe('2026-12-30');
  });

  it('an interview on a closed day counts from the next working day; 0 days is the interview day', () => {
    expect(addWorkingDays('2026-03-21', 1, all)).toBe('2026-03-25');
    expect(addWorkingDays('2026-03-21', 0, all)).toBe('2026-03-21');
  });

  it('refuses dates and counts that make no sense', () => {
    expect(() => addWorkingDays('2026-02-30', 1, all)).toThrow(RangeError);
    expect(() => addWorkingDays('17/03/2026', 1, all)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-17', -1, all)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-17', 1, { weekend: [0, 1, 2, 3, 4, 5, 6], closed: new Set() })).toThrow(RangeError);
  });

  it('formats the date in Indonesian as the receipt prints it', () => {
    expect(formatDateId('2026-03-26')).toBe('Kamis, 26 Maret 2026');
    expect(formatDateId('2026-08-17')).toBe('Senin, 17 Agustus 2026');
  });
});
