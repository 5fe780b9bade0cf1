// Validating the booking system's rows, field by field, with stable issue codes the
// officer sees translated ("Baris 12, NIK: tanggal lahir tidak sesuai").
import { createHash } from 'node:crypto';
import { PASSPORT_TYPES, SERVICES } from '../contract';
import type { ImportIssue } from '../contract-types';
import type { AppointmentFields } from './appointment';
import { checkNik } from './nik';
import type { Column, RawRecord } from './appointment-file';
import { parseDate } from './dates';

export interface ValidRow { row: number; fields: AppointmentFields; sourceHash: string }

// Spellings seen in exports and typed by hand, mapped to our codes.
const SEX: Record<string, 'M' | 'F'> = { m: 'M', l: 'M', male: 'M', 'laki-laki': 'M', f: 'F', p: 'F', female: 'F', perempuan: 'F' };
const PAYMENT: Record<string, 'paid' | 'unpaid'> = { paid: 'paid', lunas: 'paid', unpaid: 'unpaid', 'belum bayar': 'unpaid', belum: 'unpaid' };
const PASSPORT: Record<string, 'ordinary' | 'electronic'> = { ordinary: 'ordinary', biasa: 'ordinary', electronic: 'electronic', elektronik: 'electronic' };

const SERVICE: Record<string, string> = Object.fromEntries(SERVICES.map((v) => [v, v]));
const PASSPORT_ANY: Record<string, 'ordinary' | 'electronic'> = { ...PASSPORT, ...Object.fromEntries(PASSPORT_TYPES.map((v) => [v, v])) };

const BOOKING_CODE = /^[A-Z0-9][A-Z0-9-]{5,31}$/;
const SLOT = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const BILLING = /^\d{10,20}$/;
const PHONE = /^\+?\d{8,15}$/;

/**
 * Validates rows; `firstRow` is the row number of the first record as the officer sees
 * it in a spreadsheet (2 for CSV: the header is row 1; 1 for JSON array items).
 */
export function validateRows(records: RawRecord[], firstRow: number, today: string): { valid: ValidRow[]; issues: ImportIssue[]; invalidRows: number } {
  const valid: ValidRow[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  let invalidRows = 0;
  records.forEach((r, i) => {
    const row = firstRow + i;
    const rowIssues: ImportIssue[] = [];
    const issue = (field: Column, code: string, value?: string) => rowIssues.push({ row, field, code, ...(value ? { value: value.slice(0, 60) } : {}) });
    const get = (c: Column) => r[c] ?? '';

    const required = (c: Column) => { if (!get(c)) { issue(c, 'required'); return false; } return true; };

    const bookingCode = get('booking_code').toUpperCase();
    if (required('booking_code') && !BOOKING_CODE.test(bookingCode)) issue('booking_code', 'booking_code_format', bookingCode);
    if (bookingCode && seen.has(bookingCode)) issue('booking_code', 'duplicate_in_file', String(seen.get(bookingCode)));
    else if (bookingCode) seen.set(bookingCode, row);

    const fullName = get('full_name').replace(/\s+/g, ' ');
    if (required('full_name') && fullName.length > 120) issue('full_name', 'too_long');
    const birthPlace = get('birth_place').replace(/\s+/g, ' ');
    required('birth_place');

    const date = (c: Column, opts: { past?: boolean }) => {
      if (!required(c)) return '';
      const d = parseDate(get(c));
      if (d === 'format') { issue(c, 'date_format', get(c)); return ''; }
      if (d === 'invalid' || (opts.past && d > today)) { issue(c, 'date_invalid', get(c)); return ''; }
      return d;
    };
    const birthDate = date('birth_date', { past: true });
    const appointmentDate = date('appointment_date', {});

    const enumOf = <T extends string>(c: Column, map: Record<string, T>): T | '' => {
      if (!required(c)) return '';
      const v = map[get(c).toLowerCase()];
      if (!v) issue(c, 'enum', get(c));
      return v ?? '';
    };
    const sex = enumOf('sex', SEX);
    const service = enumOf('service', SERVICE);
    const passportType = enumOf('passport_type', PASSPORT_ANY);
    const paymentStatus = enumOf('payment_status', PAYMENT);

    const nik = get('nik');
    if (required('nik')) {
      if (birthDate && sex) {
        const problem = checkNik(nik, birthDate, sex);
        if (problem) issue('nik', problem, nik);
      } else if (!/^\d{16}$/.test(nik)) issue('nik', 'nik_format', nik);
    }

    const timeSlot = get('time_slot').replace(/\s/g, '').replace(/[–—]/g, '-').replace(/\./g, ':');
    if (required('time_slot') && !SLOT.test(timeSlot)) issue('time_slot', 'slot_format', get('time_slot'));

    const billingCode = get('billing_code').replace(/\s/g, '');
    if (billingCode ? !BILLING.test(billingCode) : paymentStatus === 'paid') issue('billing_code', billingCode ? 'billing_code_format' : 'required', billingCode);

    const phone = get('phone').replace(/[\s().-]/g, '');
    if (phone && !PHONE.test(phone)) issue('phone', 'phone_format', get('phone'));

    if (rowIssues.length) {
      invalidRows++;
      issues.push(...rowIssues);
      return;
    }
    const fields: AppointmentFields = {
      bookingCode, nik, fullName, birthPlace, birthDate, sex: sex as 'M' | 'F', service,
      passportType: passportType as 'ordinary' | 'electronic', appointmentDate, timeSlot,
      paymentStatus: paymentStatus as 'paid' | 'unpaid', billingCode, phone,
    };
    valid.push({ row, fields, sourceHash: hashFields(fields) });
  });
  return { valid, issues, invalidRows };
}

export function hashFields(f: AppointmentFields): string {
  return createHash('sha256').update(JSON.stringify(Object.values(f))).digest('base64url').slice(0, 22);
}
