// Reads 2 or 3 MRZ lines (TD1, TD2, TD3) into our normalised shape. The `mrz` package does
// the field parsing and check digits; we add what it leaves to us: structural errors in
// words the officer can act on, check-digit errors named by the field they protect, and
// ISO dates with a sensible century. Pure: no I/O, `today` injectable for tests.
import { parse as parseWithLibrary } from 'mrz';
import type { Details, FieldName } from 'mrz';
import { MRZ_LINE_PATTERN } from './check-digit';
import { mrzDateToIso } from './mrz-dates';
import { DOCUMENT_CODE_FIRST, FORMAT_BY_LINE_LENGTH, MRZ_LAYOUTS, sliceOf } from './mrz-layout';
import type { MrzFieldError, MrzFieldName, MrzFormat, MrzParseResult, MrzRead, MrzStructureError } from './mrz-types';

export interface ParseMrzOptions {
  today?: Date;
}

/**
 * ICAO's specimen state "Utopia" is absent from the library's state list; accepting it lets
 * the published specimens (and our training documents) read as valid.
 */
const EXTRA_STATE_CODES = new Set(['UTO']);

const FIELD_MAP: Partial<Record<FieldName, { field: MrzFieldName; kind: MrzFieldError['kind'] }>> = {
  documentCode: { field: 'documentType', kind: 'format' },
  issuingState: { field: 'issuingState', kind: 'format' },
  lastName: { field: 'primaryIdentifier', kind: 'format' },
  firstName: { field: 'secondaryIdentifier', kind: 'format' },
  documentNumber: { field: 'documentNumber', kind: 'format' },
  documentNumberCheckDigit: { field: 'documentNumber', kind: 'checkDigit' },
  nationality: { field: 'nationality', kind: 'format' },
  birthDate: { field: 'birthDate', kind: 'format' },
  birthDateCheckDigit: { field: 'birthDate', kind: 'checkDigit' },
  sex: { field: 'sex', kind: 'format' },
  expirationDate: { field: 'expiryDate', kind: 'format' },
  expirationDateCheckDigit: { field: 'expiryDate', kind: 'checkDigit' },
  personalNumber: { field: 'optionalData', kind: 'format' },
  personalNumberCheckDigit: { field: 'optionalData', kind: 'checkDigit' },
  optional: { field: 'optionalData', kind: 'format' },
  optional1: { field: 'optionalData', kind: 'format' },
  optional2: { field: 'optionalData', kind: 'format' },
  compositeCheckDigit: { field: 'composite', kind: 'checkDigit' },
};

/** Splits raw reader text into lines: CR/LF separated, trailing blanks trimmed, empty lines dropped. */
export function splitMrzText(input: string | readonly string[]): string[] {
  const raw = typeof input === 'string' ? input.split(/\r\n|\r|\n/) : [...input];
  return raw.map((l) => l.replace(/[ \t]+$/, '')).filter((l) => l.length > 0);
}

/** Checks line count, characters, lengths and document code; returns the format or why not. */
export function checkMrzStructure(lines: readonly string[]): { ok: true; format: MrzFormat } | { ok: false; error: MrzStructureError } {
  const bad = (key: MrzStructureError['key'], params: MrzStructureError['params'], detail?: string) =>
    ({ ok: false as const, error: detail ? { key, params, detail } : { key, params } });

  if (lines.length < 2 || lines.length > 3) return bad('mrz.lineCount', { found: lines.length });

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!MRZ_LINE_PATTERN.test(line)) {
      const pos = [...line].findIndex((ch) => !/[A-Z0-9<]/.test(ch));
      const ch = line[pos] ?? '';
      return bad('mrz.badCharacter', { line: i + 1, position: pos + 1, char: printable(ch) });
    }
  }

  const expectedLength = expectedLineLength(lines);
  const format = FORMAT_BY_LINE_LENGTH[expectedLength]!;
  const layout = MRZ_LAYOUTS[format];
  if (lines.length !== layout.lineCount) {
    return bad('mrz.lineCount', { found: lines.length, expected: layout.lineCount, format });
  }
  for (let i = 0; i < lines.length; i++) {
    const n = lines[i]!.length;
    if (n < expectedLength) return bad('mrz.lineTooShort', { line: i + 1, found: n, expected: expectedLength });
    if (n > expectedLength) return bad('mrz.lineTooLong', { line: i + 1, found: n, expected: expectedLength });
  }

  const code = lines[0]!.slice(0, 2);
  const first = code[0] ?? '';
  const second = code[1] ?? '';
  if (!DOCUMENT_CODE_FIRST[format].includes(first) || !/[A-Z<]/.test(second) || (format !== 'TD3' && second === 'V')) {
    return bad('mrz.unknownDocumentCode', { code, format }, `${format} expects a code starting with ${DOCUMENT_CODE_FIRST[format].split('').join('/')}`);
  }
  return { ok: true, format };
}

