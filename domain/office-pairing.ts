// Pairing a station with its office without trusting the network in between. The office
// service shows a one-time code to the administrator, who types it at the station. The code
// itself never travels: each side proves it knows the code by an HMAC over the TLS
// certificate it sees, so a machine in the middle (which must present its own certificate)
// can neither pass the office's check nor forge the office's answer, and the station pins
// the certificate it saw. Pure (WebCrypto), shared by the office service and the station.

/** Crockford-style alphabet: no I, L, O, U, so a code read aloud is typed right. */
export const PAIRING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 characters × 5 bits = 60 bits; a code lives 15 minutes and is used once. */
export const PAIRING_CODE_LENGTH = 12;
export const PAIRING_CODE_TTL_MS = 15 * 60 * 1000;

/** Formats 12 characters as XXXX-XXXX-XXXX for reading aloud. */
export function formatPairingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** What the administrator typed, as the code: case, spaces, dashes and look-alikes forgiven. */
export function normalisePairingCode(typed: string): string | null {
  const c = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (c.length !== PAIRING_CODE_LENGTH) return null;
  for (const ch of c) if (!PAIRING_ALPHABET.includes(ch)) return null;
  return c;
}

/** A new code from random bytes (the caller supplies them: the domain does no I/O). */
export function pairingCodeFrom(random: Uint8Array): string {
  if (random.length < PAIRING_CODE_LENGTH) throw new RangeError('need one random byte per character');
  let out = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) out += PAIRING_ALPHABET[random[i]! & 31];
  return out;
}

export type PairingSide = 'station' | 'office';

/**
 * HMAC-SHA-256 keyed by the code over who is speaking, the certificate's SHA-256 as that
 * side sees it, and the station's id: hex. The office checks the station's proof against
 * its own certificate; the station checks the office's against the one it was shown.
 */
export async function pairingProof(code: string, side: PairingSide, certSha256: string, stationId: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(code), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const fp = certSha256.replace(/[^0-9a-f]/gi, '').toUpperCase();
  const mac = await crypto.subtle.sign('HMAC', key, enc.encode(`loket-pairing-v1|${side}|${fp}|${stationId}`));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
