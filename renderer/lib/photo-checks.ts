// Honest pixel checks on the cropped passport photo (ICAO 9303 / ISO 19794-5 ask for
// correct exposure, sharp focus and a centred head on a plain background). These are
// measurements of the image, not a judgement of the face: the officer still looks at the
// photo. Pure functions over RGBA pixels, so they run the same on any canvas.

export interface PhotoGeometry {
  /** Output size of the crop (35:45 at about 300 dpi). */
  width: number;
  height: number;
}

/** 35 mm × 45 mm at 300 dpi. */
export const PHOTO_SIZE: PhotoGeometry = { width: 413, height: 531 };

/** Where the head should be, as fractions of the crop (drawn as the guide, used by the checks). */
export const GUIDE = {
  /** Chin-to-crown height should be 70–80 % of the photo height. */
  headMin: 0.7,
  headMax: 0.8,
  /** Top of the head sits about 4–8 % below the top edge; the eyes about 40 % down. */
  crownTop: 0.06,
  eyeLine: 0.42,
  /** Head width relative to its height (a typical face ellipse). */
  headAspect: 0.72,
} as const;

export const LIMITS = {
  meanMin: 70,
  meanMax: 190,
  clippedMax: 0.02,
  sharpnessMin: 30,
  subjectFractionMin: 0.35,
  subjectOffsetMax: 0.1,
} as const;

export interface PhotoChecks {
  exposureOk: boolean;
  meanLuminance: number;
  clippedFraction: number;
  sharpnessOk: boolean;
  sharpness: number;
  subjectOk: boolean;
  subjectFraction: number;
  subjectOffset: number;
}

interface Rgba { data: Uint8ClampedArray; width: number; height: number }

const luma = (d: Uint8ClampedArray, i: number): number => 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;

/** Mean luminance (0–255) and the share of pixels crushed to black or blown to white. */
export function exposure(img: Rgba): { mean: number; clipped: number } {
  const { data } = img;
  const n = data.length / 4;
  let sum = 0;
  let clipped = 0;
  for (let i = 0; i < data.length; i += 4) {
    const y = luma(data, i);
    sum += y;
    if (y <= 5 || y >= 250) clipped++;
  }
  return { mean: sum / n, clipped: clipped / n };
}

/** The face region of the crop: the guide's head ellipse bounding box, inset a little. */
export function faceBox(width: number, height: number): { x0: number; y0: number; x1: number; y1: number } {
  const headH = height * (GUIDE.headMin + GUIDE.headMax) / 2;
  const headW = headH * GUIDE.headAspect;
  const cx = width / 2;
  const top = height * GUIDE.crownTop;
  return {
    x0: Math.max(1, Math.round(cx - headW * 0.35)),
    x1: Math.min(width - 1, Math.round(cx + headW * 0.35)),
    y0: Math.max(1, Math.round(top + headH * 0.2)),
    y1: Math.min(height - 1, Math.round(top + headH * 0.85)),
  };
}

/** Variance of the 4-neighbour Laplacian of the luminance inside the face box: low means blur. */
export function laplacianVariance(img: Rgba): number {
  const { data, width, height } = img;
  const box = faceBox(width, height);
  const at = (x: number, y: number): number => luma(data, (y * width + x) * 4);
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const lap = at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1) - 4 * at(x, y);
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/**
 * Is there something in the middle that is not background? NOT face detection: it takes
 * the colour of a border strip (top and sides, where a plain background should be) and
 * counts how much of the head region differs from it clearly, and where the differing
 * pixels sit left-to-right. An empty backdrop, or a person standing off to one side, fails.
 */
export function centredSubject(img: Rgba): { fraction: number; offset: number } {
  const { data, width, height } = img;
  const band = Math.max(2, Math.round(width * 0.06));
  let r = 0, g = 0, b = 0, n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inBorder = y < band || x < band || x >= width - band;
      // The lower part of the sides holds shoulders, not background.
      if (!inBorder || (y > height * 0.55 && y >= band)) continue;
      const i = (y * width + x) * 4;
      r += data[i]!; g += data[i + 1]!; b += data[i + 2]!; n++;
    }
  }
  r /= n; g /= n; b /= n;
  const box = faceBox(width, height);
  let fg = 0, total = 0, sumX = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * width + x) * 4;
      const d = Math.hypot(data[i]! - r, data[i + 1]! - g, data[i + 2]! - b);
      total++;
      if (d > 40) { fg++; sumX += x; }
    }
  }
  const fraction = total ? fg / total : 0;
  const centroid = fg ? sumX / fg : width / 2;
  return { fraction, offset: Math.abs(centroid - width / 2) / width };
}

export function checkPhoto(img: Rgba): PhotoChecks {
  const ex = exposure(img);
  const sharp = laplacianVariance(img);
  const subject = centredSubject(img);
  return {
    exposureOk: ex.mean >= LIMITS.meanMin && ex.mean <= LIMITS.meanMax && ex.clipped <= LIMITS.clippedMax,
    meanLuminance: round(ex.mean, 1),
    clippedFraction: round(ex.clipped, 4),
    sharpnessOk: sharp >= LIMITS.sharpnessMin,
    sharpness: round(sharp, 1),
    subjectOk: subject.fraction >= LIMITS.subjectFractionMin && subject.offset <= LIMITS.subjectOffsetMax,
    subjectFraction: round(subject.fraction, 3),
    subjectOffset: round(subject.offset, 3),
  };
}

/** The 35:45 crop of a video frame the guide frames: centred, 90 % of the frame height. */
export function guideRect(frameW: number, frameH: number): { x: number; y: number; w: number; h: number } {
  let h = frameH * 0.9;
  let w = h * PHOTO_SIZE.width / PHOTO_SIZE.height;
  if (w > frameW) { w = frameW * 0.95; h = w * PHOTO_SIZE.height / PHOTO_SIZE.width; }
  return { x: (frameW - w) / 2, y: (frameH - h) / 2, w, h };
}
