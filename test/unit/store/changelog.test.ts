// The change log on a real SQLite file: what each write logs (values, stamp, format), in the
// write's own transaction; tombstones and their retention; the clock across a restart with
// the system clock reset to 1970; the baseline that replaces the old outbox.
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { chmodSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../../electron/store/db';
import { TOMBSTONE_RETENTION_MS } from '../../../electron/store/changelog';
import { parseHlc, compareHlc } from '../../../domain/hlc';
import { readChange } from '../../../domain/change-format';
import { appointmentFields, openStore, removeTempDirs, tempDir } from '../../helpers/stores';

afterEach(removeTempDirs);

const AT = '2026-12-07T08:00:00.000Z';
const DAY = 24 * 3600_000;

describe('what a write logs', () => {
  it('a new appointment: every replicated column, not the local seq, with a stamp and the format', () => {
    const { store } = openStore();
    const id = store.tx(() => store.appointments.insert(appointmentFields(1), { status: 'booked', priority: ['elderly'], walkIn: false, sourceHash: 'h1', at: AT }));
    const [c, ...rest] = store.changes.unsent();
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ format: 1, changeId: `${store.stationId}:${1}`, stationId: store.stationId, table: 'appointments', rowId: id, op: 'upsert' });
    expect(c!.values).toEqual({
      id, station_id: store.stationId, booking_code: 'BK00000001', nik: appointmentFields(1).nik, full_name: 'PEMOHON 1', birth_place: 'JAKARTA',
      birth_date: '1990-01-02', sex: 'M', service: 'new', passport_type: 'electronic', appointment_date: '2026-12-07', time_slot: '08:00-09:00',
      payment_status: 'paid', billing_code: appointmentFields(1).billingCode, phone: '081234567890', status: 'booked', priority: 'elderly',
      walk_in: 0, source_hash: 'h1', created_at: AT, updated_at: AT, queue_number: null,
    });
    expect(parseHlc(c!.hlc)).toMatchObject({ wall: Date.UTC(2026, 11, 7, 8), node: store.stationId });
    // What the log hands out is a valid format-1 change.
    expect(readChange(c)).toEqual({ ok: true, change: c });
    store.close();
  });

  it('a status step: only the columns it changed, and the history row as its own change', () => {
    const { store } = openStore();
    const id = store.tx(() => store.appointments.insert(appointmentFields(2), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: AT }));
    store.tx(() => store.appointments.setStatus(id, 'booked', 'checked_in', null, undefined, '2026-12-07T08:05:00.000Z', 'checkIn'));
    const [, step, event] = store.changes.unsent();
    // A check-in also gives the applicant the day's next queue number.
    expect(step).toMatchObject({ table: 'appointments', rowId: id, values: { status: 'checked_in', updated_at: '2026-12-07T08:05:00.000Z', queue_number: 1 } });
    expect(Object.keys(step!.values).sort()).toEqual(['queue_number', 'status', 'updated_at']);
    expect(event).toMatchObject({ table: 'appointment_events', values: { appointment_id: id, from_status: 'booked', to_status: 'checked_in', action: 'checkIn' } });
    expect(step!.hlc < event!.hlc).toBe(true);
    store.close();
  });

  it('is written in the same transaction as the change: a rolled-back write logs nothing', () => {
    const { store } = openStore();
    expect(() => store.tx(() => {
      store.appointments.insert(appointmentFields(3), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: AT });
      throw new Error('power cut');
    })).toThrow('power cut');
    expect(store.changes.count()).toBe(0);
    store.close();
  });

  it('officers: roles travel as a list, login counters stay on the station', () => {
    const { store } = openStore();
    const id = randomUUID();
    store.tx(() => store.officers.insert({ id, nip: '198001012005011001', name: 'Budi', passwordHash: 'scrypt$x', disabled: false, language: 'id', roles: ['supervisor', 'counter'], createdAt: AT }));
    store.tx(() => store.officers.setLoginState(id, 3, '2026-12-07T09:00:00.000Z'));
    store.tx(() => store.officers.update(id, { roles: ['counter'] }, '2026-12-07T08:10:00.000Z'));
    const [created, updated, ...rest] = store.changes.unsent();
    expect(rest).toEqual([]);
    expect(created!.values).toMatchObject({ id, nip: '198001012005011001', roles: ['counter', 'supervisor'] });
    expect(created!.values).not.toHaveProperty('failed_logins');
    expect(created!.values).not.toHaveProperty('locked_until');
    expect(updated!.values).toEqual({ roles: ['counter'], updated_at: '2026-12-07T08:10:00.000Z' });
    store.close();
  });

  it('blobs: metadata only, never the sealed bytes; removal is a tombstone', () => {
    const { store, db } = openStore();
    const id = store.tx(() => store.blobs.put({ type: 'enrolment', id: 'e1' }, 'photo', 'image/jpeg', Buffer.from('portrait'), { w: 1 }, AT));
    store.tx(() => store.blobs.remove(id, AT));
    const [put, del] = store.changes.unsent();
    expect(Object.keys(put!.values).sort()).toEqual(['created_at', 'id', 'kind', 'meta', 'mime', 'owner_id', 'owner_type', 'station_id']);
    expect(JSON.stringify(put)).not.toContain(Buffer.from('portrait').toString('base64'));
    expect(del).toMatchObject({ table: 'blobs', rowId: id, op: 'delete', values: {} });
    expect(db.prepare('SELECT deleted_hlc FROM row_clocks WHERE tbl = ? AND row_id = ?').get('blobs', id)).toEqual({ deleted_hlc: del!.hlc });
    store.close();
  });
});

