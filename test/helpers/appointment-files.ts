// Builds appointment export files the way the booking system and spreadsheets write them.
import { COLUMNS } from '../../electron/services/appointment-file';
import type { AppointmentFields } from '../../domain/appointment';
import { demoAppointments } from '../../electron/services/demo-day';

export function toRecord(f: AppointmentFields): Record<string, string> {
  return {
    booking_code: f.bookingCode, nik: f.nik, full_name: f.fullName, birth_place: f.birthPlace, birth_date: f.birthDate,
    sex: f.sex, service: f.service, passport_type: f.passportType, appointment_date: f.appointmentDate, time_slot: f.timeSlot,
    payment_status: f.paymentStatus, billing_code: f.billingCode, phone: f.phone,
  };
}

/** CSV as a spreadsheet saves it in Indonesia: BOM, ';' delimiter, CRLF, quoted fields. */
export function toCsv(records: Record<string, string>[], opts: { delimiter?: string; bom?: boolean; eol?: string } = {}): string {
  const d = opts.delimiter ?? ';';
  const eol = opts.eol ?? '\r\n';
  const q = (v: string) => (/[";\r\n,]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [COLUMNS.join(d), ...records.map((r) => COLUMNS.map((c) => q(r[c] ?? '')).join(d))];
  return (opts.bom === false ? '' : '\uFEFF') + lines.join(eol) + eol;
}

export function validRecords(date: string, n: number, seed = 11): Record<string, string>[] {
  return demoAppointments(date, n, seed).map(toRecord);
}
