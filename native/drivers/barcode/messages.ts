// Officer-facing sentences for the booking-code scanner keys (barcode-keys.ts).
export const barcodeMessages = {
  id: {
    'device.barcode.malformed': 'Pemindai kode pemesanan mengirim data yang tidak dikenali. Pindai ulang kode; jika berulang, periksa mode USB pemindai (HID POS) di menu teknisi.',
    'device.barcode.incomplete': 'Kode pemesanan hanya terbaca sebagian. Pindai ulang kode tersebut.',
    'device.barcode.noTerminator': 'Pemindai kode tidak mengakhiri kode dengan Enter (CR). Atur akhiran CR pada pemindai, atau hubungi teknisi.',
    'device.barcode.unreadable': 'Kode pemesanan yang terbaca rusak. Pindai ulang kode, atau ketik kode pemesanan secara manual.',
  },
  en: {
    'device.barcode.malformed': 'The booking-code scanner sent data it does not recognise. Scan the code again; if it repeats, check the scanner\'s USB mode (HID POS) in the technician menu.',
    'device.barcode.incomplete': 'Only part of the booking code was read. Scan the code again.',
    'device.barcode.noTerminator': 'The code scanner does not end codes with Enter (CR). Set a CR suffix on the scanner, or call the technician.',
    'device.barcode.unreadable': 'The booking code read was damaged. Scan it again, or type the booking code in by hand.',
  },
} as const;
