import { describe, expect, it } from 'vitest';
import { compareWithBooking } from '../../../../domain/mrz/compare-booking';
import { composeTd3 } from '../../../../domain/mrz/compose-td3';
import { parseMrz } from '../../../../domain/mrz/parse-mrz';
import type { MrzRead } from '../../../../domain/mrz/mrz-types';

function readOf(primary: string, secondary: string, birthDate = '1990-03-15', sex: 'M' | 'F' = 'F'): MrzRead {
  const c = composeTd3({ documentNumber: 'X1234567', primaryIdentifier: primary, secondaryIdentifier: secondary, birthDate, sex, expiryDate: '2034-01-01' });
  if (!c.ok) throw new Error(c.error.key);
  const r = parseMrz(c.lines, { today: new Date('2026-06-01') });
  if (!r.ok) throw new Error(r.error.key);
  return r.read;
}

describe('compareWithBooking', () => {
  it('agrees when name order, case and punctuation differ but the components match', () => {
    const read = readOf('Wijaya', 'Ni Luh Putu');
    expect(compareWithBooking(read, { fullName: 'ni luh putu WIJAYA', birthDate: '1990-03-15', sex: 'F' })).toEqual([]);
  });
  it('lists each disagreement as a question, with both values', () => {
    const read = readOf('Siregar', 'Budi');
    expect(compareWithBooking(read, { fullName: 'Budi Sirregar', birthDate: '1990-03-16', sex: 'M' })).toEqual([
      { field: 'birthDate', key: 'mrz.compare.birthDate', params: { mrz: '1990-03-15', booking: '1990-03-16' } },
      { field: 'sex', key: 'mrz.compare.sex', params: { mrz: 'F', booking: 'M' } },
      { field: 'name', key: 'mrz.compare.name', params: { mrz: 'SIREGAR BUDI', booking: 'Budi Sirregar' } },
    ]);
  });
  it('does not flag a century the MRZ cannot carry (1925 vs 2025)', () => {
    const read = { ...readOf('Siregar', 'Budi'), birthDate: '2025-03-15' };
    expect(compareWithBooking(read, { birthDate: '1925-03-15' })).toEqual([]);
  });
  it('accepts a truncated MRZ name whose components are prefixes of the booked ones', () => {
    const read = readOf('Nilavadhanananda', 'Chayapa Dejthamrong Krasuang');
    expect(compareWithBooking(read, { fullName: 'Chayapa Dejthamrong Krasuang Nilavadhanananda' })).toEqual([]);
    expect(compareWithBooking(read, { fullName: 'Chayapa Dejthamrong Nilavadhanananda' })).toHaveLength(1);
  });
  it('reports fields only present in the booking', () => {
    expect(compareWithBooking(readOf('Sukarno', ''), { fullName: 'Soekarno' })).toHaveLength(1);
    expect(compareWithBooking(readOf('Sukarno', ''), {})).toEqual([]);
  });
});
