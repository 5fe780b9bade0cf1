// How the visual zone writes a value. Doc 9303 Part 3 (§3.8, dates in the VIZ): day, month
// and year, the month as three letters in the issuing State's language followed, when it
// differs, by an oblique and the English abbreviation ("12 AGU/AUG 1985"). Sex: the
// national initial, then the English one when it differs (Part 4 Field 11, note p).

const MONTHS_ID = ['JAN', 'FEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGU', 'SEP', 'OKT', 'NOV', 'DES'] as const;
const MONTHS_EN = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/** "1985-08-12" → "12 AGU/AUG 1985"; null when the text is not a calendar date. */
export function vizDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const id = MONTHS_ID[month - 1]!;
  const en = MONTHS_EN[month - 1]!;
  return `${m[3]} ${id === en ? id : `${id}/${en}`} ${m[1]}`;
}

/** Laki-laki / Perempuan, then the English initial: "L/M", "P/F"; X is the same in both. */
export function vizSex(sex: 'M' | 'F' | 'X'): string {
  return sex === 'M' ? 'L/M' : sex === 'F' ? 'P/F' : 'X';
}

/** The nationality in full for the codes this office prints. */
export function vizNationality(code: string): string {
  return code === 'IDN' ? 'INDONESIA' : code;
}
