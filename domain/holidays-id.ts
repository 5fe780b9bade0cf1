// Indonesia's national holidays (hari libur nasional) and collective leave days (cuti
// bersama), as the government fixes them each year by a joint decree of three ministers
// (SKB 3 Menteri). Data, not rules: add a year when its decree is published; an office
// adds its own closures (a regional holiday) in its configuration.

export interface Holiday {
  /** ISO date. */
  date: string;
  name: string;
  /** National holiday, or a collective leave day on which government offices close too. */
  kind: 'national' | 'collective_leave';
}

/**
 * 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497, 2 dan 5
 * Tahun 2025 — 17 national holidays and 8 collective leave days.
 */
export const HOLIDAYS_ID_2026: readonly Holiday[] = [
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'national' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'national' },
  { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek', kind: 'collective_leave' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'national' },
  { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi', kind: 'collective_leave' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'national' },
  { date: '2026-03-20', name: 'Cuti bersama Idul Fitri', kind: 'collective_leave' },
  { date: '2026-03-21', name: 'Idul Fitri 1447 H', kind: 'national' },
  { date: '2026-03-22', name: 'Idul Fitri 1447 H', kind: 'national' },
  { date: '2026-03-23', name: 'Cuti bersama Idul Fitri', kind: 'collective_leave' },
  { date: '2026-03-24', name: 'Cuti bersama Idul Fitri', kind: 'collective_leave' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'national' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'national' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'national' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'national' },
  { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'collective_leave' },
  { date: '2026-05-27', name: 'Idul Adha 1447 H', kind: 'national' },
  { date: '2026-05-28', name: 'Cuti bersama Idul Adha', kind: 'collective_leave' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'national' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'national' },
  { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 H', kind: 'national' },
  { date: '2026-08-17', name: 'Proklamasi Kemerdekaan Republik Indonesia', kind: 'national' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'national' },
  { date: '2026-12-24', name: 'Cuti bersama Kelahiran Yesus Kristus', kind: 'collective_leave' },
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'national' },
];

/** Every year we carry, in date order. */
export const HOLIDAYS_ID: readonly Holiday[] = [...HOLIDAYS_ID_2026];
