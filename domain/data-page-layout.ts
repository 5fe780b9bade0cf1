// Where Loket puts each element of the Indonesian data page, inside the zones ICAO 9303
// Part 4 allows (geometry in data-page-geometry.ts). Part 4 leaves Zones I–V flexible
// (§3.3); this layout follows its Figure 7 template: the portrait column on the left
// (Zone V), two columns of captioned fields on 6.35 mm rows (Zones II and III), the
// holder's signature at the bottom of the visual zone, its lower edge on the MRZ's top
// (Zone IV), and nothing but the two code lines below that (Zone VII).
//
// Captions are printed on the document in Bahasa Indonesia and English (Part 4 note l and
// Part 3's rule for a national language other than English, French or Spanish); they are
// part of the document, not of the screen's language.
import { MRZ_TOP_MM, PAGE } from './data-page-geometry';
import type { BoxMm } from './data-page-geometry';

export type DataPageField =
  | 'type' | 'code' | 'passportNumber' | 'fullName' | 'nationality' | 'birthDate' | 'sex'
  | 'birthPlace' | 'issueDate' | 'expiryDate' | 'issuingOffice';

export interface FieldPlacement {
  field: DataPageField;
  /** ICAO field number (Part 4 Figure 4). */
  icaoField: number;
  captionId: string;
  captionEn: string;
  /** Top-left of the caption; the value sits below it. */
  x: number;
  y: number;
  width: number;
}

/** Row pitch of the field grid: Figure 7's "Z". */
export const ROW_MM = 6.35;
const COL_A = 39.0;
const COL_B = 82.0;
const COL_WIDTH = 41.0;
const FULL_WIDTH = PAGE.widthMm - PAGE.marginMm - COL_A;
const ROW0 = 12.5;
const row = (n: number): number => ROW0 + n * ROW_MM;

export const HEADER = {
  box: { x: PAGE.marginMm, y: PAGE.marginMm, width: PAGE.widthMm - 2 * PAGE.marginMm, height: 9.5 } satisfies BoxMm,
  stateId: 'REPUBLIK INDONESIA',
  stateEn: 'REPUBLIC OF INDONESIA',
  documentId: 'PASPOR',
  documentEn: 'PASSPORT',
  /** The ICAO chip symbol on electronic passports, top right of the header. */
  chipBox: { x: 112.5, y: 3.2, width: 9.0, height: 6.0 } satisfies BoxMm,
} as const;

/** Zone V: 32 × 40 mm, inside Field 19's 26–35 × 32–45 mm, 4 mm from the left edge. */
export const PORTRAIT_BOX: BoxMm = { x: 4.0, y: 12.5, width: 32.0, height: 40.0 };

export const FIELDS: readonly FieldPlacement[] = [
  { field: 'type', icaoField: 3, captionId: 'Jenis', captionEn: 'Type', x: COL_A, y: row(0), width: 12 },
  { field: 'code', icaoField: 4, captionId: 'Kode Negara', captionEn: 'Code of Issuing State', x: 53.0, y: row(0), width: 28 },
  { field: 'passportNumber', icaoField: 5, captionId: 'No. Paspor', captionEn: 'Passport No.', x: COL_B, y: row(0), width: COL_WIDTH },
  { field: 'fullName', icaoField: 6, captionId: 'Nama Lengkap', captionEn: 'Full Name', x: COL_A, y: row(1), width: FULL_WIDTH },
  { field: 'nationality', icaoField: 8, captionId: 'Kewarganegaraan', captionEn: 'Nationality', x: COL_A, y: row(2), width: COL_WIDTH },
  { field: 'birthDate', icaoField: 9, captionId: 'Tanggal Lahir', captionEn: 'Date of Birth', x: COL_B, y: row(2), width: COL_WIDTH },
  { field: 'sex', icaoField: 11, captionId: 'Jenis Kelamin', captionEn: 'Sex', x: COL_A, y: row(3), width: COL_WIDTH },
  { field: 'birthPlace', icaoField: 12, captionId: 'Tempat Lahir', captionEn: 'Place of Birth', x: COL_B, y: row(3), width: COL_WIDTH },
  { field: 'issueDate', icaoField: 14, captionId: 'Tanggal Pengeluaran', captionEn: 'Date of Issue', x: COL_A, y: row(4), width: COL_WIDTH },
  { field: 'expiryDate', icaoField: 16, captionId: 'Tanggal Habis Berlaku', captionEn: 'Date of Expiry', x: COL_B, y: row(4), width: COL_WIDTH },
  { field: 'issuingOffice', icaoField: 15, captionId: 'Kantor yang Mengeluarkan', captionEn: 'Issuing Office', x: COL_A, y: row(5), width: FULL_WIDTH },
];

/** Zone IV: the holder's signature, its lower edge on the top of the MRZ. */
export const SIGNATURE = {
  box: { x: COL_A, y: row(6) + 1.0, width: 50.0, height: MRZ_TOP_MM - 0.8 - (row(6) + 1.0) } satisfies BoxMm,
  captionId: 'Tanda Tangan Pemegang',
  captionEn: "Holder's Signature",
} as const;

/** Type sizes (pt): captions small, values legible at arm's length (Part 3 leaves the choice). */
export const TYPE = {
  headerPt: 9,
  headerSubPt: 6.5,
  captionPt: 4.6,
  valuePt: 7.6,
  /** A caption line's height plus the gap to the value, mm. */
  captionGapMm: 2.1,
} as const;
