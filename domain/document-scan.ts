// How finely each kind of document must be scanned to be read later by a person at the
// office: the small print of an identity card, a passport page and a signature needs
// 300 dpi; a full A4 certificate or form is legible at 200 dpi. The station scans at the
// scanner's nearest resolution at or above this, so it never asks for one the scanner lacks.
import type { DocumentType } from './catalog';

export const DOCUMENT_MIN_DPI: Record<DocumentType, number> = {
  ktp: 300,
  kk: 200,
  birth_certificate: 200,
  diploma: 200,
  marriage_book: 200,
  old_passport: 300,
  police_report: 200,
  bap_signed: 200,
  application_form: 300,
  other: 200,
};
