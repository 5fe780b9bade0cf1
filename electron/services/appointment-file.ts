// Reading the booking system's export: CSV (as spreadsheets save it: BOM, CRLF, ';' or ','
// as delimiter, quoted fields) or JSON (an array of objects, or { appointments: [...] }).
// This only turns the file into records keyed by column name; validation is elsewhere.
import Papa from 'papaparse';
import { IMPORT_MAX_JSON_DEPTH } from '../../domain/import-limits';
import { nestsDeeperThan } from './json-depth';

export const COLUMNS = [
  'booking_code', 'nik', 'full_name', 'birth_place', 'birth_date', 'sex', 'service', 'passport_type',
  'appointment_date', 'time_slot', 'payment_status', 'billing_code', 'phone',
] as const;
export type Column = (typeof COLUMNS)[number];
/** Columns that may be absent from a file (the value is then empty). */
export const OPTIONAL_COLUMNS: readonly Column[] = ['phone', 'billing_code'];

export const MAX_ROWS = 50_000;

export type RawRecord = Partial<Record<Column, string>>;

export type FileReadResult =
  | { ok: true; format: 'csv' | 'json'; records: RawRecord[] }
  | { ok: false; format: 'csv' | 'json'; code: 'file_empty' | 'file_unreadable' | 'missing_columns' | 'not_a_list' | 'too_many_rows' | 'too_deep'; params?: Record<string, string | number> };

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
  return { ok: true, format: 'csv', records: parsed.data.map(pick) };
}

function readJson(text: string): FileReadResult {
  if (nestsDeeperThan(text, IMPORT_MAX_JSON_DEPTH)) return { ok: false, format: 'json', code: 'too_deep', params: { max: IMPORT_MAX_JSON_DEPTH } };
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
  const records = list.map((item) => {
    const obj: Record<string, string> = {};
    if (item && typeof item === 'object') {
      for (const [k, v] of Object.entries(item)) obj[normaliseHeader(k)] = v == null ? '' : String(v);
    }
    return obj;
  });
  const present = new Set(records.flatMap((r) => Object.keys(r)));
  return checkColumns(present, 'json') ?? { ok: true, format: 'json', records: records.map(pick) };
}

function pick(r: Record<string, string>): RawRecord {
  const out: RawRecord = {};
  for (const c of COLUMNS) out[c] = (r[c] ?? '').trim();
  return out;
}
