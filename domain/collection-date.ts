// When the applicant may collect the passport: a configured number of working days after
// the interview. A working day is one that is neither a weekend day nor a closed date
// (national holidays, collective leave if the office closes then, its own closures).
// Dates are ISO calendar dates (the office's day); arithmetic is done in UTC so no
// daylight-saving or time-zone shift can move a date.

export interface WorkingCalendar {
  /** Days of the week the office is closed, 0 = Sunday … 6 = Saturday. */
  weekend: readonly number[];
  /** ISO dates the office is closed. */
  closed: ReadonlySet<string>;
}

export const SATURDAY_SUNDAY: readonly number[] = [0, 6];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(iso: string): Date {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`"${iso}" is not an ISO date (YYYY-MM-DD)`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== iso) throw new RangeError(`"${iso}" is not a real date`);
  return d;
}

const fromUtc = (d: Date): string => d.toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: string): number => toUtc(iso).getUTCDay();

export function isWorkingDay(iso: string, cal: WorkingCalendar): boolean {
  return !cal.weekend.includes(weekday(iso)) && !cal.closed.has(iso);
}

/**
 * The `workingDays`-th working day after `fromIso` (the interview day itself never counts,
 * whether or not it is a working day). 0 gives the interview day.
 */
export function addWorkingDays(fromIso: string, workingDays: number, cal: WorkingCalendar): string {
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > 365) throw new RangeError(`${workingDays} working days: must be 0…365`);
  if (cal.weekend.length >= 7) throw new RangeError('an office closed every day of the week has no working days');
  const d = toUtc(fromIso);
  let left = workingDays;
  let guard = 0;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(fromUtc(d), cal)) left -= 1;
    if (++guard > 3660) throw new RangeError('no working day within ten years: check the closed dates');
  }
  return fromUtc(d);
}
