import { beforeAll, describe, expect, it } from 'vitest';
import { readAppointmentFile } from '../../../electron/services/appointment-file';
import { validateRows } from '../../../electron/services/appointment-rows';
import { loadPhoneRules } from '../../../electron/services/appointment-phone';
import { toCsv, validRecords } from '../../helpers/appointment-files';

const DAY = '2026-11-23';
// Rows are checked with the phone numbering plans, which load on first need.
beforeAll(() => loadPhoneRules());

describe('reading export files', () => {
  it.each([
    ['; with BOM and CRLF', { delimiter: ';' }],
    [', without BOM, LF', { delimiter: ',', bom: false, eol: '\n' }],
    ['tab-separated', { delimiter: '\t' }],
  ])('reads CSV %s', (_name, opts) => {
    const rows = validRecords(DAY, 5);
    const r = readAppointmentFile('x.csv', toCsv(rows, opts));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.records.map((x) => x.booking_code)).toEqual(rows.map((x) => x.booking_code));
  });

  it('accepts headers in other cases and spacing, and optional columns left out', () => {
    const csv = 'Booking Code;NIK;Full Name;Birth Place;Birth Date;Sex;Service;Passport Type;Appointment Date;Time Slot;Payment Status\r\n' +
      'BK26112301;3171014508900003;"Dewi Lestari";Jakarta;05/08/1990;P;new;biasa;2026-11-23;08.00-09.00;belum bayar\r\n';
    const r = readAppointmentFile('x.csv', csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = validateRows(r.records, 2, DAY);
    expect(v.issues).toEqual([]);
    expect(v.valid[0]!.fields).toMatchObject({ birthDate: '1990-08-05', sex: 'F', passportType: 'ordinary', timeSlot: '08:00-09:00', paymentStatus: 'unpaid', phone: '' });
  });

  it('names missing columns, and refuses what is not a list', () => {
    expect(readAppointmentFile('x.csv', 'booking_code;nik\r\nA;B\r\n')).toMatchObject({ ok: false, code: 'missing_columns' });
    expect(readAppointmentFile('x.json', '{"a":1}')).toMatchObject({ ok: false, code: 'not_a_list' });
    expect(readAppointmentFile('x.json', '[]')).toMatchObject({ ok: false, code: 'file_empty' });
    expect(readAppointmentFile('x.csv', '\uFEFF  \r\n')).toMatchObject({ ok: false, code: 'file_empty' });
  });
});

describe('validating rows', () => {
  it('reports every problem of a row, with spreadsheet row numbers', () => {
    const rows = validRecords(DAY, 3);
    Object.assign(rows[1]!, { booking_code: 'x', time_slot: '8-9', payment_status: 'paid', billing_code: '', phone: 'abc', appointment_date: '23-13-2026', full_name: '' });
    rows[2]!.booking_code = rows[0]!.booking_code!;
    const v = validateRows(rows, 2, DAY);
    const codes = v.issues.filter((i) => i.row === 3).map((i) => `${i.field}:${i.code}`);
    expect(codes).toEqual(expect.arrayContaining([
      'booking_code:booking_code_format', 'time_slot:slot_format', 'billing_code:required', 'phone:phone_format',
      'appointment_date:date_invalid', 'full_name:required',
    ]));
    expect(v.issues).toContainEqual(expect.objectContaining({ row: 4, field: 'booking_code', code: 'duplicate_in_file' }));
    expect(v.valid.map((x) => x.row)).toEqual([2]);
    expect(v.invalidRows).toBe(2);
  });

  it('refuses a birth date in the future', () => {
    const rows = validRecords(DAY, 1);
    rows[0]!.birth_date = '2030-01-01';
    expect(validateRows(rows, 2, DAY).issues).toContainEqual(expect.objectContaining({ field: 'birth_date', code: 'date_invalid' }));
  });
});
