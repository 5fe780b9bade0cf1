// The printed page's quality check: the MRZ the full-page reader saw, compared field by field
// with the MRZ that was composed for the page. Any difference — a field, a check digit, a
// line the reader could not read as an MRZ — fails the check, and that book is not handed
// over (it is spoiled and the passport printed again on a new book).
import { parseMrz } from './mrz';
import type { MrzRead } from './mrz';

export const QC_FIELDS = [
  'documentType', 'issuingState', 'primaryIdentifier', 'secondaryIdentifier', 'documentNumber',
  'nationality', 'birthDate', 'sex', 'expiryDate', 'optionalData',
] as const;
export type QcField = (typeof QC_FIELDS)[number] | 'checkDigits' | 'structure' | 'lines';

export interface QcMismatch { field: QcField; expected: string; read: string }
export interface QcResult { passed: boolean; mismatches: QcMismatch[] }

export function compareMrz(composed: readonly string[], read: readonly string[], today?: Date): QcResult {
  const opts = today ? { today } : {};
  const want = parseMrz(composed, opts);
  const got = parseMrz(read, opts);
  if (!want.ok) throw new Error(`composed MRZ does not parse: ${want.error.key}`);
  if (!got.ok) return { passed: false, mismatches: [{ field: 'structure', expected: want.read.format, read: got.error.key }] };
  const mismatches: QcMismatch[] = [];
  for (const f of QC_FIELDS) {
    const a = String(want.read[f as keyof MrzRead] ?? '');
    const b = String(got.read[f as keyof MrzRead] ?? '');
    if (a !== b) mismatches.push({ field: f, expected: a, read: b });
  }
  if (!got.read.valid) {
    mismatches.push({ field: 'checkDigits', expected: 'valid', read: got.read.fieldErrors.map((e) => `${e.field}:${e.kind}`).join(' ') });
  }
  // Fields equal but characters not (a filler misplaced): the lines themselves must agree.
  if (mismatches.length === 0 && want.read.lines.join('\n') !== got.read.lines.join('\n')) {
    mismatches.push({ field: 'lines', expected: want.read.lines.join(' '), read: got.read.lines.join(' ') });
  }
  return { passed: mismatches.length === 0, mismatches };
}
