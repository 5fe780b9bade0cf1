// The one encryption helper for blobs that hold biometrics or document images:
// AES-256-GCM with a fresh 96-bit nonce per blob. The sealed form is
// version(1) | nonce(12) | tag(16) | ciphertext; the blob's id is bound as associated data,
// so a sealed blob copied onto another row does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;

export class BlobCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The data key must be 32 bytes.');
  }

  /** `nonce`: only for a sealed form that must come out the same each time (office-blobs.ts). */
  seal(plain: Buffer, boundTo: string, nonce: Buffer = randomBytes(12)): Buffer {
    if (nonce.length !== 12) throw new Error('The nonce must be 12 bytes.');
    const c = createCipheriv('aes-256-gcm', this.key, nonce);
    c.setAAD(Buffer.from(boundTo, 'utf8'));
    const body = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([Buffer.from([VERSION]), nonce, c.getAuthTag(), body]);
  }

  open(sealed: Buffer, boundTo: string): Buffer {
    if (sealed.length < 29 || sealed[0] !== VERSION) throw new Error('Sealed blob has an unknown format.');
    const d = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(1, 13));
    d.setAAD(Buffer.from(boundTo, 'utf8'));
    d.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([d.update(sealed.subarray(29)), d.final()]);
  }
}

/**
 * The key of the audit chain's HMAC, derived from the station's data key with HKDF-SHA-256
 * under its own label: it is kept wherever the data key is kept (0600 file, OS keychain) and
 * read the same way by `npm run audit:verify`, yet is a different key, so it can be handed
 * to an auditor without handing over the key of the biometric blobs.
 */
export function deriveAuditKey(dataKey: Buffer): Buffer {
  if (dataKey.length !== 32) throw new Error('The data key must be 32 bytes.');
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'loket audit chain hmac v1', 32));
}
