// The data page of one passport as a PDF: header (Zone I), portrait (V), captioned fields
// (II and III), signature (IV) and the two MRZ lines (VII) in OCR-B at the ICAO size and
// position. The MRZ is composed by the TD3 composer from the same values the visual zone
// shows, so the two can never disagree.
import { composeTd3 } from '../../domain/mrz';
import type { ComposeTd3Error } from '../../domain/mrz';
import { MRZ, MRZ_TOP_MM, mrzBaselineMm, mrzFontSizeMm, ptToMm } from '../../domain/data-page-geometry';
import type { PrintOffsetMm } from '../../domain/data-page-geometry';
import { FIELDS, HEADER, PORTRAIT_BOX, SIGNATURE, TYPE } from '../../domain/data-page-layout';
import type { DataPageField } from '../../domain/data-page-layout';
import { vizDate, vizNationality, vizSex } from '../../domain/data-page-fields';
import { loadDataPageFonts } from './fonts';
import type { DataPageFonts } from './fonts';
import { openPdfPage, textLine } from './pdf-page';
import type { PdfPage } from './pdf-page';

export interface DataPageInput {
  /** The book's serial as printed: the passport number (up to 9 characters A–Z 0–9). */
  passportNumber: string;
  /** As the visual zone shows it, e.g. "SITI RAHAYU". */
  fullName: string;
  /** MRZ name parts; for an Indonesian single name, the whole name is the primary identifier. */
  primaryIdentifier: string;
  secondaryIdentifier?: string;
  sex: 'M' | 'F' | 'X';
  birthDate: string;
  birthPlace: string;
  issueDate: string;
  expiryDate: string;
  issuingOffice: string;
  electronic: boolean;
  nationality?: string;
  /** The enrolled photo, JPEG or PNG. */
  portrait: Uint8Array;
  /** The holder's signature or usual mark, PNG or JPEG; the zone stays empty without one. */
  signature?: Uint8Array;
}

export interface ComposeOptions {
  offset?: PrintOffsetMm;
  fonts?: DataPageFonts;
  /** Written into the PDF's metadata (default: the issue date), so re-composing gives the same bytes. */
  createdAt?: Date;
}

export type DataPageErrorKey = ComposeTd3Error['key'] | 'datapage.portraitFormat' | 'datapage.signatureFormat' | 'datapage.date';
export type ComposeDataPageResult =
  | { ok: true; pdf: Uint8Array; mrz: [string, string] }
  | { ok: false; error: { key: DataPageErrorKey; params: Record<string, string | number> } };

/** JPEG or PNG, the two formats a PDF page can carry without re-encoding. */
export function imageKind(bytes: Uint8Array): 'jpeg' | 'png' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  return null;
}

export async function composeDataPage(input: DataPageInput, opts: ComposeOptions = {}): Promise<ComposeDataPageResult> {
  const nationality = input.nationality ?? 'IDN';
  const mrz = composeTd3({
    documentNumber: input.passportNumber,
    primaryIdentifier: input.primaryIdentifier,
    ...(input.secondaryIdentifier ? { secondaryIdentifier: input.secondaryIdentifier } : {}),
    birthDate: input.birthDate,
    sex: input.sex,
    expiryDate: input.expiryDate,
    nationality,
    issuingState: 'IDN',
  });
  if (!mrz.ok) return { ok: false, error: mrz.error };
  if (!imageKind(input.portrait)) return { ok: false, error: { key: 'datapage.portraitFormat', params: {} } };
  if (input.signature && !imageKind(input.signature)) return { ok: false, error: { key: 'datapage.signatureFormat', params: {} } };

  const values: Partial<Record<DataPageField, string>> = {
    type: 'P',
    code: 'IDN',
    passportNumber: input.passportNumber.toUpperCase(),
    fullName: input.fullName.toUpperCase(),
    nationality: vizNationality(nationality),
    sex: vizSex(input.sex),
    birthPlace: input.birthPlace.toUpperCase(),
    issuingOffice: input.issuingOffice.toUpperCase(),
  };
  for (const f of ['birthDate', 'issueDate', 'expiryDate'] as const) {
    const text = vizDate(input[f]);
    if (!text) return { ok: false, error: { key: 'datapage.date', params: { field: f, value: input[f] } } };
    values[f] = text;
  }

  const fonts = opts.fonts ?? loadDataPageFonts();
  const page = openPdfPage({
    fonts,
    title: `Paspor ${values.passportNumber}`,
    createdAt: opts.createdAt ?? new Date(`${input.issueDate}T00:00:00Z`),
    ...(opts.offset ? { offset: opts.offset } : {}),
  });
  drawHeader(page, input.electronic);
  drawPortrait(page, input.portrait);
  for (const f of FIELDS) drawField(page, f, values[f.field] ?? '');
  drawSignature(page, input.signature);
  drawMrz(page, fonts, mrz.lines);
  page.doc.end();
  return { ok: true, pdf: await page.bytes, mrz: mrz.lines };
}

