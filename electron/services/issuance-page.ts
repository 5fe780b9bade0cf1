// What the data page of one application says: the appointment's identity, the name split as
// the old passport's MRZ had it (or the whole name as the primary identifier, as for most
// Indonesian names), the enrolled photo, the book's serial as the passport number, and the
// validity the rules give on the day of printing.
import type { AppointmentRow, MrzReadView } from '../contract-types';
import type { DataPageInput } from '../datapage/compose-data-page';

export interface PageFacts {
  appointment: AppointmentRow;
  oldMrz: MrzReadView | null;
  portrait: Uint8Array;
  serial: string;
  issueDate: string;
  validityYears: 5 | 10;
  issuingOffice: string;
}

/** The same day N years on (29 February becomes 28 February in a common year). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function dataPageInput(f: PageFacts): DataPageInput {
  const a = f.appointment;
  const fromMrz = f.oldMrz?.valid && f.oldMrz.primaryIdentifier ? f.oldMrz : null;
  return {
    passportNumber: f.serial,
    fullName: a.fullName,
    primaryIdentifier: fromMrz ? fromMrz.primaryIdentifier : a.fullName,
    ...(fromMrz?.secondaryIdentifier ? { secondaryIdentifier: fromMrz.secondaryIdentifier } : {}),
    sex: a.sex,
    birthDate: a.birthDate,
    birthPlace: a.birthPlace,
    issueDate: f.issueDate,
    expiryDate: addYears(f.issueDate, f.validityYears),
    issuingOffice: f.issuingOffice,
    electronic: a.passportType === 'electronic',
    portrait: f.portrait,
  };
}
