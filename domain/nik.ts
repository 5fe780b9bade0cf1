// The Indonesian population number (NIK): 16 digits,
//   PP KK DD  DDMMYY  SSSS
//   province, regency/city, district; date of birth (day + 40 for women); serial.
// We can check its shape and that it agrees with the applicant's date of birth and sex;
// whether it is *issued* only the population registry can say.

/** Province codes in use (Kemendagri), including the Papua provinces formed in 2022. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, // Sumatra, Riau Islands
  31, 32, 33, 34, 35, 36, // Java
  51, 52, 53, // Bali, Nusa Tenggara
  61, 62, 63, 64, 65, // Kalimantan
  71, 72, 73, 74, 75, 76, // Sulawesi
  81, 82, // Maluku
  91, 92, 93, 94, 95, 96, // Papua
]);

export type NikProblem = 'nik_format' | 'nik_region' | 'nik_birthdate_mismatch' | 'nik_sex_mismatch';

export interface NikParts {
  province: number;
  regency: number;
  district: number;
  day: number;
  month: number;
  yy: number;
  sex: 'M' | 'F';
}

export function parseNik(nik: string): NikParts | 'nik_format' | 'nik_region' {
  if (!/^\d{16}$/.test(nik)) return 'nik_format';
  const n = (a: number, b: number) => Number(nik.slice(a, b));
  const province = n(0, 2);
  const regency = n(2, 4);
  const district = n(4, 6);
  if (!PROVINCES.has(province) || regency === 0 || district === 0) return 'nik_region';
  let day = n(6, 8);
  const month = n(8, 10);
  const sex = day > 40 ? 'F' : 'M';
  if (sex === 'F') day -= 40;
  if (day < 1 || day > 31 || month < 1 || month > 12 || n(12, 16) === 0) return 'nik_format';
  return { province, regency, district, day, month, yy: n(10, 12), sex };
}

/** Checks a NIK against the date of birth (YYYY-MM-DD) and sex given with it. */
export function checkNik(nik: string, birthDate: string, sex: 'M' | 'F'): NikProblem | null {
  const p = parseNik(nik);
  if (typeof p === 'string') return p;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  if (p.day !== d || p.month !== m || p.yy !== y % 100) return 'nik_birthdate_mismatch';
  if (p.sex !== sex) return 'nik_sex_mismatch';
  return null;
}
