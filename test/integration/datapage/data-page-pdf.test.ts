// The data page PDF read back by poppler, an independent PDF implementation: the page is
// 125 × 88 mm, OCR-B is embedded by name with extractable text, the MRZ sits where ICAO
// 9303 Part 4 Figure 3 puts it (first character 6.0 mm from the left edge, 2.54 mm pitch,
// every mark of each line inside its printing zone) and nothing else is printed in the MRZ
// band; the portrait obeys Field 19's limits. Offsets move everything by what was asked.
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseMrz } from 'mrz';
import { composeDataPage } from '../../../electron/datapage/compose-data-page';
import { composeCalibrationPage } from '../../../electron/datapage/compose-calibration';
import { sampleApplicant } from '../../../electron/datapage/sample-applicant';
import { MRZ, MRZ_TOP_MM, PAGE, PORTRAIT_LIMITS } from '../../../domain/data-page-geometry';
import { POPPLER_MISSING, fonts, hasPoppler, inkBox, pageSizeMm, raster, text, words } from '../../helpers/poppler';
import type { GreyRaster, PdfWord } from '../../helpers/poppler';

if (!hasPoppler) console.warn(`data page PDF tests skipped: ${POPPLER_MISSING}`);

const fromBottom = (yFromTop: number) => PAGE.heightMm - yFromTop;

describe.skipIf(!hasPoppler)('the data page PDF, read back with poppler', () => {
  let pdf: Uint8Array;
  let mrz: [string, string];
  let all: PdfWord[];
  let grey: GreyRaster;

  beforeAll(async () => {
    const r = await composeDataPage(sampleApplicant());
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    pdf = r.pdf;
    mrz = r.mrz;
    all = words(pdf);
    grey = raster(pdf, 400);
  });

  it('is one page of 125 × 88 mm', () => {
    const size = pageSizeMm(pdf);
    expect(size.pages).toBe(1);
    expect(size.width).toBeCloseTo(125, 1);
    expect(size.height).toBeCloseTo(88, 1);
  });

  it('embeds OCR-B by name, as a CFF font with a Unicode map, and the other text in DejaVu Sans', () => {
    const rows = fonts(pdf);
    const ocrb = rows.find((f) => /^[A-Z]{6}\+OCRB-Regular$/.test(f.name));
    expect(ocrb, JSON.stringify(rows)).toBeDefined();
    expect(ocrb).toMatchObject({ type: 'CID Type 0C', embedded: true, unicode: true });
    expect(rows.every((f) => f.embedded && f.unicode && !/Type 3/.test(f.type))).toBe(true);
    expect(rows.some((f) => /\+DejaVuSans-Bold$/.test(f.name))).toBe(true);
  });

  it('prints the two MRZ lines as extractable text that an independent MRZ parser accepts', () => {
    const lines = all.filter((w) => w.yMin > MRZ_TOP_MM);
    expect(lines.map((w) => w.text)).toEqual(mrz);
    const parsed = parseMrz(lines.map((w) => w.text));
    expect(parsed.valid).toBe(true);
    expect(parsed.fields.documentNumber).toBe('C1234567');
    expect(parsed.fields.lastName).toBe('RAHAYU');
    expect(parsed.fields.birthDate).toBe('900817');
  });

  it('starts each MRZ line 6.0 mm from the left edge at a constant 2.54 mm pitch', () => {
    for (const line of all.filter((w) => w.yMin > MRZ_TOP_MM)) {
      expect(line.text).toHaveLength(44);
      expect(Math.abs(line.xMin - MRZ.firstCharLeftMm)).toBeLessThan(0.05);
      expect((line.xMax - line.xMin) / 44).toBeCloseTo(MRZ.pitchMm, 3);
    }
  });

  it('keeps every mark of each code line inside its ICAO printing zone, first ink within 6.0 ± 1.0 mm', () => {
    for (const [i, line] of MRZ.lines.entries()) {
      const [low, high] = line.zoneFromBottomMm;
      // The band between this zone and the next, searched for ink of this line.
      const ink = inkBox(grey, { x0: 0, y0: fromBottom(high + 1.5), x1: PAGE.widthMm, y1: fromBottom(low - 1.5) });
      expect(ink, `line ${i + 1}`).not.toBeNull();
      expect(fromBottom(ink!.y1)).toBeGreaterThanOrEqual(low);
      expect(fromBottom(ink!.y0)).toBeLessThanOrEqual(high);
      expect(ink!.x0).toBeGreaterThanOrEqual(MRZ.firstCharLeftMm - MRZ.firstCharToleranceMm);
      expect(ink!.x0).toBeLessThanOrEqual(MRZ.firstCharLeftMm + MRZ.firstCharToleranceMm);
      // The capitals straddle the reference centre line.
      expect(Math.abs((fromBottom(ink!.y0) + fromBottom(ink!.y1)) / 2 - line.centreFromBottomMm)).toBeLessThan(0.35);
    }
  });

  it('prints nothing else in the MRZ band', () => {
    expect(all.filter((w) => w.yMax > MRZ_TOP_MM).map((w) => w.text)).toEqual(mrz);
    const zones = MRZ.lines.map((l) => l.zoneFromBottomMm);
    const outside = [
      { y0: MRZ_TOP_MM, y1: fromBottom(zones[0]![1]) },
      { y0: fromBottom(zones[0]![0]), y1: fromBottom(zones[1]![1]) },
      { y0: fromBottom(zones[1]![0]), y1: PAGE.heightMm },
    ];
    for (const band of outside) expect(inkBox(grey, { x0: 0, ...band, x1: PAGE.widthMm }, 250), JSON.stringify(band)).toBeNull();
  });

  it('places the portrait inside Field 19 limits, at least 2 mm from the left edge', () => {
    // Left of the field columns and below the header's text: only the portrait is there.
    const box = inkBox(grey, { x0: 0, y0: 10.5, x1: 38, y1: MRZ_TOP_MM }, 250);
    expect(box).not.toBeNull();
    const width = box!.x1 - box!.x0;
    const height = box!.y1 - box!.y0;
    expect(box!.x0).toBeGreaterThanOrEqual(PORTRAIT_LIMITS.minLeftMm);
    expect(width).toBeGreaterThanOrEqual(PORTRAIT_LIMITS.minWidthMm);
    expect(width).toBeLessThanOrEqual(PORTRAIT_LIMITS.maxWidthMm);
    expect(height).toBeGreaterThanOrEqual(PORTRAIT_LIMITS.minHeightMm);
    expect(height).toBeLessThanOrEqual(PORTRAIT_LIMITS.maxHeightMm);
  });

  it('writes the visual zone in Bahasa Indonesia and English, dates as ICAO writes them', () => {
    const t = text(pdf);
    for (const s of ['REPUBLIK INDONESIA', 'REPUBLIC OF INDONESIA', 'PASPOR / PASSPORT', 'Nama Lengkap / Full Name',
      'SITI NURHALIZA RAHAYU', '17 AGU/AUG 1990', '06 JAN 2035', 'P/F', 'BANDUNG', 'Tanggal Habis Berlaku / Date of Expiry']) {
      expect(t).toContain(s);
    }
  });

  it('marks an electronic passport with the chip symbol in the header, an ordinary one without', async () => {
    const chip = { x0: 111, y0: 2.5, x1: 123, y1: 10 };
    expect(inkBox(grey, chip)).not.toBeNull();
    const ordinary = await composeDataPage({ ...sampleApplicant(), electronic: false });
    if (!ordinary.ok) throw new Error('compose failed');
    expect(inkBox(raster(ordinary.pdf, 200), chip, 250)).toBeNull();
  });

  it('moves everything by the printer offsets', async () => {
    const moved = await composeDataPage(sampleApplicant(), { offset: { x: 1.5, y: -1.0 } });
    if (!moved.ok) throw new Error('compose failed');
    const before = all.filter((w) => w.yMin > MRZ_TOP_MM);
    const after = words(moved.pdf).filter((w) => w.text === before[0]!.text || w.text === before[1]!.text);
    expect(after).toHaveLength(2);
    after.forEach((w, i) => {
      expect(w.xMin - before[i]!.xMin).toBeCloseTo(1.5, 2);
      expect(w.yMin - before[i]!.yMin).toBeCloseTo(-1.0, 2);
    });
  });
});

