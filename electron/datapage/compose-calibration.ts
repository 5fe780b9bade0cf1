// The printer calibration page for technicians: millimetre rulers along the top and left
// edges, the MRZ band with both printing zones and their reference centre lines, the
// "A" line where the first character starts (with its ±1 mm tolerance), the portrait box,
// and a crosshair on the page centre. Printed with the printer's offsets applied, it shows
// where this printer puts a page: measure the crosshair and the rulers on the book, adjust
// the offsets, print again.
import { MRZ, MRZ_TOP_MM, PAGE, mrzBaselineMm, mrzFontSizeMm } from '../../domain/data-page-geometry';
import type { PrintOffsetMm } from '../../domain/data-page-geometry';
import { PORTRAIT_BOX } from '../../domain/data-page-layout';
import { loadDataPageFonts } from './fonts';
import type { DataPageFonts } from './fonts';
import { openPdfPage, textLine } from './pdf-page';
import type { PdfPage } from './pdf-page';

export interface CalibrationOptions {
  offset?: PrintOffsetMm;
  /** Shown on the page so a printed sheet says which printer it came from. */
  printerLabel?: string;
  /** MRZ lines to print in the band (a reader can then check the zone), e.g. the sample's. */
  mrz?: [string, string];
  fonts?: DataPageFonts;
  createdAt?: Date;
}

export async function composeCalibrationPage(opts: CalibrationOptions = {}): Promise<Uint8Array> {
  const fonts = opts.fonts ?? loadDataPageFonts();
  const offset = opts.offset ?? { x: 0, y: 0 };
  const page = openPdfPage({ fonts, title: 'Kalibrasi printer paspor', createdAt: opts.createdAt ?? new Date(0), offset });
  const { doc, pt } = page;
  doc.lineWidth(pt(0.12));

  // Page edge and the 2 mm margins.
  doc.rect(pt(0.1), pt(0.1), pt(PAGE.widthMm - 0.2), pt(PAGE.heightMm - 0.2)).stroke();
  doc.save().dash(pt(0.6), { space: pt(0.6) });
  doc.rect(pt(PAGE.marginMm), pt(PAGE.marginMm), pt(PAGE.widthMm - 2 * PAGE.marginMm), pt(PAGE.heightMm - PAGE.marginMm)).stroke();
  doc.restore();

  drawRulers(page);
  drawMrzBand(page, fonts, opts.mrz);

  // Portrait box (Zone V) and the crosshair on the page centre.
  doc.save().dash(pt(0.4), { space: pt(0.4) });
  doc.rect(pt(PORTRAIT_BOX.x), pt(PORTRAIT_BOX.y), pt(PORTRAIT_BOX.width), pt(PORTRAIT_BOX.height)).stroke();
  doc.restore();
  const cx = PAGE.widthMm / 2;
  const cy = PAGE.heightMm / 2;
  doc.lineWidth(pt(0.2));
  doc.moveTo(pt(cx - 8), pt(cy)).lineTo(pt(cx + 8), pt(cy)).stroke();
  doc.moveTo(pt(cx), pt(cy - 8)).lineTo(pt(cx), pt(cy + 8)).stroke();
  doc.circle(pt(cx), pt(cy), pt(3)).stroke();
  doc.circle(pt(cx), pt(cy), pt(6)).stroke();

  textLine(page, 'KALIBRASI PRINTER PASPOR · PASSPORT PRINTER CALIBRATION', 40, 14.5, { font: 'sans-bold', sizePt: 6.5, maxWidthMm: 80 });
  const sign = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;
  textLine(page, `Offset X ${sign(offset.x)} mm · Y ${sign(offset.y)} mm${opts.printerLabel ? ` · ${opts.printerLabel}` : ''}`, 40, 19, { font: 'sans', sizePt: 5.5, maxWidthMm: 80 });
  textLine(page, `Pusat halaman / page centre: ${cx.toFixed(1)} × ${cy.toFixed(1)} mm`, cx + 7.5, cy - 7, { font: 'sans', sizePt: 4.5 });
  textLine(page, 'Zona MRZ / MRZ band 23.2 mm', 80, MRZ_TOP_MM - 1, { font: 'sans', sizePt: 4.5 });
  doc.end();
  return page.bytes;
}

function drawRulers(page: PdfPage): void {
  const { doc, pt } = page;
  doc.save().lineWidth(pt(0.1));
  for (let x = 1; x < PAGE.widthMm; x++) {
    const len = x % 10 === 0 ? 3.5 : x % 5 === 0 ? 2.5 : 1.5;
    doc.moveTo(pt(x), 0).lineTo(pt(x), pt(len)).stroke();
    if (x % 10 === 0) textLine(page, String(x), x + 0.4, 4.8, { font: 'sans', sizePt: 3.6 });
  }
  for (let y = 1; y < PAGE.heightMm; y++) {
    const len = y % 10 === 0 ? 3.5 : y % 5 === 0 ? 2.5 : 1.5;
    doc.moveTo(0, pt(y)).lineTo(pt(len), pt(y)).stroke();
    if (y % 10 === 0) textLine(page, String(y), 3.9, y + 1.1, { font: 'sans', sizePt: 3.6 });
  }
  doc.restore();
}

function drawMrzBand(page: PdfPage, fonts: DataPageFonts, lines?: [string, string]): void {
  const { doc, pt } = page;
  const right = MRZ.firstCharLeftMm + MRZ.charsPerLine * MRZ.pitchMm;
  doc.save().lineWidth(pt(0.15));
  doc.rect(pt(0.6), pt(MRZ_TOP_MM), pt(PAGE.widthMm - 1.2), pt(MRZ.zoneHeightMm - 0.6)).stroke();
  for (const line of MRZ.lines) {
    const [low, high] = line.zoneFromBottomMm;
    doc.save().dash(pt(0.5), { space: pt(0.5) });
    doc.rect(pt(MRZ.firstCharLeftMm), pt(PAGE.heightMm - high), pt(right - MRZ.firstCharLeftMm), pt(high - low)).stroke();
    doc.restore();
    doc.save().dash(pt(0.15), { space: pt(0.6) });
    doc.moveTo(pt(2), pt(PAGE.heightMm - line.centreFromBottomMm)).lineTo(pt(PAGE.widthMm - 2), pt(PAGE.heightMm - line.centreFromBottomMm)).stroke();
    doc.restore();
  }
  // The "A" line and its tolerance: no MRZ character may start left of 5.0 or right of 7.0 mm.
  doc.moveTo(pt(MRZ.firstCharLeftMm), pt(MRZ_TOP_MM)).lineTo(pt(MRZ.firstCharLeftMm), pt(PAGE.heightMm - 1)).stroke();
  for (const dx of [-MRZ.firstCharToleranceMm, MRZ.firstCharToleranceMm]) {
    const x = MRZ.firstCharLeftMm + dx;
    doc.moveTo(pt(x), pt(PAGE.heightMm - 6)).lineTo(pt(x), pt(PAGE.heightMm - 2)).stroke();
  }
  doc.restore();
  if (lines) {
    const sizeMm = mrzFontSizeMm(fonts.ocrbAdvanceEm);
    lines.forEach((text, i) => textLine(page, text, MRZ.firstCharLeftMm, mrzBaselineMm(i as 0 | 1, sizeMm, fonts.ocrbCapHeightEm), { font: 'ocrb', sizePt: pt(sizeMm) }));
  }
}
