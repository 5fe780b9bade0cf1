// Where each field sits in the machine-readable zone (ICAO Doc 9303 parts 4–6), so the
// screen can mark the characters of a field the station found wrong. Positions are
// 0-based [line, start, end) ranges; a field's check digit is listed separately.
import type { MrzFormat } from './mrz-types';

export type { MrzFormat };

export interface MrzSpan { line: number; start: number; end: number }
interface FieldLayout { value: MrzSpan[]; check?: MrzSpan }

const span = (line: number, start: number, end: number): MrzSpan => ({ line, start, end });

const TD3: Record<string, FieldLayout> = {
  documentType: { value: [span(0, 0, 2)] },
  issuingState: { value: [span(0, 2, 5)] },
  primaryIdentifier: { value: [span(0, 5, 44)] },
  secondaryIdentifier: { value: [span(0, 5, 44)] },
  documentNumber: { value: [span(1, 0, 9)], check: span(1, 9, 10) },
  nationality: { value: [span(1, 10, 13)] },
  birthDate: { value: [span(1, 13, 19)], check: span(1, 19, 20) },
  sex: { value: [span(1, 20, 21)] },
  expiryDate: { value: [span(1, 21, 27)], check: span(1, 27, 28) },
  optionalData: { value: [span(1, 28, 42)], check: span(1, 42, 43) },
  composite: { value: [], check: span(1, 43, 44) },
};

const TD2: Record<string, FieldLayout> = {
  documentType: { value: [span(0, 0, 2)] },
  issuingState: { value: [span(0, 2, 5)] },
  primaryIdentifier: { value: [span(0, 5, 36)] },
  secondaryIdentifier: { value: [span(0, 5, 36)] },
  documentNumber: { value: [span(1, 0, 9)], check: span(1, 9, 10) },
  nationality: { value: [span(1, 10, 13)] },
  birthDate: { value: [span(1, 13, 19)], check: span(1, 19, 20) },
  sex: { value: [span(1, 20, 21)] },
  expiryDate: { value: [span(1, 21, 27)], check: span(1, 27, 28) },
  optionalData: { value: [span(1, 28, 35)] },
  composite: { value: [], check: span(1, 35, 36) },
};

const TD1: Record<string, FieldLayout> = {
  documentType: { value: [span(0, 0, 2)] },
  issuingState: { value: [span(0, 2, 5)] },
  documentNumber: { value: [span(0, 5, 14)], check: span(0, 14, 15) },
  optionalData: { value: [span(0, 15, 30), span(1, 18, 29)] },
  birthDate: { value: [span(1, 0, 6)], check: span(1, 6, 7) },
  sex: { value: [span(1, 7, 8)] },
  expiryDate: { value: [span(1, 8, 14)], check: span(1, 14, 15) },
  nationality: { value: [span(1, 15, 18)] },
  composite: { value: [], check: span(1, 29, 30) },
  primaryIdentifier: { value: [span(2, 0, 30)] },
  secondaryIdentifier: { value: [span(2, 0, 30)] },
};

const LAYOUTS: Record<MrzFormat, Record<string, FieldLayout>> = { TD1, TD2, TD3 };

/** The character ranges to mark for a field problem: the check digit alone, or the field. */
export function problemSpans(format: MrzFormat, field: string, kind: 'checkDigit' | 'format'): MrzSpan[] {
  const layout = LAYOUTS[format][field];
  if (!layout) return [];
  if (kind === 'checkDigit') return layout.check ? [...layout.value, layout.check] : layout.value;
  return layout.value;
}

/** Expected number of lines for a line length, or null while it is not clear yet. */
export function expectedLines(lineLength: number): number | null {
  if (lineLength === 44 || lineLength === 36) return 2;
  if (lineLength === 30) return 3;
  return null;
}
