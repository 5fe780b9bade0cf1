// Composes the TD3 (passport book) MRZ for books we print. Issuing state defaults to IDN.
//
// Optional data (line 2, positions 29–42, 14 characters): the NIK (Indonesian national
// identity number) has 16 digits and does not fit; cutting it would print a number that
// identifies no one, so we leave the field empty (fillers, check digit '<', as ICAO 9303
// Part 4 allows for an unused personal-number field). Callers may pass up to 14 characters
// of their own (the ICAO specimen does), and the check digit is then computed.
import { mrzCheckDigit } from './check-digit';
import { isoToMrzDate } from './mrz-dates';
import { composeNameField } from './mrz-name-field';
import { transliterateName } from './transliterate';

export interface Td3Input {
  /** Up to 9 characters A–Z / 0–9 (longer numbers do not fit a TD3). */
  documentNumber: string;
  /** Surname, or the whole name for a mononym. */
  primaryIdentifier: string;
  /** Given names; empty or absent for a mononym. */
  secondaryIdentifier?: string;
  /** ISO YYYY-MM-DD. */
  birthDate: string;
  sex: 'M' | 'F' | 'X';
  /** ISO YYYY-MM-DD. */
  expiryDate: string;
  nationality?: string;
  issuingState?: string;
  /** "P" (default) or "P" plus one letter for a national passport type. */
  documentType?: string;
  /** Up to 14 characters A–Z / 0–9 / '<'; empty by default (see the header comment). */
  optionalData?: string;
}

export type ComposeTd3ErrorKey =
  | 'mrz.compose.documentNumber'
  | 'mrz.compose.documentType'
  | 'mrz.compose.state'
  | 'mrz.compose.name'
  | 'mrz.compose.nameCharacter'
  | 'mrz.compose.date'
  | 'mrz.compose.optionalData';

export interface ComposeTd3Error {
  key: ComposeTd3ErrorKey;
  params: Record<string, string | number>;
}

export type ComposeTd3Result =
  | { ok: true; lines: [string, string]; nameTruncated: boolean }
  | { ok: false; error: ComposeTd3Error };

const fail = (key: ComposeTd3ErrorKey, params: ComposeTd3Error['params'] = {}): ComposeTd3Result => ({ ok: false, error: { key, params } });

export function composeTd3(input: Td3Input): ComposeTd3Result {
  const documentType = (input.documentType ?? 'P').toUpperCase();
  if (!/^P[A-Z]?$/.test(documentType)) return fail('mrz.compose.documentType', { value: documentType });

  const issuingState = (input.issuingState ?? 'IDN').toUpperCase();
  const nationality = (input.nationality ?? 'IDN').toUpperCase();
  for (const [field, v] of [['issuingState', issuingState], ['nationality', nationality]] as const) {
    if (!/^[A-Z]{1,3}$/.test(v)) return fail('mrz.compose.state', { field, value: v });
  }

  const docNo = input.documentNumber.toUpperCase();
  if (!/^[A-Z0-9]{1,9}$/.test(docNo)) return fail('mrz.compose.documentNumber', { value: input.documentNumber });

  const primary = transliterateName(input.primaryIdentifier);
  if (!primary.ok) return fail('mrz.compose.nameCharacter', { field: 'primaryIdentifier', char: primary.badChar });
  if (primary.components.length === 0) return fail('mrz.compose.name', { field: 'primaryIdentifier' });
  const secondary = transliterateName(input.secondaryIdentifier ?? '');
  if (!secondary.ok) return fail('mrz.compose.nameCharacter', { field: 'secondaryIdentifier', char: secondary.badChar });
  const name = composeNameField(primary.components, secondary.components);

  const birth = isoToMrzDate(input.birthDate);
  if (!birth) return fail('mrz.compose.date', { field: 'birthDate', value: input.birthDate });
  const expiry = isoToMrzDate(input.expiryDate);
  if (!expiry) return fail('mrz.compose.date', { field: 'expiryDate', value: input.expiryDate });

  const optional = (input.optionalData ?? '').toUpperCase();
  if (!/^[A-Z0-9<]{0,14}$/.test(optional)) return fail('mrz.compose.optionalData', { value: input.optionalData ?? '' });

  const line1 = (documentType.padEnd(2, '<') + issuingState.padEnd(3, '<') + name.field).slice(0, 44);

  const docField = docNo.padEnd(9, '<');
  const optionalField = optional.padEnd(14, '<');
  const optionalCheck = /^<*$/.test(optionalField) ? '<' : String(mrzCheckDigit(optionalField));
  const sex = input.sex === 'X' ? '<' : input.sex;
  const withoutComposite =
    docField + mrzCheckDigit(docField) +
    nationality.padEnd(3, '<') +
    birth + mrzCheckDigit(birth) +
    sex +
    expiry + mrzCheckDigit(expiry) +
    optionalField + optionalCheck;
  // Composite: positions 1–10, 14–20 and 22–43 of line 2 (ICAO 9303 Part 4).
  const composite = mrzCheckDigit(withoutComposite.slice(0, 10) + withoutComposite.slice(13, 20) + withoutComposite.slice(21, 43));
  const line2 = withoutComposite + composite;
  return { ok: true, lines: [line1, line2], nameTruncated: name.truncated };
}