describe('composing a data page refuses bad input with a sentence key, before any PDF is made', () => {
  it('a passport number that does not fit the MRZ', async () => {
    const r = await composeDataPage({ ...sampleApplicant(), passportNumber: 'C-12345678' });
    expect(r).toMatchObject({ ok: false, error: { key: 'mrz.compose.documentNumber' } });
  });
  it('a portrait that is neither JPEG nor PNG', async () => {
    const r = await composeDataPage({ ...sampleApplicant(), portrait: new TextEncoder().encode('GIF89a…') });
    expect(r).toMatchObject({ ok: false, error: { key: 'datapage.portraitFormat' } });
  });
  it('a date that is not in the calendar', async () => {
    const r = await composeDataPage({ ...sampleApplicant(), issueDate: '2025-02-30' });
    expect(r).toMatchObject({ ok: false, error: { key: 'datapage.date', params: { field: 'issueDate' } } });
  });
});

describe.skipIf(!hasPoppler)('the calibration page', () => {
  it('has rulers, the MRZ band and a crosshair on the page centre, moved by the offsets', async () => {
    const plain = raster(await composeCalibrationPage({}), 300);
    const moved = raster(await composeCalibrationPage({ offset: { x: 2, y: 1 } }), 300);
    // The crosshair's vertical stroke: the only ink in a thin column band around x = 62.5 mm
    // between 37 and 40 mm from the top (inside the outer circle, above the inner one).
    const centreX = (r: GreyRaster, dx: number, dy: number) => {
      const b = inkBox(r, { x0: 60 + dx, y0: 37.5 + dy, x1: 65 + dx, y1: 39.5 + dy });
      return b && (b.x0 + b.x1) / 2;
    };
    expect(centreX(plain, 0, 0)).toBeCloseTo(62.5, 0);
    expect(centreX(moved, 2, 1)).toBeCloseTo(64.5, 0);
    const t = text(await composeCalibrationPage({ printerLabel: 'Loket Test', offset: { x: 0.5, y: -0.3 } }));
    expect(t).toContain('KALIBRASI PRINTER PASPOR');
    expect(t).toContain('Offset X +0.5 mm · Y −0.3 mm · Loket Test');
  });
});
