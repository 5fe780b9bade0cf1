// MRZ dates are YYMMDD with no century. We resolve the century the way a counter officer
// would: a birth date lies in the past (so "250101" read in 2026 is 2025, "300101" is 1930);
// an expiry date leans to the future (20YY unless that is more than 50 years ahead, so a
// book from 1998 still reads as expired, not as valid until 2098).

export type MrzDateKind = 'birth' | 'expiry';

const EXPIRY_HORIZON_YEARS = 50;

/** ISO YYYY-MM-DD for a YYMMDD field, or null when it holds fillers or is no calendar date. */
export function mrzDateToIso(yymmdd: string, kind: MrzDateKind, today: Date = new Date()): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  let year = 2000 + yy;
  if (kind === 'birth') {
    const todayKey = today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
    if (year * 10000 + mm * 100 + dd > todayKey) year -= 100;
  } else if (year > today.getUTCFullYear() + EXPIRY_HORIZON_YEARS) {
    year -= 100;
  }
  if (!isCalendarDate(year, mm, dd)) return null;
  return `${year}-${pad2(mm)}-${pad2(dd)}`;
}

/** YYMMDD for an ISO date (the century is dropped, as the MRZ does). */
export function isoToMrzDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return null;
  return `${y!.slice(2)}${mo}${d}`;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
