// Synthetic fingerprints for the simulator and the tests. No real biometric data: the
// pattern comes from a seed.
//
// Method: an orientation field from the zero-pole model (cores and deltas placed by the
// seed: arch, loop or whorl), then seeded noise filtered repeatedly with Gabor kernels
// aligned to that field at a ridge period of about 0.46 mm (9 px at 500 ppi, 8 at 450), which
// grows continuous ridges that follow the field. The ridge pattern depends only on the
// finger seed; each capture attempt adds its own noise, and the quality setting spoils the
// impression the way real captures go wrong: dry (broken, faint ridges), smudged (blurred,
// valleys filled), partial (a small part of the finger touches), none (an empty sensor).
import { seededRandom } from './prng';
import type { Random } from './prng';
import type { GrayImage } from '../imaging/fingerprint-image';

export type FingerQuality = 'clean' | 'dry' | 'smudged' | 'partial' | 'none';
export const FINGER_QUALITIES: readonly FingerQuality[] = ['clean', 'dry', 'smudged', 'partial', 'none'];

export interface SyntheticFingerOptions {
  seed: number;
  quality: FingerQuality;
  /** Different per capture of the same finger: noise and placement vary, ridges do not. */
  attempt?: number;
  width?: number;
  height?: number;
  /** The sensor's resolution: ridges keep their spacing in millimetres (default 500). */
  ppi?: number;
}

/** Ridge period in pixels at 500 ppi (≈ 0.46 mm). */
const PERIOD_500 = 9;
const periodFor = (ppi: number): number => (PERIOD_500 * ppi) / 500;
const ANGLE_BINS = 16;
const KERNEL_RADIUS = 5;

interface RidgeField {
  width: number;
  height: number;
  /** Ridge pattern in [-1, 1], positive on ridges. */
  ridges: Float32Array;
}

const cache = new Map<string, RidgeField>();

