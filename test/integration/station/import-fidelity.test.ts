// Booking exports as they really arrive — a CSV saved by a spreadsheet on Windows
// (Windows-1252), phone numbers and NIKs a spreadsheet mangled, dates written by hand, JSON
// with values that are not text — through real station sessions on a real SQLite file.
// Fixtures: test/fixtures/appointments/ (byte-exact; {{TODAY}} is the appointment date).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterOfficerSession, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import type { ImportPreview, ImportResult, QueueView } from '../../../electron/contract-types';

const DAY = '2026-11-23';
const FIXTURES = path.resolve('test/fixtures/appointments');
/** The fixture's bytes with the day filled in (byte-wise: the encoding is what is tested). */
const fixture = (name: string): Buffer => Buffer.from(readFileSync(path.join(FIXTURES, name)).toString('latin1').replaceAll('{{TODAY}}', DAY), 'latin1');
const bytesInput = (name: string) => ({ fileName: name, contentBase64: fixture(name).toString('base64') });

let t: TestStation;
let s: TestSession;
beforeEach(async () => {
  t = await openTestStation();
  s = await counterOfficerSession(t);
});
afterEach(async () => { await t.close(); });

const issuesOf = (p: ImportPreview) => p.issues.map((i) => `${i.row}:${i.field}:${i.code}`);

describe('encoding', () => {
  it('reads a Windows-1252 CSV as Windows-1252, says so, and stores the names as written', async () => {
    const bytes = fixture('windows-1252.csv');
    // The fixture is what a spreadsheet on Windows writes: é is the single byte E9, ’ is 92.
    expect(bytes.includes(Buffer.from('D\xe9d\xe9 Nugroho', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from([0x4e, 0x92, 0x61]))).toBe(true);
    const preview = await s.ok<ImportPreview>('import.preview', bytesInput('windows-1252.csv'));
    expect(preview).toMatchObject({ encoding: 'windows-1252', totalRows: 3, validRows: 3, invalidRows: 0, notes: [{ code: 'encoding_windows_1252' }] });
    expect(await s.ok<ImportResult>('import.commit', bytesInput('windows-1252.csv'))).toMatchObject({ inserted: 3 });
    const names = (await s.ok<QueueView>('queue.view', { date: DAY })).rows.map((r) => r.fullName).sort();
    expect(names).toEqual(['André Setiawan', 'Dédé Nugroho', 'Siti N\u2019aimah']);
    expect(names.join('')).not.toContain('\uFFFD');
  });

  it('decodes Windows-1252 as an independent decoder does (glibc iconv)', async () => {
    const iconv = spawnSync('iconv', ['-f', 'WINDOWS-1252', '-t', 'UTF-8'], { input: fixture('windows-1252.csv') });
    expect(iconv.status, 'iconv is part of Debian libc-bin').toBe(0);
    const { decodeExport } = await import('../../../electron/services/appointment-encoding');
    const ours = decodeExport(fixture('windows-1252.csv'));
    expect(ours).toMatchObject({ ok: true, encoding: 'windows-1252' });
    if (ours.ok) expect(ours.text).toBe(iconv.stdout.toString('utf8'));
    // Every byte 0x80–0xFF, the range where Windows-1252 differs from Latin-1 included.
    const all = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)));
    const ref = spawnSync('iconv', ['-f', 'WINDOWS-1252', '-t', 'UTF-8'], { input: all });
    const dec = decodeExport(all);
    expect(dec.ok && dec.text).toBe(ref.stdout.toString('utf8'));
  });

  it('refuses a file whose letters were already lost (U+FFFD), naming the line, and stores nothing', async () => {
    const preview = await s.ok<ImportPreview>('import.preview', bytesInput('replacement-character.csv'));
    expect(preview.fileError).toEqual({ code: 'replacement_character', params: { line: 3 } });
    expect(await s.call('import.commit', bytesInput('replacement-character.csv'))).toMatchObject({ ok: false, error: { code: 'import_invalid', params: { reason: 'replacement_character' } } });
    // The same refusal when the file comes as text.
    const text = fixture('replacement-character.csv').toString('utf8');
    expect((await s.ok<ImportPreview>('import.preview', { fileName: 'x.csv', content: text })).fileError).toMatchObject({ code: 'replacement_character' });
    expect((await s.ok<QueueView>('queue.view', { date: DAY })).rows).toEqual([]);
  });

  it('takes UTF-8 bytes as UTF-8, with or without a BOM', async () => {
    const utf8 = Buffer.from('\uFEFF' + fixture('windows-1252.csv').toString('latin1').replace('D\xe9d\xe9', 'D\u00e9d\u00e9').replace('Andr\xe9', 'Andr\u00e9').replace('\x92', '\u2019'), 'utf8');
    const p = await s.ok<ImportPreview>('import.preview', { fileName: 'u.csv', contentBase64: utf8.toString('base64') });
    expect(p).toMatchObject({ encoding: 'utf-8', validRows: 3 });
    expect(p.notes).toBeUndefined();
  });
});