/** Parses and validates an MRZ. Structural problems fail; field problems come back in `fieldErrors`. */
export function parseMrz(input: string | readonly string[], options: ParseMrzOptions = {}): MrzParseResult {
  const lines = splitMrzText(input);
  const structure = checkMrzStructure(lines);
  if (!structure.ok) return structure;
  const format = structure.format;

  let details: Details[];
  try {
    const result = parseWithLibrary(lines);
    if (result.format !== format) {
      // e.g. a TD2 whose name field holds digits is taken for a French national ID.
      return { ok: false, error: { key: 'mrz.unknownDocumentCode', params: { code: lines[0]!.slice(0, 2), format }, detail: `parsed as ${result.format}` } };
    }
    details = result.details;
  } catch (err) {
    return { ok: false, error: { key: 'mrz.unreadable', params: { format }, detail: String((err as Error).message) } };
  }

  const fieldErrors: MrzFieldError[] = [];
  const value = (name: FieldName): string => details.find((d) => d.field === name)?.value ?? '';
  for (const d of details) {
    if (d.valid || !d.field) continue;
    if ((d.field === 'issuingState' || d.field === 'nationality') && EXTRA_STATE_CODES.has(rawOf(lines, d))) continue;
    const mapped = FIELD_MAP[d.field];
    if (!mapped || fieldErrors.some((e) => e.field === mapped.field && e.kind === mapped.kind)) continue;
    fieldErrors.push(fieldError(mapped.field, mapped.kind, d, rawOf(lines, d)));
  }

  const layout = MRZ_LAYOUTS[format];
  const today = options.today ?? new Date();
  const birthRaw = sliceOf(lines, layout.birthDate);
  const expiryRaw = sliceOf(lines, layout.expiryDate);
  const birthDate = mrzDateToIso(birthRaw, 'birth', today);
  const expiryDate = mrzDateToIso(expiryRaw, 'expiry', today);
  // The library checks 01–31 only; a 30 February is caught here.
  if (birthDate === null && /^\d{6}$/.test(birthRaw) && !fieldErrors.some((e) => e.field === 'birthDate')) {
    fieldErrors.push({ field: 'birthDate', kind: 'format', key: 'mrz.field.format', params: { field: 'birthDate', found: birthRaw } });
  }
  if (expiryDate === null && /^\d{6}$/.test(expiryRaw) && !fieldErrors.some((e) => e.field === 'expiryDate')) {
    fieldErrors.push({ field: 'expiryDate', kind: 'format', key: 'mrz.field.format', params: { field: 'expiryDate', found: expiryRaw } });
  }

  const sexRaw = value('sex');
  const read: MrzRead = {
    format,
    lines,
    documentType: lines[0]!.slice(0, 2).replace(/<+$/, ''),
    issuingState: lines[0]!.slice(2, 5).replace(/<+$/, ''),
    documentNumber: value('documentNumber'),
    primaryIdentifier: value('lastName'),
    secondaryIdentifier: value('firstName'),
    nationality: stateAt(format, lines),
    birthDate,
    sex: sexRaw === 'male' ? 'M' : sexRaw === 'female' ? 'F' : 'X',
    expiryDate,
    optionalData: optionalDataOf(format, lines),
    valid: fieldErrors.length === 0,
    fieldErrors,
  };
  return { ok: true, read };
}

/** True when every check digit of these lines holds (used to accept frames we cannot verify otherwise). */
export function mrzCheckDigitsHold(input: string | readonly string[]): boolean {
  const r = parseMrz(input);
  return r.ok && !r.read.fieldErrors.some((e) => e.kind === 'checkDigit');
}

function fieldError(field: MrzFieldName, kind: MrzFieldError['kind'], d: Details, found: string): MrzFieldError {
  const expected = kind === 'checkDigit' ? /Must be (\d)/.exec(d.error ?? '')?.[1] : undefined;
  const params: MrzFieldError['params'] = { field };
  params.found = found;
  if (expected !== undefined) params.expected = expected;
  const e: MrzFieldError = { field, kind, key: kind === 'checkDigit' ? 'mrz.field.checkDigit' : 'mrz.field.format', params };
  if (d.error) e.detail = d.error;
  return e;
}

/**
 * Optional data with fillers trimmed. A TD1 document number longer than 9 characters
 * overflows into optional field 1 (check-digit slot holds '<'); that part, up to and
 * including its check digit and the '<' after it, belongs to the number, not to the data.
 */
function optionalDataOf(format: MrzFormat, lines: readonly string[]): string {
  const parts = MRZ_LAYOUTS[format].optionalData.map((s) => sliceOf(lines, s));
  if (format === 'TD1' && lines[0]![14] === '<' && parts[0] && !parts[0].startsWith('<')) {
    const end = parts[0].indexOf('<');
    parts[0] = end < 0 ? '' : parts[0].slice(end + 1);
  }
  return parts.map((p) => p.replace(/<+$/, '').replace(/^<+/, '')).filter(Boolean).join(' ');
}

/** The characters a library field was read from (its first range). */
function rawOf(lines: readonly string[], d: Details): string {
  const r = d.ranges[0];
  return r ? sliceOf(lines, r) : '';
}

function stateAt(format: MrzFormat, lines: readonly string[]): string {
  const raw = format === 'TD1' ? lines[1]!.slice(15, 18) : lines[1]!.slice(10, 13);
  return raw.replace(/<+$/, '');
}

/**
 * The line length the reader meant: the standard length most lines have (so 3 lines of 44
 * are a TD3 with a line too many, not a TD1); with no standard line, the line count and the
 * longest line decide.
 */
function expectedLineLength(lines: readonly string[]): number {
  const lengths = lines.map((l) => l.length);
  let best = 0;
  let bestCount = 0;
  for (const n of lines.length === 3 ? [30, 44, 36] : [44, 36, 30]) {
    const count = lengths.filter((x) => x === n).length;
    if (count > bestCount) [best, bestCount] = [n, count];
  }
  if (bestCount > 0) return best;
  if (lines.length === 3) return 30;
  const longest = Math.max(...lengths);
  return longest >= 40 ? 44 : longest >= 33 ? 36 : 30;
}

function printable(ch: string): string {
  const c = ch.charCodeAt(0);
  return c < 32 || c === 127 ? `0x${c.toString(16).padStart(2, '0')}` : ch;
}
