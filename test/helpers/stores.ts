// Stores on real SQLite files in temporary directories, with a physical clock the test
// moves, for the change log and replication tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Store, type StoreOptions } from '../../electron/store/store';
import type { AppointmentFields } from '../../domain/appointment';

export interface TestStore { store: Store; dir: string; clock: { ms: number }; db: Database.Database }

const dirs: string[] = [];

export function tempDir(prefix = 'loket-repl-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Opens (or reopens) a store whose physical clock reads clock.ms. */
export function openStore(dir = tempDir(), clock = { ms: Date.UTC(2026, 11, 7, 8, 0, 0) }, extra: Partial<StoreOptions> = {}): TestStore {
  const store = Store.open({ dataDir: dir, dataKey: randomBytes(32), physicalClock: () => clock.ms, ...extra });
  return { store, dir, clock, db: rawDb(store) };
}

/** The store's connection, for reading what the repositories do not expose. */
export function rawDb(store: Store): Database.Database {
  return (store as unknown as { db: Database.Database }).db;
}

export function appointmentFields(n: number, date = '2026-12-07'): AppointmentFields {
  return {
    bookingCode: `BK${String(n).padStart(8, '0')}`, nik: `3171${String(100000000000 + n).slice(-12)}`, fullName: `PEMOHON ${n}`,
    birthPlace: 'JAKARTA', birthDate: '1990-01-02', sex: n % 2 ? 'M' : 'F', service: 'new', passportType: 'electronic',
    appointmentDate: date, timeSlot: '08:00-09:00', paymentStatus: 'paid', billingCode: `82${String(n).padStart(14, '0')}`, phone: '081234567890',
  };
}
