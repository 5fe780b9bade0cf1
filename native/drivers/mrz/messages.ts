// Officer-facing sentences for the MRZ reader driver's own keys (mrz-reader-keys.ts). The
// line-shape keys it shares with the MRZ domain (mrz.lineTooShort, mrz.lineTooLong,
// mrz.badCharacter) are worded in domain/mrz/messages.ts.
export const mrzReaderMessages = {
  id: {
    'device.mrz.incomplete': 'Pembaca MRZ hanya mengirim {{found}} dari {{expected}} baris. Geser dokumen sepenuhnya melewati pembaca, lalu pindai ulang.',
    'device.mrz.garbage': 'Pembaca MRZ mengirim data yang tidak terbaca. Pindai ulang; jika berulang, periksa kecepatan port (baud) pembaca di menu teknisi.',
    'device.mrz.frameCorrupt': 'Data dari pembaca MRZ rusak dalam pengiriman. Pindai ulang dokumen; jika berulang, periksa kabel pembaca.',
  },
  en: {
    'device.mrz.incomplete': 'The MRZ reader sent only {{found}} of {{expected}} lines. Pass the whole document through the reader and scan again.',
    'device.mrz.garbage': 'The MRZ reader sent unreadable data. Scan again; if it repeats, check the reader\'s port speed (baud) in the technician menu.',
    'device.mrz.frameCorrupt': 'Data from the MRZ reader was damaged in transfer. Scan the document again; if it repeats, check the reader cable.',
  },
} as const;
