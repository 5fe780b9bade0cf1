// The quality score must rank a clean impression above smudged, dry, partial and blank
// ones, for every finger, through the module's 4-bit round trip.
import { describe, expect, it } from 'vitest';
import { pack4bpp, unpack4bpp } from '../../../../native/imaging/fingerprint-image';
import { blockSizeFor, fingerprintQuality } from '../../../../native/imaging/quality';
import { syntheticFingerprint } from '../../../../native/sim/synthetic-finger';
import type { FingerQuality } from '../../../../native/sim/synthetic-finger';
import { seededRandom } from '../../../../native/sim/prng';

const score = (seed: number, quality: FingerQuality, attempt = 0): number => {
  const img = syntheticFingerprint({ seed, quality, attempt });
  return fingerprintQuality(unpack4bpp(pack4bpp(img), img.width, img.height)).score;
};

describe('fingerprint quality score', () => {
  it.each([11, 22, 33, 44])('ranks clean above smudged, dry, partial and blank (finger seed %i)', (seed) => {
    const clean = score(seed, 'clean');
    for (const worse of ['dry', 'smudged', 'partial', 'none'] as const) expect(clean).toBeGreaterThan(score(seed, worse) + 20);
    expect(clean).toBeGreaterThanOrEqual(70);
    expect(score(seed, 'none')).toBe(0);
  });

  it('is stable between attempts of the same finger', () => {
    expect(Math.abs(score(5, 'clean', 1) - score(5, 'clean', 2))).toBeLessThanOrEqual(5);
  });

  it('scores an all-black or all-white image 0', () => {
    for (const v of [0, 255]) expect(fingerprintQuality({ width: 256, height: 288, pixels: new Uint8Array(256 * 288).fill(v) }).score).toBe(0);
  });

  it('stays within 0–100 on noise', () => {
    const rand = seededRandom(7);
    const pixels = Uint8Array.from({ length: 256 * 288 }, () => Math.floor(rand() * 256));
    const q = fingerprintQuality({ width: 256, height: 288, pixels }).score;
    expect(q).toBeGreaterThanOrEqual(0);
    expect(q).toBeLessThan(40);
  });

  it.each([11, 22, 33])('works on the GT-521\'s 258 × 202 images at 450 ppi (finger seed %i)', (seed) => {
    const gt = (quality: FingerQuality): number =>
      fingerprintQuality(syntheticFingerprint({ seed, quality, width: 258, height: 202, ppi: 450 }), { ppi: 450 }).score;
    const clean = gt('clean');
    expect(clean).toBeGreaterThanOrEqual(70);
    for (const worse of ['dry', 'smudged', 'partial', 'none'] as const) expect(clean).toBeGreaterThan(gt(worse) + 20);
    expect(gt('none')).toBe(0);
  });

  it('measures in blocks of the same skin area whatever the resolution', () => {
    expect(blockSizeFor(500)).toBe(16);
    expect(blockSizeFor(450)).toBe(14);
    expect(blockSizeFor(1000)).toBe(32);
  });
});
