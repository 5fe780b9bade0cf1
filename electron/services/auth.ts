// Logging in and out, locking and unlocking, the first administrator, and the lock-out
// after too many wrong passwords. Every outcome is audited; no password is ever logged.
import { randomUUID } from 'node:crypto';
import type { Role, SessionEndReason } from '../contract';
import type { SessionInfo } from '../contract-types';
import type { OfficerRecord } from '../store/officers-repo';
import type { Store } from '../store/store';
import { StationError } from './errors';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './passwords';
import { LoginThrottle } from './login-throttle';
import type { SessionState } from './session';
import type { SettingsService } from './settings';

export class AuthService {
  private readonly throttle = new LoginThrottle();

  constructor(private readonly store: Store, private readonly settings: SettingsService, private readonly now: () => Date) {}

  private iso(): string {
    return this.now().toISOString();
  }

  sessionInfo(session: SessionState): SessionInfo | null {
    if (!session.officerId) return null;
    const o = this.store.officers.byId(session.officerId);
    if (!o) return null;
    return {
      state: session.locked ? 'locked' : 'active', officerId: o.id, name: o.name, nip: o.nip, roles: o.roles,
      language: o.language, idleLockMinutes: this.settings.get().idleLockMinutes,
    };
  }

  needsFirstAdmin(): boolean {
    return this.store.officers.count() === 0;
  }

  async createFirstAdmin(session: SessionState, input: { name: string; nip: string; password: string }): Promise<SessionInfo> {
    const passwordHash = await hashPassword(input.password);
    const id = randomUUID();
    const at = this.iso();
    this.store.tx(() => {
      // Checked inside the write transaction: two windows racing cannot both create one.
      if (this.store.officers.count() > 0) throw new StationError('already_set_up');
      this.store.officers.insert({ id, nip: input.nip, name: input.name, passwordHash, disabled: false, language: 'id', roles: ['admin'], createdAt: at });
      this.store.audit.append(id, 'officer.create_first_admin', { officerId: id, nip: input.nip }, at);
      this.store.audit.append(id, 'login', { nip: input.nip }, at);
    });
    session.logIn(id, this.now().getTime());
    return this.sessionInfo(session)!;
  }

  /**
   * Another officer proves who they are at this PC without taking over the session (a
   * supervisor's override at the handover): the same checks, throttle and lock-out as a login.
   */
  async confirmOfficer(session: SessionState, nip: string, password: string): Promise<{ id: string; name: string; roles: Role[] }> {
    const o = await this.authenticate(session, nip, password);
    return { id: o.id, name: o.name, roles: o.roles };
  }

  /**
   * Checks a NIP and password. Every refusal — unknown NIP, locked account, wrong password —
   * costs one real scrypt derivation and has the same shape (no count of tries left), so
   * neither the answer nor its time tells whether a NIP belongs to an officer. The attempt
   * is counted atomically before the password is checked, so parallel attempts cannot all
   * be "the first".
   */
  private authenticate(session: SessionState, nip: string, password: string): Promise<OfficerRecord> {
    return this.throttle.serial(session, async () => {
      const at = this.now();
      const wait = this.throttle.waitSeconds(session, at.getTime());
      if (wait > 0) throw new StationError('throttled', { seconds: wait });
      try {
        return await this.check(nip, password, at);
      } catch (err) {
        if (err instanceof StationError && (err.code === 'bad_credentials' || err.code === 'account_locked')) this.throttle.failed(session, at.getTime());
        throw err;
      }
    });
  }

  private async check(nip: string, password: string, at: Date): Promise<OfficerRecord> {
    const { maxFailedLogins, lockoutMinutes } = this.settings.get();
    const minutesLeft = (until: string) => Math.max(1, Math.ceil((Date.parse(until) - at.getTime()) / 60_000));
    const officer = this.store.officers.byNip(nip);
    if (!officer) {
      await verifyPassword(password, DUMMY_HASH);
      const locked = this.throttle.phantomLocked(nip, at.getTime());
      const lockNow = locked === null && this.throttle.phantomFailed(nip, at.getTime(), maxFailedLogins, lockoutMinutes);
      this.store.tx(() => this.store.audit.append(null, 'login.failed', { nip, reason: 'unknown_nip' }, at.toISOString()));
      if (locked !== null) throw new StationError('account_locked', { minutes: locked });
      if (lockNow) throw new StationError('account_locked', { minutes: lockoutMinutes });
      throw new StationError('bad_credentials');
    }
    const attempt = this.store.officers.reserveLoginAttempt(officer.id, at.toISOString());
    if (!attempt) throw new StationError('bad_credentials');
    if (attempt.lockedUntil && Date.parse(attempt.lockedUntil) > at.getTime()) {
      await verifyPassword(password, DUMMY_HASH);
      throw new StationError('account_locked', { minutes: minutesLeft(attempt.lockedUntil) });
    }
    if (attempt.n > maxFailedLogins) {
      // Attempts racing the one that is locking the account now: refused as locked.
      await verifyPassword(password, DUMMY_HASH);
      throw new StationError('account_locked', { minutes: lockoutMinutes });
    }
    const ok = await verifyPassword(password, officer.passwordHash);
    if (!ok) {
      const lockNow = attempt.n >= maxFailedLogins;
      this.store.tx(() => {
        if (lockNow) this.store.officers.setLoginState(officer.id, 0, new Date(at.getTime() + lockoutMinutes * 60_000).toISOString());
        this.store.audit.append(officer.id, 'login.failed', { nip, attempt: attempt.n, ...(lockNow ? { lockedMinutes: lockoutMinutes } : {}) }, at.toISOString());
      });
      if (lockNow) throw new StationError('account_locked', { minutes: lockoutMinutes });
      throw new StationError('bad_credentials');
    }
    this.store.officers.setLoginState(officer.id, 0, null);
    if (officer.disabled) {
      this.store.tx(() => this.store.audit.append(officer.id, 'login.failed', { nip, reason: 'disabled' }, at.toISOString()));
      throw new StationError('account_disabled');
    }
    if (needsRehash(officer.passwordHash)) await this.rehash(officer.id, password);
    return officer;
  }

