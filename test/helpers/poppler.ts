// Reads a PDF back with Debian's poppler-utils (an independent implementation of PDF): the
// page size (pdfinfo), the embedded fonts (pdffonts), the words and their boxes
// (pdftotext -bbox) and a grey raster (pdftoppm) to find where ink actually lands.
// Boxes are returned in millimetres from the page's top-left corner.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const hasPoppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
export const POPPLER_MISSING = 'poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm) is not installed: apt-get install poppler-utils';

const PT = 25.4 / 72;

function withPdf<T>(pdf: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'loket-poppler-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Page size in mm (pdfinfo prints points). */
export function pageSizeMm(pdf: Uint8Array): { width: number; height: number; pages: number } {
  return withPdf(pdf, (file) => {
    const out = run('pdfinfo', [file]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
    const pages = /Pages:\s+(\d+)/.exec(out);
    if (!size || !pages) throw new Error(`pdfinfo said: ${out}`);
    return { width: Number(size[1]) * PT, height: Number(size[2]) * PT, pages: Number(pages[1]) };
  });
}

export interface PdfFontRow { name: string; type: string; encoding: string; embedded: boolean; subset: boolean; unicode: boolean }

export function fonts(pdf: Uint8Array): PdfFontRow[] {
  return withPdf(pdf, (file) => run('pdffonts', [file]).split('\n').slice(2).filter(Boolean).map((line) => {
    // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object, id.
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
    return { name: m[1]!, type: m[2]!, encoding: m[3]!, embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' };
  }));
}

export interface PdfWord { text: string; xMin: number; yMin: number; xMax: number; yMax: number }

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function words(pdf: Uint8Array): PdfWord[] {
  return withPdf(pdf, (file) => {
    const html = run('pdftotext', ['-bbox', file, '-']);
    return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: unescape(m[5]!), xMin: Number(m[1]) * PT, yMin: Number(m[2]) * PT, xMax: Number(m[3]) * PT, yMax: Number(m[4]) * PT,
    }));
  });
}

/** The page's text in reading order (pdftotext -layout). */
export function text(pdf: Uint8Array): string {
  return withPdf(pdf, (file) => run('pdftotext', ['-layout', file, '-']));
}

export interface GreyRaster { width: number; height: number; dpi: number; data: Uint8Array }

/** Renders page 1 in 8-bit grey (0 = black) at `dpi`. */
export function raster(pdf: Uint8Array, dpi: number): GreyRaster {
  return withPdf(pdf, (file, dir) => {
    run('pdftoppm', ['-gray', '-r', String(dpi), '-singlefile', file, path.join(dir, 'out')]);
    const bytes = readFileSync(path.join(dir, 'out.pgm'));
    // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a PGM');
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { width, height, dpi, data: new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height)) };
  });
}

/** The bounding box (mm) of pixels darker than `threshold` inside a region (mm), or null. */
export function inkBox(r: GreyRaster, region: { x0: number; y0: number; x1: number; y1: number }, threshold = 128): { x0: number; y0: number; x1: number; y1: number } | null {
  const px = (mm: number) => Math.round((mm / 25.4) * r.dpi);
  const [cx0, cy0] = [Math.max(0, px(region.x0)), Math.max(0, px(region.y0))];
  const [cx1, cy1] = [Math.min(r.width, px(region.x1)), Math.min(r.height, px(region.y1))];
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  for (let y = cy0; y < cy1; y++) {
    for (let x = cx0; x < cx1; x++) {
      if (r.data[y * r.width + x]! >= threshold) continue;
      if (!box) box = { x0: x, y0: y, x1: x + 1, y1: y + 1 };
      else {
        box.x0 = Math.min(box.x0, x); box.y0 = Math.min(box.y0, y);
        box.x1 = Math.max(box.x1, x + 1); box.y1 = Math.max(box.y1, y + 1);
      }
    }
  }
  const mm = (p: number) => (p / r.dpi) * 25.4;
  return box && { x0: mm(box.x0), y0: mm(box.y0), x1: mm(box.x1), y1: mm(box.y1) };
}
