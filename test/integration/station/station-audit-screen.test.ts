// The audit trail as its screen reads it: filtered by officer, action family and time,
// paged by sequence, exported as CSV (parsed back with papaparse), and open to the head of
// office read-only.
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditChoices, AuditExport, AuditRow, OfficerRow } from '../../../electron/contract-types';
import { ADMIN, OFFICER, openTestStation, type TestSession, type TestStation } from '../../helpers/station';

const HEAD = { name: 'Kepala Kantor', nip: '197505052000031003', password: 'rahasia-kepala-3' };
let t: TestStation;
let admin: TestSession;
let officer: OfficerRow;

beforeEach(async () => {
  t = await openTestStation();
  admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
  officer = await admin.ok<OfficerRow>('officers.create', { ...OFFICER, roles: ['counter'] });
  await admin.ok('officers.create', { ...HEAD, roles: ['head'] });
});
afterEach(async () => { await t.close(); });

async function loginAs(who: { nip: string; password: string }): Promise<TestSession> {
  const s = t.session();
  await s.ok('auth.login', { nip: who.nip, password: who.password });
  return s;
}

describe('audit screen', () => {
  it('filters by officer, by action family and by time, newest first, paged by sequence', async () => {
    const counter = await loginAs(OFFICER);
    await counter.call('auth.login', { nip: OFFICER.nip, password: 'wrong-password-1' });
    t.clock.advanceMinutes(2);
    await counter.ok('auth.lock');
    const cutoff = new Date(t.clock.now.getTime() - 60_000).toISOString();

    const byOfficer = await admin.ok<AuditRow[]>('audit.list', { officerId: officer.id });
    expect(byOfficer.length).toBeGreaterThan(0);
    expect(byOfficer.every((r) => r.officerId === officer.id && r.officerNip === OFFICER.nip)).toBe(true);
    expect(byOfficer.map((r) => r.seq)).toEqual([...byOfficer.map((r) => r.seq)].sort((a, b) => b - a));

    // `login` is a family: it takes `login` and `login.failed`, never `logout`.
    const logins = await admin.ok<AuditRow[]>('audit.list', { action: 'login' });
    expect(new Set(logins.map((r) => r.action))).toEqual(new Set(['login', 'login.failed']));
    expect((await admin.ok<AuditRow[]>('audit.list', { action: 'login.failed' })).every((r) => r.action === 'login.failed')).toBe(true);

    const later = await admin.ok<AuditRow[]>('audit.list', { from: cutoff });
    expect(later.map((r) => r.action)).toEqual(['lock']);
    expect((await admin.ok<AuditRow[]>('audit.list', { to: cutoff })).some((r) => r.action === 'lock')).toBe(false);

    const first = await admin.ok<AuditRow[]>('audit.list', { limit: 2 });
    const next = await admin.ok<AuditRow[]>('audit.list', { limit: 2, before: first[1]!.seq });
    expect(next[0]!.seq).toBeLessThan(first[1]!.seq);

    const choices = await admin.ok<AuditChoices>('audit.choices');
    expect(choices.actions).toEqual(expect.arrayContaining(['login', 'login.failed', 'lock', 'officer.create']));
    expect(choices.officers.map((o) => o.nip)).toEqual(expect.arrayContaining([ADMIN.nip, OFFICER.nip]));
  });

  it('refuses filters that are not a time or an action name', async () => {
    expect(await admin.call('audit.list', { from: '9999-99-99' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await admin.call('audit.list', { action: "login' OR 1=1 --" })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('exports the filtered rows as CSV that a CSV parser reads back, and audits the export', async () => {
    const x = await admin.ok<AuditExport>('audit.export', { action: 'officer' });
    const parsed = Papa.parse<Record<string, string>>(x.csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['seq', 'at', 'officer_nip', 'officer_name', 'action', 'detail']);
    expect(parsed.data.map((r) => r.action)).toEqual(['officer.create_first_admin', 'officer.create', 'officer.create']);
    expect(JSON.parse(parsed.data[1]!.detail!)).toMatchObject({ nip: OFFICER.nip, roles: ['counter'] });
    expect(x.rows).toBe(3);
    const [last] = await admin.ok<AuditRow[]>('audit.list', { limit: 1 });
    expect(last).toMatchObject({ action: 'audit.export', detail: { action: 'officer', rows: 3 } });
  });

  it('lets the head of office read, verify and export the trail and change nothing', async () => {
    const head = await loginAs(HEAD);
    expect((await head.ok<AuditRow[]>('audit.list')).length).toBeGreaterThan(0);
    expect(await head.ok('audit.verify')).toMatchObject({ ok: true });
    expect((await head.ok<AuditExport>('audit.export', {})).rows).toBeGreaterThan(0);
    for (const [m, input] of [['officers.list', {}], ['settings.update', { idleLockMinutes: 5 }], ['queue.view', {}]] as const) {
      expect(await head.call(m, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const counter = await loginAs(OFFICER);
    expect(await counter.call('audit.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
