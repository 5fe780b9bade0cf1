// The shared field rules: the contract and the screens both use these, so what they refuse
// is what every caller sees.
import { describe, expect, it } from 'vitest';
import { isoDateField, priorityFlagsField, walkInInput } from '../../../domain/fields';

const walkIn = {
  nik: '3171011203850001', fullName: 'Budi Santoso', birthPlace: 'Jakarta', birthDate: '1985-03-12',
  sex: 'M', service: 'new', passportType: 'ordinary', phone: '', priority: [],
};

describe('shared field rules', () => {
  it('refuses dates that do not exist, not only badly shaped ones', () => {
    expect(isoDateField.safeParse('2024-02-29').success).toBe(true);
    for (const bad of ['9999-99-99', '2023-02-29', '2026-13-01', '2026-04-31', '2026-4-1']) {
      expect(isoDateField.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('refuses a priority flag given twice', () => {
    expect(priorityFlagsField.safeParse(['elderly', 'disabled']).success).toBe(true);
    const twice = priorityFlagsField.safeParse(['elderly', 'elderly']);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('duplicate');
  });

  it('judges a walk-in NIK against the birth date and sex, at the NIK field', () => {
    expect(walkInInput.safeParse(walkIn).success).toBe(true);
    const wrongYear = walkInInput.safeParse({ ...walkIn, birthDate: '1986-03-12' });
    expect(wrongYear.error?.issues[0]).toMatchObject({ path: ['nik'], message: 'nik_birthdate_mismatch' });
    const wrongSex = walkInInput.safeParse({ ...walkIn, sex: 'F' });
    expect(wrongSex.error?.issues[0]).toMatchObject({ path: ['nik'], message: 'nik_sex_mismatch' });
    const unchosen = walkInInput.safeParse({ ...walkIn, sex: '' });
    expect(unchosen.error?.issues[0]).toMatchObject({ path: ['sex'], message: 'choose' });
  });
});
