// Calendar dates as the office writes them. Exports use ISO (2026-11-22); people and some
// spreadsheets write 22/11/2026, 22-11-2026 or, dropping leading zeros, 5/8/1990 — always
// day first, as Indonesia writes dates. Everything is kept as ISO YYYY-MM-DD. A two-digit
// year (31/12/90) is refused, never guessed: 1990 and 2090 are both someone's birth year
// or appointment to a spreadsheet, and a wrong century would pass every later check.

/** The written forms parseDate accepts, for sentences that name them. */
export const DATE_FORMS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'D/M/YYYY'] as const;

export function parseDate(s: string): string | 'format' | 'invalid' | 'two_digit_year' {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[3]), Number(match[4])];
  else if (/^\d{1,2}([/-])\d{1,2}\1\d{2}$/.test(s)) return 'two_digit_year';
  else return 'format';
  if (!isRealDate(y, m, d) || y < 1900 || y > 2100) return 'invalid';
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The local calendar date of an instant (the office's day, not UTC's). */
export function localDate(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

/** "2026-03-17T10:42": an instant to the minute in the station's local time, as the receipts print it. */
export function localStamp(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localDate(at)}T${p(at.getHours())}:${p(at.getMinutes())}`;
}
