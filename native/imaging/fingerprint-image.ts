// The module's image format: 4 bits per pixel, two pixels per byte, the high nibble the
// left pixel. Unpacking widens each nibble to 8 bits (n × 17, so 0xF becomes 255).

export interface GrayImage {
  width: number;
  height: number;
  /** 8-bit grayscale, row-major, 0 = black. */
  pixels: Uint8Array;
}

export function unpack4bpp(packed: Uint8Array, width: number, height: number): GrayImage {
  const pixels = new Uint8Array(width * height);
  const n = Math.min(packed.length, pixels.length >> 1);
  for (let i = 0; i < n; i++) {
    const b = packed[i]!;
    pixels[2 * i] = (b >> 4) * 17;
    pixels[2 * i + 1] = (b & 0x0f) * 17;
  }
  return { width, height, pixels };
}

export function pack4bpp(image: GrayImage): Buffer {
  const { pixels } = image;
  const out = Buffer.alloc(pixels.length >> 1);
  for (let i = 0; i < out.length; i++) {
    out[i] = ((pixels[2 * i]! >> 4) << 4) | (pixels[2 * i + 1]! >> 4);
  }
  return out;
}
