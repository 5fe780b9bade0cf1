// The interview record (BAP, Berita Acara Pemeriksaan) of a lost or damaged passport, as an
// A4 PDF in Indonesian for the applicant's and the officer's signatures. Written with pdfkit
// and the data page's own fonts (DejaVu Sans, embedded as CID fonts with a ToUnicode map),
// so the text is vector, searchable, and prints the same on any station without the
// operating system's fonts. The same input gives the same bytes (fixed dates in the file).
import PDFDocument from 'pdfkit';
import type { Service } from '../../domain/catalog';
import type { BapData } from '../../domain/service-step';
import { loadDataPageFonts, type DataPageFonts } from '../datapage/fonts';

export interface BapFacts {
  service: Service;
  applicant: { fullName: string; nik: string; birthPlace: string; birthDate: string; sex: 'M' | 'F'; bookingCode: string };
  officer: { name: string; nip: string };
  /** The old passport, when its MRZ was read (a damaged book). */
  oldPassport: { number: string; expiryDate: string | null } | null;
  bap: BapData;
  /** The fine from the rules file (0: none), and where the figure comes from. */
  fine: number;
  fineSource: string;
  /** The day the record is made (its local calendar day is printed). */
  at: Date;
  timeZone?: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56.7; // 20 mm

const SERVICE_TITLE: Partial<Record<Service, string>> = {
  replace_lost: 'Penggantian paspor karena hilang',
  replace_damaged: 'Penggantian paspor karena rusak',
  replace_disaster: 'Penggantian paspor yang hilang atau rusak karena bencana alam atau keadaan kahar',
};

const rupiah = (n: number): string => `Rp ${new Intl.NumberFormat('id-ID').format(n)}`;

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export async function composeBap(facts: BapFacts, fonts: DataPageFonts = loadDataPageFonts()): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    // pdfkit takes a parsed fontkit face as well as a file; its typings know only the file.
    font: fonts.sans as unknown as string,
    compress: true,
    pdfVersion: '1.7',
    lang: 'id-ID',
    info: { Title: `Berita Acara Pemeriksaan ${facts.applicant.bookingCode}`, Creator: 'Loket', Producer: 'Loket', CreationDate: facts.at, ModDate: facts.at },
  });
  doc.registerFont('sans', fonts.sans as unknown as string);
  doc.registerFont('sans-bold', fonts.sansBold as unknown as string);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const width = A4[0] - 2 * MARGIN;
  const dayFmt = new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', ...(facts.timeZone ? { timeZone: facts.timeZone } : {}) });
  const a = facts.applicant;
  const b = facts.bap;

  doc.font('sans-bold').fontSize(14).text('BERITA ACARA PEMERIKSAAN', { align: 'center' });
  doc.font('sans').fontSize(10).text(SERVICE_TITLE[facts.service] ?? facts.service, { align: 'center' });
  doc.text(`Nomor: BAP/${a.bookingCode}`, { align: 'center' });
  doc.moveDown(1.2);
  doc.fontSize(10.5).text(
    `Pada hari ini, ${dayFmt.format(facts.at)}, saya ${facts.officer.name}, NIP ${facts.officer.nip}, petugas pemeriksa pada kantor imigrasi ini, telah memeriksa pemohon:`,
    { width, align: 'justify' },
  );
  doc.moveDown(0.6);

  const row = (label: string, value: string): void => {
    const y = doc.y;
    doc.font('sans').text(label, MARGIN, y, { width: 150 });
    const afterLabel = doc.y;
    doc.text(`: ${value}`, MARGIN + 150, y, { width: width - 150 });
    doc.y = Math.max(doc.y, afterLabel);
    doc.x = MARGIN;
  };
  row('Nama', a.fullName);
  row('NIK', a.nik);
  row('Tempat, tanggal lahir', `${a.birthPlace}, ${longDate(a.birthDate)}`);
  row('Jenis kelamin', a.sex === 'F' ? 'Perempuan' : 'Laki-laki');
  row('Kode pemesanan', a.bookingCode);
  if (facts.oldPassport) {
    row('Nomor paspor lama', facts.oldPassport.number);
    if (facts.oldPassport.expiryDate) row('Berlaku sampai', longDate(facts.oldPassport.expiryDate));
  }
  if (facts.service === 'replace_lost' || b.policeReportNumber) {
    row('Laporan kepolisian', `Nomor ${b.policeReportNumber?.trim() || '—'}, tanggal ${b.policeReportDate ? longDate(b.policeReportDate) : '—'}`);
  }

  const section = (title: string, body: string): void => {
    doc.moveDown(0.8);
    doc.font('sans-bold').text(title, MARGIN, doc.y, { width });
    doc.font('sans').text(body.trim() || '—', { width, align: 'left' });
  };
  section('Keterangan pemohon (apa yang terjadi, menurut pemohon):', b.narrative ?? '');
  section('Hasil pemeriksaan petugas:', b.finding ?? '');
  doc.moveDown(0.8);
  row('Keadaan kahar', b.forceMajeure || facts.service === 'replace_disaster' ? 'Ya' : 'Tidak');
  row('Denda administratif', facts.fine > 0 ? rupiah(facts.fine) : 'Tidak dikenakan');
  doc.font('sans').fontSize(8).fillColor('#444').text(`Dasar: ${facts.fineSource}`, MARGIN, doc.y, { width });
  doc.fillColor('black').fontSize(10.5);
  doc.moveDown(1);
  doc.text('Demikian berita acara ini dibuat dengan sebenarnya, dibacakan kepada pemohon, dan ditandatangani oleh pemohon dan petugas pemeriksa.', MARGIN, doc.y, { width, align: 'justify' });

  // The signature boxes stay together: a new page rather than a name without its line.
  if (doc.y + 150 > A4[1] - MARGIN) doc.addPage();
  doc.moveDown(2);
  const top = doc.y;
  const col = width / 2;
  doc.text('Pemohon,', MARGIN, top, { width: col - 20, align: 'center' });
  doc.text('Petugas pemeriksa,', MARGIN + col, top, { width: col - 20, align: 'center' });
  const line = top + 80;
  doc.moveTo(MARGIN + 20, line).lineTo(MARGIN + col - 40, line).lineWidth(0.6).stroke();
  doc.moveTo(MARGIN + col + 20, line).lineTo(MARGIN + 2 * col - 40, line).stroke();
  doc.text(a.fullName, MARGIN, line + 6, { width: col - 20, align: 'center' });
  doc.text(facts.officer.name, MARGIN + col, line + 6, { width: col - 20, align: 'center' });
  doc.text(`NIP ${facts.officer.nip}`, MARGIN + col, doc.y, { width: col - 20, align: 'center' });
  doc.end();
  return bytes;
}
