// Big and hostile import files: a 25 MB export arrives in chunks (each message far below the
// browser host's 32 MiB limit) and imports whole; a file over the limit is refused with its
// size and the limit; chunks cannot push an upload past the cap or be read by another
// session; a deeply nested JSON file is refused before parsing and the station answers on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, counterOfficerSession, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import { toCsv, validRecords } from '../../helpers/appointment-files';
import type { ImportPreview, ImportResult, QueueView } from '../../../electron/contract-types';
import { IMPORT_CHUNK_CHARS } from '../../../domain/import-limits';

const DAY = '2026-11-23';
const MB = 1024 * 1024;
let t: TestStation;
let s: TestSession;
beforeEach(async () => {
  t = await openTestStation();
  s = await counterOfficerSession(t);
});
afterEach(async () => { await t.close(); });

/** Sends a file's bytes the way the import screen does (base64, in chunks), recording each message's size on the wire. */
async function upload(session: TestSession, fileName: string, text: string, wire: number[] = []): Promise<string> {
  const bytes = Buffer.from(text, 'utf8');
  const b64 = bytes.toString('base64');
  const { uploadId } = await session.ok<{ uploadId: string }>('import.begin', { fileName, size: bytes.length });
  for (let index = 0, start = 0; start < b64.length; index++, start += IMPORT_CHUNK_CHARS) {
    const input = { uploadId, index, data: b64.slice(start, start + IMPORT_CHUNK_CHARS), last: start + IMPORT_CHUNK_CHARS >= b64.length };
    wire.push(Buffer.byteLength(JSON.stringify({ t: 'call', id: index, m: 'import.chunk', i: input })));
    await session.ok('import.chunk', input);
  }
  return uploadId;
}

describe('big imports', () => {
  it('a 25 MB export (with an extra notes column, as booking systems add) imports in chunks', async () => {
    const rows = validRecords(DAY, 8_000);
    const csv = toCsv(rows).split('\r\n').map((line, i) => (line ? `${line};${i === 0 ? 'catatan' : 'x'.repeat(3_300)}` : line)).join('\r\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(25 * MB);
    // As one message it could not go: the inline form is capped at one chunk.
    expect(await s.call('import.preview', { fileName: 'big.csv', content: csv })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'content' } });

    const wire: number[] = [];
    const uploadId = await upload(s, 'big.csv', csv, wire);
    expect(wire.length).toBeGreaterThan(20);
    expect(Math.max(...wire)).toBeLessThan(8 * MB);
    const preview = await s.ok<ImportPreview>('import.preview', { fileName: 'big.csv', uploadId });
    expect(preview).toMatchObject({ format: 'csv', totalRows: 8_000, validRows: 8_000, invalidRows: 0 });
    expect(await s.ok<ImportResult>('import.commit', { fileName: 'big.csv', uploadId })).toEqual({ inserted: 8_000, updated: 0, unchanged: 0, skippedInvalid: 0 });
    expect((await s.ok<QueueView>('queue.view', { date: DAY, limit: 1000 })).total).toBe(8_000);
    // Imported: the upload is gone, so the same id imports nothing twice.
    expect(await s.call('import.commit', { fileName: 'big.csv', uploadId })).toMatchObject({ ok: false, error: { code: 'not_found', params: { reason: 'import_upload_gone' } } });
  });

  it('refuses a file over the limit at import.begin, naming its size and the limit', async () => {
    expect(await s.call('import.begin', { fileName: 'huge.csv', size: 52 * MB })).toEqual({
      ok: false, error: { code: 'import_invalid', params: { reason: 'import_too_large', sizeMb: 52, maxMb: 40 } },
    });
  });

  it('caps the assembled size whatever size was announced', async () => {
    const { uploadId } = await s.ok<{ uploadId: string }>('import.begin', { fileName: 'liar.csv', size: 10 });
    // Each chunk is 750,000 bytes in base64, so the 40 MB cap is passed in the 56th.
    const data = 'A'.repeat(IMPORT_CHUNK_CHARS);
    let refused: unknown = null;
    for (let index = 0; index < 57 && !refused; index++) {
      const r = await s.call('import.chunk', { uploadId, index, data, last: false });
      if (!r.ok) refused = r;
    }
    expect(refused).toMatchObject({ ok: false, error: { params: { reason: 'import_too_large', maxMb: 40 } } });
    // The upload was dropped, not kept growing.
    expect(await s.call('import.chunk', { uploadId, index: 0, data: 'a', last: true })).toMatchObject({ ok: false, error: { params: { reason: 'import_upload_gone' } } });
  });

  it('refuses a chunk that is not whole base64, and drops that upload', async () => {
    const { uploadId } = await s.ok<{ uploadId: string }>('import.begin', { fileName: 'text.csv', size: 10 });
    expect(await s.call('import.chunk', { uploadId, index: 0, data: 'not base64!', last: true })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'data' } });
    expect(await s.call('import.preview', { fileName: 'text.csv', uploadId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('another session cannot read or add to an upload, and chunks must come in order', async () => {
    const csv = toCsv(validRecords(DAY, 3));
    const uploadId = await upload(s, 'a.csv', csv);
    const other = t.session();
    await other.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    expect(await other.call('import.preview', { fileName: 'a.csv', uploadId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await other.call('import.chunk', { uploadId, index: 1, data: 'x', last: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await s.ok<ImportPreview>('import.preview', { fileName: 'a.csv', uploadId })).toMatchObject({ validRows: 3 });

    const { uploadId: second } = await s.ok<{ uploadId: string }>('import.begin', { fileName: 'b.csv', size: 100 });
    expect(await s.call('import.chunk', { uploadId: second, index: 1, data: 'x', last: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Beginning another upload in this session dropped the first.
    expect(await s.call('import.preview', { fileName: 'a.csv', uploadId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a JSON file nested a million deep is refused before parsing, and every session still answers', async () => {
    const deep = '['.repeat(IMPORT_CHUNK_CHARS - 10);
    const started = performance.now();
    expect(await s.ok<ImportPreview>('import.preview', { fileName: 'deep.json', content: deep })).toMatchObject({ fileError: { code: 'too_deep', params: { max: 32 } } });
    // Objects too, and sent in chunks.
    const objects = `${'{"a":'.repeat(400_000)}1${'}'.repeat(400_000)}`;
    const uploadId = await upload(s, 'deep2.json', objects);
    expect(await s.ok<ImportPreview>('import.preview', { fileName: 'deep2.json', uploadId })).toMatchObject({ fileError: { code: 'too_deep' } });
    expect(await s.call('import.commit', { fileName: 'deep2.json', uploadId, acceptValidRows: true })).toMatchObject({ ok: false, error: { code: 'import_invalid', params: { reason: 'too_deep' } } });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(await s.ok<QueueView>('queue.view', { date: DAY })).toMatchObject({ total: 0 });
    const other = t.session();
    await other.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    expect(await other.ok('setup.status')).toMatchObject({ needsFirstAdmin: false });
    // Brackets inside strings are text, not nesting: a normal file with them still imports.
    const rows = validRecords(DAY, 2);
    const withBrackets = JSON.stringify({ note: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["', appointments: rows });
    expect(await s.ok<ImportPreview>('import.preview', { fileName: 'ok.json', content: withBrackets })).toMatchObject({ validRows: 2 });
  });
});