describe('the clock across restarts', () => {
  it('survives a restart with the system clock reset to 1970: stamps keep increasing', () => {
    const dir = tempDir();
    const first = openStore(dir);
    first.store.tx(() => first.store.settings.set('idleLockMinutes', '10', AT));
    const before = first.store.changes.unsent().at(-1)!.hlc;
    first.store.close();
    const again = openStore(dir, { ms: 0 });
    again.store.tx(() => again.store.settings.set('idleLockMinutes', '12', AT));
    again.store.tx(() => again.store.settings.set('idleLockMinutes', '14', AT));
    const stamps = again.store.changes.unsent().map((c) => c.hlc);
    expect(stamps).toHaveLength(3);
    expect(stamps[0]).toBe(before);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(3);
    expect(parseHlc(stamps[2]!).wall).toBe(Date.UTC(2026, 11, 7, 8));
    again.store.close();
  });

  it('keeps its last stamp in meta once its own log is pruned', () => {
    const dir = tempDir();
    const a = openStore(dir);
    a.store.tx(() => a.store.settings.set('k', 'v', AT));
    a.store.changes.ack(a.store.changes.unsent().map((c) => c.changeId), AT);
    a.store.changes.prune(a.clock.ms);
    expect(a.store.changes.all()).toEqual([]);
    const seen = a.store.changes.clock.last();
    a.store.close();
    const b = openStore(dir, { ms: 0 });
    b.store.tx(() => b.store.settings.set('k', 'w', AT));
    expect(compareHlc(parseHlc(b.store.changes.unsent()[0]!.hlc), seen)).toBe(1);
    b.store.close();
  });
});

