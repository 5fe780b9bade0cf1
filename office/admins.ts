// Administrators of the office service's HTTP admin endpoints. A token is 32 random bytes,
// shown once when made (office CLI `admin-token`); only its SHA-256 is kept, as for a
// station's credential. Station credentials never open the admin endpoints, nor the reverse.
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from './db';
import { OfficeError } from './errors';
import { officeAudit } from './audit';

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/** A new token for `name` (replacing any earlier one of that name); returned once. */
export async function createAdminToken(pool: Pool, name: string): Promise<string> {
  const token = `adm_${randomBytes(32).toString('base64url')}`;
  await pool.query(
    `INSERT INTO office_admins (name, token_sha256) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET token_sha256 = excluded.token_sha256, created_at = now(), revoked_at = NULL`,
    [name, sha256(token)],
  );
  await officeAudit(pool, 'cli', 'admin.token', { name });
  return token;
}

/** The administrator a bearer token belongs to, or a refusal the caller reads. */
export async function authenticateAdmin(pool: Pool, token: string | undefined): Promise<string> {
  if (!token) throw new OfficeError(401, 'admin_required', 'This address is for the office administrator: send the token made with "npm run office -- admin-token --name NAME".');
  const { rows } = await pool.query<{ name: string }>('SELECT name FROM office_admins WHERE token_sha256 = $1 AND revoked_at IS NULL', [sha256(token)]);
  if (!rows[0]) throw new OfficeError(401, 'admin_required', 'This administrator token is not known or was replaced. Make a new one with "npm run office -- admin-token --name NAME".');
  return rows[0].name;
}
