// A sample applicant for the technician's test page, the command line and the tests: made-up
// data and a drawn portrait (head and shoulders on the ICAO light background), never a
// real person.
import jpeg from 'jpeg-js';
import type { DataPageInput } from './compose-data-page';

const W = 350;
const H = 450;

/** A 35 × 45 (7:9) portrait drawn as JPEG: plain background, face oval, shoulders. */
let portrait: Uint8Array | null = null;

export function samplePortraitJpeg(): Uint8Array {
  portrait ??= drawPortrait();
  return portrait;
}

function drawPortrait(): Uint8Array {
  const data = Buffer.alloc(W * H * 4);
  const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let rgb: [number, number, number] = [222, 230, 238];
      if (inEllipse(x, y, 175, 470, 175, 120)) rgb = [52, 64, 92]; // shoulders, dark clothing
      if (inEllipse(x, y, 175, 120, 92, 92)) rgb = [40, 34, 30]; // hair
      if (inEllipse(x, y, 175, 200, 78, 100)) rgb = [196, 150, 118]; // face
      if (inEllipse(x, y, 145, 185, 10, 6) || inEllipse(x, y, 205, 185, 10, 6)) rgb = [50, 40, 36]; // eyes
      if (inEllipse(x, y, 175, 255, 24, 6)) rgb = [150, 86, 80]; // mouth
      const o = (y * W + x) * 4;
      data[o] = rgb[0];
      data[o + 1] = rgb[1];
      data[o + 2] = rgb[2];
      data[o + 3] = 255;
    }
  }
  return new Uint8Array(jpeg.encode({ data, width: W, height: H }, 88).data);
}

export function sampleApplicant(): DataPageInput {
  return {
    passportNumber: 'C1234567',
    fullName: 'Siti Nurhaliza Rahayu',
    primaryIdentifier: 'Rahayu',
    secondaryIdentifier: 'Siti Nurhaliza',
    sex: 'F',
    birthDate: '1990-08-17',
    birthPlace: 'Bandung',
    issueDate: '2025-01-06',
    expiryDate: '2035-01-06',
    issuingOffice: 'Kantor Imigrasi Kelas I TPI Jakarta Selatan',
    electronic: true,
    portrait: samplePortraitJpeg(),
  };
}
