// The day's dispatch manifest (daftar pengiriman): every passport sent by post on a day,
// as CSV for the courier's system and as a PDF for the courier to sign at pick-up. The PDF
// is written with pdfkit and the data page's embedded DejaVu fonts, so its text stays
// extractable (tests read it back with pdftotext) and looks the same on every PC.
import PDFDocument from 'pdfkit';
import Papa from 'papaparse';
import type { AppointmentRow } from '../contract-types';
import type { DispatchManifest } from '../handover-types';
import type { DispatchRecord } from '../handover-types';
import { loadDataPageFonts } from '../datapage/fonts';

export interface ManifestEntry { appointment: AppointmentRow; dispatch: DispatchRecord }

const COLUMNS = ['no', 'booking_code', 'name', 'address', 'courier', 'tracking_number', 'dispatch_date', 'officer', 'recorded_at'] as const;

export function manifestCsv(entries: readonly ManifestEntry[]): string {
  // escapeFormulae: an address typed as "=HYPERLINK(…)" must not become a formula in a spreadsheet.
  return Papa.unparse({
    fields: [...COLUMNS],
    data: entries.map((e, i) => [
      i + 1, e.appointment.bookingCode, e.appointment.fullName, e.dispatch.address.replace(/\s*\n\s*/g, ', '), e.dispatch.courier,
      e.dispatch.trackingNumber, e.dispatch.dispatchDate, e.dispatch.officerName, e.dispatch.at,
    ]),
  }, { escapeFormulae: true });
}

/** A4 landscape, one row per parcel, a signature line for the courier at the end. */
export function manifestPdf(day: string, officeName: string, entries: readonly ManifestEntry[], createdAt: Date): Promise<Buffer> {
  const fonts = loadDataPageFonts();
  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', margin: 36, font: fonts.sans as unknown as string, compress: true, lang: 'id-ID',
    info: { Title: `Daftar pengiriman paspor ${day}`, Creator: 'Loket', Producer: 'Loket', CreationDate: createdAt, ModDate: createdAt },
  });
  doc.registerFont('sans', fonts.sans as unknown as string);
  doc.registerFont('bold', fonts.sansBold as unknown as string);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 36;
  // Column x positions and widths in points (A4 landscape: 842 × 595, margins 36).
  const cols: [string, number, number][] = [
    ['No', left, 24], ['Kode booking / Code', left + 26, 92], ['Nama / Name', left + 120, 140], ['Alamat / Address', left + 262, 250],
    ['Kurir / Courier', left + 514, 80], ['Nomor resi / Tracking', left + 596, 110], ['Petugas / Officer', left + 708, 62],
  ];
  doc.font('bold').fontSize(14).text(officeName, left, 36);
  doc.font('bold').fontSize(12).text(`Daftar pengiriman paspor / Passport dispatch manifest — ${day}`, left, 56);
  doc.font('sans').fontSize(9).text(`Jumlah / Count: ${entries.length}`, left, 74);
  let y = 96;
  const header = (): void => {
    doc.font('bold').fontSize(8);
    for (const [title, x, w] of cols) doc.text(title, x, y, { width: w });
    y += 14;
    doc.moveTo(left, y).lineTo(806, y).stroke();
    y += 4;
  };
  header();
  doc.font('sans').fontSize(8);
  entries.forEach((e, i) => {
    const cells = [String(i + 1), e.appointment.bookingCode, e.appointment.fullName, e.dispatch.address.replace(/\s*\n\s*/g, ', '), e.dispatch.courier, e.dispatch.trackingNumber, e.dispatch.officerName];
    const h = Math.max(...cells.map((c, k) => doc.heightOfString(c, { width: cols[k]![2] }))) + 6;
    if (y + h > 540) {
      doc.addPage();
      y = 36;
      header();
      doc.font('sans').fontSize(8);
    }
    cells.forEach((c, k) => doc.text(c, cols[k]![1], y, { width: cols[k]![2] }));
    y += h;
  });
  if (y > 480) { doc.addPage(); y = 36; }
  y += 24;
  doc.font('sans').fontSize(9)
    .text('Diserahkan oleh / Handed by: ____________________', left, y)
    .text('Diterima kurir / Received by courier: ____________________', left + 380, y);
  doc.end();
  return done;
}

export async function dispatchManifest(day: string, officeName: string, entries: readonly ManifestEntry[], createdAt: Date): Promise<DispatchManifest> {
  const pdf = await manifestPdf(day, officeName, entries, createdAt);
  return {
    day, count: entries.length,
    csvFileName: `pengiriman-paspor-${day}.csv`, csv: manifestCsv(entries),
    pdfFileName: `pengiriman-paspor-${day}.pdf`, pdfBase64: pdf.toString('base64'),
  };
}
