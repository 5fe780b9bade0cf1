// Vendor HID reports carrying ASCII text — our documented layout for MRZ readers that
// speak HID but not as a keyboard (and for the simulator):
//
//   byte 0        report id (default 0x01)
//   byte 1        n = number of text bytes in this report, 0–62
//   bytes 2…2+n   ASCII text; CR (or CR LF) ends an MRZ line, as on serial
//   rest          zero padding to the report size (64 bytes including the id)
//
// A document is simply the text of consecutive reports, so the line splitter and the MRZ
// line assembler do the rest exactly as for serial readers. A report with another id or
// an impossible count is ignored and counted, never thrown on.

export const TEXT_REPORT_SIZE = 64;
export const TEXT_REPORT_CAPACITY = TEXT_REPORT_SIZE - 2;

export class HidTextReportDecoder {
  ignoredReports = 0;

  constructor(private readonly reportId = 0x01) {}

  pushReport(report: Uint8Array): Buffer {
    const n = report[1] ?? 0;
    if (report[0] !== this.reportId || report.length < 2 || n > TEXT_REPORT_CAPACITY || 2 + n > report.length) {
      this.ignoredReports += 1;
      return Buffer.alloc(0);
    }
    return Buffer.from(report.subarray(2, 2 + n));
  }
}

export function encodeTextReports(text: string, reportId = 0x01): Buffer[] {
  const bytes = Buffer.from(text, 'latin1');
  const reports: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += TEXT_REPORT_CAPACITY) {
    const chunk = bytes.subarray(i, i + TEXT_REPORT_CAPACITY);
    const r = Buffer.alloc(TEXT_REPORT_SIZE);
    r[0] = reportId;
    r[1] = chunk.length;
    chunk.copy(r, 2);
    reports.push(r);
  }
  return reports;
}
