// Sentences for every GT-521Fxx NACK error code and driver condition, in the officer's
// language: Bahasa Indonesia (formal, "Anda") and English. Each says what to do next.
// Keys: device.gt521.nack.XXXX (four lower-case hex digits) and device.gt521.<condition>;
// renderer/i18n carries the same sentences.

const id = {
  'device.gt521.nack.1001': 'Pemindai sidik jari kehabisan waktu. Ulangi pengambilan.',
  'device.gt521.nack.1002': 'Kecepatan (baud) yang diminta tidak didukung pemindai. Hubungi teknisi untuk memeriksa pengaturan perangkat.',
  'device.gt521.nack.1003': 'Nomor tempat templat di pemindai di luar jangkauan. Hubungi teknisi.',
  'device.gt521.nack.1004': 'Tempat templat di pemindai masih kosong. Ulangi; bila terus terjadi, hubungi teknisi.',
  'device.gt521.nack.1005': 'Tempat templat di pemindai sudah terisi. Hubungi teknisi.',
  'device.gt521.nack.1006': 'Pemindai tidak menerima data dengan benar. Ulangi; bila terus terjadi, periksa kabel pemindai.',
  'device.gt521.nack.1007': 'Sidik jari tidak cocok. Ulangi pengambilan jari yang sama.',
  'device.gt521.nack.1008': 'Sidik jari tidak ditemukan di pustaka pemindai. Ulangi, atau lanjutkan tanpa pencocokan.',
  'device.gt521.nack.1009': 'Pustaka sidik jari pemindai penuh. Hubungi teknisi.',
  'device.gt521.nack.100a': 'Pustaka sidik jari pemindai kosong.',
  'device.gt521.nack.100b': 'Urutan perekaman di pemindai salah. Ulangi perekaman jari ini dari awal.',
  'device.gt521.nack.100c': 'Gambar sidik jari terlalu buruk. Minta pemohon membersihkan jari dan menekan merata, lalu ulangi.',
  'device.gt521.nack.100d': 'Perekaman sidik jari gagal. Ulangi perekaman jari ini dari awal.',
  'device.gt521.nack.100e': 'Pemindai tidak mendukung perintah ini. Hubungi teknisi.',
  'device.gt521.nack.100f': 'Pemindai mengalami kesalahan perangkat. Hubungi teknisi.',
  'device.gt521.nack.1010': 'Pengambilan sidik jari dibatalkan oleh pemindai. Ulangi pengambilan.',
  'device.gt521.nack.1011': 'Pemindai menolak nilai perintah. Ulangi; bila terus terjadi, hubungi teknisi.',
  'device.gt521.nack.1012': 'Jari terangkat sebelum gambar diambil. Minta pemohon menahan jari di sensor, lalu ulangi.',
  'device.gt521.nack.unknown': 'Pemindai membalas dengan kode {{code}} yang tidak dikenal. Ulangi; bila terus terjadi, hubungi teknisi.',
  'device.gt521.duplicate': 'Sidik jari ini sudah tersimpan di pemindai (tempat {{id}}).',
  'device.gt521.place_finger': 'Letakkan jari di sensor ({{seconds}} detik lagi).',
  'device.gt521.no_finger': 'Tidak ada jari yang terdeteksi dalam {{seconds}} detik. Letakkan jari pemohon di sensor, lalu coba lagi.',
  'device.gt521.bad_checksum': 'Data dari pemindai rusak di jalan. Ulangi; bila terus terjadi, periksa kabel pemindai.',
  'device.gt521.unexpected_packet': 'Pemindai membalas tidak sesuai urutan. Ulangi; bila terus terjadi, sambungkan ulang pemindai.',
  'device.gt521.image_incomplete': 'Gambar sidik jari tidak diterima utuh. Ulangi pengambilan.',
  'device.gt521.not_gt521': 'Perangkat di port ini tidak menjawab sebagai pemindai sidik jari GT-521. Periksa port dan kecepatan (baud) di pengaturan.',
} as const;

const en: Record<keyof typeof id, string> = {
  'device.gt521.nack.1001': 'The fingerprint reader timed out. Capture again.',
  'device.gt521.nack.1002': 'The reader does not support the requested speed (baud). Ask a technician to check the device settings.',
  'device.gt521.nack.1003': 'The template slot number in the reader is out of range. Call a technician.',
  'device.gt521.nack.1004': 'The template slot in the reader is empty. Try again; if it keeps happening, call a technician.',
  'device.gt521.nack.1005': 'The template slot in the reader is already in use. Call a technician.',
  'device.gt521.nack.1006': 'The reader did not receive the data correctly. Try again; if it keeps happening, check the reader cable.',
  'device.gt521.nack.1007': 'The fingerprints do not match. Capture the same finger again.',
  'device.gt521.nack.1008': 'The fingerprint was not found in the reader library. Try again, or continue without matching.',
  'device.gt521.nack.1009': 'The reader fingerprint library is full. Call a technician.',
  'device.gt521.nack.100a': 'The reader fingerprint library is empty.',
  'device.gt521.nack.100b': 'The reader got the enrolment steps out of order. Enrol this finger again from the start.',
  'device.gt521.nack.100c': 'The fingerprint image is too poor. Ask the applicant to clean the finger and press evenly, then try again.',
  'device.gt521.nack.100d': 'The fingerprint enrolment failed. Enrol this finger again from the start.',
  'device.gt521.nack.100e': 'The reader does not support this command. Call a technician.',
  'device.gt521.nack.100f': 'The reader has a device fault. Call a technician.',
  'device.gt521.nack.1010': 'The reader cancelled the capture. Capture again.',
  'device.gt521.nack.1011': 'The reader refused a command value. Try again; if it keeps happening, call a technician.',
  'device.gt521.nack.1012': 'The finger was lifted before the image was taken. Ask the applicant to keep the finger on the sensor, then try again.',
  'device.gt521.nack.unknown': 'The reader answered with unknown code {{code}}. Try again; if it keeps happening, call a technician.',
  'device.gt521.duplicate': 'This fingerprint is already stored in the reader (slot {{id}}).',
  'device.gt521.place_finger': 'Place the finger on the sensor ({{seconds}} s left).',
  'device.gt521.no_finger': 'No finger detected within {{seconds}} s. Ask the applicant to place the finger on the sensor, then try again.',
  'device.gt521.bad_checksum': 'Data from the reader was damaged on the way. Try again; if it keeps happening, check the reader cable.',
  'device.gt521.unexpected_packet': 'The reader answered out of order. Try again; if it keeps happening, reconnect the reader.',
  'device.gt521.image_incomplete': 'The fingerprint image did not arrive complete. Capture again.',
  'device.gt521.not_gt521': 'The device on this port does not answer as a GT-521 fingerprint reader. Check the port and speed (baud) in the settings.',
};

export const gt521Messages = { id, en };

/** The translation key for a NACK parameter; a parameter below the capacity names a duplicate. */
export function nackKey(parameter: number, capacity: number): { key: string; params?: Record<string, string | number> } {
  if (parameter < capacity) return { key: 'device.gt521.duplicate', params: { id: parameter } };
  const hex = parameter.toString(16).padStart(4, '0');
  const key = `device.gt521.nack.${hex}`;
  return key in id ? { key } : { key: 'device.gt521.nack.unknown', params: { code: `0x${hex}` } };
}
