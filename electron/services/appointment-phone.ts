// Phone numbers from booking exports, in one form: E.164 (+62…). Exports and spreadsheets
// write Indonesian numbers as 08…, 628…, +62 8…, and a spreadsheet that took the column for
// a number drops the leading 0 (81234567890). The 0-less form is read as a national number
// with the 0 restored — and the preview says so, since it is the station's reading, not the
// file's. Whether the digits make a real number (length and prefix per numbering plan) is
// libphonenumber-js's call, with its full metadata.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneReading =
  | { ok: true; e164: string; zeroRestored: boolean }
  | { ok: false };

/** Reads a phone as written in an export; '' stays '' (the column is optional). */
export function normalisePhone(written: string): PhoneReading {
  const compact = written.replace(/[\s().-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false };
  let international: string;
  let zeroRestored = false;
  if (compact.startsWith('+')) international = compact;
  else if (compact.startsWith('62')) international = `+${compact}`;
  else if (compact.startsWith('0')) international = `+62${compact.slice(1)}`;
  else if (compact.startsWith('8')) {
    // 8… is how 08… (a mobile number) looks after a spreadsheet dropped its leading 0.
    international = `+62${compact}`;
    zeroRestored = true;
  } else return { ok: false };
  const parsed = parsePhoneNumberFromString(international);
  if (!parsed || !parsed.isValid()) return { ok: false };
  return { ok: true, e164: parsed.number, zeroRestored };
}
