// Validating the booking system's rows, field by field, with stable issue codes the
// officer sees translated ("Baris 12, NIK: tanggal lahir tidak sesuai").
import { createHash } from 'node:crypto';
import { PASSPORT_TYPES, SERVICES } from '../contract';
import type { ImportIssue } from '../contract-types';
import type { AppointmentFields } from '../../domain/appointment';
import { checkNik } from '../../domain/nik';
import type { Column, FieldIssue, RawRecord } from './appointment-file';
import { parseDate } from '../../domain/dates';
import { normalisePhone } from './appointment-phone';

export interface ValidRow { row: number; fields: AppointmentFields; sourceHash: string }

/** What the station read differently from what the file wrote, for the preview. */
export interface RowNotes {
  /** Rows whose phone lacked its leading 0 (a spreadsheet dropped it) and got it back. */
  phoneZeroRestored: number[];
}

// Spellings seen in exports and typed by hand, mapped to our codes.
const SEX: Record<string, 'M' | 'F'> = { m: 'M', l: 'M', male: 'M', 'laki-laki': 'M', f: 'F', p: 'F', female: 'F', perempuan: 'F' };
const PAYMENT: Record<string, 'paid' | 'unpaid'> = { paid: 'paid', lunas: 'paid', unpaid: 'unpaid', 'belum bayar': 'unpaid', belum: 'unpaid' };
const PASSPORT: Record<string, 'ordinary' | 'electronic'> = { ordinary: 'ordinary', biasa: 'ordinary', electronic: 'electronic', elektronik: 'electronic' };

const SERVICE: Record<string, string> = Object.fromEntries(SERVICES.map((v) => [v, v]));
const PASSPORT_ANY: Record<string, 'ordinary' | 'electronic'> = { ...PASSPORT, ...Object.fromEntries(PASSPORT_TYPES.map((v) => [v, v])) };

const BOOKING_CODE = /^[A-Z0-9][A-Z0-9-]{5,31}$/;
const SLOT = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const BILLING = /^\d{10,20}$/;
/** A number a spreadsheet shortened to scientific notation (3.17101E+15): its digits are gone. */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?E\+?\d+$/i;

/** One row's checks; a class so a 5,000-row file does not build five closures per row. */
class RowCheck {
  readonly issues: ImportIssue[] = [];
  /** Fields already refused while reading the file (a JSON value that is not text). */
  private readonly refused = new Set<Column>();
  constructor(private readonly r: RawRecord, private readonly row: number, private readonly today: string, readIssues: readonly FieldIssue[] = []) {
    for (const x of readIssues) {
      this.issue(x.field, x.code, x.value);
      this.refused.add(x.field);
    }
  }

  get(c: Column): string {
    return this.r[c] ?? '';
  }

  issue(field: Column, code: string, value?: string): void {
    // One sentence per field: a refused JSON value is not also "required" or "wrong format".
    if (this.refused.has(field)) return;
    this.issues.push(value ? { row: this.row, field, code, value: value.slice(0, 60) } : { row: this.row, field, code });
  }

  required(c: Column): boolean {
    if (this.get(c)) return true;
    this.issue(c, 'required');
    return false;
  }

  /** A digits-only column a spreadsheet turned into scientific notation. */
  shortened(c: Column): boolean {
    if (!SCIENTIFIC.test(this.get(c).trim())) return false;
    this.issue(c, 'scientific_notation', this.get(c));
    return true;
  }

  date(c: Column, past: boolean): string {
    if (!this.required(c)) return '';
    const d = parseDate(this.get(c));
    if (d === 'format') { this.issue(c, 'date_format', this.get(c)); return ''; }
    if (d === 'two_digit_year') { this.issue(c, 'date_two_digit_year', this.get(c)); return ''; }
    if (d === 'invalid' || (past && d > this.today)) { this.issue(c, 'date_invalid', this.get(c)); return ''; }
    return d;
  }

  oneOf<T extends string>(c: Column, map: Record<string, T>): T | '' {
    if (!this.required(c)) return '';
    const v = map[this.get(c).toLowerCase()];
    if (!v) this.issue(c, 'enum', this.get(c));
    return v ?? '';
  }
}

