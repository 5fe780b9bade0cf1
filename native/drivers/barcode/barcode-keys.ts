// Translation keys of the booking-code scanner driver (sentences in messages.ts).
export const BARCODE_KEYS = {
  malformed: 'device.barcode.malformed',
  incomplete: 'device.barcode.incomplete',
  noTerminator: 'device.barcode.noTerminator',
  unreadable: 'device.barcode.unreadable',
} as const;
