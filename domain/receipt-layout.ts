// What a receipt (tanda terima) says and in what order, as blocks a receipt printer
// driver turns into its own commands. Pure: the same layout feeds the ESC/POS printer, its
// simulator and any preview. Captions are bilingual (Indonesian / English), as on the
// passport's data page, because the applicant takes the paper home.
import { weekday } from './collection-date';

export type ReceiptAlign = 'left' | 'center' | 'right';

export type ReceiptBlock =
  | { kind: 'text'; text: string; align?: ReceiptAlign; bold?: boolean; /** 2 = double width and height */ size?: 1 | 2 }
  | { kind: 'rule' }
  | { kind: 'qr'; data: string }
  | { kind: 'code128'; data: string }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

/** Characters per line in the printer's Font A (12 dots): 576 / 12 and 384 / 12. */
export const RECEIPT_COLUMNS = { 80: 48, 58: 32 } as const;
export type PaperWidthMm = keyof typeof RECEIPT_COLUMNS;

export interface EnrolmentReceiptData {
  officeName: string;
  officeAddress?: string;
  applicantName: string;
  bookingCode: string;
  /** The service as the applicant knows it, e.g. "Paspor biasa — permohonan baru". */
  service: string;
  /** ISO dates. */
  interviewDate: string;
  collectionDate: string;
  /** Lines such as "Senin–Jumat 13.00–15.00". */
  collectionHours: readonly string[];
  /** ISO instant of printing, shown in the office's time as given. */
  printedAt: string;
  /** True for a reprint: the paper says so. */
  reprint?: boolean;
}

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "Senin, 30 Maret 2026". */
export function formatDateId(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${DAYS[weekday(iso)]}, ${d} ${MONTHS[m - 1]} ${y}`;
}

/** Words wrapped to `columns`; a word longer than a line is broken. */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (w.length > columns) {
      if (current) lines.push(current);
      current = '';
      lines.push(w.slice(0, columns));
      w = w.slice(columns);
    }
    if (!current) current = w;
    else if (current.length + 1 + w.length <= columns) current += ' ' + w;
    else {
      lines.push(current);
      current = w;
    }
  }
  if (current) lines.push(current);
  return lines.length ? lines : [''];
}

export function enrolmentReceipt(r: EnrolmentReceiptData, paper: PaperWidthMm): ReceiptBlock[] {
  const cols = RECEIPT_COLUMNS[paper];
  const text = (t: string, opts: Omit<Extract<ReceiptBlock, { kind: 'text' }>, 'kind' | 'text'> = {}): ReceiptBlock[] =>
    wrap(t, opts.size === 2 ? Math.floor(cols / 2) : cols).map((line) => ({ kind: 'text', text: line, ...opts }));
  const field = (caption: string, value: string, bold = false): ReceiptBlock[] => [...text(caption), ...text(value, { bold })];
  const printed = r.printedAt.replace('T', ' ').slice(0, 16);
  return [
    ...text(r.officeName, { align: 'center', bold: true }),
    ...(r.officeAddress ? text(r.officeAddress, { align: 'center' }) : []),
    { kind: 'rule' },
    ...text('TANDA TERIMA PERMOHONAN PASPOR', { align: 'center', bold: true }),
    ...text('Passport application receipt', { align: 'center' }),
    ...(r.reprint ? text('CETAK ULANG / REPRINT', { align: 'center', bold: true }) : []),
    { kind: 'rule' },
    ...field('Nama / Name:', r.applicantName, true),
    ...field('Layanan / Service:', r.service),
    ...field('Tanggal wawancara / Interview:', formatDateId(r.interviewDate)),
    { kind: 'feed', lines: 1 },
    ...text('Kode booking / Booking code', { align: 'center' }),
    ...text(r.bookingCode, { align: 'center', bold: true, size: 2 }),
    { kind: 'feed', lines: 1 },
    { kind: 'qr', data: r.bookingCode },
    { kind: 'feed', lines: 1 },
    { kind: 'code128', data: r.bookingCode },
    { kind: 'rule' },
    ...text('Paspor dapat diambil mulai / Collect from:'),
    ...text(formatDateId(r.collectionDate), { bold: true }),
    ...text('Jam pengambilan / Collection hours:'),
    ...r.collectionHours.flatMap((h) => text(h)),
    { kind: 'feed', lines: 1 },
    ...text('Bawa tanda terima ini saat mengambil paspor. Bring this receipt when you collect the passport.'),
    { kind: 'rule' },
    ...text(`Dicetak / Printed ${printed}`, { align: 'right' }),
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  ];
}

/** A short page for the technician: every kind of block once, and the paper width. */
export function testPage(paper: PaperWidthMm, at: string): ReceiptBlock[] {
  const cols = RECEIPT_COLUMNS[paper];
  return [
    { kind: 'text', text: 'LOKET', align: 'center', bold: true, size: 2 },
    { kind: 'text', text: 'Halaman uji printer struk', align: 'center' },
    { kind: 'text', text: 'Receipt printer test page', align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: `Kertas / Paper: ${paper} mm, ${cols} kolom` },
    { kind: 'text', text: '0123456789'.repeat(Math.ceil(cols / 10)).slice(0, cols) },
    { kind: 'text', text: 'Tebal / Bold', bold: true },
    { kind: 'text', text: 'Kanan / Right', align: 'right' },
    { kind: 'text', text: 'Aksen: José Müller Ñoño €' },
    { kind: 'qr', data: 'LOKET-TEST' },
    { kind: 'feed', lines: 1 },
    { kind: 'code128', data: 'LOKET-TEST' },
    { kind: 'rule' },
    { kind: 'text', text: at.replace('T', ' ').slice(0, 16), align: 'right' },
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  ];
}
