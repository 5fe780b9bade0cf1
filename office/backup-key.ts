// The office's backup key: an age X25519 identity (https://age-encryption.org/v1) made on
// the service's first start and kept beside its TLS key in its data directory, readable by
// the service's user only. Its public half (an age1… recipient) is handed to paired
// stations, which encrypt their unsynced-work backups to it (electron/services/trip-backup.ts):
// a USB drive holding such a backup, even together with the laptop, opens only at the
// office — with `npm run office -- restore`, or with Debian's own `age -d -i <key file>`.
// A key of its own rather than the TLS key: a key does one job.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';

export interface BackupKey { identity: string; recipient: string; file: string }

export const BACKUP_KEY_FILE = 'office-backup-key.txt';

export async function loadOrCreateBackupKey(dir: string): Promise<BackupKey> {
  const file = path.join(dir, BACKUP_KEY_FILE);
  if (existsSync(file)) {
    const identity = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))?.trim();
    if (!identity) throw new Error(`${file} holds no age identity; restore it from the office's backup of its data directory.`);
    return { identity, recipient: await identityToRecipient(identity), file };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  // The layout age-keygen writes, so `age -d -i` reads the file as it is.
  writeFileSync(file, `# created: ${new Date().toISOString()}\n# public key: ${recipient}\n${identity}\n`, { mode: 0o600 });
  return { identity, recipient, file };
}
