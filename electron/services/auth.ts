// Logging in and out, locking and unlocking, the first administrator, and the lock-out
// after too many wrong passwords. Every outcome is audited; no password is ever logged.
import { randomUUID } from 'node:crypto';
import type { Role } from '../contract';
import type { SessionInfo } from '../contract-types';
import type { OfficerRecord } from '../store/officers-repo';
import type { Store } from '../store/store';
import { StationError } from './errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import type { SessionState } from './session';
import type { SettingsService } from './settings';

export class AuthService {
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

  /** Checks a NIP and password, counting failures and locking the account after too many. */
  private async authenticate(nip: string, password: string): Promise<OfficerRecord> {
    const officer = this.store.officers.byNip(nip);
    const at = this.now();
    if (!officer) {
      await verifyPassword(password, DUMMY_HASH);
      this.store.tx(() => this.store.audit.append(null, 'login.failed', { nip, reason: 'unknown_nip' }, at.toISOString()));
      throw new StationError('bad_credentials');
    }
    if (officer.lockedUntil && Date.parse(officer.lockedUntil) > at.getTime()) {
      const minutes = Math.max(1, Math.ceil((Date.parse(officer.lockedUntil) - at.getTime()) / 60_000));
      throw new StationError('account_locked', { minutes });
    }
    const ok = await verifyPassword(password, officer.passwordHash);
    if (!ok) {
      const { maxFailedLogins, lockoutMinutes } = this.settings.get();
      const failed = officer.failedLogins + 1;
      const lockNow = failed >= maxFailedLogins;
      this.store.tx(() => {
        this.store.officers.setLoginState(officer.id, lockNow ? 0 : failed, lockNow ? new Date(at.getTime() + lockoutMinutes * 60_000).toISOString() : null);
        this.store.audit.append(officer.id, 'login.failed', { nip, attempt: failed, ...(lockNow ? { lockedMinutes: lockoutMinutes } : {}) }, at.toISOString());
      });
      if (lockNow) throw new StationError('account_locked', { minutes: lockoutMinutes });
      throw new StationError('bad_credentials', { remaining: maxFailedLogins - failed });
    }
    if (officer.disabled) {
      this.store.tx(() => this.store.audit.append(officer.id, 'login.failed', { nip, reason: 'disabled' }, at.toISOString()));
      throw new StationError('account_disabled');
    }
    if (officer.failedLogins > 0 || officer.lockedUntil) this.store.officers.setLoginState(officer.id, 0, null);
    return officer;
  }

  async login(session: SessionState, nip: string, password: string): Promise<SessionInfo> {
    const officer = await this.authenticate(nip, password);
    if (session.officerId && session.officerId !== officer.id) this.logout(session);
    this.store.tx(() => this.store.audit.append(officer.id, 'login', { nip }, this.iso()));
    session.logIn(officer.id, this.now().getTime());
    return this.sessionInfo(session)!;
  }

  /** Unlocking as another officer logs the first one out. */
  async unlock(session: SessionState, nip: string, password: string): Promise<SessionInfo> {
    const officer = await this.authenticate(nip, password);
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

  lock(session: SessionState, reason: 'officer' | 'idle'): void {
    if (!session.officerId) return;
    session.locked = true;
    this.store.tx(() => this.store.audit.append(session.officerId, 'lock', { reason }, this.iso()));
  }

  logout(session: SessionState): void {
    if (!session.officerId) return;
    const id = session.officerId;
    this.store.tx(() => this.store.audit.append(id, 'logout', {}, this.iso()));
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
