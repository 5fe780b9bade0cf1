// Officers, login, lock-out, idle lock and roles, through real station sessions on a real
// SQLite file: what the renderer sees over either host.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ADMIN, OFFICER, openTestStation, type TestStation } from '../../helpers/station';
import type { SessionInfo } from '../../../electron/contract-types';

let t: TestStation;
beforeEach(async () => { t = await openTestStation(); });
afterEach(async () => { await t.close(); });

describe('first start', () => {
  it('asks for the first administrator once, and logs them in', async () => {
    const s = t.session();
    expect(await s.ok('setup.status')).toMatchObject({ needsFirstAdmin: true });
    const info = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
    expect(info).toMatchObject({ state: 'active', nip: ADMIN.nip, roles: ['admin'], language: 'id' });
    expect(await s.ok('setup.status')).toMatchObject({ needsFirstAdmin: false });
    const again = await t.session().call('setup.createFirstAdmin', { ...ADMIN, nip: '198001012005011999' });
    expect(again).toEqual({ ok: false, error: { code: 'already_set_up' } });
  });

  it('refuses bad input naming the field, and unknown methods', async () => {
    const r = await t.session().call('setup.createFirstAdmin', { ...ADMIN, password: 'short' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'password' } });
    const u = await t.session().call('no.suchMethod', {});
    expect(u).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const proto = await t.session().call('__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const extra = await t.session().call('auth.login', { nip: ADMIN.nip, password: 'x', role: 'admin' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});

describe('officers and roles', () => {
  it('an administrator adds an officer with several roles, who logs in with them', async () => {
    const admin = t.session();
    await admin.ok('setup.createFirstAdmin', ADMIN);
    await admin.ok('officers.create', { ...OFFICER, roles: ['counter', 'print'] });
    const s = t.session();
    const info = await s.ok<SessionInfo>('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    expect(info.roles).toEqual(['counter', 'print']);
    // The role check is the station's: a counter officer may not manage officers.
    expect(await s.call('officers.create', { ...OFFICER, nip: '199909092020091009', roles: ['admin'] }))
      .toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.call('officers.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A role removed takes effect on the next call, without logging out.
    const list = await admin.ok<{ id: string; nip: string }[]>('officers.list');
    const id = list.find((o) => o.nip === OFFICER.nip)!.id;
    await admin.ok('officers.update', { id, roles: ['print'] });
    expect(await s.call('queue.addWalkIn', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a disabled account cannot log in, and the last administrator cannot be removed', async () => {
    const admin = t.session();
    const me = await admin.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
    const o = await admin.ok<{ id: string }>('officers.create', { ...OFFICER, roles: ['counter'] });
    await admin.ok('officers.update', { id: o.id, disabled: true });
    expect(await t.session().call('auth.login', { nip: OFFICER.nip, password: OFFICER.password }))
      .toMatchObject({ ok: false, error: { code: 'account_disabled' } });
    expect(await admin.call('officers.update', { id: me.officerId, roles: ['counter'] }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'last_admin' } } });
  });

  it('passwords are never stored or returned in clear', async () => {
    const admin = t.session();
    await admin.ok('setup.createFirstAdmin', ADMIN);
    const list = await admin.ok<object[]>('officers.list');
    expect(JSON.stringify(list)).not.toContain(ADMIN.password);
    expect(JSON.stringify(list)).not.toMatch(/scrypt/);
    const read = (f: string) => { try { return readFileSync(`${t.dataDir}/${f}`); } catch { return Buffer.alloc(0); } };
    expect(Buffer.concat([read('loket.sqlite'), read('loket.sqlite-wal')]).includes(Buffer.from(ADMIN.password))).toBe(false);
  });
});

describe('login lock-out', () => {
  it('five wrong passwords lock the account for the configured time', async () => {
    await t.session().ok('setup.createFirstAdmin', ADMIN);
    const s = t.session();
    for (let i = 1; i <= 4; i++) {
      expect(await s.call('auth.login', { nip: ADMIN.nip, password: 'wrong-password' }))
        .toEqual({ ok: false, error: { code: 'bad_credentials' } }); // no count of tries left (see test/integration/security)
    }
    expect(await s.call('auth.login', { nip: ADMIN.nip, password: 'wrong-password' }))
      .toMatchObject({ ok: false, error: { code: 'account_locked', params: { minutes: 15 } } });
    // Even the right password is refused while locked…
    expect(await s.call('auth.login', { nip: ADMIN.nip, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    t.clock.advanceMinutes(16);
    // …and accepted once the lock has passed.
    expect(await s.call('auth.login', { nip: ADMIN.nip, password: ADMIN.password })).toMatchObject({ ok: true });
  }, 240_000); // seven scrypt derivations at N=2^17: seconds each on a loaded machine

  it('an unknown NIP is refused like a wrong password', async () => {
    await t.session().ok('setup.createFirstAdmin', ADMIN);
    expect(await t.session().call('auth.login', { nip: '123456789012345678', password: 'whatever' }))
      .toEqual({ ok: false, error: { code: 'bad_credentials' } });
  });
});

describe('lock and idle lock', () => {
  it('locks after the idle minutes; only unlock or logout work while locked', async () => {
    const s = t.session();
    await s.ok('setup.createFirstAdmin', ADMIN);
    t.clock.advanceMinutes(9);
    expect(await s.call('queue.view', { date: '2026-11-23' })).toMatchObject({ ok: true });
    t.clock.advanceMinutes(2); // 11 minutes since the last activity (views are not activity)
    expect(await s.call('queue.view', { date: '2026-11-23' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(s.events.some((e) => e.event === 'session.changed' && (e.payload as SessionInfo)?.state === 'locked')).toBe(true);
    expect(await s.call('auth.unlock', { nip: ADMIN.nip, password: 'wrong-password' })).toMatchObject({ ok: false });
    expect(await s.ok<SessionInfo>('auth.unlock', { nip: ADMIN.nip, password: ADMIN.password })).toMatchObject({ state: 'active', nip: ADMIN.nip });
  });

  it('activity (touch) keeps the session open; the idle time is configurable', async () => {
    const s = t.session();
    await s.ok('setup.createFirstAdmin', ADMIN);
    await s.ok('settings.update', { idleLockMinutes: 3 });
    for (let i = 0; i < 5; i++) { t.clock.advanceMinutes(2); await s.ok('auth.touch'); }
    t.clock.advanceMinutes(4);
    expect(await s.call('auth.touch')).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('another officer unlocking logs the first one out', async () => {
    const s = t.session();
    await s.ok('setup.createFirstAdmin', ADMIN);
    await s.ok('officers.create', { ...OFFICER, roles: ['counter'] });
    await s.ok('auth.lock');
    const info = await s.ok<SessionInfo>('auth.unlock', { nip: OFFICER.nip, password: OFFICER.password });
    expect(info).toMatchObject({ nip: OFFICER.nip, roles: ['counter'], state: 'active' });
    expect(await s.call('officers.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const a = t.session();
    await a.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    const audit = await a.ok<{ action: string; detail: Record<string, unknown> }[]>('audit.list', { limit: 20 });
    expect(audit.some((e) => e.action === 'logout' && e.detail.reason === 'replaced_at_unlock')).toBe(true);
  });

  it('language is kept per officer', async () => {
    const s = t.session();
    await s.ok('setup.createFirstAdmin', ADMIN);
    await s.ok('auth.setLanguage', { language: 'en' });
    await s.ok('auth.logout');
    expect(await s.call('queue.view', { date: '2026-11-23' })).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });
    expect(await s.ok<SessionInfo>('auth.login', { nip: ADMIN.nip, password: ADMIN.password })).toMatchObject({ language: 'en' });
  });
});