/**
 * Validates rows; `firstRow` is the row number of the first record as the officer sees
 * it in a spreadsheet (2 for CSV: the header is row 1; 1 for JSON array items).
 */
export function validateRows(
  records: RawRecord[], firstRow: number, today: string, readIssues: readonly FieldIssue[] = [],
): { valid: ValidRow[]; issues: ImportIssue[]; invalidRows: number; notes: RowNotes } {
  const valid: ValidRow[] = [];
  const issues: ImportIssue[] = [];
  const notes: RowNotes = { phoneZeroRestored: [] };
  const seen = new Map<string, number>();
  const readIssuesOf = new Map<number, FieldIssue[]>();
  for (const x of readIssues) readIssuesOf.set(x.index, [...(readIssuesOf.get(x.index) ?? []), x]);
  let invalidRows = 0;
  for (let i = 0; i < records.length; i++) {
    const row = firstRow + i;
    const c = new RowCheck(records[i]!, row, today, readIssuesOf.get(i));

    const bookingCode = c.get('booking_code').toUpperCase();
    if (c.required('booking_code') && !BOOKING_CODE.test(bookingCode)) c.issue('booking_code', 'booking_code_format', bookingCode);
    if (bookingCode && seen.has(bookingCode)) c.issue('booking_code', 'duplicate_in_file', String(seen.get(bookingCode)));
    else if (bookingCode) seen.set(bookingCode, row);

    const fullName = c.get('full_name').replace(/\s+/g, ' ');
    if (c.required('full_name') && fullName.length > 120) c.issue('full_name', 'too_long');
    const birthPlace = c.get('birth_place').replace(/\s+/g, ' ');
    c.required('birth_place');

    const birthDate = c.date('birth_date', true);
    const appointmentDate = c.date('appointment_date', false);
    const sex = c.oneOf('sex', SEX);
    const service = c.oneOf('service', SERVICE);
    const passportType = c.oneOf('passport_type', PASSPORT_ANY);
    const paymentStatus = c.oneOf('payment_status', PAYMENT);

    const nik = c.get('nik');
    if (c.required('nik') && !c.shortened('nik')) {
      if (birthDate && sex) {
        const problem = checkNik(nik, birthDate, sex);
        if (problem) c.issue('nik', problem, nik);
      } else if (!/^\d{16}$/.test(nik)) c.issue('nik', 'nik_format', nik);
    }

    const timeSlot = c.get('time_slot').replace(/\s/g, '').replace(/[–—]/g, '-').replace(/\./g, ':');
    if (c.required('time_slot') && !SLOT.test(timeSlot)) c.issue('time_slot', 'slot_format', c.get('time_slot'));

    const billingCode = c.get('billing_code').replace(/\s/g, '');
    if (!c.shortened('billing_code') && (billingCode ? !BILLING.test(billingCode) : paymentStatus === 'paid')) c.issue('billing_code', billingCode ? 'billing_code_format' : 'required', billingCode);

    let phone = '';
    let zeroRestored = false;
    if (c.get('phone')) {
      const reading = normalisePhone(c.get('phone'));
      if (reading.ok) ({ e164: phone, zeroRestored } = reading);
      else c.issue('phone', 'phone_format', c.get('phone'));
    }

    if (c.issues.length) {
      invalidRows++;
      for (const x of c.issues) issues.push(x);
      continue;
    }
    const fields: AppointmentFields = {
      bookingCode, nik, fullName, birthPlace, birthDate, sex: sex as 'M' | 'F', service,
      passportType: passportType as 'ordinary' | 'electronic', appointmentDate, timeSlot,
      paymentStatus: paymentStatus as 'paid' | 'unpaid', billingCode, phone,
    };
    valid.push({ row, fields, sourceHash: hashFields(fields) });
    if (zeroRestored) notes.phoneZeroRestored.push(row);
  }
  return { valid, issues, invalidRows, notes };
}

/** A digest of the row's content: equal digests mean importing it again changes nothing. */
export function hashFields(f: AppointmentFields): string {
  const text = [f.bookingCode, f.nik, f.fullName, f.birthPlace, f.birthDate, f.sex, f.service, f.passportType,
    f.appointmentDate, f.timeSlot, f.paymentStatus, f.billingCode, f.phone].join('\u0000');
  return createHash('sha1').update(text).digest('base64url');
}
