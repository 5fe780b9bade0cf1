// Handing the office data key to a station at pairing without it ever travelling in clear —
// not even inside the pinned TLS alone. The station makes a fresh X25519 key pair and sends
// its public half with the pairing request; the office answers with its own fresh public
// half and the data key sealed (AES-256-GCM) under a key derived (HKDF-SHA-256) from the
// X25519 shared secret, salted with the pairing code and bound to the certificate, the
// station and both public halves. So a recording of the pairing — even with the TLS session
// keys — does not give the data key (it needs a private half that never left either side),
// and a machine in the middle that swaps public halves cannot derive the wrap key without
// the code. Pure WebCrypto, shared by the office service and the station.

export interface KeyShare {
  /** The 32-byte X25519 public key, base64url. */
  publicKey: string;
  privateKey: CryptoKey;
}

export interface WrappedDataKey {
  /** The office's one-time X25519 public key, base64url. */
  officePublic: string;
  /** nonce(12) | ciphertext+tag(48), base64url. */
  sealed: string;
}

const enc = new TextEncoder();

function b64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A base64url X25519 public key as the pairing request carries it. */
export const KEY_SHARE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export async function newKeyShare(): Promise<KeyShare> {
  const pair = await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { publicKey: b64url(raw), privateKey: pair.privateKey };
}

interface Binding { code: string; certSha256: string; stationId: string; stationPublic: string; officePublic: string }

async function wrapKey(privateKey: CryptoKey, peerPublic: string, b: Binding): Promise<{ key: CryptoKey; aad: Uint8Array<ArrayBuffer> }> {
  const peer = await crypto.subtle.importKey('raw', fromB64url(peerPublic), { name: 'X25519' }, false, []);
  const shared = new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: peer }, privateKey, 256));
  const ikm = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const salt = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(b.code)));
  const fp = b.certSha256.replace(/[^0-9a-f]/gi, '').toUpperCase();
  const aad: Uint8Array<ArrayBuffer> = enc.encode(`loket-office-data-key-v1|${fp}|${b.stationId}|${b.stationPublic}|${b.officePublic}`);
  const key = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: aad }, ikm, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { key, aad };
}

/** The office's side: the data key sealed for the station whose public half came with the pairing. */
export async function wrapDataKey(dataKey: Uint8Array, stationPublic: string, b: Omit<Binding, 'stationPublic' | 'officePublic'>, nonce: Uint8Array): Promise<WrappedDataKey> {
  if (dataKey.length !== 32) throw new RangeError('the office data key is 32 bytes');
  const mine = await newKeyShare();
  const { key, aad } = await wrapKey(mine.privateKey, stationPublic, { ...b, stationPublic, officePublic: mine.publicKey });
  const iv = new Uint8Array(nonce.subarray(0, 12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, new Uint8Array(dataKey)));
  const out = new Uint8Array(12 + ct.length);
  out.set(iv);
  out.set(ct, 12);
  return { officePublic: mine.publicKey, sealed: b64url(out) };
}

/** The station's side; throws when the wrap does not open (a wrong code, a swapped key). */
export async function unwrapDataKey(share: KeyShare, wrapped: WrappedDataKey, b: Omit<Binding, 'stationPublic' | 'officePublic'>): Promise<Uint8Array> {
  const { key, aad } = await wrapKey(share.privateKey, wrapped.officePublic, { ...b, stationPublic: share.publicKey, officePublic: wrapped.officePublic });
  const all = fromB64url(wrapped.sealed);
  const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: all.subarray(0, 12), additionalData: aad }, key, all.subarray(12)));
  if (plain.length !== 32) throw new RangeError('the office data key is 32 bytes');
  return plain;
}
