// The station key decides whether encrypted blobs stay readable, so its providers must
// create it private, refuse a key file others could have copied, and never mint a second key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fileKeyProvider, KEY_BYTES, KEY_FILE, KeyFileError, SEALED_KEY_FILE, sealedKeyProvider,
} from '../../../electron/key-providers';
import type { SecretCipher } from '../../../electron/key-providers';

const posix = process.platform !== 'win32';
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-key-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

describe('fileKeyProvider', () => {
  it.skipIf(!posix)('creates a 32-byte key readable by the owner only, in a private data dir', () => {
    const dataDir = path.join(dir, 'data');
    const key = fileKeyProvider().loadOrCreateKey(dataDir);
    expect(key).toHaveLength(KEY_BYTES);
    expect(modeOf(path.join(dataDir, KEY_FILE))).toBe(0o600);
    expect(modeOf(dataDir)).toBe(0o700);
  });

  it('returns the same key when the data dir is opened again', () => {
    const first = fileKeyProvider().loadOrCreateKey(dir);
    const again = fileKeyProvider().loadOrCreateKey(dir);
    expect(again.equals(first)).toBe(true);
  });

  it('keeps 0600 even under a permissive umask', () => {
    const old = process.umask(0);
    try {
      fileKeyProvider().loadOrCreateKey(dir);
    } finally {
      process.umask(old);
    }
    if (posix) expect(modeOf(path.join(dir, KEY_FILE))).toBe(0o600);
  });

  it.skipIf(!posix)('refuses a key file that group or others can read', () => {
    fileKeyProvider().loadOrCreateKey(dir);
    for (const mode of [0o640, 0o604, 0o644]) {
      fs.chmodSync(path.join(dir, KEY_FILE), mode);
      expect(() => fileKeyProvider().loadOrCreateKey(dir)).toThrow(KeyFileError);
      expect(() => fileKeyProvider().loadOrCreateKey(dir)).toThrow(/readable by other users/);
    }
  });

  it('refuses a key file of the wrong length instead of replacing it', () => {
    fs.writeFileSync(path.join(dir, KEY_FILE), Buffer.alloc(16), { mode: 0o600 });
    expect(() => fileKeyProvider().loadOrCreateKey(dir)).toThrow(/16 bytes/);
    expect(fs.readFileSync(path.join(dir, KEY_FILE))).toHaveLength(16);
  });

  it('does not mint a new key over a directory sealed by the Electron app', () => {
    fs.writeFileSync(path.join(dir, SEALED_KEY_FILE), 'sealed', { mode: 0o600 });
    expect(() => fileKeyProvider().loadOrCreateKey(dir)).toThrow(/OS keychain/);
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
  });
});

/** A reversible stand-in for safeStorage; "other" models a different user's keychain. */
function fakeCipher(opts: { available?: boolean; other?: boolean } = {}): SecretCipher {
  const tag = opts.other ? 'other:' : 'mine:';
  return {
    isEncryptionAvailable: () => opts.available ?? true,
    encryptString: (text) => Buffer.from(tag + text).reverse(),
    decryptString: (sealed) => {
      const text = Buffer.from(sealed).reverse().toString();
      if (!text.startsWith(tag)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(tag.length);
    },
  };
}

describe('sealedKeyProvider', () => {
  it('seals a new key (0600) and unseals the same key on reopen, never writing it in clear', () => {
    const key = sealedKeyProvider(fakeCipher()).loadOrCreateKey(dir);
    expect(key).toHaveLength(KEY_BYTES);
    const sealedFile = path.join(dir, SEALED_KEY_FILE);
    if (posix) expect(modeOf(sealedFile)).toBe(0o600);
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
    expect(fs.readFileSync(sealedFile).includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(sealedKeyProvider(fakeCipher()).loadOrCreateKey(dir).equals(key)).toBe(true);
  });

  it('adopts the key of a directory first used by the browser host', () => {
    const hostKey = fileKeyProvider().loadOrCreateKey(dir);
    const lines: string[] = [];
    expect(sealedKeyProvider(fakeCipher(), (l) => lines.push(l)).loadOrCreateKey(dir).equals(hostKey)).toBe(true);
    expect(lines.join('\n')).toMatch(/sealed the existing/);
    expect(sealedKeyProvider(fakeCipher()).loadOrCreateKey(dir).equals(hostKey)).toBe(true);
  });

  it('refuses to start when the OS keychain is unavailable', () => {
    expect(() => sealedKeyProvider(fakeCipher({ available: false })).loadOrCreateKey(dir)).toThrow(/keychain is not available/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a key sealed by another keychain rather than replacing it', () => {
    sealedKeyProvider(fakeCipher()).loadOrCreateKey(dir);
    const before = fs.readFileSync(path.join(dir, SEALED_KEY_FILE));
    expect(() => sealedKeyProvider(fakeCipher({ other: true })).loadOrCreateKey(dir)).toThrow(/could not unseal/);
    expect(fs.readFileSync(path.join(dir, SEALED_KEY_FILE)).equals(before)).toBe(true);
  });

  it.skipIf(!posix)('refuses a sealed key file that group or others can read', () => {
    sealedKeyProvider(fakeCipher()).loadOrCreateKey(dir);
    fs.chmodSync(path.join(dir, SEALED_KEY_FILE), 0o644);
    expect(() => sealedKeyProvider(fakeCipher()).loadOrCreateKey(dir)).toThrow(/readable by other users/);
  });
});
