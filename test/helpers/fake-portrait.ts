// A portrait for Chromium's fake camera (--use-file-for-fake-video-capture, a Y4M file): a
// plain light backdrop and a textured head-and-shoulders shape in the middle, as a counter
// camera sees an applicant. Chromium's own synthetic picture is a moving test pattern whose
// frames pass the photo step's checks or not by the moment; this fixed portrait passes them
// every time, as a photo of a seated applicant should. One 4:2:0 frame, repeated by Chromium.
import { writeFileSync } from 'node:fs';

const W = 640;
const H = 480;

/** Writes the portrait to `file` (Y4M) and returns the path. Deterministic: same bytes each time. */
export function writeFakePortrait(file: string): string {
  const y = Buffer.alloc(W * H);
  const u = Buffer.alloc((W / 2) * (H / 2));
  const v = Buffer.alloc((W / 2) * (H / 2));
  let seed = 20261207;
  const rand = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  // The head: an ellipse in the middle; the shoulders: the lower band under it.
  const inside = (px: number, py: number): boolean =>
    ((px - 320) / 105) ** 2 + ((py - 215) / 140) ** 2 <= 1 || (py > 360 && Math.abs(px - 320) < 60 + (py - 360) * 1.2);
  for (let py = 0; py < H; py++) {
    for (let px = 0; px < W; px++) {
      // Skin and cloth have texture (the sharpness check looks for it); the backdrop is plain.
      y[py * W + px] = inside(px, py) ? 70 + Math.round(rand() * 60) : 165;
    }
  }
  for (let py = 0; py < H / 2; py++) {
    for (let px = 0; px < W / 2; px++) {
      const fg = inside(px * 2, py * 2);
      u[py * (W / 2) + px] = fg ? 112 : 128;
      v[py * (W / 2) + px] = fg ? 148 : 128;
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F30:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii');
  writeFileSync(file, Buffer.concat([header, y, u, v]));
  return file;
}
