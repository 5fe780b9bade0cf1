// The store's file: pragmas, migrations in order with user_version, and refusal of a
// database written by a newer Loket.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadMigrations, NewerDatabaseError, openDatabase } from '../../../electron/store/db';

const dirs: string[] = [];
const tmp = () => { const d = mkdtempSync(path.join(os.tmpdir(), 'loket-db-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('openDatabase', () => {
  it('opens with WAL, synchronous=FULL and foreign keys, at the latest schema', () => {
    const db = openDatabase(path.join(tmp(), 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().at(-1)!.version);
    db.close();
  });

  it('applies only the migrations a file has not seen, and is idempotent on reopen', () => {
    const file = path.join(tmp(), 'b.sqlite');
    const all = loadMigrations();
    openDatabase(file, { migrations: all.slice(0, 1) }).close();
    const db = openDatabase(file, { migrations: all });
    expect(db.pragma('user_version', { simple: true })).toBe(all.length);
    db.close();
    expect(() => openDatabase(file).close()).not.toThrow();
  });

  it('refuses a database from a newer version with a clear message', () => {
    const file = path.join(tmp(), 'c.sqlite');
    const db = openDatabase(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer version of Loket/);
  });

  it('rolls a failing migration back whole, leaving the version where it was', () => {
    const dir = tmp();
    const migDir = path.join(dir, 'm');
    mkdirSync(migDir);
    writeFileSync(path.join(migDir, '0001_ok.sql'), 'CREATE TABLE t (x INTEGER);');
    writeFileSync(path.join(migDir, '0002_bad.sql'), 'CREATE TABLE u (y INTEGER); INSERT INTO nowhere VALUES (1);');
    const file = path.join(dir, 'd.sqlite');
    expect(() => openDatabase(file, { migrations: loadMigrations(migDir) })).toThrow();
    const db = openDatabase(file, { migrations: loadMigrations(migDir).slice(0, 1) });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'u'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses migrations out of sequence', () => {
    const migDir = path.join(tmp(), 'm');
    mkdirSync(migDir);
    writeFileSync(path.join(migDir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(path.join(migDir, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(migDir)).toThrow(/out of sequence/);
  });

  it('the queue view uses the day index and the all-days search uses an index per field', () => {
    const db = openDatabase(path.join(tmp(), 'e.sqlite'));
    const plan = (sql: string) => JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all());
    expect(plan("SELECT * FROM appointments WHERE appointment_date = '2026-01-01' ORDER BY time_slot")).toMatch(/appointments_day/);
    expect(plan("SELECT * FROM appointments WHERE nik >= '3171' AND nik < '3172'")).toMatch(/appointments_nik/);
    expect(plan("SELECT * FROM appointments WHERE full_name >= 'bu' COLLATE NOCASE AND full_name < 'bv' COLLATE NOCASE")).toMatch(/appointments_name/);
    expect(plan("SELECT * FROM appointments WHERE booking_code >= 'BK26' AND booking_code < 'BK27'")).toMatch(/autoindex_appointments_1|booking_code/);
    db.close();
  });
});
