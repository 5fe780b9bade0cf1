// The identity step's pure rules: a correction is checked with the walk-in's field rules,
// never overwrites the booking, and a NIK that no longer agrees with a corrected birth date
// is a warning (the NIK keeps the birth date it was issued with: DDMMYY, day + 40 for women).
import { describe, expect, it } from 'vitest';
import { checkCorrection, currentIdentity, mrzNamePreview, nikWarning, type Correction, type Identity } from '../../../domain/enrolment-identity';

const booked: Identity = { fullName: 'DEWI LESTARI', birthPlace: 'JAKARTA', birthDate: '1990-08-05', sex: 'F', nik: '3171014508900003' };
const fix = (field: Correction['field'], after: string): Correction => ({ field, before: '', after, reason: 'booking_typo', reasonText: 'KTP', at: '2026-12-07T09:00:00Z', officerId: 'o' });

describe('identity corrections', () => {
  it('apply the latest correction per field and leave the booking as booked', () => {
    const now = currentIdentity(booked, [fix('birthDate', '1990-08-06'), fix('fullName', 'DEWI LESTARI PUTRI'), fix('birthDate', '1990-08-07')]);
    expect(now).toEqual({ ...booked, fullName: 'DEWI LESTARI PUTRI', birthDate: '1990-08-07' });
    expect(booked.birthDate).toBe('1990-08-05');
  });

  it('check the corrected value with the same rules as a walk-in form', () => {
    const today = '2026-12-07';
    expect(checkCorrection('fullName', '  dewi   lestari putri ', booked, today)).toEqual({ ok: true, value: 'DEWI LESTARI PUTRI' });
    expect(checkCorrection('birthDate', '1990-02-30', booked, today)).toEqual({ ok: false, problem: 'date_invalid' });
    expect(checkCorrection('birthDate', '2027-01-01', booked, today)).toEqual({ ok: false, problem: 'future_date' });
    expect(checkCorrection('birthDate', '1990-08-05', booked, today)).toEqual({ ok: false, problem: 'same_value' });
    expect(checkCorrection('birthPlace', 'Jakarta', booked, today)).toEqual({ ok: false, problem: 'same_value' });
    expect(checkCorrection('sex', 'X', booked, today)).toEqual({ ok: false, problem: 'choose' });
    expect(checkCorrection('nik', '317101450890000', booked, today)).toEqual({ ok: false, problem: 'nik' });
    expect(checkCorrection('nik', '2071014508900003', booked, today)).toEqual({ ok: false, problem: 'nik_region' });
    // A NIK that disagrees with the birth date is accepted here: the supervisor is warned.
    expect(checkCorrection('nik', '3171014608900003', booked, today)).toEqual({ ok: true, value: '3171014608900003' });
  });
});

describe('the NIK against a corrected birth date', () => {
  it('agrees as booked: 45 08 90 is 5 August 1990 for a woman (day + 40)', () => {
    expect(nikWarning(booked)).toBeNull();
  });
  it('warns when the birth date is corrected and the NIK keeps the old one', () => {
    expect(nikWarning(currentIdentity(booked, [fix('birthDate', '1990-08-06')]))).toBe('nik_birthdate_mismatch');
    // The same NIK read without the +40 would be the 45th: it is the 5th for a woman only.
    expect(nikWarning({ ...booked, birthDate: '1990-08-05', sex: 'M' })).toBe('nik_sex_mismatch');
    expect(nikWarning({ ...booked, nik: '3171010508900003', sex: 'M' })).toBeNull();
    expect(nikWarning({ ...booked, nik: '3171010508900003', sex: 'F' })).toBe('nik_sex_mismatch');
  });
});

describe('the name as the new passport MRZ renders it', () => {
  it('puts the last word first, fillers between and after (39 characters)', () => {
    const p = mrzNamePreview('Dewi Lestari');
    expect(p).toEqual({ field: 'LESTARI<<DEWI'.padEnd(39, '<'), truncated: false, badChar: null });
    expect(mrzNamePreview('Sukarno').field).toBe('SUKARNO'.padEnd(39, '<'));
  });
  it('truncates a long name after ICAO 9303 Part 3 (given names shortened first, initials kept)', () => {
    const p = mrzNamePreview('Raden Ajeng Kartini Sosroningrat Wulandari Purnamasari Hadiningrat');
    expect(p.truncated).toBe(true);
    expect(p.field).toHaveLength(39);
    expect(p.field.startsWith('HADININGRAT<<RADEN<AJENG<')).toBe(true);
    expect(p.field.at(-1)).toMatch(/[A-Z]/);
  });
  it('names a character the MRZ cannot carry', () => {
    expect(mrzNamePreview('Dewi 李').badChar).toBe('李');
  });
});
