// Officer-facing sentences for the MRZ domain's translation keys (merged into the i18n
// files by the lead). Indonesian is the default, formal "Anda" register; each sentence says
// what happened and what to do. {{x}} are i18next interpolations. In the check-digit and
// field sentences {{field}} is a noun phrase from mrz.fieldInSentence (lower case, to sit
// inside a sentence); the composite check digit has a sentence of its own (i18next context
// `_composite`), since "the check digit of the composite check digit" reads badly.

export const mrzDomainMessages = {
  id: {
    'mrz.lineCount': 'Jumlah baris MRZ yang terbaca ({{found}}) tidak sesuai. Bersihkan kaca pembaca, lalu pindai ulang halaman data.',
    'mrz.lineTooShort': 'Baris MRZ ke-{{line}} terpotong ({{found}} dari {{expected}} karakter). Letakkan dokumen rata di pembaca, lalu pindai ulang.',
    'mrz.lineTooLong': 'Baris MRZ ke-{{line}} terlalu panjang ({{found}} dari {{expected}} karakter). Pindai ulang dokumen; jika berulang, periksa pengaturan pembaca MRZ.',
    'mrz.badCharacter': 'Baris MRZ ke-{{line}} memuat karakter yang tidak sah ("{{char}}" pada posisi {{position}}). Bersihkan halaman data dan kaca pembaca, lalu pindai ulang.',
    'mrz.unknownDocumentCode': 'Jenis dokumen "{{code}}" tidak dikenali untuk format {{format}}. Pastikan yang dipindai adalah paspor atau kartu identitas, bukan visa.',
    'mrz.unreadable': 'MRZ tidak dapat dibaca. Pindai ulang dokumen, atau ketik data secara manual.',
    'mrz.field.checkDigit': 'Digit periksa {{field}} tidak cocok (terbaca {{found}}, seharusnya {{expected}}). Pindai ulang; jika tetap salah, periksa dokumen secara visual.',
    'mrz.field.checkDigit_composite': 'Digit periksa gabungan MRZ (karakter terakhir baris 2) tidak cocok (terbaca {{found}}, seharusnya {{expected}}). Pindai ulang; jika tetap salah, periksa dokumen secara visual.',
    'mrz.field.format': 'Isian {{field}} pada MRZ tidak sah ("{{found}}"). Periksa dokumen secara visual dan pindai ulang.',
    'mrz.compose.documentNumber': 'Nomor paspor "{{value}}" tidak dapat dimuat di MRZ (maksimal 9 huruf/angka). Periksa nomor blangko.',
    'mrz.compose.documentType': 'Kode jenis dokumen "{{value}}" tidak sah untuk paspor. Periksa pengaturan jenis paspor.',
    'mrz.compose.state': 'Kode negara "{{value}}" tidak sah. Gunakan kode tiga huruf ICAO, misalnya IDN.',
    'mrz.compose.name': 'Nama pemohon kosong sehingga MRZ tidak dapat dibuat. Lengkapi nama pada data permohonan.',
    'mrz.compose.nameCharacter': 'Nama memuat karakter "{{char}}" yang tidak dapat dialihaksarakan ke MRZ. Periksa ejaan nama dalam huruf Latin.',
    'mrz.compose.date': 'Tanggal "{{value}}" tidak sah. Periksa tanggal lahir dan tanggal habis berlaku.',
    'mrz.compose.optionalData': 'Data tambahan MRZ "{{value}}" terlalu panjang atau memuat karakter tidak sah (maksimal 14).',
    'mrz.compare.birthDate': 'Tanggal lahir berbeda: MRZ {{mrz}}, data pemesanan {{booking}}. Mohon konfirmasi kepada pemohon mana yang benar.',
    'mrz.compare.sex': 'Jenis kelamin berbeda: MRZ {{mrz}}, data pemesanan {{booking}}. Mohon konfirmasi kepada pemohon.',
    'mrz.compare.name': 'Nama berbeda: MRZ "{{mrz}}", data pemesanan "{{booking}}". Mohon periksa ejaan bersama pemohon.',
  },
  en: {
    'mrz.lineCount': 'The reader returned {{found}} MRZ lines, which is not a valid zone. Clean the reader glass and scan the data page again.',
    'mrz.lineTooShort': 'MRZ line {{line}} is cut short ({{found}} of {{expected}} characters). Lay the document flat on the reader and scan again.',
    'mrz.lineTooLong': 'MRZ line {{line}} is too long ({{found}} of {{expected}} characters). Scan again; if it repeats, check the MRZ reader settings.',
    'mrz.badCharacter': 'MRZ line {{line}} holds an invalid character ("{{char}}" at position {{position}}). Clean the data page and the reader glass, then scan again.',
    'mrz.unknownDocumentCode': 'Document code "{{code}}" is not known for the {{format}} format. Make sure you scanned a passport or identity card, not a visa.',
    'mrz.unreadable': 'The MRZ could not be read. Scan the document again, or type the data in by hand.',
    'mrz.field.checkDigit': 'The check digit of the {{field}} does not match (read {{found}}, expected {{expected}}). Scan again; if it stays wrong, inspect the document visually.',
    'mrz.field.checkDigit_composite': 'The overall check digit of the MRZ (the last character of line 2) does not match (read {{found}}, expected {{expected}}). Scan again; if it stays wrong, inspect the document visually.',
    'mrz.field.format': 'The {{field}} field in the MRZ is not valid ("{{found}}"). Inspect the document visually and scan again.',
    'mrz.compose.documentNumber': 'Passport number "{{value}}" cannot be written in the MRZ (at most 9 letters or digits). Check the booklet number.',
    'mrz.compose.documentType': 'Document type code "{{value}}" is not valid for a passport. Check the passport type setting.',
    'mrz.compose.state': 'Country code "{{value}}" is not valid. Use the three-letter ICAO code, e.g. IDN.',
    'mrz.compose.name': 'The applicant\'s name is empty, so no MRZ can be composed. Complete the name in the application.',
    'mrz.compose.nameCharacter': 'The name holds "{{char}}", which cannot be transliterated into the MRZ. Check the Latin spelling of the name.',
    'mrz.compose.date': 'Date "{{value}}" is not valid. Check the birth and expiry dates.',
    'mrz.compose.optionalData': 'MRZ optional data "{{value}}" is too long or holds invalid characters (at most 14).',
    'mrz.compare.birthDate': 'Birth dates differ: MRZ {{mrz}}, booking {{booking}}. Please confirm with the applicant which is right.',
    'mrz.compare.sex': 'Sex differs: MRZ {{mrz}}, booking {{booking}}. Please confirm with the applicant.',
    'mrz.compare.name': 'Names differ: MRZ "{{mrz}}", booking "{{booking}}". Please check the spelling with the applicant.',
  },
} as const;
