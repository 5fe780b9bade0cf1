// The pairing proof and code rules. The HMAC is checked against OpenSSL's own (an
// independent implementation), not against our function's output.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { formatPairingCode, normalisePairingCode, pairingCodeFrom, pairingProof, PAIRING_ALPHABET } from '../../../domain/office-pairing';

describe('office pairing', () => {
  it('proves with HMAC-SHA-256 keyed by the code, as OpenSSL computes it', async () => {
    const code = '7KQ2M9XD4TRA';
    const fp = 'ab:cd:' + '01:'.repeat(29) + 'ef';
    const message = `loket-pairing-v1|station|ABCD${'01'.repeat(29)}EF|station-1`;
    const openssl = execFileSync('openssl', ['dgst', '-sha256', '-hmac', code], { input: message, encoding: 'utf8' });
    expect(openssl.trim().split(/\s+/).at(-1)).toBe(await pairingProof(code, 'station', fp, 'station-1'));
  });

  it('binds the proof to the side, the certificate and the station', async () => {
    const fp = 'AA:'.repeat(31) + 'AA';
    const base = await pairingProof('7KQ2M9XD4TRA', 'station', fp, 's1');
    expect(await pairingProof('7KQ2M9XD4TRA', 'office', fp, 's1')).not.toBe(base);
    expect(await pairingProof('7KQ2M9XD4TRA', 'station', 'AB:'.repeat(31) + 'AA', 's1')).not.toBe(base);
    expect(await pairingProof('7KQ2M9XD4TRA', 'station', fp, 's2')).not.toBe(base);
    expect(await pairingProof('7KQ2M9XD4TRB', 'station', fp, 's1')).not.toBe(base);
  });

  it('reads a code as typed: case, dashes, spaces and look-alike letters forgiven', () => {
    expect(normalisePairingCode('7kq2-m9xd-4tra')).toBe('7KQ2M9XD4TRA');
    expect(normalisePairingCode(' 7KQ2 M9XD 4TRA ')).toBe('7KQ2M9XD4TRA');
    expect(normalisePairingCode('OOOO-IIII-LLLL')).toBe('000011111111');
    expect(normalisePairingCode('7KQ2-M9XD-4TR')).toBeNull();
    expect(normalisePairingCode('7KQ2-M9XD-4TRU')).toBeNull();
    expect(formatPairingCode('7KQ2M9XD4TRA')).toBe('7KQ2-M9XD-4TRA');
  });

  it('makes codes of the alphabet only, every character equally likely', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    const code = pairingCodeFrom(bytes);
    expect(code).toHaveLength(12);
    for (const ch of code) expect(PAIRING_ALPHABET).toContain(ch);
    // 256 is a multiple of 32: each byte value maps to one letter, 8 byte values per letter.
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) { const c = pairingCodeFrom(new Uint8Array(16).fill(b))[0]!; counts.set(c, (counts.get(c) ?? 0) + 1); }
    expect([...counts.values()].every((n) => n === 8)).toBe(true);
  });
});
