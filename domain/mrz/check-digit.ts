// ICAO 9303 Part 3 check digit: weights 7, 3, 1 repeating over the character values
// (digits = value, A–Z = 10–35, filler '<' = 0), sum mod 10.

const WEIGHTS = [7, 3, 1] as const;

/** Value of one MRZ character, or -1 when the character is not allowed in an MRZ. */
export function mrzCharValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c === 60) return 0;
  return -1;
}

/** The check digit over `text` (only A–Z, 0–9 and '<' are meaningful; others count 0). */
export function mrzCheckDigit(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const v = mrzCharValue(text[i]!);
    sum += (v < 0 ? 0 : v) * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}

/** The characters an MRZ line may contain. */
export const MRZ_LINE_PATTERN = /^[A-Z0-9<]*$/;
