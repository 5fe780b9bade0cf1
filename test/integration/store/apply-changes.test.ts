// Applying another station's changes to a real SQLite store: once per change id, column
// by column by clock, tombstones final, waiting for what has not arrived, refusing what
// cannot be read, and never echoing into this station's own change log.
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../domain/change-format';
import { formatHlc, parseHlc } from '../../../domain/hlc';
import { appointmentFields, openStore, removeTempDirs, type TestStore } from '../../helpers/stores';

afterEach(removeTempDirs);

const AT = '2026-12-07T08:00:00.000Z';
const book = (t: TestStore, n: number) =>
  t.store.tx(() => t.store.appointments.insert(appointmentFields(n), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: AT }));
const newSince = (t: TestStore, seen: number) => t.store.changes.all().slice(seen);

describe('apply', () => {
  it('creates the row, and the same change twice is applied once', () => {
    const a = openStore(); const b = openStore();
    const id = book(a, 1);
    const [c] = a.store.changes.all();
    expect(b.store.remote.apply([c, c])).toEqual([{ changeId: c!.changeId, status: 'applied' }, { changeId: c!.changeId, status: 'duplicate' }]);
    expect(b.store.remote.apply([c])).toEqual([{ changeId: c!.changeId, status: 'duplicate' }]);
    expect(b.store.appointments.getById(id)).toEqual(a.store.appointments.getById(id));
    // Applying is not a change of this station: nothing to send back.
    expect(b.store.changes.count()).toBe(0);
    // …and this station's clock now stamps after what it received.
    b.store.tx(() => b.store.settings.set('k', 'v', AT));
    expect(b.store.changes.unsent()[0]!.hlc > c!.hlc).toBe(true);
    a.store.close(); b.store.close();
  });

  it('merges column by column: the later stamp wins each column, whatever the order', () => {
    const a = openStore(); const b = openStore(); const c = openStore();
    const id = book(a, 2);
    b.store.remote.apply(a.store.changes.all());
    // Concurrent: A moves the slot and records the payment; B, a little later, changes the
    // phone and the slot. Row-level last-writer-wins would lose A's payment.
    a.store.tx(() => a.store.appointments.updateFields(id, { ...appointmentFields(2), timeSlot: '09:00-10:00', paymentStatus: 'unpaid' }, 'ha', AT));
    b.clock.ms += 1000;
    b.store.tx(() => b.store.appointments.updateFields(id, { ...appointmentFields(2), timeSlot: '10:00-11:00', phone: '0811' }, 'hb', AT));
    const fromA = newSince(a, 1); const fromB = b.store.changes.all();
    a.store.remote.apply(fromB);
    b.store.remote.apply(fromA);
    c.store.remote.apply([...fromB, ...a.store.changes.all().slice(0, 1), ...fromA].reverse());
    for (const s of [a, b, c]) expect(s.store.appointments.getById(id)).toMatchObject({ timeSlot: '10:00-11:00', phone: '0811', paymentStatus: 'unpaid' });
    expect(c.store.appointments.getById(id)).toEqual(a.store.appointments.getById(id));
    expect(b.store.appointments.getById(id)).toEqual(a.store.appointments.getById(id));
    a.store.close(); b.store.close(); c.store.close();
  });

  it('a station whose clock runs ahead (within the bound) does not win over a later write elsewhere', () => {
    const a = openStore(); const b = openStore();
    a.clock.ms += 30 * 60_000; // A's clock runs half an hour ahead.
    a.store.tx(() => a.store.settings.set('idleLockMinutes', '5', AT));
    b.store.remote.apply(a.store.changes.all());
    // B writes after it saw A's change: its stamp is after A's although its clock is behind.
    b.store.tx(() => b.store.settings.set('idleLockMinutes', '9', AT));
    a.store.remote.apply(b.store.changes.all());
    expect(a.store.settings.getAll().idleLockMinutes).toBe('9');
    expect(b.store.settings.getAll().idleLockMinutes).toBe('9');
    expect(parseHlc(b.store.changes.all()[0]!.hlc).wall).toBe(a.clock.ms);
    a.store.close(); b.store.close();
  });

  it('a tombstone is final: it wins over older upserts and newer ones alike, in any order', () => {
    const a = openStore(); const b = openStore(); const c = openStore();
    const blob = a.store.tx(() => a.store.blobs.put({ type: 'enrolment', id: 'e' }, 'photo', 'image/jpeg', Buffer.from('x'), { v: 1 }, AT));
    const created = a.store.changes.all();
    b.store.remote.apply(created);
    a.store.tx(() => a.store.blobs.remove(blob, AT));
    const deleted = newSince(a, 1);
    // C hears of the delete before the creation.
    expect(c.store.remote.apply(deleted)[0]!.status).toBe('applied');
    expect(c.store.remote.apply(created)[0]!.status).toBe('applied');
    b.store.remote.apply(deleted);
    for (const s of [a, b, c]) expect(s.db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 0 });
    // A later upsert of the same id (a forged or very late edit) does not bring it back.
    const late: Change = { ...created[0]!, changeId: `${created[0]!.stationId}:999`, hlc: formatHlc({ wall: a.clock.ms + 60_000, logical: 0, node: created[0]!.stationId }) };
    expect(b.store.remote.apply([late])[0]!.status).toBe('applied');
    expect(b.db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 0 });
    a.store.close(); b.store.close(); c.store.close();
  });

  it('waits for a row\'s creation or its parent, then applies once they arrive', () => {
    const a = openStore(); const b = openStore();
    const id = book(a, 3);
    a.store.tx(() => a.store.appointments.setStatus(id, 'booked', 'checked_in', null, undefined, AT, 'checkIn'));
    a.store.tx(() => a.store.enrolments.put(id, { mrz: 'ok' }, AT));
    const [create, step, event, enrol] = a.store.changes.all();
    expect(b.store.remote.apply([enrol, step, event]).map((o) => o.status)).toEqual(['waiting', 'waiting', 'waiting']);
    expect(b.store.remote.waitingCount()).toBe(3);
    // A resend of a waiting change does not queue it twice.
    expect(b.store.remote.apply([step])[0]!.status).toBe('waiting');
    expect(b.store.remote.apply([create])[0]!.status).toBe('applied');
    expect(b.store.remote.waitingCount()).toBe(0);
    expect(b.store.appointments.getById(id)).toEqual(a.store.appointments.getById(id));
    expect(b.store.enrolments.get(id)).toEqual(a.store.enrolments.get(id));
    expect(b.store.appointments.history(id)).toEqual(a.store.appointments.history(id));
    a.store.close(); b.store.close();
  });

  it('refuses what it cannot read or must not apply with a sentence, and applies the rest', () => {
    const a = openStore();
    const b = openStore(undefined, undefined, {
      validateRemote: (change) => (change.table === 'settings' && change.rowId === 'frozen' ? 'This setting is fixed by the office; the change was not applied.' : null),
    });
    a.store.tx(() => { a.store.settings.set('frozen', '1', AT); a.store.settings.set('free', '1', AT); });
    const [frozen, free] = a.store.changes.all();
    const newer = { ...free!, format: 2 };
    const ahead = { ...free!, changeId: `${free!.stationId}:77`, hlc: `${(a.clock.ms + 2 * 3600_000).toString(16).padStart(12, '0')}-000000-${free!.stationId}` };
    const unknownTable = { ...free!, changeId: `${free!.stationId}:78`, table: 'stock_leases' };
    const out = b.store.remote.apply([newer, frozen, ahead, unknownTable, free, 'garbage']);
    expect(out.map((o) => [o.status, o.code])).toEqual([
      ['refused', 'change_format_unknown'], ['refused', 'change_refused'], ['waiting', 'clock_ahead'],
      ['refused', 'change_table_unknown'], ['applied', undefined], ['refused', 'change_format_unknown'],
    ]);
    expect(out[0]!.message).toMatch(/change format 2; this version of Loket reads format 1/);
    expect(out[1]!.message).toBe('This setting is fixed by the office; the change was not applied.');
    expect(out[2]!.message).toMatch(/ahead of this station's clock/);
    expect(out[2]!.params).toEqual({ minutes: 120, allowed: 60 });
    expect(out[3]!.params).toEqual({ table: 'stock_leases' });
    expect(b.store.settings.getAll()).toEqual({ free: '1' });
    // A refused change is not recorded as applied: once the reason is gone, a resend applies.
    expect(b.db.prepare('SELECT count(*) AS n FROM applied_changes').get()).toEqual({ n: 1 });
    // The change stamped two hours ahead is kept, not dropped: once this clock is within the
    // hour it is applied with the next batch (the office already holds it).
    expect(b.store.remote.waitingCount()).toBe(1);
    b.clock.ms += 61 * 60_000;
    expect(b.store.remote.apply([])).toEqual([]);
    expect(b.store.remote.waitingCount()).toBe(0);
    expect(b.db.prepare('SELECT count(*) AS n FROM applied_changes').get()).toEqual({ n: 2 });
    a.store.close(); b.store.close();
  });

  it('a write of every column supersedes older per-column stamps (none shadows it)', () => {
    const a = openStore(); const b = openStore();
    const id = book(a, 4);
    a.clock.ms += 1000;
    a.store.tx(() => a.store.appointments.updateFields(id, { ...appointmentFields(4), phone: '0811' }, 'h', AT));
    b.store.remote.apply(a.store.changes.all());
    const [create, phone] = a.store.changes.all();
    const stamp = (station: string, ms: number) => formatHlc({ wall: ms, logical: 0, node: station });
    const from = (station: string, seq: number, ms: number, values: Change['values']): Change =>
      ({ ...create!, changeId: `${station}:${seq}`, stationId: station, hlc: stamp(station, ms), values });
    const t = parseHlc(phone!.hlc).wall;
    // Station C rewrites every column at t+2s; station D's phone edit at t+1s arrives after it.
    const full = from('c', 1, t + 2000, { ...create!.values, phone: '0822' });
    const older = from('d', 1, t + 1000, { phone: '0833' });
    expect(b.store.remote.apply([full, older]).map((o) => o.status)).toEqual(['applied', 'applied']);
    expect(b.store.appointments.getById(id)!.phone).toBe('0822');
    a.store.close(); b.store.close();
  });

  it('officers arrive with their roles', () => {
    const a = openStore(); const b = openStore();
    a.store.tx(() => a.store.officers.insert({ id: 'o1', nip: '198001012005011001', name: 'Budi', passwordHash: 'scrypt$x', disabled: false, language: 'id', roles: ['counter', 'print'], createdAt: AT }));
    a.store.tx(() => a.store.officers.update('o1', { roles: ['supervisor'], name: 'Budi S.' }, AT));
    b.store.remote.apply(a.store.changes.all().reverse());
    expect(b.store.officers.byId('o1')).toMatchObject({ name: 'Budi S.', roles: ['supervisor'], failedLogins: 0, lockedUntil: null });
    a.store.close(); b.store.close();
  });
});
