// Shapes of an MRZ read after normalisation, and the errors a read can carry. Errors are
// values with a translation key (see messages.ts) so the officer sees a sentence, not a
// stack trace.

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

/** Fields of our normalised read; check-digit errors name the field they protect. */
export type MrzFieldName =
  | 'documentType'
  | 'issuingState'
  | 'documentNumber'
  | 'primaryIdentifier'
  | 'secondaryIdentifier'
  | 'nationality'
  | 'birthDate'
  | 'sex'
  | 'expiryDate'
  | 'optionalData'
  | 'composite';

export type MrzFieldErrorKind = 'checkDigit' | 'format';

export interface MrzFieldError {
  field: MrzFieldName;
  kind: MrzFieldErrorKind;
  /** Translation key: mrz.field.checkDigit or mrz.field.format. */
  key: string;
  params: { field: MrzFieldName; found?: string; expected?: string };
  /** Technician-facing detail (what the parser said). */
  detail?: string;
}

export interface MrzRead {
  format: MrzFormat;
  lines: string[];
  /** Document code as printed, e.g. "P", "PD", "I", "ID", "AC". */
  documentType: string;
  issuingState: string;
  documentNumber: string;
  /** Primary identifier (usually the surname); the whole name for many mononyms. */
  primaryIdentifier: string;
  /** Secondary identifier (given names), "" when the zone holds a mononym. */
  secondaryIdentifier: string;
  nationality: string;
  /** ISO date, null when the zone leaves it unknown ('<<') or it is not a calendar date. */
  birthDate: string | null;
  sex: 'M' | 'F' | 'X';
  expiryDate: string | null;
  /** Optional data with fillers removed (TD3 personal number, TD1 optional 1+2, TD2 optional). */
  optionalData: string;
  valid: boolean;
  fieldErrors: MrzFieldError[];
}

/** Why lines could not be read as an MRZ at all (structure, not a field). */
export type MrzStructureErrorKey =
  | 'mrz.lineCount'
  | 'mrz.lineTooShort'
  | 'mrz.lineTooLong'
  | 'mrz.badCharacter'
  | 'mrz.unknownDocumentCode'
  | 'mrz.unreadable';

export interface MrzStructureError {
  key: MrzStructureErrorKey;
  params: Record<string, string | number>;
  detail?: string;
}

export type MrzParseResult = { ok: true; read: MrzRead } | { ok: false; error: MrzStructureError };
