// A synthetic scanned page for simulators: white paper, a dark header band, a grey photo
// box and rows of black "text" bars whose lengths vary per row and per page, so pages are
// told apart and JPEG/PNG sizes are realistic (mostly white, some edges).
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export interface PageImageRequest {
  widthPx: number;
  heightPx: number;
  gray: boolean;
  format: 'image/jpeg' | 'image/png';
  page: number;
  jpegQuality?: number;
}

/** Draws the page into an RGBA buffer. */
export function drawPageRgba(widthPx: number, heightPx: number, page: number): Buffer {
  const w = Math.max(1, Math.round(widthPx));
  const h = Math.max(1, Math.round(heightPx));
  const px = Buffer.alloc(w * h * 4, 0xff);
  const fill = (x0: number, y0: number, x1: number, y1: number, v: number): void => {
    const xa = Math.max(0, Math.floor(x0));
    const xb = Math.min(w, Math.ceil(x1));
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(h, Math.ceil(y1)); y++) {
      for (let x = xa; x < xb; x++) {
        const i = (y * w + x) * 4;
        px[i] = v;
        px[i + 1] = v;
        px[i + 2] = v;
      }
    }
  };
  const m = w * 0.06;
  fill(m, h * 0.04, w - m, h * 0.09, 40);
  fill(m, h * 0.12, m + w * 0.25, h * 0.12 + w * 0.32, 150);
  const rowH = Math.max(2, h * 0.012);
  let seed = 2166136261 ^ page;
  for (let y = h * 0.12; y < h * 0.93; y += rowH * 2.4) {
    seed = Math.imul(seed ^ (y | 0), 16777619) >>> 0;
    const left = y < h * 0.12 + w * 0.32 ? m + w * 0.3 : m;
    const len = (w - m - left) * (0.45 + (seed % 1000) / 1800);
    fill(left, y, left + len, y + rowH, 20);
  }
  return px;
}

export function encodePage(req: PageImageRequest): Buffer {
  const w = Math.max(1, Math.round(req.widthPx));
  const h = Math.max(1, Math.round(req.heightPx));
  const rgba = drawPageRgba(w, h, req.page);
  if (req.format === 'image/png') {
    const png = new PNG({ width: w, height: h, colorType: req.gray ? 0 : 2, inputColorType: 6, inputHasAlpha: true });
    rgba.copy(png.data);
    return PNG.sync.write(png, { colorType: req.gray ? 0 : 2, inputColorType: 6, inputHasAlpha: true });
  }
  return Buffer.from(jpeg.encode({ data: rgba, width: w, height: h }, req.jpegQuality ?? 80).data);
}
