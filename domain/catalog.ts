// The fixed lists every layer shares: roles, application statuses, services, passport types,
// priority flags, languages, fingers and document types. The contract, the screens and the
// device layer import these at run time, so a list exists once.

// `head`: the head of office (kepala kantor) — reads the day's numbers, the stock and the
// audit; changes nothing.
export const ROLES = ['counter', 'supervisor', 'print', 'technician', 'admin', 'head'] as const;
export type Role = (typeof ROLES)[number];

export const STATUSES = [
  'booked', 'checked_in', 'in_enrolment', 'awaiting_approval', 'returned', 'approved',
  'printing', 'printed', 'issued', 'dispatched', 'cancelled',
] as const;
export type AppointmentStatus = (typeof STATUSES)[number];

export const NEW_SERVICE = 'new' as const;
export const REPLACEMENT_SERVICES = [
  'replace_expired', 'replace_full', 'replace_lost', 'replace_damaged', 'replace_disaster',
] as const;
export const SERVICES = [NEW_SERVICE, ...REPLACEMENT_SERVICES] as const;
export type Service = (typeof SERVICES)[number];

export const PASSPORT_TYPES = ['ordinary', 'electronic'] as const;
export type PassportType = (typeof PASSPORT_TYPES)[number];

export const PRIORITY_FLAGS = ['elderly', 'child', 'disabled'] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number];

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const FINGERS = [
  'right_thumb', 'right_index', 'right_middle', 'right_ring', 'right_little',
  'left_thumb', 'left_index', 'left_middle', 'left_ring', 'left_little',
] as const;
export type Finger = (typeof FINGERS)[number];

/** What a scanned page is. `bap_signed` is the interview record signed by the applicant and
 *  the officer, scanned back; `application_form` the signed form (its signature can be cropped). */
export const DOCUMENT_TYPES = [
  'ktp', 'kk', 'birth_certificate', 'diploma', 'marriage_book', 'old_passport', 'police_report',
  'bap_signed', 'application_form', 'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function hasAnyRole(have: readonly Role[], want: readonly Role[]): boolean {
  return want.some((r) => have.includes(r));
}
