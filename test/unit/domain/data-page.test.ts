// The data page's pure rules: our layout stays inside the zones ICAO 9303 Part 4 allows,
// the MRZ type size gives the ICAO pitch, and the visual zone writes dates and sex the way
// Part 3 / Part 4 describe.
import { describe, expect, it } from 'vitest';
import {
  HEADER_MAX_HEIGHT_MM, MRZ, MRZ_TOP_MM, PAGE, mrzBaselineMm, mrzFontSizeMm, offsetIsValid, portraitFits,
} from '../../../domain/data-page-geometry';
import { FIELDS, HEADER, PORTRAIT_BOX, ROW_MM, SIGNATURE } from '../../../domain/data-page-layout';
import { vizDate, vizNationality, vizSex } from '../../../domain/data-page-fields';

describe('data page geometry (ICAO 9303 Part 4)', () => {
  it('uses the figures of Part 4: 125 × 88 mm, MRZ 23.2 mm, lines 6.35 mm apart inside their 4.3 mm zones', () => {
    expect([PAGE.widthMm, PAGE.heightMm]).toEqual([125, 88]);
    expect(MRZ_TOP_MM).toBeCloseTo(64.8, 6);
    const [upper, lower] = MRZ.lines;
    expect(upper.centreFromBottomMm - lower.centreFromBottomMm).toBeCloseTo(6.35, 6);
    for (const l of MRZ.lines) {
      expect(l.zoneFromBottomMm[1] - l.zoneFromBottomMm[0]).toBeCloseTo(4.3, 6);
      expect((l.zoneFromBottomMm[0] + l.zoneFromBottomMm[1]) / 2).toBeCloseTo(l.centreFromBottomMm, 6);
    }
    // 44 characters at 10 per inch end 117.76 mm from the left edge, inside the 2 mm margin.
    expect(MRZ.firstCharLeftMm + MRZ.charsPerLine * MRZ.pitchMm).toBeLessThan(PAGE.widthMm - PAGE.marginMm);
  });

  it('sizes OCR-B for the 2.54 mm pitch (fonts-ocr-b: advance 723/1000 em → 3.513 mm)', () => {
    expect(mrzFontSizeMm(0.723)).toBeCloseTo(3.513, 3);
    // Capitals 0.701 em tall, centred on the upper line's 15.75 mm centre line.
    const size = mrzFontSizeMm(0.723);
    const baseline = mrzBaselineMm(0, size, 0.701);
    expect(PAGE.heightMm - baseline + (0.701 * size) / 2).toBeCloseTo(15.75, 6);
  });

  it('checks a portrait against Field 19 (32–45 mm high, 26–35 mm wide, ≥ 2 mm from the left)', () => {
    expect(portraitFits({ x: 2, y: 10, width: 35, height: 45 })).toBe(true);
    expect(portraitFits({ x: 2, y: 10, width: 26, height: 32 })).toBe(true);
    expect(portraitFits({ x: 1.5, y: 10, width: 30, height: 40 })).toBe(false);
    expect(portraitFits({ x: 3, y: 10, width: 36, height: 40 })).toBe(false);
    expect(portraitFits({ x: 3, y: 10, width: 30, height: 31 })).toBe(false);
    expect(portraitFits({ x: 3, y: 30, width: 30, height: 40 })).toBe(false); // would reach into the MRZ
  });

  it('accepts printer offsets up to ±5 mm', () => {
    expect(offsetIsValid({ x: -5, y: 5 })).toBe(true);
    expect(offsetIsValid({ x: 5.1, y: 0 })).toBe(false);
    expect(offsetIsValid({ x: Number.NaN, y: 0 })).toBe(false);
  });
});

describe('our layout inside those zones', () => {
  it('keeps the header within Zone I and the portrait within Field 19', () => {
    expect(HEADER.box.y + HEADER.box.height).toBeLessThanOrEqual(HEADER_MAX_HEIGHT_MM);
    expect(portraitFits(PORTRAIT_BOX)).toBe(true);
  });

  it('keeps every field and the signature inside the margins and above the MRZ, right of the portrait', () => {
    for (const f of FIELDS) {
      expect(f.x).toBeGreaterThan(PORTRAIT_BOX.x + PORTRAIT_BOX.width);
      expect(f.x + f.width).toBeLessThanOrEqual(PAGE.widthMm - PAGE.marginMm + 1e-9);
      expect(f.y + ROW_MM).toBeLessThanOrEqual(MRZ_TOP_MM);
    }
    expect(SIGNATURE.box.y + SIGNATURE.box.height).toBeLessThanOrEqual(MRZ_TOP_MM);
    expect(new Set(FIELDS.map((f) => f.icaoField)).size).toBe(FIELDS.length);
  });
});

describe('visual zone values', () => {
  it('writes dates with the Indonesian month and the English one when they differ', () => {
    expect(vizDate('1985-05-12')).toBe('12 MEI/MAY 1985');
    expect(vizDate('2035-01-06')).toBe('06 JAN 2035');
    expect(vizDate('1990-08-17')).toBe('17 AGU/AUG 1990');
    expect(vizDate('2024-12-31')).toBe('31 DES/DEC 2024');
    expect(vizDate('2023-02-29')).toBeNull();
    expect(vizDate('17-08-1990')).toBeNull();
  });
  it('writes sex as the Indonesian initial and the English one', () => {
    expect([vizSex('M'), vizSex('F'), vizSex('X')]).toEqual(['L/M', 'P/F', 'X']);
  });
  it('spells out the nationality', () => {
    expect(vizNationality('IDN')).toBe('INDONESIA');
  });
});
