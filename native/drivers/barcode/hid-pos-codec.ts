// HID POS barcode scanners (usage page 0x8C, usage 0x02 bar code scanner). The scanned-data
// input report (usage 0x12) in the vendor layout most scanners use (report id 2):
//
//   byte 0 (after the report id)   number of data bytes in this report (0–56)
//   bytes 1–3                      AIM symbology identifier, e.g. "]Q1" (usages 0xFB–0xFD)
//   bytes 4–59                     decoded data (usage 0xFE)
//   bytes 60–61                    vendor symbology code (ignored)
//   byte 62                        non-zero: more reports of this scan follow (usage 0xFF)
//
// Long codes (a QR booking code with a URL) span several reports; they are reassembled
// before decoding. The decoder is pure and never throws: a malformed report is reported as
// an event so the driver can log it, and a half-received scan is dropped on reset.

export const HID_POS_REPORT_ID = 0x02;
export const HID_POS_PAYLOAD = 63;
export const HID_POS_DATA_CAPACITY = 56;
const MORE_FLAG = 62;
/** A scan longer than this is not a booking code: stop collecting (memory stays bounded). */
const MAX_SCAN_BYTES = 8192;

export type HidPosEvent =
  | { kind: 'scan'; data: Buffer; aim: string }
  | { kind: 'malformed'; reason: 'reportId' | 'length' | 'tooLong'; report: Buffer };

export class HidPosDecoder {
  private parts: Buffer[] = [];
  private size = 0;
  private aim = '';

  constructor(private readonly reportId: number | undefined = HID_POS_REPORT_ID) {}

  /** One input report (report id first when the device numbers reports). */
  pushReport(report: Uint8Array): HidPosEvent[] {
    const raw = Buffer.from(report);
    let p = raw;
    if (this.reportId !== undefined) {
      if (raw[0] !== this.reportId) return [{ kind: 'malformed', reason: 'reportId', report: raw }];
      p = raw.subarray(1);
    }
    const n = p[0] ?? 0;
    if (p.length < 4 || n > HID_POS_DATA_CAPACITY || 4 + n > p.length) {
      this.reset();
      return [{ kind: 'malformed', reason: 'length', report: raw }];
    }
    if (this.parts.length === 0) this.aim = p.subarray(1, 4).toString('latin1').replace(/\0/g, '');
    this.parts.push(Buffer.from(p.subarray(4, 4 + n)));
    this.size += n;
    if (this.size > MAX_SCAN_BYTES) {
      this.reset();
      return [{ kind: 'malformed', reason: 'tooLong', report: raw }];
    }
    const more = p.length > MORE_FLAG && p[MORE_FLAG] !== 0;
    if (more) return [];
    const data = Buffer.concat(this.parts);
    const aim = this.aim;
    this.reset();
    return [{ kind: 'scan', data, aim }];
  }

  /** Drops a scan whose continuation never came. */
  reset(): void {
    this.parts = [];
    this.size = 0;
    this.aim = '';
  }

  get collecting(): boolean {
    return this.parts.length > 0;
  }
}

/** Builds the reports a scanner sends for one scan (simulator and tests). */
export function encodeHidPosReports(data: Buffer | string, aim = ']Q1', reportId: number | undefined = HID_POS_REPORT_ID): Buffer[] {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const reports: Buffer[] = [];
  let offset = 0;
  do {
    const chunk = bytes.subarray(offset, offset + HID_POS_DATA_CAPACITY);
    offset += chunk.length;
    const p = Buffer.alloc(HID_POS_PAYLOAD);
    p[0] = chunk.length;
    p.write(aim.slice(0, 3), 1, 'latin1');
    chunk.copy(p, 4);
    p[MORE_FLAG] = offset < bytes.length ? 1 : 0;
    reports.push(reportId === undefined ? p : Buffer.concat([Buffer.from([reportId]), p]));
  } while (offset < bytes.length);
  return reports;
}
