// The TD3 passport data page as ICAO Doc 9303 fixes it: the figures every layer shares (the
// PDF composer, the calibration page, the tests that measure what was printed). Pure
// numbers and arithmetic, millimetres throughout; y is measured from the page's TOP edge
// unless a name says "fromBottom" (ICAO gives the MRZ positions from the bottom edge).
//
// Sources (Doc 9303, 8th edition, 2021):
//   Part 4 §2.2        nominal size 125.0 × 88.0 mm
//   Part 4 Figure 2    tolerance ±0.75 mm, corner radius 3.18 mm, 2.0 mm margins left/right/top
//   Part 4 Figure 3    MRZ: 23.2 mm high from the bottom edge; printing zones of the upper code
//                      line 13.6–17.9 mm and of the lower one 7.25–11.55 mm from the bottom
//                      edge; reference centre lines at 15.75 mm and 9.40 mm (6.35 mm apart)
//   Part 4 §4.2.1.3    left edge of the first character 6.0 ± 1.0 mm from the left edge
//   Part 4 Figure 7    Note 2: no text left of that line in the MRZ
//   Part 3 §4.4        OCR-B size 1, constant pitch of 10 characters per 25.4 mm
//   Part 4 §4.1.1.1    Field 19: portrait between 32.0 × 26.0 mm and 45.0 × 35.0 mm (h × w)
//   Part 4 §3.2.2      portrait at least 2.0 mm from the left edge
//   Part 4 §3.3        Zone I (header) no taller than 17.9 mm

export const PAGE = {
  widthMm: 125.0,
  heightMm: 88.0,
  toleranceMm: 0.75,
  cornerRadiusMm: 3.18,
  /** Clear of data on the left, right and top edges. */
  marginMm: 2.0,
} as const;

export const HEADER_MAX_HEIGHT_MM = 17.9;

export interface MrzLineGeometry {
  /** Reference centre line, from the bottom edge. */
  centreFromBottomMm: number;
  /** The line's printing zone, from the bottom edge: every mark of the line lies inside. */
  zoneFromBottomMm: readonly [number, number];
}

export const MRZ = {
  /** The whole zone, from the bottom edge up: nothing but the two code lines is printed here. */
  zoneHeightMm: 23.2,
  charsPerLine: 44,
  /** 10 characters per inch. */
  pitchMm: 2.54,
  firstCharLeftMm: 6.0,
  firstCharToleranceMm: 1.0,
  lines: [
    { centreFromBottomMm: 15.75, zoneFromBottomMm: [13.6, 17.9] },
    { centreFromBottomMm: 9.4, zoneFromBottomMm: [7.25, 11.55] },
  ] as const satisfies readonly [MrzLineGeometry, MrzLineGeometry],
} as const;

export const PORTRAIT_LIMITS = {
  minWidthMm: 26.0,
  maxWidthMm: 35.0,
  minHeightMm: 32.0,
  maxHeightMm: 45.0,
  minLeftMm: 2.0,
} as const;

export interface BoxMm { x: number; y: number; width: number; height: number }

/** Top of the MRZ, from the top edge: the visual zone ends here. */
export const MRZ_TOP_MM = PAGE.heightMm - MRZ.zoneHeightMm;

export const mmToPt = (mm: number): number => (mm * 72) / 25.4;
export const ptToMm = (pt: number): number => (pt * 25.4) / 72;

/**
 * The font size (mm, i.e. the em) that gives the ICAO pitch for a constant-pitch font whose
 * advance is `advanceEm` of its em (OCR-B from fonts-ocr-b: 723/1000 → 3.513 mm).
 */
export function mrzFontSizeMm(advanceEm: number): number {
  return MRZ.pitchMm / advanceEm;
}

/**
 * Where a code line's baseline goes (from the top edge) so that the middle of its capitals
 * sits on the line's reference centre line.
 */
export function mrzBaselineMm(line: 0 | 1, fontSizeMm: number, capHeightEm: number): number {
  const centreFromTop = PAGE.heightMm - MRZ.lines[line].centreFromBottomMm;
  return centreFromTop + (capHeightEm * fontSizeMm) / 2;
}

/** True when a portrait box obeys Field 19's size limits and the 2 mm left clearance. */
export function portraitFits(box: BoxMm): boolean {
  const p = PORTRAIT_LIMITS;
  return box.width >= p.minWidthMm && box.width <= p.maxWidthMm &&
    box.height >= p.minHeightMm && box.height <= p.maxHeightMm &&
    box.x >= p.minLeftMm && box.y >= PAGE.marginMm && box.y + box.height <= MRZ_TOP_MM;
}

/** Per-printer correction: moves everything printed, in mm (right and down are positive). */
export interface PrintOffsetMm { x: number; y: number }

/** Booklet printers are off by a few millimetres at most; more is a typo or a wrong printer. */
export const MAX_OFFSET_MM = 5;

export function offsetIsValid(o: PrintOffsetMm): boolean {
  return Number.isFinite(o.x) && Number.isFinite(o.y) && Math.abs(o.x) <= MAX_OFFSET_MM && Math.abs(o.y) <= MAX_OFFSET_MM;
}
