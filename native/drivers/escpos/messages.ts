// Sentences for the ESC/POS receipt printer keys (escpos-keys.ts), Bahasa Indonesia
// (formal) and English: what happened and what to do. The renderer carries the same
// sentences under device.escpos (a unit test keeps the two in step).
export const escposMessages = {
  id: {
    'device.escpos.paperOut': 'Printer struk: kertas habis. Pasang gulungan kertas baru, tutup penutupnya, lalu cetak ulang.',
    'device.escpos.coverOpen': 'Printer struk: penutup terbuka. Tutup penutup printer, lalu cetak ulang.',
    'device.escpos.error': 'Printer struk berhenti karena galat (pemotong kertas atau kepala cetak). Matikan dan nyalakan printer, lalu cetak ulang.',
    'device.escpos.offline': 'Printer struk sedang luring (offline). Pastikan printer menyala dan siap, lalu cetak ulang.',
    'device.escpos.paperNearEnd': 'Printer struk: kertas hampir habis. Siapkan gulungan kertas baru.',
    'device.escpos.ready': 'Printer struk siap.',
    'device.escpos.noStatus': 'Sambungan ini ({{address}}) tidak melaporkan status printer. Struk tetap dikirim; periksa hasil cetaknya.',
    'device.escpos.notReceiptPrinter': 'Perangkat di {{address}} tidak menjawab sebagai printer struk ESC/POS. Periksa port dan kecepatan baud.',
    'device.escpos.printed': 'Struk tercetak.',
  },
  en: {
    'device.escpos.paperOut': 'Receipt printer: out of paper. Load a new paper roll, close the cover, then reprint.',
    'device.escpos.coverOpen': 'Receipt printer: the cover is open. Close the printer cover, then reprint.',
    'device.escpos.error': 'The receipt printer stopped with an error (paper cutter or print head). Switch the printer off and on, then reprint.',
    'device.escpos.offline': 'The receipt printer is offline. Make sure it is switched on and ready, then reprint.',
    'device.escpos.paperNearEnd': 'Receipt printer: the paper is nearly out. Have a new paper roll ready.',
    'device.escpos.ready': 'The receipt printer is ready.',
    'device.escpos.noStatus': 'This connection ({{address}}) does not report the printer\'s status. The receipt was sent; check the printout.',
    'device.escpos.notReceiptPrinter': 'The device at {{address}} does not answer as an ESC/POS receipt printer. Check the port and the baud rate.',
    'device.escpos.printed': 'Receipt printed.',
  },
} as const;
