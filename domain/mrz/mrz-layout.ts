// Where things sit in each ICAO 9303 format (0-based [line, start, end)), and which
// document codes each format may carry. Used for structure checks and normalisation.
import type { MrzFormat } from './mrz-types';

export interface Slice {
  line: number;
  start: number;
  end: number;
}

export interface MrzLayout {
  lineCount: number;
  lineLength: number;
  birthDate: Slice;
  expiryDate: Slice;
  optionalData: Slice[];
}

export const MRZ_LAYOUTS: Record<MrzFormat, MrzLayout> = {
  TD1: {
    lineCount: 3,
    lineLength: 30,
    birthDate: { line: 1, start: 0, end: 6 },
    expiryDate: { line: 1, start: 8, end: 14 },
    optionalData: [
      { line: 0, start: 15, end: 30 },
      { line: 1, start: 18, end: 29 },
    ],
  },
  TD2: {
    lineCount: 2,
    lineLength: 36,
    birthDate: { line: 1, start: 13, end: 19 },
    expiryDate: { line: 1, start: 21, end: 27 },
    optionalData: [{ line: 1, start: 28, end: 35 }],
  },
  TD3: {
    lineCount: 2,
    lineLength: 44,
    birthDate: { line: 1, start: 13, end: 19 },
    expiryDate: { line: 1, start: 21, end: 27 },
    optionalData: [{ line: 1, start: 28, end: 42 }],
  },
};

/** Line length → format; a 2-line zone of 30-character lines is a TD1 missing a line. */
export const FORMAT_BY_LINE_LENGTH: Record<number, MrzFormat> = { 30: 'TD1', 36: 'TD2', 44: 'TD3' };

/**
 * First character of the document code per format. Passports (TD3) start with P; TD1/TD2
 * identity documents with A, C or I. Visas (V, MRV-A/B) are not documents we read here.
 */
export const DOCUMENT_CODE_FIRST: Record<MrzFormat, string> = { TD1: 'ACI', TD2: 'ACI', TD3: 'P' };

export const sliceOf = (lines: readonly string[], s: Slice): string => (lines[s.line] ?? '').slice(s.start, s.end);
