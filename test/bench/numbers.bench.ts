// The day in numbers at 10,000 and 100,000 stored applications: the time `numbers.day`
// takes through a real station session (dispatch, role check, SQL, figures). The history is
// written straight into the SQLite file in the shapes the workflow writes (200 applicants a
// day, each checked in, enrolled, submitted and approved or returned, with four fingers),
// because driving 100,000 enrolments through the devices would take hours.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { ADMIN, openTestStation } from '../helpers/station';
import { DB_FILE_NAME } from '../../electron/store/store';
import { median, round } from './stats';

const PER_DAY = 200;
const LAST_DAY = new Date('2026-11-23T00:00:00Z');
const FINGERS = ['right_thumb', 'right_index', 'left_thumb', 'left_index'];

function seed(file: string, applications: number, stationId: string, officerId: string): string {
  const db = new Database(file);
  // Seeding only: the file is thrown away after the bench, so no fsync per commit.
  db.pragma('synchronous = OFF');
  const app = db.prepare(`INSERT INTO appointments (id, station_id, booking_code, nik, full_name, birth_place, birth_date, sex, service,
    passport_type, appointment_date, time_slot, payment_status, billing_code, phone, status, priority, walk_in, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'Jakarta', '1990-01-01', ?, ?, ?, ?, ?, 'paid', ?, '+6281234567890', ?, ?, 0, ?, ?)`);
  const ev = db.prepare('INSERT INTO appointment_events (id, appointment_id, station_id, officer_id, from_status, to_status, reason, at, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const enr = db.prepare('INSERT INTO enrolments (appointment_id, id, station_id, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const days = Math.ceil(applications / PER_DAY);
  let day = '';
  db.transaction(() => {
    for (let i = 0; i < applications; i++) {
      const d = new Date(LAST_DAY.getTime() - Math.floor(i / PER_DAY) * 86_400_000);
      day = d.toISOString().slice(0, 10);
      const k = i % PER_DAY;
      const t0 = d.getTime() + 1 * 3_600_000 + k * 120_000; // from 08:00 WIB, one every two minutes
      const iso = (min: number) => new Date(t0 + min * 60_000).toISOString();
      const id = randomUUID();
      const returned = k % 25 === 0;
      const status = returned ? 'returned' : 'approved';
      app.run(id, stationId, `B${String(i).padStart(9, '0')}`, String(3171010101900000 + i), `PEMOHON ${i}`, k % 2 ? 'M' : 'F',
        k % 3 ? 'replace_expired' : 'new', k % 4 ? 'ordinary' : 'electronic', day, `${String(8 + Math.floor(k / 30)).padStart(2, '0')}:00`,
        `BILL${i}`, status, k % 10 === 0 ? 'elderly' : '', iso(0), iso(90));
      ev.run(randomUUID(), id, stationId, officerId, 'booked', 'checked_in', null, iso(0), 'checkIn');
      ev.run(randomUUID(), id, stationId, officerId, 'checked_in', 'in_enrolment', null, iso(5), 'openEnrolment');
      ev.run(randomUUID(), id, stationId, officerId, 'in_enrolment', 'awaiting_approval', null, iso(12 + (k % 7)), 'submit');
      ev.run(randomUUID(), id, stationId, officerId, 'awaiting_approval', status, returned ? 'Foto buram' : null, iso(60 + (k % 30)), returned ? 'return' : 'approve');
      const fingers = FINGERS.map((finger, j) => ({ finger, status: (k + j) % 17 === 0 ? 'missing' : 'captured', score: 80, attempts: 1 + ((k + j) % 3 === 0 ? 1 : 0), blobId: null }));
      enr.run(id, randomUUID(), stationId, JSON.stringify({ fingerprints: fingers }), iso(5), iso(12));
    }
  })();
  db.close();
  // The middle of the stored span: a day with history on both sides.
  return new Date(LAST_DAY.getTime() - Math.floor(days / 2) * 86_400_000).toISOString().slice(0, 10);
}

async function screenMs(applications: number): Promise<{ median: number; runs: number[] }> {
  let t = await openTestStation();
  const s = t.session();
  const me = await s.ok<{ officerId: string }>('setup.createFirstAdmin', ADMIN);
  const stationId = t.station.stationId;
  const dataDir = t.dataDir;
  await t.station.close();
  const day = seed(path.join(dataDir, DB_FILE_NAME), applications, stationId, me.officerId);
  t = await openTestStation({ dataDir });
  const head = t.session();
  await head.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
  const admin = await head.ok<{ officerId: string }>('auth.session');
  await head.ok('officers.update', { id: admin.officerId, roles: ['admin', 'head'] });
  const runs: number[] = [];
  for (let r = 0; r < 15; r++) {
    const t0 = performance.now();
    await head.ok('numbers.day', { day });
    runs.push(performance.now() - t0);
  }
  await t.close();
  return { median: median(runs), runs };
}

export default async function numbers() {
  const small = await screenMs(10_000);
  const large = await screenMs(100_000);
  return {
    screen_ms_10k: round(small.median, 1),
    screen_ms_100k: round(large.median, 1),
    runs: 15, per_day: PER_DAY,
    note: 'numbers.day for one day in the middle of the stored span, through a station session; medians of 15 calls',
    goal_ms_100k: 300, meets_goal: large.median < 300,
  };
}
