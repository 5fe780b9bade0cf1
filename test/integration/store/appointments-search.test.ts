// Search over the stored appointments on a real SQLite file: within the day any part of a
// booking code, NIK or name; across every day by prefix and by any part from three
// characters on (the trigram index), with accents and case folded; the index follows
// corrections and deletions, and a store from before the index gets it backfilled.
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentFields, openStore, rawDb, removeTempDirs, tempDir } from '../../helpers/stores';
import { loadMigrations, openDatabase } from '../../../electron/store/db';
import type { AppointmentFields } from '../../../domain/appointment';
import type { Store } from '../../../electron/store/store';

afterEach(removeTempDirs);

const TODAY = '2026-12-07';
const LAST_WEEK = '2026-11-30';
const AT = '2026-12-07T08:00:00.000Z';

function add(store: Store, f: AppointmentFields): string {
  return store.appointments.insert(f, { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: AT });
}

function seed(store: Store) {
  const rows = {
    // Made-up people; codes and NIKs chosen so each case matches exactly one of them.
    today: { ...appointmentFields(1, TODAY), bookingCode: 'BK2612074821', nik: '3171015708900003', fullName: 'SITI RAHAYU' },
    todayB: { ...appointmentFields(2, TODAY), bookingCode: 'BK2612075930', nik: '3273020101850011', fullName: 'BUDI SANTOSO' },
    old: { ...appointmentFields(3, LAST_WEEK), bookingCode: 'BK2611306617', nik: '3578034409920002', fullName: 'José Ramón Wibisono' },
  };
  const ids = Object.fromEntries(Object.entries(rows).map(([k, f]) => [k, add(store, f)])) as Record<keyof typeof rows, string>;
  return { rows, ids };
}

const dayIds = (store: Store, query: string) =>
  store.appointments.view({ date: TODAY, query, statuses: [], limit: 100 }).rows.map((r) => r.id);
const allIds = (store: Store, query: string, except?: string) =>
  store.appointments.searchAllDays(query, 50, except).map((r) => r.id);

describe('search within the day', () => {
  it('finds any part of a booking code, a NIK or a name, and nothing else', () => {
    const { store } = openStore();
    const { ids } = seed(store);
    expect(dayIds(store, '4821')).toEqual([ids.today]); // the last four digits, as read out
    expect(dayIds(store, '5708')).toEqual([ids.today]); // a piece of the NIK's middle
    expect(dayIds(store, 'ahay')).toEqual([ids.today]); // inside a name, any case
    expect(dayIds(store, 'santoso')).toEqual([ids.todayB]);
    expect(dayIds(store, '6617')).toEqual([]); // last week's booking is not today's
    expect(dayIds(store, '%')).toEqual([]); // LIKE's wildcard is a literal
    store.close();
  });
});

