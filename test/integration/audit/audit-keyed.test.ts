// The audit chain is keyed: someone with the database file but not the station key can
// neither edit a row and recompute the chain, nor replace it, nor cut its tail off unseen
// (the heads exported to the day-end reports show that). Checked through the station and
// through `npm run audit:verify` on real files; the forger's side is written here from the
// row format alone (plain SHA-256 over the canonical row), as someone with the file would.
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICER, openTestStation, type TestStation } from '../../helpers/station';
import { Store } from '../../../electron/store/store';
import { DayReports } from '../../../electron/services/day-report';
import { localDate } from '../../../domain/dates';
import type { AuditHeadExport, AuditVerifyResult } from '../../../electron/contract-types';

interface Row { seq: number; id: string; station_id: string; at: string; officer_id: string | null; action: string; detail: string; prev_hash: string; hash: string }
const canonical = (r: Row) => JSON.stringify([r.seq, r.id, r.station_id, r.at, r.officer_id, r.action, r.detail, r.prev_hash]);
const sha256 = (r: Row) => createHash('sha256').update(canonical(r)).digest('hex');

function raw(dataDir: string): Database.Database {
  const db = new Database(path.join(dataDir, 'loket.sqlite'));
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  return db;
}

/** The forger: changes one row's detail and re-chains every row from it with the given hash. */
function rewrite(dataDir: string, fromSeq: number, change: (r: Row) => void, hash: (r: Row) => string = sha256, toSeq = Infinity): void {
  const db = raw(dataDir);
  const rows = db.prepare('SELECT * FROM audit ORDER BY seq').all() as Row[];
  const upd = db.prepare('UPDATE audit SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  let prev = fromSeq > 1 ? rows[fromSeq - 2]!.hash : '0'.repeat(64);
  for (const r of rows.filter((x) => x.seq >= fromSeq && x.seq <= toSeq)) {
    if (r.seq === fromSeq) change(r);
    r.prev_hash = prev;
    r.hash = hash(r);
    upd.run(r.detail, r.prev_hash, r.hash, r.seq);
    prev = r.hash;
  }
  db.close();
}

function verifyCli(dataDir: string, ...extra: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/audit-verify.ts', '--data-dir', dataDir, ...extra], { encoding: 'utf8', timeout: 30_000 });
}

let t: TestStation;
beforeEach(async () => { t = await openTestStation(); });
afterEach(async () => { await t.close(); });

async function someActivity() {
  const admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
  for (let i = 0; i < 4; i++) await admin.ok('officers.create', { ...OFFICER, nip: `19850505201001100${i + 1}`, roles: ['counter'] });
  return admin;
}

describe('keyed audit chain', () => {
  it('an edited row re-chained with plain SHA-256 is found, by the station and by audit:verify', async () => {
    const admin = await someActivity();
    const before = await admin.ok<AuditVerifyResult>('audit.verify');
    expect(before).toMatchObject({ ok: true, keyedFrom: 1 });
    expect(before.rows).toBeGreaterThanOrEqual(5);
    await t.station.close();
    expect(verifyCli(t.dataDir).status).toBe(0);

    rewrite(t.dataDir, 3, (r) => { r.detail = r.detail.replace(/"roles":\[[^\]]*\]/, '"roles":["admin"]'); });
    const run = verifyCli(t.dataDir);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/BROKEN at row 3/);

    // The station (reopened on the same files with the same key) says the same.
    const again = await openTestStation({ dataDir: t.dataDir });
    t = again;
    const s = again.session();
    await s.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    expect(await s.ok<AuditVerifyResult>('audit.verify')).toMatchObject({ ok: false, brokenAt: 3, problem: 'broken' });
  });

  it('a chain rewritten whole without the key (plain SHA-256, or a guessed key) is refused as not keyed', async () => {
    await someActivity();
    await t.station.close();
    // The forger also removes the reports on the station (copies kept elsewhere would show more).
    fs.rmSync(path.join(t.dataDir, 'reports'), { recursive: true });
    rewrite(t.dataDir, 1, () => undefined);
    const plain = verifyCli(t.dataDir);
    expect(plain.status).toBe(2);
    expect(plain.stdout).toMatch(/NOT KEYED from row 1/);
    rewrite(t.dataDir, 1, () => undefined, (r) => createHmac('sha256', randomBytes(32)).update(canonical(r)).digest('hex'));
    expect(verifyCli(t.dataDir).stdout).toMatch(/BROKEN at row 1/);
  });

  it('a cut-off tail passes the chain alone but not the head in the day-end report', async () => {
    const admin = await someActivity();
    const exported = await admin.ok<AuditHeadExport>('audit.exportHead');
    const reportFile = path.join(t.dataDir, 'reports', exported.fileName);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { stationId: string; audit: { seq: number; hash: string } };
    expect(report.stationId).toBe(t.station.stationId);
    expect(report.audit).toMatchObject({ seq: exported.seq, hash: exported.hash });
    expect(fs.statSync(reportFile).mode & 0o777).toBe(0o600);
    // Keep a copy off the station, as an office would, before the forger gets at the files.
    const offSite = fs.mkdtempSync(path.join(path.dirname(t.dataDir), 'loket-offsite-'));
    fs.copyFileSync(reportFile, path.join(offSite, exported.fileName));
    await t.station.close();
    fs.rmSync(path.join(t.dataDir, 'reports'), { recursive: true });

    const db = raw(t.dataDir);
    db.prepare('DELETE FROM audit WHERE seq > 3').run();
    db.close();
    // Without the head the chain looks whole: 3 rows, each following the one before.
    const alone = verifyCli(t.dataDir);
    expect(alone.stdout).toMatch(/intact: 3 rows.*no exported heads/);
    expect(alone.status).toBe(0);
    const withHead = verifyCli(t.dataDir, '--heads', offSite);
    expect(withHead.status).toBe(2);
    expect(withHead.stdout).toMatch(new RegExp(`CUT OFF: a report recorded row ${exported.seq}, but the trail ends at row 3`));
    fs.rmSync(offSite, { recursive: true, force: true });
  });

  it('only an administrator may export the head', async () => {
    const admin = await someActivity();
    await admin.ok('officers.create', { ...OFFICER, roles: ['counter', 'supervisor', 'technician', 'print'] });
    const s = t.session();
    await s.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    expect(await s.call('audit.exportHead')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('closing the station writes the day report, and the station checks the chain against it', async () => {
    await someActivity();
    await t.station.close();
    const file = path.join(t.dataDir, 'reports', `day-${localDate(t.clock.now)}.json`);
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { reason: string; audit: { seq: number } };
    expect(report.reason).toBe('close');
    // The store goes back to an older state (rows cut off, or an older copy restored):
    const db = raw(t.dataDir);
    db.prepare('DELETE FROM audit WHERE seq > 2').run();
    db.close();
    const again = await openTestStation({ dataDir: t.dataDir });
    t = again;
    const s = again.session();
    await s.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    expect(await s.ok<AuditVerifyResult>('audit.verify')).toMatchObject({ ok: false, problem: 'truncated', head: { seq: report.audit.seq } });
  });
});

describe('a chain written before the key (re-anchored)', () => {
  function legacyStore(dataDir: string, rows: number): string {
    // An older Loket's store: the schema and plain SHA-256 rows, no audit key.
    Store.open({ dataDir, dataKey: randomBytes(32) }).close();
    const db = raw(dataDir);
    db.exec("DELETE FROM audit; DELETE FROM meta WHERE key = 'audit_keyed';");
    let prev = '0'.repeat(64);
    for (let seq = 1; seq <= rows; seq++) {
      const r: Row = { seq, id: `legacy-${seq}`, station_id: 's', at: `2026-01-0${seq}T08:00:00.000Z`, officer_id: null, action: 'login.failed', detail: '{}', prev_hash: prev, hash: '' };
      r.hash = sha256(r);
      db.prepare('INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(r.seq, r.id, r.station_id, r.at, r.officer_id, r.action, r.detail, r.prev_hash, r.hash);
      prev = r.hash;
    }
    db.close();
    return prev;
  }

  it('records that the chain became keyed at row N, and then protects the rows before it', () => {
    const dataDir = t.dataDir;
    const legacyHead = legacyStore(path.join(dataDir, 'old'), 3);
    const key = randomBytes(32);
    const store = Store.open({ dataDir: path.join(dataDir, 'old'), dataKey: key });
    const anchor = store.audit.recent(1)[0]!;
    expect(anchor).toMatchObject({ seq: 4, action: 'audit.keyed', detail: { legacyRows: 3, legacyHead } });
    store.tx(() => store.audit.append(null, 'after', {}, new Date().toISOString()));
    expect(store.audit.verify()).toEqual({ ok: true, rows: 5, keyedFrom: 4 });
    store.close();
    // Opening again adds no second anchor.
    const again = Store.open({ dataDir: path.join(dataDir, 'old'), dataKey: key });
    expect(again.audit.verify()).toEqual({ ok: true, rows: 5, keyedFrom: 4 });
    again.close();

    // A forger edits a pre-key row and re-chains the plain rows: the keyed anchor names the old head.
    // (Re-chaining the keyed rows after it in plain SHA-256 would leave a chain not keyed at all.)
    rewrite(path.join(dataDir, 'old'), 2, (r) => { r.detail = '{"nip":"forged"}'; }, sha256, 3);
    const forged = Store.open({ dataDir: path.join(dataDir, 'old'), dataKey: key });
    expect(forged.audit.verify()).toMatchObject({ ok: false, brokenAt: 4, problem: 'broken' });
    forged.close();
  });
});

describe('day-end reports', () => {
  it('the day that ended gets its report when the local date changes, and a later head is never overwritten by an earlier one', () => {
    const dataDir = path.join(t.dataDir, 'rep');
    const store = Store.open({ dataDir, dataKey: randomBytes(32) });
    let now = new Date(2026, 10, 23, 23, 59); // the station's local time
    const reports = new DayReports(store, dataDir, () => now, localDate);
    store.tx(() => store.audit.append(null, 'a', {}, now.toISOString()));
    reports.tick();
    expect(fs.existsSync(path.join(dataDir, 'reports', 'day-2026-11-23.json'))).toBe(false);
    now = new Date(2026, 10, 24, 0, 1);
    reports.tick();
    const file = path.join(dataDir, 'reports', 'day-2026-11-23.json');
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { reason: string; date: string; audit: { seq: number } };
    expect(report).toMatchObject({ reason: 'day-end', date: '2026-11-23', audit: { seq: 1 } });
    expect(reports.write('close', '2026-11-24').written).toBe(true);
    // A store rolled back (older copy) must not erase the head already recorded for the day.
    const fake = { ...store, stationId: store.stationId, audit: { ...store.audit, head: () => ({ seq: 0, hash: '0'.repeat(64), at: '' }) } };
    const behind = new DayReports(fake as unknown as Store, dataDir, () => now, localDate).write('close', '2026-11-23');
    expect(behind.written).toBe(false);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ audit: { seq: 1 } });
    store.close();
  });
});
