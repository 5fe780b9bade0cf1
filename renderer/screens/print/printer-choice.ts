// Which device slots are passport (data page) printers the operator may pick for a batch: the
// drivers the station prints pages with (electron/services/printer-devices.ts PRINTER_DRIVERS),
// not the receipt printer, which is also of kind 'printer'.
export const PASSPORT_PRINTER_DRIVERS: readonly string[] = ['ipp', 'system-print'];
