// Officer-facing sentences for the eSCL document-scanner keys (escl-keys.ts). Indonesian
// formal "Anda" register first; each says what happened and what to do.
export const esclMessages = {
  id: {
    'device.escl.unreachable': 'Pemindai dokumen tidak dapat dihubungi ({{address}}). Pastikan pemindai menyala dan terhubung ke jaringan, lalu coba lagi.',
    'device.escl.vanished': 'Pemindai dokumen terputus saat memindai (setelah {{pages}} halaman). Hasil pindaian dibatalkan; periksa daya dan kabel jaringan, lalu pindai ulang semua halaman.',
    'device.escl.busy': 'Pemindai dokumen sedang sibuk dengan pekerjaan lain. Tunggu sebentar, lalu coba lagi.',
    'device.escl.timeout': 'Pemindai dokumen tidak menjawab tepat waktu. Periksa pemindai, lalu coba lagi.',
    'device.escl.feederEmpty': 'Pengumpan dokumen kosong. Masukkan lembar dokumen ke pengumpan, lalu coba lagi.',
    'device.escl.jammed': 'Kertas tersangkut di pengumpan. Keluarkan kertas yang tersangkut, lalu pindai ulang.',
    'device.escl.coverOpen': 'Penutup pengumpan terbuka. Tutup penutup pengumpan, lalu coba lagi.',
    'device.escl.cancelled': 'Pemindaian dibatalkan. Tidak ada halaman yang disimpan.',
    'device.escl.cancelledAtDevice': 'Pemindaian dihentikan pada pemindai. Tidak ada halaman yang disimpan; pindai ulang bila perlu.',
    'device.escl.noPages': 'Pemindai tidak mengirim halaman apa pun. Pastikan dokumen terletak di kaca pemindai, lalu coba lagi.',
    'device.escl.sourceUnavailable': 'Pemindai ini tidak memiliki sumber "{{source}}". Pilih kaca pemindai atau pengumpan yang tersedia.',
    'device.escl.settingUnsupported': 'Pemindai tidak mendukung pengaturan {{setting}} = {{value}}. Ubah pengaturan pemindaian di menu teknisi.',
    'device.escl.badResponse': 'Perangkat di {{address}} tidak menjawab sebagai pemindai eSCL. Periksa alamat pemindai di pengaturan perangkat.',
  },
  en: {
    'device.escl.unreachable': 'The document scanner cannot be reached ({{address}}). Make sure it is switched on and connected to the network, then try again.',
    'device.escl.vanished': 'The document scanner disconnected while scanning (after {{pages}} pages). The scan was discarded; check power and the network cable, then scan all pages again.',
    'device.escl.busy': 'The document scanner is busy with another job. Wait a moment, then try again.',
    'device.escl.timeout': 'The document scanner did not answer in time. Check the scanner, then try again.',
    'device.escl.feederEmpty': 'The document feeder is empty. Load the sheets into the feeder, then try again.',
    'device.escl.jammed': 'Paper is jammed in the feeder. Remove the jammed sheet, then scan again.',
    'device.escl.coverOpen': 'The feeder cover is open. Close it, then try again.',
    'device.escl.cancelled': 'Scanning was cancelled. No pages were kept.',
    'device.escl.cancelledAtDevice': 'Scanning was stopped at the scanner. No pages were kept; scan again if needed.',
    'device.escl.noPages': 'The scanner sent no pages. Make sure the document lies on the scanner glass, then try again.',
    'device.escl.sourceUnavailable': 'This scanner has no "{{source}}" source. Choose the glass or a feeder it has.',
    'device.escl.settingUnsupported': 'The scanner does not support {{setting}} = {{value}}. Change the scan settings in the technician menu.',
    'device.escl.badResponse': 'The device at {{address}} does not answer as an eSCL scanner. Check the scanner address in the device settings.',
  },
} as const;
