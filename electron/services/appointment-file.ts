// Reading the booking system's export: CSV (as spreadsheets save it: BOM, CRLF, ';' or ','
// as delimiter, quoted fields) or JSON (an array of objects, or { appointments: [...] }).
// This only turns the file into records keyed by column name; validation is elsewhere —
// except the types of JSON values, which only this reader sees: every field must be text
// (or null / absent). Nothing is turned into text behind the officer's back: an object would
// become "[object Object]", an array "SITI,AMINAH", and a number may already have lost digits
// (a NIK or billing code beyond 2^53, a phone number's leading 0), so each is refused by row
// and field.
import Papa from 'papaparse';
import { z } from 'zod';

export const COLUMNS = [
  'booking_code', 'nik', 'full_name', 'birth_place', 'birth_date', 'sex', 'service', 'passport_type',
  'appointment_date', 'time_slot', 'payment_status', 'billing_code', 'phone',
] as const;
export type Column = (typeof COLUMNS)[number];
/** Columns that may be absent from a file (the value is then empty). */
export const OPTIONAL_COLUMNS: readonly Column[] = ['phone', 'billing_code'];

export const MAX_ROWS = 50_000;

export type RawRecord = Partial<Record<Column, string>>;

/** A field refused while reading (a JSON value that is not text), by record index. */
export interface FieldIssue { index: number; field: Column; code: 'wrong_type' | 'json_number'; value: string }

export type FileReadResult =
  | { ok: true; format: 'csv' | 'json'; records: RawRecord[]; fieldIssues: FieldIssue[] }
  | { ok: false; format: 'csv' | 'json'; code: 'file_empty' | 'file_unreadable' | 'missing_columns' | 'not_a_list' | 'too_many_rows'; params?: Record<string, string | number> };

export function readAppointmentFile(fileName: string, content: string): FileReadResult {
  const text = content.replace(/^\uFEFF/, '');
  const format = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text) ? 'json' : 'csv';
  if (!text.trim()) return { ok: false, format, code: 'file_empty' };
  return format === 'json' ? readJson(text) : readCsv(text);
}

const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

function checkColumns(present: Set<string>, format: 'csv' | 'json'): FileReadResult | null {
  const missing = COLUMNS.filter((c) => !present.has(c) && !OPTIONAL_COLUMNS.includes(c));
  return missing.length ? { ok: false, format, code: 'missing_columns', params: { columns: missing.join(', ') } } : null;
}

function readCsv(text: string): FileReadResult {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t', '|'],
    transformHeader: normaliseHeader,
  });
  const fields = parsed.meta.fields ?? [];
  if (fields.length < 2) return { ok: false, format: 'csv', code: 'file_unreadable' };
  const bad = checkColumns(new Set(fields), 'csv');
  if (bad) return bad;
  if (parsed.data.length === 0) return { ok: false, format: 'csv', code: 'file_empty' };
  if (parsed.data.length > MAX_ROWS) return { ok: false, format: 'csv', code: 'too_many_rows', params: { max: MAX_ROWS } };
  return { ok: true, format: 'csv', records: parsed.data.map(pick), fieldIssues: [] };
}

function readJson(text: string): FileReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, format: 'json', code: 'file_unreadable' };
  }
  const list = Array.isArray(data) ? data
    : data && typeof data === 'object' && Array.isArray((data as { appointments?: unknown }).appointments)
      ? (data as { appointments: unknown[] }).appointments : null;
  if (!list) return { ok: false, format: 'json', code: 'not_a_list' };
  if (list.length === 0) return { ok: false, format: 'json', code: 'file_empty' };
  if (list.length > MAX_ROWS) return { ok: false, format: 'json', code: 'too_many_rows', params: { max: MAX_ROWS } };
  const fieldIssues: FieldIssue[] = [];
  const records = list.map((item, index) => {
    const obj: Record<string, string> = {};
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const k of Object.keys(item)) obj[normaliseHeader(k)] = '';
      const normalised = Object.fromEntries(Object.entries(item).map(([k, v]) => [normaliseHeader(k), v]));
      const checked = JSON_RECORD.safeParse(normalised);
      const bad = new Set<string>();
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const field = issue.path[0];
          if (typeof field !== 'string' || bad.has(field)) continue;
          bad.add(field);
          const v = normalised[field];
          fieldIssues.push({ index, field: field as Column, code: typeof v === 'number' ? 'json_number' : 'wrong_type', value: describeJson(v) });
        }
      }
      for (const [k, v] of Object.entries(normalised)) if (!bad.has(k) && typeof v === 'string') obj[k] = v;
    }
    return obj;
  });
  const present = new Set(records.flatMap((r) => Object.keys(r)));
  return checkColumns(present, 'json') ?? { ok: true, format: 'json', records: records.map(pick), fieldIssues };
}

/** Every column's value is text, or null / absent for "empty"; other keys are ignored. */
const JSON_RECORD = z.object(Object.fromEntries(COLUMNS.map((c) => [c, z.string().nullable().optional()])));

/** What a refused JSON value was, for the issue table (its type, or the number as written). */
function describeJson(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

function pick(r: Record<string, string>): RawRecord {
  const out: RawRecord = {};
  for (const c of COLUMNS) out[c] = (r[c] ?? '').trim();
  return out;
}
