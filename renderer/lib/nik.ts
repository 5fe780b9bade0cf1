// The part of the NIK rules the screen can check while the officer types: the DDMMYY block
// must agree with the date of birth, with 40 added to the day for women. The station checks
// this and the region codes again (and its answer is shown at the NIK field).

export type NikProblem = 'nik_birthdate_mismatch' | 'nik_sex_mismatch';

/** Same order as the station: the date first, then the sex. Null when it cannot tell yet. */
export function nikProblem(nik: string, birthDate: string, sex: string): NikProblem | null {
  if (!/^\d{16}$/.test(nik) || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || (sex !== 'M' && sex !== 'F')) return null;
  const rawDay = Number(nik.slice(6, 8));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const [y, m, d] = birthDate.split('-').map(Number);
  if (day !== d || month !== m || yy !== (y ?? 0) % 100) return 'nik_birthdate_mismatch';
  if ((female ? 'F' : 'M') !== sex) return 'nik_sex_mismatch';
  return null;
}