/** Ridge pattern for a finger seed (cached: it is the slow part). */
export function ridgeField(seed: number, width: number, height: number, ppi = 500): RidgeField {
  const key = `${seed}:${width}x${height}@${ppi}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rand = seededRandom(seed);
  const theta = orientationField(rand, width, height);
  const bins = new Uint8Array(width * height);
  for (let i = 0; i < bins.length; i++) {
    const a = ((theta[i]! % Math.PI) + Math.PI) % Math.PI;
    bins[i] = Math.floor((a / Math.PI) * ANGLE_BINS) % ANGLE_BINS;
  }
  const kernels = gaborKernels(periodFor(ppi));
  let field: Float32Array = new Float32Array(width * height);
  for (let i = 0; i < field.length; i++) field[i] = rand() * 2 - 1;
  for (let iter = 0; iter < 4; iter++) field = gaborPass(field, bins, kernels, width, height);
  const result = { width, height, ridges: field };
  if (cache.size > 64) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

function orientationField(rand: Random, width: number, height: number): Float32Array {
  const cx = width / 2 + (rand() - 0.5) * width * 0.15;
  const cy = height * 0.45 + (rand() - 0.5) * height * 0.1;
  const kind = rand();
  const cores: [number, number][] = [];
  const deltas: [number, number][] = [];
  if (kind < 0.2) {
    // arch: no singular points; a gentle hump
  } else if (kind < 0.7) {
    const side = rand() < 0.5 ? -1 : 1;
    cores.push([cx, cy]);
    deltas.push([cx + side * width * 0.3, cy + height * 0.35]);
  } else {
    cores.push([cx - 10, cy - 12], [cx + 10, cy + 12]);
    deltas.push([cx - width * 0.32, cy + height * 0.33], [cx + width * 0.32, cy + height * 0.35]);
  }
  const base = (rand() - 0.5) * 0.3;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let t = base;
      for (const [px, py] of cores) t += 0.5 * Math.atan2(y - py, x - px);
      for (const [px, py] of deltas) t -= 0.5 * Math.atan2(y - py, x - px);
      if (cores.length === 0) t += 0.6 * Math.tanh((x - cx) / 40) * Math.exp(-((y - cy) ** 2) / (2 * 60 ** 2));
      out[y * width + x] = t;
    }
  }
  return out;
}

function gaborKernels(period: number): Float32Array[] {
  const size = 2 * KERNEL_RADIUS + 1;
  const kernels: Float32Array[] = [];
  for (let b = 0; b < ANGLE_BINS; b++) {
    const a = ((b + 0.5) / ANGLE_BINS) * Math.PI;
    const k = new Float32Array(size * size);
    let sum = 0;
    for (let dy = -KERNEL_RADIUS; dy <= KERNEL_RADIUS; dy++) {
      for (let dx = -KERNEL_RADIUS; dx <= KERNEL_RADIUS; dx++) {
        // along = along the ridge, across = across ridges (where the cosine runs)
        const along = dx * Math.cos(a) + dy * Math.sin(a);
        const across = -dx * Math.sin(a) + dy * Math.cos(a);
        const v = Math.exp(-(along * along) / (2 * 4.5 * 4.5) - (across * across) / (2 * 3 * 3)) * Math.cos((2 * Math.PI * across) / period);
        k[(dy + KERNEL_RADIUS) * size + dx + KERNEL_RADIUS] = v;
        sum += Math.abs(v);
      }
    }
    for (let i = 0; i < k.length; i++) k[i]! /= sum / 3;
    kernels.push(k);
  }
  return kernels;
}

function gaborPass(src: Float32Array, bins: Uint8Array, kernels: Float32Array[], width: number, height: number): Float32Array {
  const out = new Float32Array(src.length);
  const size = 2 * KERNEL_RADIUS + 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = kernels[bins[y * width + x]!]!;
      let acc = 0;
      for (let dy = -KERNEL_RADIUS; dy <= KERNEL_RADIUS; dy++) {
        const yy = Math.min(height - 1, Math.max(0, y + dy));
        const row = yy * width;
        const krow = (dy + KERNEL_RADIUS) * size + KERNEL_RADIUS;
        for (let dx = -KERNEL_RADIUS; dx <= KERNEL_RADIUS; dx++) {
          const xx = Math.min(width - 1, Math.max(0, x + dx));
          acc += src[row + xx]! * k[krow + dx]!;
        }
      }
      out[y * width + x] = Math.tanh(acc * 2);
    }
  }
  return out;
}

/** An 8-bit fingerprint image of the given finger seed at the given quality. */
export function syntheticFingerprint(opts: SyntheticFingerOptions): GrayImage {
  const width = opts.width ?? 256;
  const height = opts.height ?? 288;
  const attempt = opts.attempt ?? 0;
  const rand = seededRandom((opts.seed ^ Math.imul(attempt + 1, 0x9e3779b1)) >>> 0);
  const pixels = new Uint8Array(width * height);
  const background = 235;
  if (opts.quality === 'none') {
    for (let i = 0; i < pixels.length; i++) pixels[i] = clamp(background + (rand() - 0.5) * 12);
    return { width, height, pixels };
  }
  const { ridges } = ridgeField(opts.seed, width, height, opts.ppi ?? 500);
  // Placement shifts a little between attempts, as a real finger does.
  const cx = width / 2 + (rand() - 0.5) * 12;
  const cy = height / 2 + (rand() - 0.5) * 12;
  const rx = width * 0.4;
  const ry = height * 0.44;
  const partialSide = Math.floor(rand() * 4);
  const contact = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
      let c = d < 1 ? Math.min(1, (1 - d) * 6) : 0;
      if (opts.quality === 'partial') c *= partialMask(x, y, width, height, partialSide);
      contact[y * width + x] = c;
    }
  }
  let pattern: Float32Array = ridges;
  let ridgeLevel = 35;
  let valleyLevel = 215;
  let noise = 10;
  if (opts.quality === 'smudged') {
    pattern = boxBlur(ridges, width, height, 3);
    ridgeLevel = 70;
    valleyLevel = 125;
    noise = 14;
  } else if (opts.quality === 'dry') {
    ridgeLevel = 125;
    valleyLevel = 225;
    noise = 16;
  }
  const dropout = opts.quality === 'dry' ? blotches(rand, width, height, 0.55) : undefined;
  const smears = opts.quality === 'smudged' ? blotches(rand, width, height, 0.45) : undefined;
  for (let i = 0; i < pixels.length; i++) {
    let r = (pattern[i]! + 1) / 2; // 1 on ridge centres
    if (dropout && dropout[i]!) r *= 0.15;
    if (smears && smears[i]!) r = 0.75 + r * 0.25;
    const finger = valleyLevel + (ridgeLevel - valleyLevel) * r;
    const c = contact[i]!;
    pixels[i] = clamp(background + (finger - background) * c + (rand() - 0.5) * noise);
  }
  return { width, height, pixels };
}

function partialMask(x: number, y: number, width: number, height: number, side: number): number {
  // Only one edge of the finger touches: about a quarter of the full contact area.
  const f = [x / width, 1 - x / width, y / height, 1 - y / height][side]!;
  return f < 0.32 ? 1 : f < 0.36 ? (0.36 - f) / 0.04 : 0;
}

function blotches(rand: Random, width: number, height: number, share: number): Uint8Array {
  // Low-frequency noise thresholded at the wanted share: patches of a few ridges across.
  const cell = 12;
  const gw = Math.ceil(width / cell) + 2;
  const gh = Math.ceil(height / cell) + 2;
  const grid = Float32Array.from({ length: gw * gh }, () => rand());
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const gx = x / cell;
      const gy = y / cell;
      const x0 = Math.floor(gx);
      const y0 = Math.floor(gy);
      const fx = gx - x0;
      const fy = gy - y0;
      const v =
        grid[y0 * gw + x0]! * (1 - fx) * (1 - fy) +
        grid[y0 * gw + x0 + 1]! * fx * (1 - fy) +
        grid[(y0 + 1) * gw + x0]! * (1 - fx) * fy +
        grid[(y0 + 1) * gw + x0 + 1]! * fx * fy;
      out[y * width + x] = v < share ? 1 : 0;
    }
  }
  return out;
}

function boxBlur(src: Float32Array, width: number, height: number, r: number): Float32Array {
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let d = -r; d <= r; d++) s += src[y * width + Math.min(width - 1, Math.max(0, x + d))]!;
      tmp[y * width + x] = s / (2 * r + 1);
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let d = -r; d <= r; d++) s += tmp[Math.min(height - 1, Math.max(0, y + d)) * width + x]!;
      out[y * width + x] = s / (2 * r + 1);
    }
  }
  return out;
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
