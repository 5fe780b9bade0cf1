// Sentences for the capture session (Bahasa Indonesia formal, English); the lead merges
// them into the i18n files next to native/drivers/zfm/messages.ts.

const id = {
  'capture.duplicate_finger': 'Sidik jari ini sama dengan {{other}} yang sudah diambil. Pastikan pemohon meletakkan jari yang benar, lalu ulangi.',
  'capture.save_failed': 'Sidik jari belum tersimpan. Jangan tutup layar ini; sistem akan mencoba menyimpan lagi.',
  'capture.busy': 'Pengambilan sidik jari sedang berjalan. Tunggu sampai selesai atau batalkan dulu.',
  'capture.no_finger_left': 'Semua jari sudah diambil.',
  'capture.plan.unknown_finger': 'Jari ini tidak termasuk dalam rencana pengambilan.',
  'capture.plan.finger_finished': 'Jari ini sudah selesai diambil.',
  'capture.plan.no_attempt_to_accept': 'Belum ada hasil yang dapat diterima untuk jari ini. Ulangi pengambilan atau tandai jari tidak dapat diambil.',
  'capture.plan.reason_required': 'Tuliskan alasannya terlebih dahulu.',
  'capture.plan.not_allowed_before_max_attempts': 'Hasil di bawah batas mutu baru dapat diterima setelah {{max}} kali percobaan.',
  'capture.below_threshold': 'Mutu sidik jari {{score}} di bawah batas {{threshold}}. Minta pemohon membersihkan jari dan menekan merata, lalu ulangi.',
  'capture.decide': 'Sudah {{max}} kali percobaan. Terima hasil terbaik ({{score}}) dengan alasan, atau tandai jari tidak dapat diambil.',
  'capture.failed': 'Pengambilan sidik jari terhenti karena kesalahan di stasiun. Jari yang sudah tersimpan tetap aman. Ulangi; bila terus terjadi, hubungi teknisi.',
  'capture.closed': 'Pengambilan sidik jari ini sudah ditutup. Buka kembali langkah sidik jari.',
} as const;

const en: Record<keyof typeof id, string> = {
  'capture.duplicate_finger': 'This fingerprint is the same as the {{other}} already captured. Make sure the applicant places the right finger, then try again.',
  'capture.save_failed': 'The fingerprint is not saved yet. Do not close this screen; the station will try saving again.',
  'capture.busy': 'A fingerprint capture is running. Wait until it finishes, or cancel it first.',
  'capture.no_finger_left': 'All fingers are captured.',
  'capture.plan.unknown_finger': 'This finger is not part of the capture plan.',
  'capture.plan.finger_finished': 'This finger is already done.',
  'capture.plan.no_attempt_to_accept': 'There is no result to accept for this finger yet. Capture again, or mark the finger as unavailable.',
  'capture.plan.reason_required': 'Write the reason first.',
  'capture.plan.not_allowed_before_max_attempts': 'A result below the quality threshold can be accepted only after {{max}} attempts.',
  'capture.below_threshold': 'Fingerprint quality {{score}} is below the threshold {{threshold}}. Ask the applicant to clean the finger and press evenly, then try again.',
  'capture.decide': '{{max}} attempts made. Accept the best result ({{score}}) with a reason, or mark the finger as unavailable.',
  'capture.failed': 'The fingerprint capture stopped because of an error in the station. Fingers already saved are safe. Try again; if it keeps happening, call a technician.',
  'capture.closed': 'This fingerprint capture was closed. Open the fingerprint step again.',
};

export const captureSessionMessages = { id, en };
