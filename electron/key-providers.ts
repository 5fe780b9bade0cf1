// Where the station's 32-byte data key lives. Two providers, both plain Node so they are
// testable without Electron:
//  - the file provider (browser host): the raw key in <dataDir>/station.key, created 0600,
//    refused when group or others could read it;
//  - the sealed provider (Electron app): the key encrypted by the OS keychain through
//    Electron's safeStorage, whose functions main.ts injects here.
// Losing or replacing the key makes every encrypted blob unreadable, so both providers fail
// loudly rather than ever silently creating a second key next to an existing one.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyProtection, KeyProvider } from './station-types';
import { keySealDecision, WEAK_BACKENDS } from './shell-policy';

export const KEY_BYTES = 32;
export const KEY_FILE = 'station.key';
export const SEALED_KEY_FILE = 'station.key.sealed';
/** Who confirmed sealing the key with a weak keychain, and when (JSON, 0600). */
export const WEAK_SEAL_CONFIRMATION_FILE = 'station.key.weak-seal-confirmed.json';

/** The subset of Electron's safeStorage the sealed provider needs (injected by main.ts). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keychain backs the cipher ('basic_text' means a built-in, weak one). */
  backend?(): string;
}

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

const isWindows = process.platform === 'win32';

function ensureDataDir(dataDir: string): void {
  // 0700: the directory also holds the database; nobody else needs to list it.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

/**
 * Refuses a key file that another local user could read or that is not a plain file we own.
 * Windows has no POSIX mode bits (ACLs apply instead), so only the file type is checked there.
 */
function assertPrivateFile(file: string): void {
  const st = fs.lstatSync(file);
  if (!st.isFile()) throw new KeyFileError(`${file} is not a regular file; refusing to use it as the station key.`);
  if (isWindows) return;
  if ((st.mode & 0o077) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    throw new KeyFileError(
      `${file} is readable by other users (mode ${mode}); refusing to use it. ` +
      `Check who could have copied it, then run: chmod 600 '${file}'`,
    );
  }
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new KeyFileError(`${file} belongs to uid ${st.uid}, not to this user (uid ${uid}); refusing to use it.`);
  }
}

