// The one encryption helper for blobs that hold biometrics or document images:
// AES-256-GCM with a fresh 96-bit nonce per blob. The sealed form is
// version(1) | nonce(12) | tag(16) | ciphertext; the blob's id is bound as associated data,
// so a sealed blob copied onto another row does not open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;

export class BlobCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The data key must be 32 bytes.');
  }

  seal(plain: Buffer, boundTo: string): Buffer {
    const nonce = randomBytes(12);
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
