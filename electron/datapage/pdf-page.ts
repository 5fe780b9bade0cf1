// One TD3-sized PDF page drawn with pdfkit, in millimetres. pdfkit embeds TrueType and CFF
// (OpenType) fonts as named CID fonts with a ToUnicode map, so the text stays extractable
// and the font keeps its name — unlike Chromium's PDF output, which turns CFF into unnamed
// Type 3 glyphs. Every mark is pure black (DeviceCMYK 0/0/0/100): the MRZ must absorb in
// the near infrared, and a driver asked for RGB black may print it as composite CMY.
import PDFDocument from 'pdfkit';
import { PAGE, mmToPt } from '../../domain/data-page-geometry';
import type { PrintOffsetMm } from '../../domain/data-page-geometry';
import type { DataPageFonts } from './fonts';

export const BLACK: [number, number, number, number] = [0, 0, 0, 100];

export interface PdfPage {
  doc: PDFKit.PDFDocument;
  /** Millimetres to PDF points. */
  pt: (mm: number) => number;
  /** Resolves with the whole file once `doc.end()` has been called. */
  bytes: Promise<Uint8Array>;
}

export interface PdfPageOptions {
  fonts: DataPageFonts;
  title: string;
  /** Fixed so the same input gives the same bytes (tests, re-prints, audit hashes). */
  createdAt: Date;
  offset?: PrintOffsetMm;
}

export function openPdfPage(opts: PdfPageOptions): PdfPage {
  const doc = new PDFDocument({
    size: [mmToPt(PAGE.widthMm), mmToPt(PAGE.heightMm)],
    margin: 0,
    // The default would load Helvetica's metrics; the page never uses the base-14 fonts.
    // pdfkit takes a parsed fontkit face as well as a file; its typings know only the file.
    font: opts.fonts.sans as unknown as string,
    compress: true,
    pdfVersion: '1.7',
    lang: 'id-ID',
    info: { Title: opts.title, Creator: 'Loket', Producer: 'Loket', CreationDate: opts.createdAt, ModDate: opts.createdAt },
  });
  doc.registerFont('ocrb', opts.fonts.ocrb as unknown as string);
  doc.registerFont('sans', opts.fonts.sans as unknown as string);
  doc.registerFont('sans-bold', opts.fonts.sansBold as unknown as string);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.fillColor(BLACK).strokeColor(BLACK);
  if (opts.offset && (opts.offset.x !== 0 || opts.offset.y !== 0)) doc.translate(mmToPt(opts.offset.x), mmToPt(opts.offset.y));
  return { doc, pt: mmToPt, bytes };
}

/** Writes one line at a baseline (mm), shrinking the type until it fits `maxWidthMm`. */
export function textLine(
  page: PdfPage, text: string, xMm: number, baselineMm: number,
  o: { font: 'sans' | 'sans-bold' | 'ocrb'; sizePt: number; maxWidthMm?: number; minSizePt?: number; align?: 'left' | 'center' | 'right' },
): void {
  const { doc, pt } = page;
  doc.font(o.font);
  let size = o.sizePt;
  doc.fontSize(size);
  if (o.maxWidthMm !== undefined) {
    const min = o.minSizePt ?? size * 0.7;
    while (size > min && doc.widthOfString(text) > pt(o.maxWidthMm)) doc.fontSize((size -= 0.2));
  }
  const width = doc.widthOfString(text);
  let x = pt(xMm);
  if (o.align === 'center') x -= width / 2;
  if (o.align === 'right') x -= width;
  doc.text(text, x, pt(baselineMm), { lineBreak: false, baseline: 'alphabetic' });
}