/** Writes a new file that must not exist yet, private from the first byte (no chmod race). */
function writeNewPrivateFile(file: string, data: Buffer): void {
  // 'wx' fails if the file appeared meanwhile (a second process starting on the same data
  // dir): better to stop than to overwrite the key the other process is already using.
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function readKeyFile(file: string): Buffer {
  assertPrivateFile(file);
  const key = fs.readFileSync(file);
  if (key.length !== KEY_BYTES) {
    throw new KeyFileError(`${file} holds ${key.length} bytes, not a ${KEY_BYTES}-byte key; refusing to use it.`);
  }
  return key;
}

/** The browser host's provider: a raw random key in <dataDir>/station.key, mode 0600. */
export function fileKeyProvider(): KeyProvider {
  return {
    description: `file ${KEY_FILE} in the data directory (mode 0600)`,
    protection: () => ({ keptIn: 'file', backend: null, weak: false, awaitingConfirmation: false }),
    loadOrCreateKey(dataDir: string): Buffer {
      ensureDataDir(dataDir);
      const file = path.join(dataDir, KEY_FILE);
      if (fs.existsSync(file)) return readKeyFile(file);
      if (fs.existsSync(path.join(dataDir, SEALED_KEY_FILE))) {
        // Creating a fresh key here would orphan every blob the Electron app encrypted.
        throw new KeyFileError(
          `The data directory ${dataDir} is protected by the Loket app's OS keychain (${SEALED_KEY_FILE}); ` +
          'open it with the Loket app, or give the browser host a different --data-dir.',
        );
      }
      const key = randomBytes(KEY_BYTES);
      writeNewPrivateFile(file, key);
      return key;
    },
  };
}

/**
 * The Electron app's provider: the key sealed by the OS keychain (safeStorage) in
 * <dataDir>/station.key.sealed, so a copy of the data directory alone does not reveal it.
 * A plain station.key already present (the directory was first used by the browser host)
 * is adopted, not replaced, so existing encrypted data stays readable.
 */
export function sealedKeyProvider(cipher: SecretCipher, log: (line: string) => void = () => undefined): KeyProvider {
  const backend = cipher.backend?.();
  const weak = backend !== undefined && WEAK_BACKENDS.includes(backend);
  const confirmed = (dataDir: string) => fs.existsSync(path.join(dataDir, WEAK_SEAL_CONFIRMATION_FILE));
  const seal = (dataDir: string, key: Buffer) => writeNewPrivateFile(path.join(dataDir, SEALED_KEY_FILE), cipher.encryptString(key.toString('hex')));
  return {
    description: `OS keychain via safeStorage${backend ? ` (${backend})` : ''}, sealed in ${SEALED_KEY_FILE}`,
    protection(dataDir: string): KeyProtection {
      const isSealed = fs.existsSync(path.join(dataDir, SEALED_KEY_FILE));
      return { keptIn: isSealed ? 'keychain' : 'file', backend: backend ?? null, weak, awaitingConfirmation: !isSealed && weak && !confirmed(dataDir) };
    },
    sealWeak(dataDir: string, key: Buffer, confirmedBy: string, at: string): void {
      if (!weak || fs.existsSync(path.join(dataDir, SEALED_KEY_FILE))) return;
      writeNewPrivateFile(path.join(dataDir, WEAK_SEAL_CONFIRMATION_FILE), Buffer.from(`${JSON.stringify({ backend, confirmedBy, at })}\n`));
      seal(dataDir, key);
      // station.key stays, as when a browser-host directory is adopted: deleting it is the operator's call.
    },
    loadOrCreateKey(dataDir: string): Buffer {
      ensureDataDir(dataDir);
      if (!cipher.isEncryptionAvailable()) {
        throw new KeyFileError(
          'The OS keychain is not available, so the station key cannot be protected. ' +
          'Log in to a desktop session with a keyring (GNOME Keyring / KWallet), or use the browser host.',
        );
      }
      const sealed = path.join(dataDir, SEALED_KEY_FILE);
      if (!fs.existsSync(sealed) && keySealDecision(backend, confirmed(dataDir)) === 'keep_file') {
        // No desktop keyring: sealing would only look like protection. Keep the key as the
        // browser host does (0600 file) until an administrator confirms on the screen.
        log(`loket: warning: no desktop keyring (safeStorage: ${backend}); the station key stays in ${KEY_FILE} (0600) until an administrator confirms sealing it with the built-in password.`);
        return fileKeyProvider().loadOrCreateKey(dataDir);
      }
      if (weak) log('loket: warning: the station key is sealed with safeStorage\'s built-in password (basic_text), confirmed by an administrator.');
      if (fs.existsSync(sealed)) {
        assertPrivateFile(sealed);
        let hex: string;
        try {
          hex = cipher.decryptString(fs.readFileSync(sealed));
        } catch (err) {
          throw new KeyFileError(
            `The OS keychain could not unseal ${sealed} (${(err as Error).message}). ` +
            'It was sealed by another user account or keyring; the encrypted data cannot be read without it.',
          );
        }
        const key = Buffer.from(hex, 'hex');
        if (key.length !== KEY_BYTES || key.toString('hex') !== hex) {
          throw new KeyFileError(`${sealed} does not hold a ${KEY_BYTES}-byte key; refusing to use it.`);
        }
        return key;
      }
      const plain = path.join(dataDir, KEY_FILE);
      let key: Buffer;
      if (fs.existsSync(plain)) {
        key = readKeyFile(plain);
        // Kept on disk: the browser host may still be pointed at this directory, and
        // deleting it is an operator's decision, not something to do behind their back.
        log(`loket: sealed the existing ${plain} with the OS keychain; delete that file once the browser host no longer uses this directory.`);
      } else {
        key = randomBytes(KEY_BYTES);
      }
      seal(dataDir, key);
      return key;
    },
  };
}

/**
 * Reads an existing station key without ever creating one (for `npm run audit:verify`):
 * the browser host's station.key, checked as the station checks it. A directory whose key
 * is sealed by the Loket app's OS keychain can only be checked inside the app.
 */
export function readStationKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) return readKeyFile(file);
  if (fs.existsSync(path.join(dataDir, SEALED_KEY_FILE))) {
    throw new KeyFileError(
      `The key of ${dataDir} is sealed by the Loket app's OS keychain (${SEALED_KEY_FILE}); ` +
      'check the audit trail inside the Loket app (Administrator), which can unseal it.',
    );
  }
  throw new KeyFileError(`No station key in ${dataDir}; the audit trail cannot be checked without it.`);
}
