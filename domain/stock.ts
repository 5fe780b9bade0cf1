// Blank passport books as controlled stock: each serial (the booklet's perforated number,
// printed as the passport number) is in exactly one state, and moves only along the steps
// below. Books are never deleted; a book that cannot be used is spoiled with a reason or
// returned to headquarters. The station applies these rules; the print screen offers only
// what they allow.

export const BOOK_STATES = ['in_stock', 'assigned', 'printed', 'issued', 'spoiled', 'returned'] as const;
export type BookState = (typeof BOOK_STATES)[number];

export const SPOIL_REASONS = ['misprint', 'jam', 'damaged', 'qc_failed'] as const;
export type SpoilReason = (typeof SPOIL_REASONS)[number];

/** Books physically in the office and still blank: what the day's count must find. */
export const ON_HAND: readonly BookState[] = ['in_stock', 'assigned'];

export const BOOK_STEPS = {
  /** Taken for one print job (the operator scanned the book loaded in the printer). */
  assign: { from: ['in_stock'], to: 'assigned' },
  /** The job ended without touching the book (the printer refused it before printing). */
  release: { from: ['assigned'], to: 'in_stock' },
  print: { from: ['assigned'], to: 'printed' },
  issue: { from: ['printed'], to: 'issued' },
  /** Jammed or misprinted in the printer, failed the check, or found damaged in stock. */
  spoil: { from: ['in_stock', 'assigned', 'printed'], to: 'spoiled' },
  returnToHq: { from: ['in_stock'], to: 'returned' },
} as const satisfies Record<string, { from: readonly BookState[]; to: BookState }>;
export type BookStep = keyof typeof BOOK_STEPS;

/** The state a step leads to from this one, or null when the step is not allowed from it. */
export function bookStep(step: BookStep, from: BookState): BookState | null {
  const s: { from: readonly BookState[]; to: BookState } = BOOK_STEPS[step];
  return s.from.includes(from) ? s.to : null;
}

// ---- series and serials -----------------------------------------------------------------

/** A book series as headquarters issues it: which passports it is for and its number format. */
export interface BookSeries {
  id: string;
  passportType: 'ordinary' | 'electronic';
  /** A regular expression the whole serial must match (anchors are added). */
  pattern: string;
  /** A serial of this series, shown to the operator and checked against the pattern. */
  example: string;
}

/** Until headquarters' own are configured: a letter and seven digits, as Indonesian passports carry. */
export const DEFAULT_SERIES: readonly BookSeries[] = [
  { id: 'biasa', passportType: 'ordinary', pattern: '[AB][0-9]{7}', example: 'B1234567' },
  { id: 'elektronik', passportType: 'electronic', pattern: '[CX][0-9]{7}', example: 'C1234567' },
];

/** The MRZ's document number field: at most 9 characters, A–Z and 0–9 (Doc 9303 Part 4). */
const SERIAL_CHARS = /^[A-Z0-9]{1,9}$/;

/** What an operator typed or a scanner sent, as the serial is stored. */
export function normaliseSerial(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s-]/g, '');
}

function compile(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

export type SeriesProblem = 'pattern_invalid' | 'example_mismatch' | 'example_not_mrz' | 'duplicate_id';

/** Why a configured list of series cannot be used, or [] when it can. */
export function seriesProblems(list: readonly BookSeries[]): { id: string; problem: SeriesProblem }[] {
  const out: { id: string; problem: SeriesProblem }[] = [];
  const seen = new Set<string>();
  for (const s of list) {
    if (seen.has(s.id)) out.push({ id: s.id, problem: 'duplicate_id' });
    seen.add(s.id);
    const re = compile(s.pattern);
    if (!re) out.push({ id: s.id, problem: 'pattern_invalid' });
    else if (!re.test(s.example)) out.push({ id: s.id, problem: 'example_mismatch' });
    else if (!SERIAL_CHARS.test(s.example)) out.push({ id: s.id, problem: 'example_not_mrz' });
  }
  return out;
}

/** Whether a serial is of this series: its pattern, and printable as an MRZ document number. */
export function serialFitsSeries(serial: string, series: BookSeries): boolean {
  return SERIAL_CHARS.test(serial) && (compile(series.pattern)?.test(serial) ?? false);
}

/** A serial as a prefix and a number, so ranges and gaps can be counted: "C1234567" → C, 1234567. */
export function splitSerial(serial: string): { prefix: string; n: number; width: number } | null {
  const m = /^(.*?)(\d+)$/.exec(serial);
  if (!m || m[2]!.length > 15) return null;
  return { prefix: m[1]!, n: Number(m[2]), width: m[2]!.length };
}

export const MAX_RANGE = 2000;
export type RangeProblem = 'not_numbered' | 'prefix_differs' | 'reversed' | 'too_many';

/** Every serial from first to last (inclusive), as a delivery lists them; or why not. */
export function expandRange(first: string, last: string): { ok: true; serials: string[] } | { ok: false; problem: RangeProblem } {
  const a = splitSerial(first);
  const b = splitSerial(last);
  if (!a || !b) return { ok: false, problem: 'not_numbered' };
  if (a.prefix !== b.prefix || a.width !== b.width) return { ok: false, problem: 'prefix_differs' };
  if (b.n < a.n) return { ok: false, problem: 'reversed' };
  if (b.n - a.n + 1 > MAX_RANGE) return { ok: false, problem: 'too_many' };
  const serials: string[] = [];
  for (let n = a.n; n <= b.n; n++) serials.push(a.prefix + String(n).padStart(a.width, '0'));
  return { ok: true, serials };
}

/** Orders serials as books are numbered: by prefix, then by number (not as text). */
export function compareSerials(x: string, y: string): number {
  const a = splitSerial(x);
  const b = splitSerial(y);
  if (!a || !b || a.prefix !== b.prefix) return x < y ? -1 : x > y ? 1 : 0;
  return a.n - b.n;
}
