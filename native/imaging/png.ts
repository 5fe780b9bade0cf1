// Lossless PNG for fingerprint images: 8-bit grayscale through pngjs, plus a pHYs chunk
// declaring the sensor's resolution (pngjs writes none), so a viewer or an AFIS import
// knows the image is 500 ppi.
import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import type { GrayImage } from './fingerprint-image';

const INCHES_PER_METRE = 1 / 0.0254;
const SIGNATURE_BYTES = 8;
const IHDR_CHUNK_BYTES = 4 + 4 + 13 + 4;

export function encodeGrayPng(image: GrayImage, ppi = 500): Buffer {
  const png = new PNG({ width: image.width, height: image.height, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  png.data = Buffer.from(image.pixels);
  const plain = PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
  const at = SIGNATURE_BYTES + IHDR_CHUNK_BYTES;
  return Buffer.concat([plain.subarray(0, at), physChunk(ppi), plain.subarray(at)]);
}

function physChunk(ppi: number): Buffer {
  const perMetre = Math.round(ppi * INCHES_PER_METRE);
  const body = Buffer.alloc(4 + 9);
  body.write('pHYs', 0, 'ascii');
  body.writeUInt32BE(perMetre, 4);
  body.writeUInt32BE(perMetre, 8);
  body.writeUInt8(1, 12); // unit: metre
  const chunk = Buffer.alloc(4 + body.length + 4);
  chunk.writeUInt32BE(9, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body) >>> 0, 4 + body.length);
  return chunk;
}

/** Decodes a PNG back to 8-bit gray (for tests and the CLI). */
export function decodeGrayPng(bytes: Buffer): GrayImage {
  const png = PNG.sync.read(bytes);
  const pixels = new Uint8Array(png.width * png.height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = png.data[i * 4]!;
  return { width: png.width, height: png.height, pixels };
}

/** Reads the pHYs resolution of a PNG in pixels per inch, if it has one. */
export function readPngPpi(bytes: Buffer): number | undefined {
  let pos = SIGNATURE_BYTES;
  while (pos + 8 <= bytes.length) {
    const len = bytes.readUInt32BE(pos);
    const type = bytes.toString('ascii', pos + 4, pos + 8);
    if (type === 'pHYs' && bytes[pos + 16] === 1) return Math.round(bytes.readUInt32BE(pos + 8) / INCHES_PER_METRE);
    pos += 12 + len;
  }
  return undefined;
}
