// The office data key wrapped for one station at pairing (domain/office-key-wrap.ts): opens
// only with the station's private half, the same code and the same certificate; and the
// construction is the documented one (X25519 → HKDF-SHA-256 salted with SHA-256(code) →
// AES-256-GCM), checked by opening it a second way with node:crypto's own primitives.
import { describe, expect, it } from 'vitest';
import { createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, hkdfSync, randomBytes, type JsonWebKey } from 'node:crypto';
import { newKeyShare, unwrapDataKey, wrapDataKey } from '../../../domain/office-key-wrap';

const CERT = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';
const binding = { code: '7KQ2M9XD4TRA', certSha256: CERT, stationId: 'st-1' };

describe('office data key wrap', () => {
  it('opens for the station that asked, with the same code and certificate', async () => {
    const key = randomBytes(32);
    const share = await newKeyShare();
    const wrapped = await wrapDataKey(key, share.publicKey, binding, randomBytes(12));
    expect(Buffer.from(await unwrapDataKey(share, wrapped, binding)).equals(key)).toBe(true);
    // The key's bytes are nowhere in what travels.
    const sent = Buffer.from(wrapped.sealed, 'base64url');
    expect(sent.includes(key.subarray(0, 8))).toBe(false);
  });

  it('does not open with another code, certificate, station or private half', async () => {
    const key = randomBytes(32);
    const share = await newKeyShare();
    const wrapped = await wrapDataKey(key, share.publicKey, binding, randomBytes(12));
    await expect(unwrapDataKey(share, wrapped, { ...binding, code: '7KQ2M9XD4TRB' })).rejects.toThrow();
    await expect(unwrapDataKey(share, wrapped, { ...binding, certSha256: CERT.replace('AB', 'AC') })).rejects.toThrow();
    await expect(unwrapDataKey(share, wrapped, { ...binding, stationId: 'st-2' })).rejects.toThrow();
    // A listener who swapped in its own half gets nothing the real station can open, and
    // cannot open the real station's wrap with its own half.
    const other = await newKeyShare();
    await expect(unwrapDataKey({ ...other, publicKey: share.publicKey }, wrapped, binding)).rejects.toThrow();
    const sealed = Buffer.from(wrapped.sealed, 'base64url');
    sealed[20] = sealed[20]! ^ 1;
    await expect(unwrapDataKey(share, { ...wrapped, sealed: sealed.toString('base64url') }, binding)).rejects.toThrow();
  });

  it('is X25519, HKDF-SHA-256 and AES-256-GCM as documented (opened with node:crypto)', async () => {
    const key = randomBytes(32);
    const share = await newKeyShare();
    const wrapped = await wrapDataKey(key, share.publicKey, binding, randomBytes(12));
    const jwk = await crypto.subtle.exportKey('jwk', share.privateKey).catch(() => null);
    if (!jwk) throw new Error('the station\'s private half must be exportable for this check');
    const priv = createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
    const officePub = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: wrapped.officePublic }, format: 'jwk' });
    const shared = diffieHellman({ privateKey: priv, publicKey: officePub });
    const fp = CERT.replace(/:/g, '');
    const info = `loket-office-data-key-v1|${fp}|${binding.stationId}|${share.publicKey}|${wrapped.officePublic}`;
    const wrapKey = Buffer.from(hkdfSync('sha256', shared, createHash('sha256').update(binding.code).digest(), info, 32));
    const all = Buffer.from(wrapped.sealed, 'base64url');
    const d = createDecipheriv('aes-256-gcm', wrapKey, all.subarray(0, 12));
    d.setAAD(Buffer.from(info));
    d.setAuthTag(all.subarray(all.length - 16));
    expect(Buffer.concat([d.update(all.subarray(12, all.length - 16)), d.final()]).equals(key)).toBe(true);
  });
});
