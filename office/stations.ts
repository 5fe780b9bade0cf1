// The stations paired with this office: one-time pairing codes, the pairing itself, and
// the per-station credential every later request carries.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CHANGE_FORMAT_VERSION } from '../domain/change-format';
import { formatPairingCode, pairingCodeFrom, pairingProof, PAIRING_CODE_TTL_MS } from '../domain/office-pairing';
import { wrapDataKey, type WrappedDataKey } from '../domain/office-key-wrap';
import { inTransaction, type Client, type Pool } from './db';
import { OfficeError } from './errors';

export interface PairedStation { id: string; name: string }

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/** A new one-time code, shown to the administrator; valid 15 minutes. */
export async function createPairingCode(pool: Pool, now = new Date()): Promise<{ code: string; shown: string; expiresAt: string }> {
  const code = pairingCodeFrom(randomBytes(16));
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString();
  await pool.query('DELETE FROM pairing_codes WHERE expires_at < $1', [now.toISOString()]);
  await pool.query('INSERT INTO pairing_codes (code, created_at, expires_at) VALUES ($1, $2, $3)', [code, now.toISOString(), expiresAt]);
  return { code, shown: formatPairingCode(code), expiresAt };
}

export interface PairRequest { stationId: string; name: string; format: number; proof: string; keyShare: string }
export interface PairAnswer { officeId: string; credential: string; proof: string; formats: number[]; dataKey: WrappedDataKey }

/**
 * A station of another version is refused before anything else of its request is read: its
 * pairing request may differ in every other field too, and it should hear why.
 */
export function assertPairingFormat(format: unknown): void {
  if (format === CHANGE_FORMAT_VERSION) return;
  const theirs = typeof format === 'number' ? String(format) : 'unknown';
  throw new OfficeError(409, 'format_mismatch', `This station writes change format ${theirs}; this office service reads format ${CHANGE_FORMAT_VERSION}. Install the same version of Loket on the station and the office service, then pair again.`);
}

/**
 * Pairs a station whose proof matches a live code over this office's own certificate.
 * The matching code is used up; the station's new credential is returned once and only its
 * hash is kept. A station paired again gets a new credential (the old one stops working).
 */
export async function pairStation(pool: Pool, officeId: string, certSha256: string, req: PairRequest, now: Date, dataKey: () => Promise<Buffer>): Promise<PairAnswer> {
  assertPairingFormat(req.format);
  let key: Buffer;
  try { key = await dataKey(); } catch (err) {
    console.error('office: the data key cannot be read:', (err as Error).message);
    throw new OfficeError(500, 'office_key_unavailable', 'The office service cannot read its data key, so it cannot pair stations now. The office administrator reads the service log and starts it with this office\'s data directory.');
  }
  return inTransaction(pool, async (c) => {
    const { rows } = await c.query<{ code: string }>('SELECT code FROM pairing_codes WHERE expires_at >= $1 AND used_by IS NULL FOR UPDATE', [now.toISOString()]);
    const given = Buffer.from(req.proof, 'hex');
    let matched: string | null = null;
    for (const { code } of rows) {
      const want = Buffer.from(await pairingProof(code, 'station', certSha256, req.stationId), 'hex');
      if (given.length === want.length && timingSafeEqual(given, want)) matched = code;
    }
    if (!matched) {
      throw new OfficeError(403, 'pairing_refused', 'The pairing code is wrong, used or expired — or something between this station and the office presents another certificate. Ask the office administrator for a new code and type it again.');
    }
    await c.query('UPDATE pairing_codes SET used_by = $1 WHERE code = $2', [req.stationId, matched]);
    const credential = randomBytes(32).toString('base64url');
    await c.query(
      `INSERT INTO stations (id, name, credential_sha256, format, paired_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, credential_sha256 = excluded.credential_sha256, format = excluded.format, paired_at = excluded.paired_at, revoked_at = NULL`,
      [req.stationId, req.name, sha256(credential), req.format, now.toISOString()],
    );
    // The data key travels only wrapped for this station's one-time key (domain/office-key-wrap.ts).
    const wrapped = await wrapDataKey(key, req.keyShare, { code: matched, certSha256, stationId: req.stationId }, randomBytes(12));
    return { officeId, credential, proof: await pairingProof(matched, 'office', certSha256, req.stationId), formats: [CHANGE_FORMAT_VERSION], dataKey: wrapped };
  });
}

/** The station a credential belongs to, or an error the station shows as a sentence. */
export async function authenticate(pool: Pool, credential: string | undefined): Promise<PairedStation> {
  if (!credential) throw new OfficeError(401, 'not_paired', 'This station is not paired with the office. An administrator pairs it once with a code from the office service.');
  const { rows } = await pool.query<{ id: string; name: string; revoked_at: string | null }>(
    'SELECT id, name, revoked_at FROM stations WHERE credential_sha256 = $1', [sha256(credential)],
  );
  const s = rows[0];
  if (!s || s.revoked_at) throw new OfficeError(401, 'not_paired', 'The office no longer knows this station (it was paired again elsewhere or removed). An administrator pairs it again with a new code.');
  return { id: s.id, name: s.name };
}

/** Notes when a station last pushed (shown to the office's administrator). */
export async function markSeen(db: Pool | Client, stationId: string): Promise<void> {
  await db.query('UPDATE stations SET last_seen = now() WHERE id = $1', [stationId]);
}
