// An administrator disables an officer or resets their password: every session that officer
// has open at this station ends at once (Electron windows and browser connections alike are
// station sessions), is told why, and can no longer call anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICER, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import type { OfficerRow } from '../../../electron/contract-types';

let t: TestStation;
let admin: TestSession;
let officerId: string;
beforeEach(async () => {
  t = await openTestStation();
  admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
  officerId = (await admin.ok<OfficerRow>('officers.create', { ...OFFICER, roles: ['counter'] })).id;
});
afterEach(async () => { await t.close(); });

async function twoSessions(): Promise<TestSession[]> {
  const sessions = [t.session(), t.session()];
  for (const s of sessions) await s.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
  // One of them locked: a locked screen ends too.
  await sessions[1]!.ok('auth.lock');
  for (const s of sessions) s.events.length = 0;
  return sessions;
}

const TODAY = { date: '2026-11-23' };

describe.each([
  ['disabled', () => admin.ok('officers.update', { id: officerId, disabled: true })],
  ['password_reset', () => admin.ok('officers.resetPassword', { id: officerId, password: 'sandi-baru-12345' })],
] as const)('an officer %s by an administrator', (reason, act) => {
  it('loses every open session at once, and each is told why', async () => {
    const sessions = await twoSessions();
    expect(await sessions[0]!.call('queue.view', TODAY)).toMatchObject({ ok: true });
    await act();
    for (const s of sessions) {
      expect(s.events.map((e) => e.event)).toEqual(['session.ended', 'session.changed']);
      expect(s.events[0]!.payload).toEqual({ reason });
      expect(s.events[1]!.payload).toBeNull();
      expect(await s.call('queue.view', TODAY)).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });
      expect(await s.ok('auth.session')).toBeNull();
      // A locked screen cannot be unlocked back into it with the old password either.
      expect((await s.call('auth.unlock', { nip: OFFICER.nip, password: OFFICER.password })).ok).toBe(false);
    }
    // The administrator's own session is untouched.
    expect(await admin.call('queue.view', TODAY)).toMatchObject({ ok: true });
    expect(admin.events.some((e) => e.event === 'session.ended')).toBe(false);
  }, 240_000);
});