function drawHeader(page: PdfPage, electronic: boolean): void {
  const { box } = HEADER;
  const centre = box.x + box.width / 2;
  textLine(page, `${HEADER.stateId}  ·  ${HEADER.stateEn}`, centre, box.y + 3.6, { font: 'sans-bold', sizePt: TYPE.headerPt, align: 'center', maxWidthMm: 95 });
  textLine(page, `${HEADER.documentId} / ${HEADER.documentEn}`, centre, box.y + 7.6, { font: 'sans', sizePt: TYPE.headerSubPt, align: 'center' });
  if (electronic) drawChipSymbol(page);
}

/** The ICAO electronic-document symbol (Doc 9303 Part 9): a circle between two bars in a frame. */
function drawChipSymbol(page: PdfPage): void {
  const { doc, pt } = page;
  const b = HEADER.chipBox;
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  doc.save().lineWidth(pt(0.35));
  doc.roundedRect(pt(b.x), pt(b.y), pt(b.width), pt(b.height), pt(0.6)).stroke();
  doc.circle(pt(cx), pt(cy), pt(1.3)).stroke();
  doc.moveTo(pt(b.x + 1.2), pt(cy - 2.1)).lineTo(pt(b.x + b.width - 1.2), pt(cy - 2.1)).stroke();
  doc.moveTo(pt(b.x + 1.2), pt(cy + 2.1)).lineTo(pt(b.x + b.width - 1.2), pt(cy + 2.1)).stroke();
  doc.restore();
}

function drawPortrait(page: PdfPage, portrait: Uint8Array): void {
  const { doc, pt } = page;
  const b = PORTRAIT_BOX;
  doc.save();
  doc.rect(pt(b.x), pt(b.y), pt(b.width), pt(b.height)).clip();
  doc.image(Buffer.from(portrait), pt(b.x), pt(b.y), { cover: [pt(b.width), pt(b.height)], align: 'center', valign: 'center' });
  doc.restore();
}

function drawField(page: PdfPage, f: (typeof FIELDS)[number], value: string): void {
  textLine(page, `${f.captionId} / ${f.captionEn}`, f.x, f.y + 1.6, { font: 'sans', sizePt: TYPE.captionPt, maxWidthMm: f.width });
  textLine(page, value, f.x, f.y + 1.6 + TYPE.captionGapMm + ptToMm(TYPE.valuePt) * 0.72, { font: 'sans-bold', sizePt: TYPE.valuePt, maxWidthMm: f.width, minSizePt: 5 });
}

function drawSignature(page: PdfPage, signature: Uint8Array | undefined): void {
  const b = SIGNATURE.box;
  textLine(page, `${SIGNATURE.captionId} / ${SIGNATURE.captionEn}`, b.x, b.y + 1.6, { font: 'sans', sizePt: TYPE.captionPt });
  if (!signature) return;
  const { doc, pt } = page;
  const top = b.y + 2.4;
  doc.image(Buffer.from(signature), pt(b.x), pt(top), { fit: [pt(b.width), pt(b.y + b.height - top)], valign: 'center' });
}

/** Nothing else is drawn below MRZ_TOP_MM: the zone holds the two code lines only. */
function drawMrz(page: PdfPage, fonts: DataPageFonts, lines: [string, string]): void {
  const sizeMm = mrzFontSizeMm(fonts.ocrbAdvanceEm);
  const sizePt = page.pt(sizeMm);
  lines.forEach((line, i) => {
    const baseline = mrzBaselineMm(i as 0 | 1, sizeMm, fonts.ocrbCapHeightEm);
    if (baseline - sizeMm < MRZ_TOP_MM) throw new Error('MRZ line would leave the MRZ');
    textLine(page, line, MRZ.firstCharLeftMm, baseline, { font: 'ocrb', sizePt });
  });
}
