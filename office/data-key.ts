// The office data key: 32 random bytes made once per office, which seal every biometric and
// document blob the stations of the office share (electron/services/office-blobs.ts). It is
// kept in PostgreSQL (office_keys) sealed with AES-256-GCM under a key-encryption key kept in
// the service's data directory (office-data-kek, 0600), so neither a database dump nor a copy
// of the data directory alone yields it. Stations receive it wrapped for them at pairing
// (domain/office-key-wrap.ts).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from './db';

const KEK_FILE = 'office-data-kek';
const AAD = Buffer.from('loket office data key v1', 'utf8');

function loadOrCreateKek(dir: string): Buffer {
  const file = path.join(dir, KEK_FILE);
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) throw new Error(`${file} can be read by other users; chmod 600 it.`);
    const kek = readFileSync(file);
    if (kek.length !== 32) throw new Error(`${file} is not a 32-byte key.`);
    return kek;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const kek = randomBytes(32);
  writeFileSync(file, kek, { mode: 0o600, flag: 'wx' });
  return kek;
}

function seal(kek: Buffer, key: Buffer): Buffer {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, nonce);
  c.setAAD(AAD);
  const body = Buffer.concat([c.update(key), c.final()]);
  return Buffer.concat([nonce, c.getAuthTag(), body]);
}

function open(kek: Buffer, sealed: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', kek, sealed.subarray(0, 12));
  d.setAAD(AAD);
  d.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
}

/**
 * The office's data key, made with the first pairing. Read when a station pairs (the only
 * time the service needs it: blobs arrive and leave already sealed), so a service started
 * with the wrong data directory still syncs changes and says what is wrong at pairing.
 */
export async function loadOrCreateDataKey(pool: Pool, dataDir: string): Promise<Buffer> {
  const read = async () => (await pool.query<{ sealed: Buffer }>("SELECT sealed FROM office_keys WHERE name = 'data'")).rows[0]?.sealed;
  let sealed = await read();
  const file = path.join(dataDir, KEK_FILE);
  if (!sealed) {
    // Two services pairing at once: the first insert wins and both read it back.
    await pool.query("INSERT INTO office_keys (name, sealed) VALUES ('data', $1) ON CONFLICT (name) DO NOTHING", [seal(loadOrCreateKek(dataDir), randomBytes(32))]);
    sealed = (await read())!;
  } else if (!existsSync(file)) {
    throw new Error(`The office data key is sealed under ${file}, which is missing: start the service with this office's data directory (or restore the file from its backup).`);
  }
  try {
    return open(loadOrCreateKek(dataDir), sealed);
  } catch {
    throw new Error(`The office data key in the database does not open with ${file}: this data directory belongs to another office database. Start the service with the data directory of this office.`);
  }
}
