// Compares an MRZ read with what the applicant booked online. A disagreement is a question
// for the officer ("the book says F, the booking says M — which is right?"), never an
// automatic overwrite: the booking may hold a typo, the book may be someone else's.
import type { MrzRead } from './mrz-types';
import { TD3_NAME_WIDTH } from './mrz-name-field';
import { transliterateName } from './transliterate';

export interface BookingIdentity {
  /** ISO YYYY-MM-DD. */
  birthDate?: string;
  sex?: 'M' | 'F' | 'X';
  /** The full name as booked (one field in our booking system; order of names varies). */
  fullName?: string;
}

export type BookingField = 'birthDate' | 'sex' | 'name';

export interface BookingDisagreement {
  field: BookingField;
  /** Translation key: mrz.compare.birthDate / .sex / .name */
  key: string;
  params: { mrz: string; booking: string };
}

type MrzSide = Pick<MrzRead, 'birthDate' | 'sex' | 'primaryIdentifier' | 'secondaryIdentifier' | 'lines' | 'format'>;

export function compareWithBooking(read: MrzSide, booking: BookingIdentity): BookingDisagreement[] {
  const out: BookingDisagreement[] = [];
  const add = (field: BookingField, mrz: string, bookingValue: string): void => {
    out.push({ field, key: `mrz.compare.${field}`, params: { mrz, booking: bookingValue } });
  };

  // The MRZ carries no century: 1925 and 2025 are the same YYMMDD, so compare what it holds.
  if (booking.birthDate && read.birthDate && booking.birthDate.slice(2) !== read.birthDate.slice(2)) {
    add('birthDate', read.birthDate, booking.birthDate);
  } else if (booking.birthDate && !read.birthDate) {
    add('birthDate', '', booking.birthDate);
  }

  if (booking.sex && booking.sex !== read.sex) add('sex', read.sex, booking.sex);

  if (booking.fullName !== undefined) {
    const mrzTokens = [read.primaryIdentifier, read.secondaryIdentifier].join(' ').split(' ').filter(Boolean);
    const bookingNorm = transliterateName(booking.fullName);
    const bookingTokens = bookingNorm.ok ? bookingNorm.components : [];
    if (!namesAgree(mrzTokens, bookingTokens, mayBeTruncated(read))) {
      add('name', mrzTokens.join(' '), booking.fullName);
    }
  }
  return out;
}

/** Same name components in any order; a truncated MRZ name may hold prefixes of them. */
function namesAgree(mrz: string[], booking: string[], truncated: boolean): boolean {
  if (booking.length === 0 || mrz.length !== booking.length) return false;
  const left = [...booking];
  // Longest MRZ components first, so a short prefix does not steal a longer one's match.
  for (const token of [...mrz].sort((a, b) => b.length - a.length)) {
    let i = left.indexOf(token);
    if (i < 0 && truncated) i = left.findIndex((b) => b.startsWith(token));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/** A TD3 name field filled to its last position with a letter may have been truncated. */
function mayBeTruncated(read: MrzSide): boolean {
  if (read.format !== 'TD3') return false;
  const field = (read.lines[0] ?? '').slice(5, 5 + TD3_NAME_WIDTH);
  return field.length === TD3_NAME_WIDTH && field.endsWith('<') === false;
}
