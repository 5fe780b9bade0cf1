// Phone numbers from booking exports, in one form: E.164 (+62…). Exports and spreadsheets
// write Indonesian numbers as 08…, 628…, +62 8…, and a spreadsheet that took the column for
// a number drops the leading 0 (81234567890). The 0-less form is read as a national number
// with the 0 restored — and the preview says so, since it is the station's reading, not the
// file's. Whether the digits make a real number (length and prefix per numbering plan) is
// libphonenumber-js's call, with its full metadata.
//
// That metadata is a fifth of the station's code and ~30 ms of its start, for a check only
// an import makes: it is loaded when an import first needs it (loadPhoneRules), not when the
// station starts (measured in `npm run bench`, cold-start).
import type { parsePhoneNumberFromString as ParsePhone } from 'libphonenumber-js/max';

let parsePhone: typeof ParsePhone | null = null;
let loading: Promise<void> | null = null;

/** Loads the numbering plans once; normalisePhone needs them. */
export function loadPhoneRules(): Promise<void> {
  loading ??= import('libphonenumber-js/max').then((m) => { parsePhone = m.parsePhoneNumberFromString; });
  return loading;
}

export type PhoneReading =
  | { ok: true; e164: string; zeroRestored: boolean }
  | { ok: false };

/** Reads a phone as written in an export; '' stays '' (the column is optional). Needs loadPhoneRules() first. */
export function normalisePhone(written: string): PhoneReading {
  if (!parsePhone) throw new Error('normalisePhone: the numbering plans are not loaded yet (await loadPhoneRules() first)');
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
  const parsed = parsePhone(international);
  if (!parsed || !parsed.isValid()) return { ok: false };
  return { ok: true, e164: parsed.number, zeroRestored };
}
