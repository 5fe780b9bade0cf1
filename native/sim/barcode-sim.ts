// Booking-code scanner simulator: "scans" a code and sends what a scanner sends — HID POS
// scanned-data reports (split into continued reports for long codes) or one line on
// serial — and can misbehave (a lost continuation report, a missing terminator, line
// noise). Writes to a Transport: in-process on a memory pair, or on a socat PTY for serial.
import { encodeHidPosReports } from '../drivers/barcode/hid-pos-codec';
import type { BarcodeFraming } from '../drivers/barcode/barcode-scanner';
import type { Transport } from '../transport/transport';

export type BarcodeSimVariant = 'good' | 'lostContinuation' | 'noTerminator' | 'noise';

export interface BarcodeSimOptions {
  framing: BarcodeFraming;
  /** Serial: send the AIM id in front of the code (a scanner setting). */
  aimPrefix?: boolean;
  lineEnding?: '\r' | '\r\n';
  hidReportId?: number;
}

export function barcodeSimWrites(code: string, aim: string, variant: BarcodeSimVariant, opts: BarcodeSimOptions): Buffer[] {
  if (opts.framing === 'hid-pos') {
    if (variant === 'noise') return [Buffer.from([opts.hidReportId ?? 2, 250, 1, 2, 3])];
    const reports = encodeHidPosReports(code, aim, opts.hidReportId ?? 2);
    return variant === 'lostContinuation' && reports.length > 1 ? reports.slice(0, -1) : reports;
  }
  if (variant === 'noise') return [Buffer.from([0x42, 0x07, 0x1b, 0x43, 0x0d])];
  const text = (opts.aimPrefix ? aim : '') + code + (variant === 'noTerminator' ? '' : (opts.lineEnding ?? '\r'));
  return [Buffer.from(text, 'utf8')];
}

export class BarcodeScannerSim {
  constructor(
    readonly transport: Transport,
    private readonly opts: BarcodeSimOptions,
  ) {}

  async open(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
  }

  async scan(code: string, aim = ']Q1', variant: BarcodeSimVariant = 'good'): Promise<void> {
    for (const w of barcodeSimWrites(code, aim, variant, this.opts)) await this.transport.write(w);
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}
