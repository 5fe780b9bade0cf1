// A demo day for newcomers and training (`--demo`): a plausible queue of applicants with
// valid NIKs across the day's time slots. Names are invented; no real person's data.
import type { AppointmentFields } from '../../domain/appointment';
import { SERVICES } from '../contract';

const GIVEN = ['Budi', 'Siti', 'Agus', 'Dewi', 'Eko', 'Rina', 'Hendra', 'Wulan', 'Joko', 'Putri', 'Bambang', 'Sri', 'Yusuf', 'Intan', 'Rudi', 'Lestari', 'Made', 'Ketut', 'Fitri', 'Andi'];
const FAMILY = ['Santoso', 'Wijaya', 'Saputra', 'Rahayu', 'Hidayat', 'Kusuma', 'Pratama', 'Nugroho', 'Siregar', 'Lubis', 'Harahap', 'Setiawan', '', ''];
const PLACES = ['Jakarta', 'Bandung', 'Surabaya', 'Medan', 'Denpasar', 'Makassar', 'Yogyakarta', 'Semarang'];
const PROVINCE_OF: Record<string, string> = { Jakarta: '3171', Bandung: '3273', Surabaya: '3578', Medan: '1275', Denpasar: '5171', Makassar: '7371', Yogyakarta: '3471', Semarang: '3374' };

/** Deterministic pseudo-random numbers, so a demo day looks the same every time. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function demoNik(place: string, birthDate: string, sex: 'M' | 'F', serial: number): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'F' ? 40 : 0);
  return `${PROVINCE_OF[place] ?? '3171'}01${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(serial % 9999 + 1).padStart(4, '0')}`;
}

export function demoAppointments(date: string, count: number, seed = 7): AppointmentFields[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: AppointmentFields[] = [];
  for (let i = 0; i < count; i++) {
    const sex = r() < 0.5 ? 'M' : 'F';
    const family = pick(FAMILY);
    const fullName = `${pick(GIVEN)}${family ? ` ${family}` : ''}`.toUpperCase();
    const place = pick(PLACES);
    const birthDate = `${1950 + Math.floor(r() * 60)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const hour = 8 + Math.floor(i / Math.max(1, Math.ceil(count / 8)));
    const slot = `${String(hour).padStart(2, '0')}:00-${String(hour + 1).padStart(2, '0')}:00`;
    const paid = r() < 0.9;
    out.push({
      bookingCode: `${date.replaceAll('-', '').slice(2)}${String(i + 1).padStart(4, '0')}`.replace(/^/, 'BK'),
      nik: demoNik(place, birthDate, sex, i), fullName, birthPlace: place.toUpperCase(), birthDate, sex,
      service: r() < 0.6 ? 'new' : pick(SERVICES.slice(1)), passportType: r() < 0.7 ? 'electronic' : 'ordinary',
      appointmentDate: date, timeSlot: slot, paymentStatus: paid ? 'paid' : 'unpaid',
      billingCode: paid ? String(820000000000000 + i * 7919) : '', phone: `08${String(1200000000 + i * 104729).slice(0, 10)}`,
    });
  }
  return out;
}
