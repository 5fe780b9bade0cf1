// The fonts a data page is printed with, read once from resources/fonts (copied to
// dist/fonts by the build): the station never depends on the operating system's fonts.
// The OCR-B metrics come from the font file itself, so the MRZ pitch follows the font
// actually embedded. The parsed faces are kept: parsing DejaVu's tables again for every
// page cost more than composing the page.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

export interface DataPageFonts {
  ocrb: fontkit.Font;
  sans: fontkit.Font;
  sansBold: fontkit.Font;
  /** OCR-B's advance width and capital height as fractions of its em. */
  ocrbAdvanceEm: number;
  ocrbCapHeightEm: number;
  /** The PostScript name a PDF names the embedded OCR-B by. */
  ocrbName: string;
}

const FILES = { ocrb: 'OCRB.otf', sans: 'DejaVuSans.ttf', sansBold: 'DejaVuSans-Bold.ttf' } as const;

/** dist/fonts beside the bundle, or resources/fonts when running from source. */
export function fontsDir(): string {
  const candidates = [
    process.env.LOKET_FONTS_DIR,
    fileURLToPath(new URL('./fonts/', import.meta.url)),
    fileURLToPath(new URL('../../resources/fonts/', import.meta.url)),
  ].filter((d): d is string => Boolean(d));
  const found = candidates.find((d) => existsSync(path.join(d, FILES.ocrb)));
  if (!found) throw new Error(`the data page fonts are missing (looked in ${candidates.join(', ')})`);
  return found;
}

let cached: DataPageFonts | null = null;

export function loadDataPageFonts(dir = fontsDir()): DataPageFonts {
  if (cached && !process.env.LOKET_FONTS_DIR) return cached;
  const face = open(dir, FILES.ocrb);
  // Every MRZ character has the same advance in a constant-pitch font; '<' stands for all.
  const advance = face.glyphForCodePoint('<'.codePointAt(0)!).advanceWidth;
  const fonts: DataPageFonts = {
    ocrb: face,
    sans: open(dir, FILES.sans),
    sansBold: open(dir, FILES.sansBold),
    ocrbAdvanceEm: advance / face.unitsPerEm,
    ocrbCapHeightEm: face.capHeight / face.unitsPerEm,
    ocrbName: face.postscriptName,
  };
  cached = fonts;
  return fonts;
}

function open(dir: string, file: string): fontkit.Font {
  const face = fontkit.create(readFileSync(path.join(dir, file)));
  if ('fonts' in face) throw new Error(`${file} is a font collection, not one font`);
  return face;
}
