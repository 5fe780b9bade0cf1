// The second receipt: printed when the passport leaves the office, at the counter or by
// post, for the applicant (or their representative) to keep. Bilingual, like the first.
// It carries who took the book and how they were recognised, never the NIK of anyone.
import { RECEIPT_COLUMNS, formatDateId, wrap, type PaperWidthMm, type ReceiptBlock } from './receipt-layout';

export interface HandoverReceiptData {
  officeName: string;
  applicantName: string;
  bookingCode: string;
  /** The book's number, where the print queue recorded it. */
  passportNumber?: string;
  kind: 'counter' | 'post';
  /** Who took the passport: the applicant, or the representative's name. */
  collectedBy: string;
  representative: boolean;
  verifiedBy: 'finger' | 'override' | 'letter' | null;
  /** By post: the courier and its tracking number, and the date it was sent. */
  courier?: string;
  trackingNumber?: string;
  dispatchDate?: string;
  officerName: string;
  /** Local time, "YYYY-MM-DDTHH:MM". */
  at: string;
}

const VERIFIED: Record<NonNullable<HandoverReceiptData['verifiedBy']>, string> = {
  finger: 'sidik jari / fingerprint',
  override: 'persetujuan penyelia / supervisor',
  letter: 'surat kuasa / letter of authorisation',
};

export function handoverReceipt(r: HandoverReceiptData, paper: PaperWidthMm): ReceiptBlock[] {
  const cols = RECEIPT_COLUMNS[paper];
  const text = (t: string, opts: Omit<Extract<ReceiptBlock, { kind: 'text' }>, 'kind' | 'text'> = {}): ReceiptBlock[] =>
    wrap(t, cols).map((line) => ({ kind: 'text', text: line, ...opts }));
  const field = (caption: string, value: string, bold = false): ReceiptBlock[] => [...text(caption), ...text(value, { bold })];
  const post = r.kind === 'post';
  return [
    ...text(r.officeName, { align: 'center', bold: true }),
    { kind: 'rule' },
    ...text(post ? 'BUKTI PENGIRIMAN PASPOR' : 'BUKTI PENYERAHAN PASPOR', { align: 'center', bold: true }),
    ...text(post ? 'Passport dispatch receipt' : 'Passport handover receipt', { align: 'center' }),
    { kind: 'rule' },
    ...field('Nama / Name:', r.applicantName, true),
    ...field('Kode booking / Booking code:', r.bookingCode),
    ...(r.passportNumber ? field('Nomor paspor / Passport no.:', r.passportNumber) : []),
    ...(post
      ? [
        ...field('Kurir / Courier:', r.courier ?? ''),
        ...field('Nomor resi / Tracking no.:', r.trackingNumber ?? '', true),
        ...(r.dispatchDate ? field('Tanggal kirim / Sent on:', formatDateId(r.dispatchDate)) : []),
      ]
      : [
        ...field('Diterima oleh / Collected by:', r.representative ? `${r.collectedBy} (kuasa / representative)` : r.collectedBy),
        ...(r.verifiedBy ? field('Verifikasi / Verified by:', VERIFIED[r.verifiedBy]) : []),
      ]),
    ...field('Petugas / Officer:', r.officerName),
    { kind: 'rule' },
    ...text(`${post ? 'Dikirim' : 'Diserahkan'} / ${post ? 'Sent' : 'Handed over'} ${r.at.replace('T', ' ').slice(0, 16)}`, { align: 'right' }),
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  ];
}
