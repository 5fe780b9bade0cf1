// Password hashing with scrypt from node:crypto and a per-user random salt. The stored
// form names its parameters, so they can be raised: a hash with older parameters still
// verifies, and the auth service stores a new one at the officer's next good login.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// N = 2^17, r = 8, p = 1 (OWASP's scrypt minimum for passwords): 128 · N · r = 128 MiB per
// hash, a few hundred milliseconds — the cost of every login attempt, by design.
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keylen: 32 } as const;
/** Node refuses a derivation above maxmem (32 MiB by default): twice what N=2^17, r=8 needs. */
const MAXMEM = 256 * 1024 * 1024;
/** At most this many hashes at once: each holds 128 MiB, and the station has other work. */
const MAX_PARALLEL = 2;

let running = 0;
const waiting: (() => void)[] = [];
/** How many derivations ran (tests count them: every refusal must cost one real hash). */
export const hashStats = { derivations: 0 };

async function derive(password: string, salt: Buffer, n: number, r: number, p: number, keylen: number): Promise<Buffer> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  hashStats.derivations += 1;
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      scrypt(password.normalize('NFKC'), salt, keylen, { N: n, r, p, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key)));
    });
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p), expected.length);
  return timingSafeEqual(expected, actual);
}

/** A stored hash made with other parameters than today's: replace it at the next good login. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) !== SCRYPT.N || Number(r) !== SCRYPT.r || Number(p) !== SCRYPT.p;
}

/** A hash of nothing in particular, with today's parameters: verifying against it costs what
 * a real check costs, so an unknown NIP or a locked account takes as long to refuse as a
 * wrong password. */
export const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
