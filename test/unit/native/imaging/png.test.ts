import { describe, expect, it } from 'vitest';
import { pack4bpp, unpack4bpp } from '../../../../native/imaging/fingerprint-image';
import { decodeGrayPng, encodeGrayPng, readPngPpi } from '../../../../native/imaging/png';

describe('4-bit unpacking and PNG encoding', () => {
  it('unpacks the high nibble as the left pixel, widened to 8 bits', () => {
    const img = unpack4bpp(Buffer.from([0xf0, 0x1e]), 4, 1);
    expect([...img.pixels]).toEqual([255, 0, 17, 238]);
    expect(pack4bpp(img)).toEqual(Buffer.from([0xf0, 0x1e]));
  });

  it('writes a lossless grayscale PNG declaring 500 ppi in pHYs', () => {
    const pixels = Uint8Array.from({ length: 256 * 288 }, (_v, i) => ((i * 7) % 16) * 17);
    const png = encodeGrayPng({ width: 256, height: 288, pixels });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.indexOf('pHYs')).toBeGreaterThan(0);
    expect(readPngPpi(png)).toBe(500);
    const back = decodeGrayPng(png);
    expect([back.width, back.height]).toEqual([256, 288]);
    expect(Buffer.from(back.pixels).equals(Buffer.from(pixels))).toBe(true);
  });
});
