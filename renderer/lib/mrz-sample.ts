// A sample passport's machine-readable zone (TD3, ICAO Doc 9303 part 4) for training with a
// simulated MRZ reader. The lines are composed here, with real check digits, so what the
// simulator "reads" passes the station's checks unless a fault variant is asked for.

const WEIGHTS = [7, 3, 1] as const;

function charValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55; // A = 10 … Z = 35
  return 0; // the filler '<'
}

/** ICAO check digit: weights 7, 3, 1 repeating; digits = value, A–Z = 10–35, '<' = 0; sum mod 10. */
export function mrzCheckDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += charValue(field.charAt(i)) * WEIGHTS[i % 3]!;
  return String(sum % 10);
}

const pad = (s: string, n: number): string => (s + '<'.repeat(n)).slice(0, n);
const clean = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]+/g, '<');

export interface SamplePassport {
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** YYMMDD */
  birthDate: string;
  sex: 'M' | 'F' | '<';
  /** YYMMDD */
  expiryDate: string;
  personalNumber: string;
}

export const SAMPLE_PASSPORT: SamplePassport = {
  issuingState: 'IDN',
  surname: 'SANTOSO',
  givenNames: 'BUDI RAHARJO',
  documentNumber: 'X1234567',
  nationality: 'IDN',
  birthDate: '850312',
  sex: 'M',
  expiryDate: '300115',
  personalNumber: '',
};

/** The two 44-character TD3 lines of a passport. */
export function composeTd3(p: SamplePassport = SAMPLE_PASSPORT): [string, string] {
  const line1 = pad(`P<${p.issuingState}${clean(p.surname)}<<${clean(p.givenNames)}`, 44);
  const doc = pad(clean(p.documentNumber), 9);
  const personal = pad(clean(p.personalNumber), 14);
  const docPart = doc + mrzCheckDigit(doc);
  const birthPart = p.birthDate + mrzCheckDigit(p.birthDate);
  const expiryPart = p.expiryDate + mrzCheckDigit(p.expiryDate);
  const personalPart = personal + mrzCheckDigit(personal);
  const composite = mrzCheckDigit(docPart + birthPart + expiryPart + personalPart);
  const line2 = docPart + p.nationality + birthPart + p.sex + expiryPart + personalPart + composite;
  return [line1, line2];
}