describe('search across every day', () => {
  it('finds by prefix from the first character and by any part from three on', () => {
    const { store } = openStore();
    const { ids } = seed(store);
    expect(allIds(store, 'bk2611')).toEqual([ids.old]); // code prefix
    expect(allIds(store, '35')).toEqual([ids.old]); // NIK prefix, two characters
    expect(allIds(store, 'jo')).toEqual([ids.old]); // name prefix, two characters
    expect(allIds(store, '6617')).toEqual([ids.old]); // code suffix, through the trigram index
    expect(allIds(store, '4409')).toEqual([ids.old]); // NIK middle
    expect(allIds(store, 'ramon')).toEqual([ids.old]); // accent folded: "Ramón"
    expect(allIds(store, 'WIBIS')).toEqual([ids.old]); // case folded
    expect(allIds(store, 'mó')).toEqual([]); // two characters match only beginnings
    expect(allIds(store, '"x')).toEqual([]); // a quote is text, not FTS syntax
    // Today's rows are left out when the caller shows them already.
    expect(allIds(store, 'BK2612', TODAY)).toEqual([]);
    expect(new Set(allIds(store, 'BK26'))).toEqual(new Set([ids.today, ids.todayB, ids.old]));
    store.close();
  });

  it('stops at the limit, newest day first', () => {
    const { store } = openStore();
    for (let i = 0; i < 30; i++) add(store, appointmentFields(100 + i, `2026-11-${String(1 + i).padStart(2, '0')}`));
    const rows = store.appointments.searchAllDays('PEMOHON', 10);
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.appointmentDate)).toEqual([...rows.map((r) => r.appointmentDate)].sort().reverse());
    expect(store.appointments.searchAllDays('EMOHON 12', 10).map((r) => r.fullName)).toEqual(['PEMOHON 129', 'PEMOHON 128', 'PEMOHON 127', 'PEMOHON 126', 'PEMOHON 125', 'PEMOHON 124', 'PEMOHON 123', 'PEMOHON 122', 'PEMOHON 121', 'PEMOHON 120']);
    store.close();
  });

  it('puts beginnings before insides: a full list of names that begin with the text leaves out names that only hold it', () => {
    const { store } = openStore();
    for (let i = 0; i < 3; i++) add(store, { ...appointmentFields(200 + i, LAST_WEEK), fullName: `ANDI ${i}` });
    const inside = add(store, { ...appointmentFields(210, TODAY), fullName: 'RANDI' });
    expect(store.appointments.searchAllDays('ANDI', 3).map((r) => r.fullName).sort()).toEqual(['ANDI 0', 'ANDI 1', 'ANDI 2']);
    // Fewer beginnings than the limit: the insides fill the rest.
    expect(store.appointments.searchAllDays('ANDI', 4).map((r) => r.id)).toContain(inside);
    store.close();
  });

  it('typing on past a text held nowhere still finds a row written since, here or by another connection', () => {
    const { store, dir } = openStore();
    seed(store);
    expect(allIds(store, 'BK261207', TODAY)).toEqual([]);
    expect(allIds(store, 'BK2612074', TODAY)).toEqual([]);
    const late = add(store, { ...appointmentFields(300, LAST_WEEK), bookingCode: 'XBK26120749' });
    expect(allIds(store, 'BK26120749', TODAY)).toEqual([late]);
    expect(allIds(store, 'BK261207499', TODAY)).toEqual([]);
    // Another connection to the same file (as a restore or a second process would write).
    const other = openDatabase(`${dir}/loket.sqlite`);
    other.prepare("UPDATE appointments SET booking_code = 'XBK261207499' WHERE id = ?").run(late);
    other.close();
    expect(allIds(store, 'BK2612074999', TODAY)).toEqual([]);
    expect(allIds(store, 'BK261207499', TODAY)).toEqual([late]);
    store.close();
  });

  it('an import indexes its rows at once at the end, with corrections made meanwhile; SQLite\'s own check agrees', () => {
    const { store, db } = openStore();
    const { ids } = seed(store);
    const fresh = store.tx(() => store.appointments.bulk(() => {
      const a = add(store, { ...appointmentFields(400, LAST_WEEK), fullName: 'RINA MARLINA' });
      const b = add(store, { ...appointmentFields(401, LAST_WEEK), fullName: 'DEWI LESTARI' });
      // A correction inside the same import, of a new row and of an indexed one.
      store.appointments.updateFields(b, { ...appointmentFields(401, LAST_WEEK), fullName: 'DEWI KARTIKA' }, 'h', AT);
      store.appointments.updateFields(ids.old, { ...appointmentFields(3, LAST_WEEK), bookingCode: 'BK2611306617', fullName: 'JOSÉ RAMOS' }, 'h', AT);
      return { a, b };
    }));
    expect(allIds(store, 'MARLINA')).toEqual([fresh.a]);
    expect(allIds(store, 'KARTIKA')).toEqual([fresh.b]);
    expect(allIds(store, 'LESTARI')).toEqual([]);
    expect(allIds(store, 'RAMOS')).toEqual([ids.old]);
    expect(allIds(store, 'Wibisono')).toEqual([]);
    // FTS5's integrity-check compares the index with the appointments table itself.
    expect(() => db.exec("INSERT INTO appointments_search (appointments_search, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    // Outside an import the triggers index each row again.
    const later = add(store, { ...appointmentFields(402, LAST_WEEK), fullName: 'AGUS SALIM' });
    expect(allIds(store, 'SALIM')).toEqual([later]);
    expect(db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'search_bulk_after'").get()).toEqual({ n: 0 });
    store.close();
  });

  it('follows a corrected name and a deleted row', () => {
    const { store, db } = openStore();
    const { rows, ids } = seed(store);
    store.appointments.updateFields(ids.old, { ...rows.old, fullName: 'JOSE RAMON KUSUMA' }, 'h', AT);
    expect(allIds(store, 'wibisono')).toEqual([]);
    expect(allIds(store, 'kusuma')).toEqual([ids.old]);
    db.prepare('DELETE FROM appointments WHERE id = ?').run(ids.old);
    expect(allIds(store, 'kusuma')).toEqual([]);
    expect((db.prepare("INSERT INTO appointments_search (appointments_search, rank) VALUES ('integrity-check', 1)").run()).changes).toBeGreaterThanOrEqual(0);
    store.close();
  });

  it('indexes the rows of a store made before the index (migration 0008 backfills)', () => {
    const dir = tempDir();
    const before = loadMigrations().filter((m) => m.version < 8);
    const db = openDatabase(`${dir}/old.sqlite`, { migrations: before });
    db.prepare(`INSERT INTO appointments (id, station_id, booking_code, nik, full_name, birth_place, birth_date, sex, service, passport_type,
      appointment_date, time_slot, payment_status, billing_code, phone, status, created_at, updated_at)
      VALUES ('a1', 's1', 'BK2611301234', '3578034409920002', 'DEWI LESTARI', 'SURABAYA', '1992-09-04', 'F', 'new', 'ordinary',
      '2026-11-30', '08:00-09:00', 'paid', '', '', 'booked', ?, ?)`).run(AT, AT);
    db.close();
    const migrated = openDatabase(`${dir}/old.sqlite`);
    const hit = migrated.prepare("SELECT a.id FROM appointments_search s JOIN appointments a ON a.seq = s.rowid WHERE appointments_search MATCH '\"ESTAR\"'").all();
    expect(hit).toEqual([{ id: 'a1' }]);
    migrated.close();
  });

  it('numbers the day\'s queue at check-in', () => {
    const { store } = openStore();
    const { ids } = seed(store);
    store.appointments.setStatus(ids.todayB, 'booked', 'checked_in', null, undefined, AT, 'checkIn');
    store.appointments.setStatus(ids.today, 'booked', 'checked_in', null, undefined, AT, 'checkIn');
    store.appointments.setStatus(ids.old, 'booked', 'checked_in', null, undefined, AT, 'checkIn');
    expect([ids.todayB, ids.today, ids.old].map((id) => store.appointments.getById(id)?.queueNumber)).toEqual([1, 2, 1]);
    // Undone and repeated: the same number.
    store.appointments.setStatus(ids.today, 'checked_in', 'booked', null, undefined, AT, 'undoCheckIn');
    store.appointments.setStatus(ids.today, 'booked', 'checked_in', null, undefined, AT, 'checkIn');
    expect(store.appointments.getById(ids.today)?.queueNumber).toBe(2);
    expect(rawDb(store).pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
  });
});
