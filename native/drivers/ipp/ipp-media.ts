// Finding a printer's name for a page size. Media names are PWG 5101.1 "self-describing"
// keywords, class_name_WIDTHxHEIGHTunits with the shorter dimension first
// (e.g. "om_passport_88x125mm"); sizes in "media-size-supported" / "media-col-database"
// are in hundredths of a millimetre and may be ranges (custom sizes).
import type { PageMedia } from '../../printer';

export interface MediaSize { x: number | { lower: number; upper: number }; y: number | { lower: number; upper: number } }

/** Width and height in mm of a self-describing media keyword, or null. */
export function pwgMediaSizeMm(keyword: string): { a: number; b: number } | null {
  const m = /_(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|in)$/.exec(keyword);
  if (!m) return null;
  const k = m[3] === 'in' ? 25.4 : 1;
  return { a: Number(m[1]) * k, b: Number(m[2]) * k };
}

/** The self-describing name we would give a size: shorter edge first. */
export function pwgMediaName(media: PageMedia, name = 'passport'): string {
  const [a, b] = [media.widthMm, media.heightMm].sort((p, q) => p - q);
  const f = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, ''));
  return `om_${name}_${f(a!)}x${f(b!)}mm`;
}

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

function sameSize(a: number, b: number, media: PageMedia, tol: number): boolean {
  return (close(a, media.widthMm, tol) && close(b, media.heightMm, tol)) || (close(a, media.heightMm, tol) && close(b, media.widthMm, tol));
}

const covers = (d: MediaSize['x'], mm: number, tol: number) =>
  typeof d === 'number' ? close(d / 100, mm, tol) : d.lower / 100 - tol <= mm && mm <= d.upper / 100 + tol;

/**
 * How to ask this printer for the page: a keyword it lists, else a size it supports (a
 * custom range covers it), else null. Tolerance: ICAO's ±0.75 mm page tolerance halved.
 */
export function chooseMedia(media: PageMedia, keywords: readonly string[], sizes: readonly MediaSize[], tolMm = 0.4): { keyword: string } | { size: { x: number; y: number } } | null {
  for (const k of keywords) {
    const s = pwgMediaSizeMm(k);
    if (s && !k.startsWith('custom_min_') && !k.startsWith('custom_max_') && sameSize(s.a, s.b, media, tolMm)) return { keyword: k };
  }
  const [short, long] = [media.widthMm, media.heightMm].sort((p, q) => p - q) as [number, number];
  for (const s of sizes) {
    if ((covers(s.x, short, tolMm) && covers(s.y, long, tolMm)) || (covers(s.x, long, tolMm) && covers(s.y, short, tolMm))) {
      return { size: { x: Math.round(short * 100), y: Math.round(long * 100) } };
    }
  }
  // custom_min_/custom_max_ keyword pairs describe the same kind of range.
  const min = keywords.map((k) => (k.startsWith('custom_min_') ? pwgMediaSizeMm(k) : null)).find(Boolean);
  const max = keywords.map((k) => (k.startsWith('custom_max_') ? pwgMediaSizeMm(k) : null)).find(Boolean);
  if (min && max && min.a - tolMm <= short && short <= max.a + tolMm && min.b - tolMm <= long && long <= max.b + tolMm) {
    return { size: { x: Math.round(short * 100), y: Math.round(long * 100) } };
  }
  return null;
}
