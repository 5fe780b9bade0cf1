import { describe, expect, it } from 'vitest';
import { checkNik, parseNik } from '../../../domain/nik';

describe('NIK', () => {
  it('reads region, date of birth and sex (day + 40 for women)', () => {
    expect(parseNik('3171014508900003')).toEqual({ province: 31, regency: 71, district: 1, day: 5, month: 8, yy: 90, sex: 'F' });
    expect(parseNik('3273020512850001')).toMatchObject({ day: 5, month: 12, yy: 85, sex: 'M' });
  });

  it('agrees with the date of birth and sex given with it', () => {
    expect(checkNik('3171014508900003', '1990-08-05', 'F')).toBeNull();
    expect(checkNik('3171014508900003', '1990-08-05', 'M')).toBe('nik_sex_mismatch');
    expect(checkNik('3171014508900003', '1990-08-06', 'F')).toBe('nik_birthdate_mismatch');
    expect(checkNik('3171014508900003', '1991-08-05', 'F')).toBe('nik_birthdate_mismatch');
  });

  it('rejects shapes and regions that cannot exist', () => {
    expect(checkNik('317101450890000', '1990-08-05', 'F')).toBe('nik_format'); // 15 digits
    expect(checkNik('31710145089000a3', '1990-08-05', 'F')).toBe('nik_format');
    expect(checkNik('2071014508900003', '1990-08-05', 'F')).toBe('nik_region'); // no province 20
    expect(checkNik('3100014508900003', '1990-08-05', 'F')).toBe('nik_region'); // regency 00
    expect(checkNik('3171004508900003', '1990-08-05', 'F')).toBe('nik_region'); // district 00
    expect(checkNik('3171017508900003', '1990-08-05', 'F')).toBe('nik_format'); // day 75-40 = 35
    expect(checkNik('3171014513900003', '1990-08-05', 'F')).toBe('nik_format'); // month 13
    expect(checkNik('3171014508900000', '1990-08-05', 'F')).toBe('nik_format'); // serial 0000
    expect(checkNik('9571014508900003', '1990-08-05', 'F')).toBeNull(); // Papua Pegunungan (2022)
  });
});
