// Where a document's zone starts: the shape of the first line of each format (ICAO 9303
// Parts 4–7). A reader resynchronises on it after stray bytes, and a half-read swipe is
// told apart from the next document by it. The shapes are chosen so that no later line of
// the same format can match: TD3/MRV-A and TD2/MRV-B first lines hold only letters and
// fillers (document code, issuing state, name), while their second lines always hold digits
// (check digits); a TD1 first line holds the document number's check digit, while the TD1
// name line never holds a digit and the TD1 second line starts with the birth date.
import type { MrzFormat } from './mrz-types';

/** Line length of each format (MRV-A shares TD3's 44, MRV-B TD2's 36). */
export const MRZ_LINE_LENGTH: Record<MrzFormat, number> = { TD1: 30, TD2: 36, TD3: 44 };

const FIRST_LINE: Record<MrzFormat, RegExp> = {
  // P passports, V visas (MRV-A).
  TD3: /^[PV][A-Z<]{43}$/,
  // I, A, C identity documents, V visas (MRV-B).
  TD2: /^[IACV][A-Z<]{35}$/,
  // Code, state, document number, its check digit (or < when the number runs on), optional data.
  TD1: /^[IAC][A-Z<][A-Z<]{3}[A-Z0-9<]{9}[0-9<][A-Z0-9<]{15}$/,
};

/** True when `line` has the shape of the first line of a `format` zone. */
export function isMrzFirstLine(line: string, format: MrzFormat): boolean {
  if (!FIRST_LINE[format].test(line)) return false;
  return format !== 'TD1' || /[0-9]/.test(line);
}

/**
 * Every way the end of `text` can be a first line, longest format first: a stray prefix
 * (NUL, a power-up byte, a half-read swipe) sits in front of the zone, never inside it.
 */
export function firstLineCandidates(text: string): { format: MrzFormat; line: string }[] {
  const out: { format: MrzFormat; line: string }[] = [];
  for (const format of ['TD3', 'TD2', 'TD1'] as const) {
    const len = MRZ_LINE_LENGTH[format];
    if (text.length < len) continue;
    const line = text.slice(text.length - len);
    if (isMrzFirstLine(line, format)) out.push({ format, line });
  }
  return out;
}
