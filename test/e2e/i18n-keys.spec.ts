// Both languages carry the same keys, and every key the screens ask for exists. Runs in plain
// Node (no browser, no station): a missing key would otherwise show up as a raw key on screen.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';

const RENDERER = path.resolve(import.meta.dirname, '../../renderer');
type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

const load = (lang: string) => flatten(JSON.parse(readFileSync(path.join(RENDERER, 'i18n', `${lang}.json`), 'utf8')) as Tree);
const id = load('id');
const en = load('en');

test('Indonesian and English have the same keys and the same placeholders', () => {
  expect([...id.keys()].filter((k) => !en.has(k)), 'keys only in id.json').toEqual([]);
  expect([...en.keys()].filter((k) => !id.has(k)), 'keys only in en.json').toEqual([]);
  const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  const differing = [...id.keys()].filter((k) => JSON.stringify(vars(id.get(k) ?? '')) !== JSON.stringify(vars(en.get(k) ?? '')));
  expect(differing, 'keys whose {{placeholders}} differ between languages').toEqual([]);
});

test('every key the screens use exists, including those built from contract values', () => {
  const used = new Set<string>();
  for (const file of sources(RENDERER)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(m[1] ?? '');
    for (const m of text.matchAll(/'(validation\.[\w]+)'/g)) used.add(m[1] ?? '');
  }
  const each = (prefix: string, values: readonly string[]) => values.forEach((v) => used.add(`${prefix}.${v}`));
  each('status', ['booked', 'checked_in', 'in_enrolment', 'awaiting_approval', 'returned', 'approved', 'printing', 'printed', 'issued', 'dispatched', 'cancelled']);
  each('role', ['counter', 'supervisor', 'print', 'technician', 'admin', 'head']);
  each('device.state', ['not_configured', 'connecting', 'connected', 'busy', 'unresponsive', 'disconnected', 'error']);
  each('device.advice', ['not_configured', 'connecting', 'connected', 'busy', 'unresponsive', 'disconnected', 'error']);
  each('device.kind', ['fingerprint', 'mrz', 'barcode', 'document_scanner', 'printer', 'camera']);
  each('error', ['unknown_method', 'bad_input', 'not_logged_in', 'locked', 'forbidden', 'bad_credentials', 'account_locked',
    'account_disabled', 'already_set_up', 'not_found', 'conflict', 'invalid_transition', 'import_invalid', 'device', 'internal', 'connection']);
  each('import.issue', ['required', 'nik_format', 'nik_region', 'nik_birthdate_mismatch', 'nik_sex_mismatch', 'date_format',
    'date_invalid', 'enum', 'phone_format', 'slot_format', 'duplicate_in_file', 'booking_code_format', 'billing_code_format',
    'date_two_digit_year', 'scientific_notation', 'wrong_type', 'json_number']);
  each('import.note', ['encoding_windows_1252', 'phone_zero_restored']);
  each('import.fileError', ['file_empty', 'file_unreadable', 'missing_columns', 'not_a_list', 'too_many_rows', 'replacement_character']);
  each('nav', ['queue', 'walkin', 'import', 'devices', 'officers', 'settings', 'numbers', 'audit', 'review', 'print']);
  each('review.returnReason', ['photo', 'fingerprints', 'documents_missing', 'documents_unreadable', 'data_mismatch', 'mrz', 'payment', 'other']);
  each('review.section', ['photo', 'fingerprints', 'application', 'documents', 'mrz', 'timing', 'history']);
  each('review.batch.why', ['batch_needed', 'batch_expired', 'batch_used_up']);
  each('issuance.sections', ['queue', 'stock', 'uncollected', 'reconciliation']);
  each('issuance.state', ['in_stock', 'assigned', 'printed', 'issued', 'spoiled', 'returned']);
  each('issuance.jobState', ['printing', 'printed', 'failed', 'qcFailed', 'spoiled', 'released']);
  each('issuance.reason', ['misprint', 'jam', 'damaged', 'qc_failed']);
  each('issuance.qcField', ['documentType', 'issuingState', 'primaryIdentifier', 'secondaryIdentifier', 'documentNumber', 'nationality', 'birthDate', 'sex', 'expiryDate', 'optionalData', 'checkDigits', 'structure', 'lines']);
  each('service', ['new', 'replace_expired', 'replace_full', 'replace_lost', 'replace_damaged', 'replace_disaster']);
  each('passportType', ['ordinary', 'electronic']);
  each('priority', ['elderly', 'child', 'disabled']);
  each('sex', ['M', 'F']);
  each('field', ['nik', 'fullName', 'birthPlace', 'birthDate', 'sex', 'service', 'passportType', 'phone', 'priority', 'nip', 'name', 'password', 'roles',
    'booking_code', 'full_name', 'birth_place', 'birth_date', 'passport_type', 'appointment_date', 'time_slot', 'payment_status', 'billing_code']);
  each('nav', ['handover']);
  each('handover.reason', ['not_printed', 'already_issued', 'already_dispatched', 'qc_missing']);
  each('handover.mode', ['applicant', 'representative', 'post']);
  // i18next plurals: a key used with {count} may exist only as key_one / key_other.
  const has = (k: string) => id.has(k) || (id.has(`${k}_one`) && id.has(`${k}_other`));
  expect([...used].filter((k) => !has(k)).sort(), 'keys used but missing from id.json').toEqual([]);
});