describe('acknowledgement and pruning', () => {
  it('drops acknowledged upserts, keeps unacknowledged ones, keeps deletes and tombstones 60 days', () => {
    const { store, db, clock } = openStore();
    const blob = store.tx(() => store.blobs.put({ type: 'x', id: 'y' }, 'scan', 'image/jpeg', Buffer.from('a'), {}, AT));
    store.tx(() => store.blobs.remove(blob, AT));
    store.tx(() => store.settings.set('k', 'v', AT));
    const [put, del, setting] = store.changes.unsent();
    store.changes.ack([put!.changeId, del!.changeId, `${randomUUID()}:1`], AT);
    expect(store.changes.unsent().map((c) => c.changeId)).toEqual([setting!.changeId]);

    store.changes.prune(clock.ms);
    expect(store.changes.all().map((c) => c.changeId)).toEqual([del!.changeId, setting!.changeId]);
    expect(db.prepare('SELECT count(*) AS n FROM row_clocks WHERE deleted_hlc IS NOT NULL').get()).toEqual({ n: 1 });

    // 59 days on: still there (a station offline for weeks must still learn of it).
    store.changes.prune(clock.ms + 59 * DAY);
    expect(store.changes.all()).toHaveLength(2);
    // A shorter retention asked for is not honoured: 60 days is the floor.
    store.changes.prune(clock.ms + 59 * DAY, DAY);
    expect(store.changes.all()).toHaveLength(2);
    store.changes.prune(clock.ms + TOMBSTONE_RETENTION_MS + DAY);
    expect(store.changes.all().map((c) => c.changeId)).toEqual([setting!.changeId]);
    expect(db.prepare('SELECT count(*) AS n FROM row_clocks WHERE deleted_hlc IS NOT NULL').get()).toEqual({ n: 0 });
    store.close();
  });

  it('never reuses a change id after pruning', () => {
    const dir = tempDir();
    const { store, clock } = openStore(dir);
    store.tx(() => store.settings.set('a', '1', AT));
    const first = store.changes.unsent()[0]!.changeId;
    store.changes.ack([first], AT);
    store.changes.prune(clock.ms);
    store.close();
    const again = openStore(dir);
    again.store.tx(() => again.store.settings.set('a', '2', AT));
    expect(again.store.changes.unsent()[0]!.changeId).not.toBe(first);
    again.store.close();
  });
});

describe('from the outbox to the change log', () => {
  it('a store with outbox rows gets one full-row change per existing row, once, and no outbox', () => {
    const dir = tempDir();
    // The schema as it was just before the change log replaced the outbox.
    const all = loadMigrations();
    const before = all.filter((m) => m.version < all.find((x) => x.name === 'changelog')!.version);
    const db = openDatabase(path.join(dir, 'loket.sqlite'), { migrations: before });
    const station = randomUUID();
    db.prepare("INSERT INTO meta (key, value) VALUES ('station_id', ?)").run(station);
    db.prepare(`INSERT INTO appointments (id, station_id, booking_code, nik, full_name, birth_place, birth_date, sex, service, passport_type,
      appointment_date, time_slot, payment_status, billing_code, phone, status, created_at, updated_at)
      VALUES ('ap1', ?, 'BK1', '3171010101900001', 'SITI', 'BOGOR', '1990-01-01', 'F', 'new', 'ordinary', '2026-12-07', '08:00', 'paid', 'b', 'p', 'booked', ?, ?)`).run(station, AT, AT);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('idleLockMinutes', '7', ?)").run(AT);
    db.prepare("INSERT INTO blobs (id, station_id, owner_type, owner_id, kind, mime, sealed, created_at) VALUES ('b1', ?, 'enrolment', 'ap1', 'photo', 'image/jpeg', x'00', ?)").run(station, AT);
    db.prepare("INSERT INTO outbox (station_id, entity, entity_id, op, at) VALUES (?, 'appointment', 'ap1', 'insert', ?)").run(station, AT);
    db.close();
    // Written here with the default umask; the station refuses store files others can read.
    for (const f of readdirSync(dir).filter((n) => n.startsWith('loket.sqlite'))) chmodSync(path.join(dir, f), 0o600);

    const { store, db: after } = openStore(dir);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'outbox'").get()).toEqual({ n: 0 });
    const changes = store.changes.unsent();
    expect(changes.map((c) => [c.table, c.rowId, c.op])).toEqual([['appointments', 'ap1', 'upsert'], ['settings', 'idleLockMinutes', 'upsert'], ['blobs', 'b1', 'upsert']]);
    expect(changes[0]!.values).toMatchObject({ id: 'ap1', full_name: 'SITI', status: 'booked', priority: '' });
    // The existing blob keeps its sealed bytes through the table's rebuild.
    expect(after.prepare("SELECT hex(sealed) AS s FROM blobs WHERE id = 'b1'").get()).toEqual({ s: '00' });
    store.close();
    const again = openStore(dir);
    expect(again.store.changes.unsent()).toHaveLength(3);
    again.store.close();
  });
});
