// The simulators' feature templates. Real modules keep their formats private; ours list
// minutiae derived from the finger seed, so the same finger matches itself across captures
// and different fingers do not. Each family has its own layout, as real ones do, and a
// template of one family never matches one of another:
//   byte 0 = the family's mark, byte 1 = count n, then n × (x u8, y u8, angle u8 in 2° steps).
// ZFM: a 512-byte character file marked 0x5A; GT-521: 498 bytes marked 0x47.
import { seededRandom } from './prng';
import type { FingerQuality } from './synthetic-finger';
import { CHAR_FILE_BYTES } from '../drivers/zfm/constants';

export interface SimTemplateLayout {
  bytes: number;
  mark: number;
}

export const ZFM_TEMPLATE: SimTemplateLayout = { bytes: CHAR_FILE_BYTES, mark: 0x5a };
export const GT521_TEMPLATE: SimTemplateLayout = { bytes: 498, mark: 0x47 };
const MARKS = new Set([ZFM_TEMPLATE.mark, GT521_TEMPLATE.mark]);

const MINUTIAE = 70;
/** Score at or above which two templates are the same finger (cf. security level 3). */
export const MATCH_THRESHOLD = 40;

const KEEP: Record<FingerQuality, number> = { clean: 0.9, dry: 0.6, smudged: 0.55, partial: 0.3, none: 0 };

export function templateFor(seed: number, quality: FingerQuality, attempt: number, layout: SimTemplateLayout = ZFM_TEMPLATE): Buffer {
  const base = seededRandom(seed ^ 0x51f15e);
  const noise = seededRandom((seed * 31 + attempt * 7919 + 17) >>> 0);
  const out = Buffer.alloc(layout.bytes);
  out[0] = layout.mark;
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

export function isTemplate(t: Uint8Array | undefined, layout?: SimTemplateLayout): t is Uint8Array {
  if (t === undefined || t.length < 2 || t[1]! === 0) return false;
  return layout ? t[0] === layout.mark && t.length === layout.bytes : MARKS.has(t[0]!);
}

/** Score: 4 points per minutia of `a` found again in `b` (position ±4, angle ±5 steps); 0 across families. */
export function matchScore(a: Uint8Array, b: Uint8Array): number {
  if (!isTemplate(a) || !isTemplate(b) || a[0] !== b[0]) return 0;
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

/** RegModel / Enroll3: the union of two templates of the same finger, as long as it fits. */
export function combineTemplates(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.from(a);
  const room = Math.floor((out.length - 2) / 3);
  let n = a[1]!;
  for (let k = 0; k < b[1]! && n < room; k++) {
    const one = Buffer.from([a[0]!, 1, b[2 + k * 3]!, b[3 + k * 3]!, b[4 + k * 3]!]);
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
