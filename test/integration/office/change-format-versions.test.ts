// A station and an office of different versions agree on the change format or refuse with a
// sentence, never misread. The change format as stations wrote it (format 1, recorded in
// test/fixtures/change-format/v1 by capture.ts) is replayed against today's office service
// and accepted, and reaches another station; the same batches as a fabricated future format
// are refused — whole pushes, single changes, pairing, and a pulled change at a station.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANGE_FORMAT_VERSION, type Change } from '../../../domain/change-format';
import { officeRequest } from '../../../electron/services/office-link';
import { storePush } from '../../../office/push';
import { officeTestBed } from '../../helpers/office-stations';
import en from '../../../renderer/i18n/en.json';

const bed = officeTestBed();
const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/change-format/v1');
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()
  .map((f) => ({ name: f, body: JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as { format: number; changes: Change[] } }));

describe('change format versions', () => {
  it('has recorded batches of format 1 from a station, covering upserts and a tombstone', () => {
    expect(fixtures.map((f) => f.name)).toEqual(['appointments.json', 'blob-tombstone.json', 'settings.json', 'stock.json']);
    const all = fixtures.flatMap((f) => f.body.changes);
    expect(new Set(all.map((c) => c.format))).toEqual(new Set([1]));
    expect(all.some((c) => c.op === 'delete')).toBe(true);
    expect(new Set(all.map((c) => c.table))).toEqual(new Set(['appointments', 'appointment_events', 'blobs', 'settings', 'book_deliveries', 'books', 'book_events']));
  });

  it('today\'s office accepts the recorded format-1 batches and hands them to another station', async () => {
    const o = await bed.office();
    for (const f of fixtures) {
      const acks = await storePush(o.pool, f.body.changes[0]!.stationId, f.body.changes);
      expect(acks.map((a) => a.status), f.name).toEqual(f.body.changes.map(() => 'stored'));
    }
    const b = await bed.station(o, 'Loket B');
    const pulled = await b.link.sync();
    expect(pulled.pulled.received).toBe(fixtures.reduce((n, f) => n + f.body.changes.length, 0));
    expect(b.db.prepare('SELECT booking_code, status FROM appointments ORDER BY booking_code').all()).toEqual([
      { booking_code: 'BK00000001', status: 'checked_in' }, { booking_code: 'BK00000002', status: 'booked' }, { booking_code: 'BK00000003', status: 'booked' },
    ]);
    expect(b.db.prepare("SELECT serial, state FROM books ORDER BY serial").all()).toEqual([
      { serial: 'C7000001', state: 'in_stock' }, { serial: 'C7000002', state: 'spoiled' }, { serial: 'C7000003', state: 'in_stock' },
    ]);
    expect(b.db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 0 });
    const { formats } = await officeRequest<{ formats: number[] }>(o.server.url, o.identity.sha256, 'GET', '/v1/hello');
    expect(formats).toEqual([CHANGE_FORMAT_VERSION]);
  }, 60_000);

  it('a fabricated future format is refused with a sentence, never read', async () => {
    const o = await bed.office();
    const a = await bed.station(o, 'Loket A');
    const cfg = a.store.officeLink.link()!;
    const future = fixtures[0]!.body.changes.map((c, i) => ({ ...c, format: 2, stationId: a.store.stationId, changeId: `${a.store.stationId}:${800 + i}`, values: { ...c.values, new_meaning: 'x' } }));

    // A whole push of a newer station: refused, the station keeps its changes and reads why.
    const whole = await officeRequest(cfg.url, cfg.certSha256, 'POST', '/v1/push', { format: 2, changes: future }, cfg.credential).catch((e: unknown) => e);
    expect(whole).toMatchObject({ code: 'format_mismatch', status: 409 });
    expect((whole as Error).message).toMatch(/change format 2; this office service reads format 1\. Install the same version/);
    // Single changes of the newer format inside a push: each parked with its sentence, none stored.
    const { acks } = await officeRequest<{ acks: { status: string; code: string; message: string }[] }>(
      cfg.url, cfg.certSha256, 'POST', '/v1/push', { format: CHANGE_FORMAT_VERSION, changes: future }, cfg.credential);
    expect(acks.every((x) => x.status === 'parked' && x.code === 'change_format_unknown')).toBe(true);
    expect(acks[0]!.message).toMatch(/change format 2; this version of Loket reads format 1/);
    expect((await o.pool.query("SELECT count(*)::int AS n FROM changes WHERE station_id <> 'office'")).rows[0]).toEqual({ n: 0 });
    // Pairing a station of another version: refused before it gets a credential.
    const pair = await officeRequest(o.server.url, o.identity.sha256, 'POST', '/v1/pair', { stationId: 'st-new', name: 'x', format: 2, proof: '0'.repeat(64) }).catch((e: unknown) => e);
    expect(pair).toMatchObject({ code: 'format_mismatch' });
    // A station given a newer change by pull refuses it and applies nothing of it.
    const fromNewer = { ...future[0]!, stationId: 'st-new', changeId: 'st-new:1' };
    const applied = a.store.tx(() => a.store.remote.apply([fromNewer]));
    expect(applied[0]).toMatchObject({ status: 'refused', code: 'change_format_unknown' });
    expect(a.db.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 0 });
    // The officer reads the refusal in a sentence.
    expect(en.error.reason.format_mismatch).toMatch(/different versions of Loket/);
    expect(en.error.reason.change_format_unknown).toMatch(/another version of Loket/);
  }, 60_000);
});
