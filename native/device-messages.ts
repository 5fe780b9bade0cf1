// Sentences for conditions every device shares (native/result.ts DEVICE_KEYS and the
// manager's status messages), in Bahasa Indonesia (formal) and English.

const id = {
  'device.timeout': 'Perangkat tidak menjawab. Periksa apakah perangkat menyala dan kabelnya terpasang, lalu coba lagi.',
  'device.disconnected': 'Perangkat terputus. Pasang kembali kabelnya; sistem akan menyambung ulang otomatis.',
  'device.busy': 'Perangkat sedang bekerja. Tunggu sampai proses sebelumnya selesai.',
  'device.cancelled': 'Proses dibatalkan.',
  'device.protocol_error': 'Perangkat mengirim data yang tidak dapat dibaca. Coba lagi; bila terus terjadi, hubungi teknisi.',
  'device.io_error': 'Port perangkat tidak dapat dibuka: {{detail}}. Periksa kabel dan pengaturan port.',
  'device.connecting': 'Menyambungkan ke perangkat…',
  'device.reconnecting': 'Menyambung ulang dalam {{seconds}} detik…',
  'device.ready': 'Perangkat siap.',
  'device.unknown_driver': 'Driver "{{driver}}" tidak dikenal. Hubungi teknisi untuk memeriksa pengaturan perangkat.',
  'device.port_not_found': 'Perangkat USB {{usb}} tidak ditemukan. Pasang kabelnya, atau periksa pengaturan port.',
  'device.fingerprint.template_format': 'Templat sidik jari berformat {{format}} tidak dapat dicocokkan dengan pemindai {{reader}} ini. Gunakan pemindai dari keluarga yang sama dengan saat perekaman.',
} as const;

const en: Record<keyof typeof id, string> = {
  'device.timeout': 'The device did not answer. Check that it is powered and its cable is plugged in, then try again.',
  'device.disconnected': 'The device is disconnected. Plug its cable back in; the station reconnects by itself.',
  'device.busy': 'The device is busy. Wait until the previous step has finished.',
  'device.cancelled': 'Cancelled.',
  'device.protocol_error': 'The device sent data that cannot be read. Try again; if it keeps happening, call a technician.',
  'device.io_error': 'The device port cannot be opened: {{detail}}. Check the cable and the port settings.',
  'device.connecting': 'Connecting to the device…',
  'device.reconnecting': 'Reconnecting in {{seconds}} s…',
  'device.ready': 'The device is ready.',
  'device.unknown_driver': 'Unknown driver "{{driver}}". Ask a technician to check the device settings.',
  'device.port_not_found': 'USB device {{usb}} not found. Plug in its cable, or check the port settings.',
  'device.fingerprint.template_format': 'A {{format}} fingerprint template cannot be matched on this {{reader}} reader. Use a reader of the same family as the one used at enrolment.',
};

export const deviceMessages = { id, en };
