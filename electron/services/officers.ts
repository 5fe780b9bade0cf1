// Administrators add officers, give them roles, disable accounts and reset passwords.
import { randomUUID } from 'node:crypto';
import type { Role, SessionEndReason } from '../contract';
import type { OfficerRow } from '../contract-types';
import type { OfficerRecord } from '../store/officers-repo';
import type { Store } from '../store/store';
import { StationError } from './errors';
import { hashPassword } from './passwords';

export function toOfficerRow(o: OfficerRecord): OfficerRow {
  return { id: o.id, name: o.name, nip: o.nip, roles: o.roles, disabled: o.disabled, language: o.language, lockedUntil: o.lockedUntil, createdAt: o.createdAt };
}

export class OfficersService {
  /** `revoked`: the officer may no longer use the sessions they have open (ended at once by the station). */
  constructor(
    private readonly store: Store, private readonly now: () => Date,
    private readonly revoked: (officerId: string, reason: SessionEndReason) => void = () => undefined,
  ) {}

  list(): OfficerRow[] {
    return this.store.officers.all().map(toOfficerRow);
  }

  async create(by: string, input: { name: string; nip: string; password: string; roles: Role[] }): Promise<OfficerRow> {
    const passwordHash = await hashPassword(input.password);
    const id = randomUUID();
    const at = this.now().toISOString();
    this.store.tx(() => {
      if (this.store.officers.byNip(input.nip)) throw new StationError('conflict', { nip: input.nip }, 'nip');
      this.store.officers.insert({ id, nip: input.nip, name: input.name, passwordHash, disabled: false, language: 'id', roles: input.roles, createdAt: at });
      this.store.audit.append(by, 'officer.create', { officerId: id, nip: input.nip, roles: input.roles }, at);
    });
    return toOfficerRow(this.store.officers.byId(id)!);
  }

  update(by: string, input: { id: string; name?: string; roles?: Role[]; disabled?: boolean }): OfficerRow {
    const at = this.now().toISOString();
    let disabledNow = false;
    this.store.tx(() => {
      const cur = this.store.officers.byId(input.id);
      if (!cur) throw new StationError('not_found');
      // The station must always keep one administrator who can log in.
      const losesAdmin = (input.roles && !input.roles.includes('admin')) || input.disabled === true;
      if (cur.roles.includes('admin') && !cur.disabled && losesAdmin) {
        const otherAdmins = this.store.officers.all().filter((o) => o.id !== cur.id && !o.disabled && o.roles.includes('admin'));
        if (otherAdmins.length === 0) throw new StationError('conflict', { reason: 'last_admin' }, input.roles ? 'roles' : 'disabled');
      }
      this.store.officers.update(input.id, { name: input.name, roles: input.roles, disabled: input.disabled }, at);
      if (input.roles) this.store.audit.append(by, 'officer.roles', { officerId: input.id, from: cur.roles, to: input.roles }, at);
      if (input.disabled !== undefined && input.disabled !== cur.disabled) this.store.audit.append(by, input.disabled ? 'officer.disable' : 'officer.enable', { officerId: input.id }, at);
      disabledNow = input.disabled === true;
      if (input.name && input.name !== cur.name) this.store.audit.append(by, 'officer.rename', { officerId: input.id }, at);
    });
    if (disabledNow) this.revoked(input.id, 'disabled');
    return toOfficerRow(this.store.officers.byId(input.id)!);
  }

  async resetPassword(by: string, id: string, password: string): Promise<void> {
    if (!this.store.officers.byId(id)) throw new StationError('not_found');
    const passwordHash = await hashPassword(password);
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.store.officers.update(id, { passwordHash }, at);
      this.store.officers.setLoginState(id, 0, null);
      this.store.audit.append(by, 'officer.reset_password', { officerId: id }, at);
    });
    this.revoked(id, 'password_reset');
  }
}