  /** The password proved right under older scrypt parameters: store it under today's. */
  private async rehash(officerId: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const at = this.iso();
    this.store.tx(() => {
      this.store.officers.update(officerId, { passwordHash }, at);
      this.store.audit.append(officerId, 'password.rehash', {}, at);
    });
  }

  async login(session: SessionState, nip: string, password: string): Promise<SessionInfo> {
    const officer = await this.authenticate(session, nip, password);
    if (session.officerId && session.officerId !== officer.id) this.logout(session);
    this.store.tx(() => this.store.audit.append(officer.id, 'login', { nip }, this.iso()));
    session.logIn(officer.id, this.now().getTime());
    return this.sessionInfo(session)!;
  }

  /**
   * A second officer's NIP and password typed at this counter (a supervisor's override): the
   * same check, lock-out and per-connection throttle as a login, without touching the
   * session. A wrong password is audited as a failed login, like any other.
   */
  async verifyOfficer(session: SessionState, nip: string, password: string): Promise<OfficerRecord> {
    return this.authenticate(session, nip, password);
  }

  /** Unlocking as another officer logs the first one out. */
  async unlock(session: SessionState, nip: string, password: string): Promise<SessionInfo> {
    const officer = await this.authenticate(session, nip, password);
    const at = this.iso();
    if (session.officerId !== officer.id) {
      const previous = session.officerId;
      this.store.tx(() => {
        this.store.audit.append(previous, 'logout', { reason: 'replaced_at_unlock', by: officer.id }, at);
        this.store.audit.append(officer.id, 'login', { nip, via: 'unlock' }, at);
      });
    } else {
      this.store.tx(() => this.store.audit.append(officer.id, 'unlock', {}, at));
    }
    session.logIn(officer.id, this.now().getTime());
    return this.sessionInfo(session)!;
  }

  /** The logged-in officer proves their password again (opening an approval batch). As for
   * a password change, the session is already theirs: a wrong answer is refused (and audited
   * by the caller) without counting towards the login lock-out. */
  async confirmPassword(session: SessionState, password: string): Promise<void> {
    const officer = session.officerId ? this.store.officers.byId(session.officerId) : undefined;
    if (!officer || officer.disabled) throw new StationError('not_logged_in');
    if (!(await verifyPassword(password, officer.passwordHash))) throw new StationError('bad_credentials', undefined, 'password');
  }

  lock(session: SessionState, reason: 'officer' | 'idle'): void {
    if (!session.officerId) return;
    session.locked = true;
    // An approval batch does not survive a lock: the password unlocks the screen, not approvals.
    session.batchGrant = null;
    this.store.tx(() => this.store.audit.append(session.officerId, 'lock', { reason }, this.iso()));
  }

  logout(session: SessionState): void {
    if (!session.officerId) return;
    const id = session.officerId;
    this.store.tx(() => this.store.audit.append(id, 'logout', {}, this.iso()));
    session.logOut();
  }

  /** The station ends a session on its own (the officer was disabled or their password reset). */
  endSession(session: SessionState, reason: SessionEndReason): void {
    if (!session.officerId) return;
    const id = session.officerId;
    this.store.tx(() => this.store.audit.append(id, 'logout', { reason }, this.iso()));
    session.logOut();
  }

  setLanguage(session: SessionState, language: 'id' | 'en'): SessionInfo {
    this.store.tx(() => this.store.officers.update(session.officerId!, { language }, this.iso()));
    return this.sessionInfo(session)!;
  }

  async changePassword(session: SessionState, current: string, next: string): Promise<void> {
    const officer = this.store.officers.byId(session.officerId!)!;
    if (!(await verifyPassword(current, officer.passwordHash))) throw new StationError('bad_credentials', undefined, 'current');
    const passwordHash = await hashPassword(next);
    const at = this.iso();
    this.store.tx(() => {
      this.store.officers.update(officer.id, { passwordHash }, at);
      this.store.audit.append(officer.id, 'password.change', {}, at);
    });
  }

  rolesOf(session: SessionState): Role[] {
    if (!session.officerId) return [];
    const o = this.store.officers.byId(session.officerId);
    return o && !o.disabled ? o.roles : [];
  }
}
