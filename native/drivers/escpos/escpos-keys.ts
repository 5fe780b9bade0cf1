// Translation keys of the ESC/POS receipt printer driver (sentences in messages.ts and the
// renderer's i18n files under device.escpos).
export const ESCPOS_KEYS = {
  paperOut: 'device.escpos.paperOut',
  coverOpen: 'device.escpos.coverOpen',
  error: 'device.escpos.error',
  offline: 'device.escpos.offline',
  paperNearEnd: 'device.escpos.paperNearEnd',
  ready: 'device.escpos.ready',
  noStatus: 'device.escpos.noStatus',
  notReceiptPrinter: 'device.escpos.notReceiptPrinter',
  printed: 'device.escpos.printed',
} as const;
