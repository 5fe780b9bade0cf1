// Linux without a desktop keyring: Electron's safeStorage falls back to 'basic_text'. The
// station then keeps its key in a 0600 file and seals it only after an administrator
// confirms (through the contract, role checked by the station), audited. safeStorage itself
// needs the Electron runtime, absent here, so a stand-in cipher plays it; the station, the
// store and the files are real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStation } from '../../../electron/station';
import { fileKeyProvider, KEY_FILE, SEALED_KEY_FILE, sealedKeyProvider, WEAK_SEAL_CONFIRMATION_FILE, type SecretCipher } from '../../../electron/key-providers';
import type { KeyProvider, Station } from '../../../electron/station-types';
import type { AuditRow, AuditVerifyResult, KeyProtection } from '../../../electron/contract-types';
import { ADMIN, OFFICER } from '../../helpers/station';

const cipher = (backend: string): SecretCipher => ({
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`v11${Buffer.from(text).toString('base64')}`),
  decryptString: (sealed) => Buffer.from(sealed.toString().slice(3), 'base64').toString(),
  backend: () => backend,
});

const dirs: string[] = [];
const stations: Station[] = [];
afterEach(async () => {
  for (const s of stations.splice(0)) await s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function open(dataDir: string, keyProvider: KeyProvider) {
  const station = await createStation({ dataDir, keyProvider });
  stations.push(station);
  const session = () => {
    const raw = station.openSession();
    const ok = async <T>(m: string, i: unknown = {}) => {
      const r = await raw.call(m, i);
      if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    };
    return { call: (m: string, i: unknown = {}) => raw.call(m, i), ok };
  };
  return { station, session };
}

describe('sealing the station key with basic_text', () => {
  it('keeps the key in a 0600 file until an administrator confirms, then seals it and audits who did', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-weak-'));
    dirs.push(dataDir);
    const warnings: string[] = [];
    const { station, session } = await open(dataDir, sealedKeyProvider(cipher('basic_text'), (l) => warnings.push(l)));
    expect(fs.statSync(path.join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dataDir, SEALED_KEY_FILE))).toBe(false);
    expect(warnings.join('\n')).toMatch(/no desktop keyring \(safeStorage: basic_text\)/);

    const admin = session();
    await admin.ok('setup.createFirstAdmin', ADMIN);
    expect(await admin.ok<KeyProtection>('keys.protection')).toEqual({ keptIn: 'file', backend: 'basic_text', weak: true, awaitingConfirmation: true });

    await admin.ok('officers.create', { ...OFFICER, roles: ['counter', 'supervisor', 'technician', 'print'] });
    const other = session();
    await other.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    expect(await other.call('keys.confirmWeakSeal', { understood: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.call('keys.confirmWeakSeal', { understood: false })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(fs.existsSync(path.join(dataDir, SEALED_KEY_FILE))).toBe(false);

    expect(await admin.ok<KeyProtection>('keys.confirmWeakSeal', { understood: true })).toEqual({ keptIn: 'keychain', backend: 'basic_text', weak: true, awaitingConfirmation: false });
    expect(fs.statSync(path.join(dataDir, SEALED_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, WEAK_SEAL_CONFIRMATION_FILE), 'utf8'))).toMatchObject({ backend: 'basic_text' });
    const audit = await admin.ok<AuditRow[]>('audit.list', { limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'keys.weakSealConfirmed', officerName: ADMIN.name });
    expect(await admin.call('keys.confirmWeakSeal', { understood: true })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'key_seal_not_pending' } } });

    // Reopened, the station unseals the same key: the keyed audit chain still verifies.
    await station.close();
    stations.splice(0);
    const again = await open(dataDir, sealedKeyProvider(cipher('basic_text')));
    const a = again.session();
    await a.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    expect(await a.ok<AuditVerifyResult>('audit.verify')).toMatchObject({ ok: true });
  });

  it('seals at once with a real keyring, and the browser host says the key is in its file', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-ring-'));
    dirs.push(dataDir);
    const { session } = await open(dataDir, sealedKeyProvider(cipher('gnome_libsecret')));
    expect(fs.existsSync(path.join(dataDir, SEALED_KEY_FILE))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    const admin = session();
    await admin.ok('setup.createFirstAdmin', ADMIN);
    expect(await admin.ok<KeyProtection>('keys.protection')).toEqual({ keptIn: 'keychain', backend: 'gnome_libsecret', weak: false, awaitingConfirmation: false });

    const plainDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-plain-'));
    dirs.push(plainDir);
    const browser = await open(plainDir, fileKeyProvider());
    const b = browser.session();
    await b.ok('setup.createFirstAdmin', ADMIN);
    expect(await b.ok<KeyProtection>('keys.protection')).toEqual({ keptIn: 'file', backend: null, weak: false, awaitingConfirmation: false });
    expect(await b.call('keys.confirmWeakSeal', { understood: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