describe('rows a spreadsheet mangled', () => {
  it('normalises phones to +62…, restores a lost leading 0 with a note, refuses what is no number', async () => {
    const preview = await s.ok<ImportPreview>('import.preview', bytesInput('phones.csv'));
    expect(issuesOf(preview)).toEqual(['7:phone:phone_format']);
    expect(preview.notes).toEqual([{ code: 'phone_zero_restored', params: { n: 1, rows: '5' } }]);
    await s.ok('import.commit', { ...bytesInput('phones.csv'), acceptValidRows: true });
    const phones = (await s.ok<QueueView>('queue.view', { date: DAY })).rows.sort((a, b) => a.bookingCode.localeCompare(b.bookingCode)).map((r) => r.phone);
    expect(phones).toEqual(['+6281234567890', '+6281234567890', '+6281234567890', '+6281234567890', '+62215551234']);
  });

  it('says a spreadsheet shortened a NIK or billing code to scientific notation', async () => {
    const preview = await s.ok<ImportPreview>('import.preview', bytesInput('scientific-notation.csv'));
    expect(issuesOf(preview)).toEqual(['2:nik:scientific_notation', '3:billing_code:scientific_notation']);
  });

  it('accepts ISO and day-first dates with one or two digits, and refuses a two-digit year', async () => {
    const preview = await s.ok<ImportPreview>('import.preview', bytesInput('dates.csv'));
    expect(issuesOf(preview)).toEqual(['5:birth_date:date_two_digit_year']);
    expect(preview.validRows).toBe(5);
  });

  it('refuses JSON values that are not text, by row and field, instead of storing "[object Object]"', async () => {
    const preview = await s.ok<ImportPreview>('import.preview', { fileName: 'wrong-types.json', content: fixture('wrong-types.json').toString('utf8') });
    expect(preview.issues.map((i) => `${i.row}:${i.field}:${i.code}:${i.value}`)).toEqual([
      '1:full_name:wrong_type:object', '2:full_name:wrong_type:array', '3:full_name:wrong_type:boolean', '4:nik:json_number:3273011803730004',
    ]);
    // null is "empty": allowed for the optional phone, and for an unpaid booking's billing code.
    expect(preview.validRows).toBe(2);
    await s.ok('import.commit', { fileName: 'wrong-types.json', content: fixture('wrong-types.json').toString('utf8'), acceptValidRows: true });
    const names = (await s.ok<QueueView>('queue.view', { date: DAY })).rows.map((r) => r.fullName);
    expect(names.some((n) => /object|,|^true$/.test(n))).toBe(false);
  });

  it('refuses a call with neither or both forms of the file', async () => {
    expect(await s.call('import.preview', { fileName: 'x.csv' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await s.call('import.preview', { fileName: 'x.csv', content: 'a', contentBase64: 'YQ==' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});
