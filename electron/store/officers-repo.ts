// Officers and their roles. Password hashes stay inside the store and the auth service;
// they never appear in a log or the contract. The change log carries the hash (not the
// password) so an officer can log in at any counter of the office; see replication.ts.
import type { Role } from '../contract';
import type { Db } from './db';
import type { ChangeLog } from './changelog';

export interface OfficerRecord {
  id: string;
  stationId: string;
  nip: string;
  name: string;
  passwordHash: string;
  disabled: boolean;
  language: 'id' | 'en';
  failedLogins: number;
  lockedUntil: string | null;
  roles: Role[];
  createdAt: string;
  updatedAt: string;
}

interface OfficerDbRow {
  id: string; station_id: string; nip: string; name: string; password_hash: string; disabled: number;
  language: 'id' | 'en'; failed_logins: number; locked_until: string | null; created_at: string; updated_at: string;
  roles: string | null;
}

const SELECT = `SELECT o.*, (SELECT group_concat(role) FROM officer_roles r WHERE r.officer_id = o.id) AS roles FROM officers o`;

export class OfficersRepo {
  constructor(private readonly db: Db, private readonly stationId: string, private readonly changes: ChangeLog) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM officers').get() as { n: number }).n;
  }

  byNip(nip: string): OfficerRecord | undefined {
    const r = this.db.prepare(`${SELECT} WHERE o.nip = ?`).get(nip) as OfficerDbRow | undefined;
    return r && toRecord(r);
  }

  byId(id: string): OfficerRecord | undefined {
    const r = this.db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OfficerDbRow | undefined;
    return r && toRecord(r);
  }

  all(): OfficerRecord[] {
    return (this.db.prepare(`${SELECT} ORDER BY o.name`).all() as OfficerDbRow[]).map(toRecord);
  }

  insert(o: Omit<OfficerRecord, 'stationId' | 'failedLogins' | 'lockedUntil' | 'updatedAt'>): void {
    this.db.prepare(
      `INSERT INTO officers (id, station_id, nip, name, password_hash, disabled, language, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(o.id, this.stationId, o.nip, o.name, o.passwordHash, o.disabled ? 1 : 0, o.language, o.createdAt, o.createdAt);
    this.writeRoles(o.id, o.roles);
    this.changes.created('officers', o.id);
  }

  update(id: string, patch: Partial<Pick<OfficerRecord, 'name' | 'passwordHash' | 'disabled' | 'language' | 'roles'>>, at: string): void {
    const cur = this.byId(id);
    if (!cur) return;
    // Fields left undefined in the patch keep their current value.
    const next = { ...cur, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    this.changes.track('officers', id, () => {
      this.db.prepare(
        'UPDATE officers SET name = ?, password_hash = ?, disabled = ?, language = ?, updated_at = ? WHERE id = ?',
      ).run(next.name, next.passwordHash, next.disabled ? 1 : 0, next.language, at, id);
      if (patch.roles) this.writeRoles(id, patch.roles);
    });
  }

  /** Login bookkeeping: counters are local to this station and not replicated. */
  setLoginState(id: string, failedLogins: number, lockedUntil: string | null): void {
    this.db.prepare('UPDATE officers SET failed_logins = ?, locked_until = ? WHERE id = ?').run(failedLogins, lockedUntil, id);
  }

  /**
   * Counts a login attempt before its password is checked, in one statement, so parallel
   * attempts each get their own number (none can read a stale count). While the account is
   * locked nothing is counted. `n` is this attempt's number since the last good login or
   * lock; the caller resets it (setLoginState) when the password proves right.
   */
  reserveLoginAttempt(id: string, nowIso: string): { n: number; lockedUntil: string | null } | undefined {
    return this.db.prepare(
      `UPDATE officers SET failed_logins = CASE WHEN locked_until > @now THEN failed_logins ELSE failed_logins + 1 END
       WHERE id = @id RETURNING failed_logins AS n, locked_until AS lockedUntil`,
    ).get({ id, now: nowIso }) as { n: number; lockedUntil: string | null } | undefined;
  }

  private writeRoles(id: string, roles: Role[]): void {
    this.db.prepare('DELETE FROM officer_roles WHERE officer_id = ?').run(id);
    const ins = this.db.prepare('INSERT INTO officer_roles (officer_id, role) VALUES (?, ?)');
    for (const role of new Set(roles)) ins.run(id, role);
  }
}


function toRecord(r: OfficerDbRow): OfficerRecord {
  return {
    id: r.id, stationId: r.station_id, nip: r.nip, name: r.name, passwordHash: r.password_hash,
    disabled: r.disabled === 1, language: r.language, failedLogins: r.failed_logins, lockedUntil: r.locked_until,
    roles: (r.roles ? r.roles.split(',') : []).sort() as Role[], createdAt: r.created_at, updatedAt: r.updated_at,
  };
}
