// Logging in against a careful attacker, through real station sessions on a real SQLite
// file: parallel wrong passwords are counted one by one, every refusal has the same shape
// and costs the same scrypt derivation, a connection that keeps failing is slowed down, and
// an old hash is upgraded to today's scrypt cost at the officer's next good login.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scryptSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ADMIN, OFFICER, openTestStation, type TestStation } from '../../helpers/station';
import type { AuditRow, OfficerRow } from '../../../electron/contract-types';
import { hashStats } from '../../../electron/services/passwords';
import { CONNECTION_MAX_FAILURES } from '../../../electron/services/login-throttle';

let t: TestStation;
beforeEach(async () => {
  t = await openTestStation();
  const admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
  await admin.ok('officers.create', { ...OFFICER, roles: ['counter'] });
});
afterEach(async () => { await t.close(); });

const UNKNOWN_NIP = '123456789012345678';
const login = (nip: string, password: string) => t.session().call('auth.login', { nip, password });

describe('lock-out against parallel guesses', () => {
  it('20 parallel wrong passwords: five are checked, the account locks, the rest are refused as locked', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => login(OFFICER.nip, 'wrong-password')));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'bad_credentials')).toHaveLength(4);
    expect(codes.filter((c) => c === 'account_locked')).toHaveLength(16);
    // Each checked attempt was counted once, with its own number: 1…5, not twenty "first" ones.
    const admin = t.session();
    await admin.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    const audit = await admin.ok<AuditRow[]>('audit.list', { limit: 200 });
    const attempts = audit.filter((a) => a.action === 'login.failed' && (a.detail as unknown as { nip: string }).nip === OFFICER.nip)
      .map((a) => (a.detail as unknown as { attempt?: number }).attempt).sort();
    expect(attempts).toEqual([1, 2, 3, 4, 5]);
    // The account is locked: even the right password waits.
    expect(await login(OFFICER.nip, OFFICER.password)).toEqual({ ok: false, error: { code: 'account_locked', params: { minutes: 15 } } });
    t.clock.advanceMinutes(16);
    expect(await login(OFFICER.nip, OFFICER.password)).toMatchObject({ ok: true });
  }, 240_000);
});

describe('an unknown NIP is answered like a known one', () => {
  it('same answer, no count of tries left, and the same lock-out after five', async () => {
    for (let i = 1; i <= 4; i++) {
      const known = await login(OFFICER.nip, 'wrong-password');
      const unknown = await login(UNKNOWN_NIP, 'wrong-password');
      expect(known).toEqual({ ok: false, error: { code: 'bad_credentials' } });
      expect(unknown).toEqual(known);
    }
    const known = await login(OFFICER.nip, 'wrong-password');
    const unknown = await login(UNKNOWN_NIP, 'wrong-password');
    expect(known).toEqual({ ok: false, error: { code: 'account_locked', params: { minutes: 15 } } });
    expect(unknown).toEqual(known);
    expect(await login(UNKNOWN_NIP, 'wrong-password')).toEqual(await login(OFFICER.nip, 'wrong-password'));
  }, 240_000);

  it('an unknown NIP, a locked account and a wrong password each cost one scrypt derivation', async () => {
    const cost = async (nip: string) => {
      const before = hashStats.derivations;
      const r = await login(nip, 'wrong-password');
      expect(r.ok).toBe(false);
      return hashStats.derivations - before;
    };
    expect(await cost(UNKNOWN_NIP)).toBe(1);
    expect(await cost(OFFICER.nip)).toBe(1);
    for (let i = 0; i < 4; i++) await login(OFFICER.nip, 'wrong-password');
    expect(await cost(OFFICER.nip)).toBe(1); // locked now: still one derivation
  }, 240_000);

  it('and takes as long (medians within a factor of 1.5)', async () => {
    const timeOf = async (nip: string) => { const t0 = performance.now(); await login(nip, 'wrong-password'); return performance.now() - t0; };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [], unknown: number[] = [];
    // Alternating, and fewer than the lock-out: both sides see the same machine load.
    for (let i = 0; i < 4; i++) { known.push(await timeOf(OFFICER.nip)); unknown.push(await timeOf(UNKNOWN_NIP)); }
    const ratio = median(known) / median(unknown);
    expect(ratio).toBeGreaterThan(1 / 1.5);
    expect(ratio).toBeLessThan(1.5);
  }, 240_000);
});

describe('throttle per connection', () => {
  it('a connection that failed ten times (any NIPs) must wait, and is told how long', async () => {
    const s = t.session();
    for (let i = 0; i < CONNECTION_MAX_FAILURES; i++) {
      const r = await s.call('auth.login', { nip: `1234567890123456${String(i).padStart(2, '0')}`, password: 'wrong-password' });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    }
    const before = hashStats.derivations;
    const r = await s.call('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    expect(r).toMatchObject({ ok: false, error: { code: 'throttled' } });
    expect((r as unknown as { error: { params: { seconds: number } } }).error.params.seconds).toBeGreaterThan(500);
    expect(hashStats.derivations).toBe(before);
    // Another connection is not held up by this one.
    expect(await login(OFFICER.nip, OFFICER.password)).toMatchObject({ ok: true });
    t.clock.advanceMinutes(11);
    expect(await s.call('auth.login', { nip: OFFICER.nip, password: OFFICER.password })).toMatchObject({ ok: true });
  }, 240_000);
});

describe('scrypt cost', () => {
  const db = () => new Database(path.join(t.dataDir, 'loket.sqlite'));
  const storedHash = (nip: string) => { const d = db(); try { return (d.prepare('SELECT password_hash AS h FROM officers WHERE nip = ?').get(nip) as { h: string }).h; } finally { d.close(); } };

  it('new hashes use N=2^17, r=8, p=1, and verify with an independent scrypt', () => {
    const [scheme, n, r, p, salt, key] = storedHash(OFFICER.nip).split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '131072', '8', '1']);
    const independent = scryptSync(OFFICER.password.normalize('NFKC'), Buffer.from(salt!, 'base64'), 32, { N: 131072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
    expect(independent.toString('base64')).toBe(key);
  });

  it('a hash with the old parameters still logs in, and is upgraded at that login', async () => {
    const salt = randomBytes(16);
    const oldKey = scryptSync(OFFICER.password.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1 });
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${oldKey.toString('base64')}`;
    const d = db();
    d.prepare('UPDATE officers SET password_hash = ? WHERE nip = ?').run(old, OFFICER.nip);
    d.close();
    expect(await login(OFFICER.nip, 'wrong-password')).toEqual({ ok: false, error: { code: 'bad_credentials' } });
    expect(storedHash(OFFICER.nip)).toBe(old); // a wrong password changes nothing
    expect(await login(OFFICER.nip, OFFICER.password)).toMatchObject({ ok: true });
    const upgraded = storedHash(OFFICER.nip);
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await login(OFFICER.nip, OFFICER.password)).toMatchObject({ ok: true });
    const admin = t.session();
    await admin.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    const officer = (await admin.ok<OfficerRow[]>('officers.list')).find((o) => o.nip === OFFICER.nip)!;
    const audit = await admin.ok<AuditRow[]>('audit.list', { limit: 50 });
    expect(audit.filter((a) => a.action === 'password.rehash' && a.officerId === officer.id)).toHaveLength(1);
  }, 240_000);
});
