// Fingerprint image quality, 0–100, computed from the image alone.
//
// Method (block-wise, 16 × 16 px blocks at 500 ppi, ≈ 1.5 ridge periods; the block scales
// with the sensor's resolution, 14 px at 450 ppi, so a block spans the same skin):
//  1. Foreground: a block belongs to the finger when its gray-level spread (standard
//     deviation) is at least 14 and it is not near-white: an empty sensor is flat and light.
//  2. Ridge/valley contrast per foreground block: standard deviation ÷ 60, capped at 1;
//     clean ridges swing ≈ 60–80 levels, smudged or faint ones far less.
//  3. Orientation coherence per foreground block, from the gradient structure tensor:
//     |(Gxx − Gyy, 2Gxy)| ÷ (Gxx + Gyy); near 1 where ridges run parallel, low where they
//     are broken into dots or smeared into blobs.
//  4. Block quality = contrast × coherence^1.5 (coherence weighs more: it is what a
//     matcher needs to follow ridges).
//  5. Coverage = foreground blocks ÷ 45 % of all blocks (a well-placed finger covers about
//     half of a 256 × 288 window), capped at 1; a partial touch lowers it.
//  Score = 100 × coverage × mean block quality × 1.15, scaled so a clean impression lands
//  around 80–95. Blank images score 0.
import type { GrayImage } from './fingerprint-image';

const BLOCK = 16;
const REFERENCE_PPI = 500;
const MIN_STD = 14;
const FULL_CONTRAST_STD = 60;
const EXPECTED_COVERAGE = 0.45;
const SCALE = 1.15;

export interface QualityReport {
  score: number;
  /** Share of blocks on the finger, 0–1. */
  coverage: number;
  /** Mean ridge/valley contrast of foreground blocks, 0–1. */
  contrast: number;
  /** Mean orientation coherence of foreground blocks, 0–1. */
  coherence: number;
}

export interface QualityOptions {
  /** The sensor's resolution (default 500 ppi, the ZFM family's). */
  ppi?: number;
}

/** Block edge in pixels for a resolution: about 1.5 ridge periods (ridges ≈ 0.46 mm apart). */
export const blockSizeFor = (ppi: number): number => Math.max(8, Math.round((BLOCK * ppi) / REFERENCE_PPI));

export function fingerprintQuality(image: GrayImage, opts: QualityOptions = {}): QualityReport {
  const { width, height, pixels } = image;
  const block = blockSizeFor(opts.ppi ?? REFERENCE_PPI);
  const bw = Math.floor(width / block);
  const bh = Math.floor(height / block);
  let fg = 0;
  let sumContrast = 0;
  let sumCoherence = 0;
  let sumQuality = 0;
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const x0 = bx * block;
      const y0 = by * block;
      let s = 0;
      let s2 = 0;
      let gxx = 0;
      let gyy = 0;
      let gxy = 0;
      for (let y = y0; y < y0 + block; y++) {
        const row = y * width;
        for (let x = x0; x < x0 + block; x++) {
          const v = pixels[row + x]!;
          s += v;
          s2 += v * v;
          // Central differences, clamped at the image border.
          const gx = pixels[row + (x + 1 < width ? x + 1 : x)]! - pixels[row + (x > 0 ? x - 1 : x)]!;
          const gy = pixels[(y + 1 < height ? y + 1 : y) * width + x]! - pixels[(y > 0 ? y - 1 : y) * width + x]!;
          gxx += gx * gx;
          gyy += gy * gy;
          gxy += gx * gy;
        }
      }
      const n = block * block;
      const mean = s / n;
      const std = Math.sqrt(Math.max(0, s2 / n - mean * mean));
      if (std < MIN_STD || mean > 225) continue;
      fg += 1;
      const contrast = Math.min(1, std / FULL_CONTRAST_STD);
      const energy = gxx + gyy;
      const coherence = energy > 0 ? Math.sqrt((gxx - gyy) ** 2 + 4 * gxy * gxy) / energy : 0;
      sumContrast += contrast;
      sumCoherence += coherence;
      sumQuality += contrast * Math.pow(coherence, 1.5);
    }
  }
  const total = bw * bh;
  if (fg === 0 || total === 0) return { score: 0, coverage: 0, contrast: 0, coherence: 0 };
  const coverage = fg / total;
  const coverageFactor = Math.min(1, coverage / EXPECTED_COVERAGE);
  const raw = 100 * coverageFactor * (sumQuality / fg) * SCALE;
  return {
    score: Math.max(0, Math.min(100, Math.round(raw))),
    coverage,
    contrast: sumContrast / fg,
    coherence: sumCoherence / fg,
  };
}

/** Just the 0–100 score. */
export const qualityScore = (image: GrayImage, opts: QualityOptions = {}): number => fingerprintQuality(image, opts).score;
