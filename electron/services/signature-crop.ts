// The applicant's signature cut out of a scanned page (the signed application form): the
// officer's box, given as fractions of the page so the screen's preview size does not
// matter, cut from the page at its scanned resolution and kept as 8-bit grey PNG (a
// signature is ink on paper; grey keeps its strokes and drops the form's colours).
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { encodeGrayPng } from '../../native/imaging/png';

export interface CropBox { x: number; y: number; width: number; height: number }

/** The page as RGBA, from the JPEG or PNG the scanner sent. */
function decode(mime: string, bytes: Buffer): { width: number; height: number; data: Uint8Array } {
  if (mime === 'image/png') {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data };
  }
  if (mime === 'image/jpeg') {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
    return { width: img.width, height: img.height, data: img.data };
  }
  throw new Error(`cannot crop a ${mime} page`);
}

/** The crop in page pixels; null when the box leaves nothing (less than 8 px either way). */
export function boxInPixels(box: CropBox, width: number, height: number): { x: number; y: number; w: number; h: number } | null {
  const x0 = Math.max(0, Math.floor(box.x * width));
  const y0 = Math.max(0, Math.floor(box.y * height));
  const x1 = Math.min(width, Math.ceil((box.x + box.width) * width));
  const y1 = Math.min(height, Math.ceil((box.y + box.height) * height));
  if (x1 - x0 < 8 || y1 - y0 < 8) return null;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** The last page decoded, by blob id: the officer often moves the box and saves again, and
 *  decoding a 300 dpi A4 JPEG in JavaScript costs seconds where cropping costs milliseconds. */
let last: { key: string; page: ReturnType<typeof decode> } | null = null;

export function cropSignature(mime: string, bytes: Buffer, box: CropBox, ppi: number, cacheKey?: string): { png: Buffer; width: number; height: number } | null {
  const page = cacheKey && last?.key === cacheKey ? last.page : decode(mime, bytes);
  last = cacheKey ? { key: cacheKey, page } : null;
  const r = boxInPixels(box, page.width, page.height);
  if (!r) return null;
  const pixels = new Uint8Array(r.w * r.h);
  for (let y = 0; y < r.h; y++) {
    for (let x = 0; x < r.w; x++) {
      const i = ((r.y + y) * page.width + r.x + x) * 4;
      // ITU-R BT.601 luma, as a grey scan would be.
      pixels[y * r.w + x] = Math.round(0.299 * page.data[i]! + 0.587 * page.data[i + 1]! + 0.114 * page.data[i + 2]!);
    }
  }
  return { png: encodeGrayPng({ width: r.w, height: r.h, pixels }, ppi), width: r.w, height: r.h };
}
