// The change format: recorded format-1 changes (test/fixtures/changes/v1, made by real
// stores with record-v1.ts) still read and replay into a store of this version; a change
// of an unknown format, or a malformed one, is refused with a sentence, never guessed at.
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANGE_FORMAT_VERSION, readChange } from '../../../domain/change-format';
import { openStore, removeTempDirs } from '../../helpers/stores';

afterEach(removeTempDirs);

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/changes/v1');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => ({ name: f, json: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown> }));

describe('change format 1', () => {
  it('is the format this version writes', () => {
    expect(CHANGE_FORMAT_VERSION).toBe(1);
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
  });

  it.each(fixtures.map((f) => [f.name, f.json] as const))('%s reads as a valid change', (_name, json) => {
    const r = readChange(json);
    expect(r).toEqual({ ok: true, change: json });
  });

  it('the recorded changes replay into a store of this version, in any order', () => {
    const { store } = openStore();
    const changes = fixtures.map((f) => f.json);
    const outcomes = store.remote.apply([...changes].reverse());
    expect(outcomes.every((o) => o.status === 'applied' || o.status === 'waiting')).toBe(true);
    expect(store.remote.waitingCount()).toBe(0);
    const appt = changes.find((c) => c.table === 'appointments')!;
    expect(store.appointments.getById(String(appt.rowId))).toMatchObject({ fullName: 'PEMOHON CONTOH', status: 'checked_in', priority: ['elderly'] });
    expect(store.appointments.history(String(appt.rowId)).map((h) => h.action)).toEqual(['checkIn']);
    expect(store.officers.byNip('198001012005011001')).toMatchObject({ name: 'Petugas Contoh', roles: ['counter', 'supervisor'] });
    expect(store.settings.getAll()).toEqual({ idleLockMinutes: '12' });
    expect(store.blobs.listFor('enrolment', String(appt.rowId))).toEqual([]);
    expect(store.enrolments.get(String(appt.rowId))?.data).toEqual({ mrz: { match: true } });
    store.close();
  });

  it('refuses a change of another format with a sentence naming both formats', () => {
    const newer = { ...fixtures[0]!.json, format: 2 };
    expect(readChange(newer)).toMatchObject({
      ok: false, code: 'change_format_unknown', params: { found: 2, supported: 1 },
      message: expect.stringMatching(/^This change is in change format 2; this version of Loket reads format 1\. Update Loket/),
    });
    const { format: _f, ...noFormat } = fixtures[0]!.json;
    expect(readChange(noFormat)).toMatchObject({ ok: false, code: 'change_format_unknown', params: { found: 'none' } });
    expect(readChange(null)).toMatchObject({ ok: false, code: 'change_format_unknown' });
  });

  it('refuses a malformed change naming the field', () => {
    const base = fixtures.find((f) => f.json.op === 'delete')!.json;
    expect(readChange({ ...base, values: { x: 1 } })).toMatchObject({ ok: false, code: 'change_invalid', params: { field: 'values' } });
    expect(readChange({ ...base, hlc: '2026-12-07' })).toMatchObject({ ok: false, code: 'change_invalid', params: { field: 'hlc' } });
    expect(readChange({ ...base, changeId: 'someone-else:1' })).toMatchObject({ ok: false, code: 'change_invalid', params: { field: 'changeId' } });
    expect(readChange({ ...base, extra: true })).toMatchObject({ ok: false, code: 'change_invalid' });
    expect(readChange({ ...base, table: 'Robert\'); DROP TABLE' })).toMatchObject({ ok: false, code: 'change_invalid', params: { field: 'table' } });
  });
});
