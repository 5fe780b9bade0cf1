// The simulator's feature templates ("character files", 512 bytes). Real modules keep
// their format private; ours lists minutiae derived from the finger seed, so the same
// finger matches itself across captures and different fingers do not:
//   byte 0 = 0x5A (ours), byte 1 = count n, then n × (x u8, y u8, angle u8 in 2° steps).
import { seededRandom } from './prng';
import type { FingerQuality } from './synthetic-finger';
import { CHAR_FILE_BYTES } from '../drivers/zfm/constants';

const MAGIC = 0x5a;
const MINUTIAE = 70;
/** Score at or above which two templates are the same finger (cf. security level 3). */
export const MATCH_THRESHOLD = 40;

const KEEP: Record<FingerQuality, number> = { clean: 0.9, dry: 0.6, smudged: 0.55, partial: 0.3, none: 0 };

export function templateFor(seed: number, quality: FingerQuality, attempt: number): Buffer {
  const base = seededRandom(seed ^ 0x51f15e);
  const noise = seededRandom((seed * 31 + attempt * 7919 + 17) >>> 0);
  const out = Buffer.alloc(CHAR_FILE_BYTES);
  out[0] = MAGIC;
  let n = 0;
  for (let i = 0; i < MINUTIAE; i++) {
    const x = 20 + Math.floor(base() * 216);
    const y = 20 + Math.floor(base() * 216);
    const a = Math.floor(base() * 180);
    if (noise() > KEEP[quality]) continue;
    const j = (): number => Math.round((noise() - 0.5) * 4);
    out[2 + n * 3] = clamp(x + j(), 255);
    out[3 + n * 3] = clamp(y + j(), 255);
    out[4 + n * 3] = (a + j() + 180) % 180;
    n += 1;
  }
  out[1] = n;
  return out;
}

export function isTemplate(t: Uint8Array | undefined): t is Uint8Array {
  return t !== undefined && t.length >= 2 && t[0] === MAGIC && t[1]! > 0;
}

/** Score: 4 points per minutia of `a` found again in `b` (position ±4, angle ±5 steps). */
export function matchScore(a: Uint8Array, b: Uint8Array): number {
  if (!isTemplate(a) || !isTemplate(b)) return 0;
  const used = new Uint8Array(b[1]!);
  let matched = 0;
  for (let i = 0; i < a[1]!; i++) {
    const ax = a[2 + i * 3]!;
    const ay = a[3 + i * 3]!;
    const aa = a[4 + i * 3]!;
    for (let k = 0; k < b[1]!; k++) {
      if (used[k]) continue;
      const da = Math.abs(aa - b[4 + k * 3]!);
      if (Math.abs(ax - b[2 + k * 3]!) <= 4 && Math.abs(ay - b[3 + k * 3]!) <= 4 && Math.min(da, 180 - da) <= 5) {
        used[k] = 1;
        matched += 1;
        break;
      }
    }
  }
  return matched * 4;
}

/** RegModel: the union of two templates of the same finger. */
export function combineTemplates(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.from(a.subarray(0, CHAR_FILE_BYTES));
  let n = a[1]!;
  for (let k = 0; k < b[1]! && n < 170; k++) {
    const one = Buffer.from([MAGIC, 1, b[2 + k * 3]!, b[3 + k * 3]!, b[4 + k * 3]!]);
    if (matchScore(one, out) > 0) continue;
    out[2 + n * 3] = one[2]!;
    out[3 + n * 3] = one[3]!;
    out[4 + n * 3] = one[4]!;
    n += 1;
  }
  out[1] = n;
  return out;
}

const clamp = (v: number, max: number): number => Math.max(0, Math.min(max, v));
