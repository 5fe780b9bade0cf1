// The paper a simulated thermal printer prints on: a strip of dots, as wide as the head
// (576 dots on 80 mm paper, 384 on 58 mm, at 203 dpi), growing downwards as it feeds.
// 1 = black. Turned into an 8-bit grey PNG at the end of a receipt.
import type { GrayImage } from '../imaging/fingerprint-image';
import { RECEIPT_FONT, RECEIPT_FONT_HEIGHT, RECEIPT_FONT_WIDTH } from './receipt-font';

export class ReceiptCanvas {
  private rows: Uint8Array[] = [];

  constructor(readonly width: number) {}

  get height(): number {
    return this.rows.length;
  }

  /** Makes sure rows up to y exist (paper fed). */
  grow(toHeight: number): void {
    while (this.rows.length < toHeight) this.rows.push(new Uint8Array(this.width));
  }

  dot(x: number, y: number): void {
    if (x < 0 || x >= this.width || y < 0) return;
    this.grow(y + 1);
    this.rows[y]![x] = 1;
  }

  rect(x: number, y: number, w: number, h: number): void {
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) this.dot(xx, yy);
  }

  /** One glyph scaled by (sx, sy); bold draws it again one dot to the right, as the head does. */
  glyph(byte: number, x: number, y: number, sx: number, sy: number, bold: boolean): void {
    const rows = RECEIPT_FONT[byte];
    if (!rows) return;
    for (let r = 0; r < RECEIPT_FONT_HEIGHT; r++) {
      const bits = parseInt(rows.slice(r * 3, r * 3 + 3), 16);
      for (let c = 0; c < RECEIPT_FONT_WIDTH; c++) {
        if (!((bits >> (RECEIPT_FONT_WIDTH - 1 - c)) & 1)) continue;
        this.rect(x + c * sx, y + r * sy, sx + (bold ? 1 : 0), sy);
      }
    }
  }

  toGray(): GrayImage {
    const height = Math.max(1, this.rows.length);
    const pixels = new Uint8Array(this.width * height).fill(255);
    this.rows.forEach((row, y) => row.forEach((v, x) => v && (pixels[y * this.width + x] = 0)));
    return { width: this.width, height, pixels };
  }
}
