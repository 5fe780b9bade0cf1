// Booking-code scanner driver: HID POS scanners (reassembled scanned-data reports) and
// serial scanners in line mode. Emits `scan` with the code and its symbology, and `error`
// with a translation key when a scan arrives broken. Scanners only talk; nothing is
// written to them. (Keyboard-wedge scanners never reach this driver: they type into the
// window, see renderer/components/wedge-detector.ts.)
import { TalkingDevice } from '../talking-device';
import { fail } from '../../result';
import type { DeviceError } from '../../result';
import type { Transport } from '../../transport/transport';
import { BARCODE_KEYS } from './barcode-keys';
import { HidPosDecoder, HID_POS_REPORT_ID } from './hid-pos-codec';
import { SerialScanDecoder } from './serial-scan-codec';
import { symbologyName } from './symbology';

export type BarcodeFraming = 'hid-pos' | 'lines';

export interface BarcodeScannerOptions {
  framing: BarcodeFraming;
  /** HID: the scanned-data report id (default 2); null when the transport strips report ids. */
  hidReportId?: number | null;
  /** Silence after which a half-received scan is reported (default 300 ms). */
  idleMs?: number;
}

export interface BarcodeScan {
  code: string;
  /** Human name of the symbology ("QR Code", "Code 128", …) or "unknown". */
  symbology: string;
  /** The AIM id as sent (e.g. "]Q1"), when the scanner sent one. */
  aim?: string;
  framing: BarcodeFraming;
  receivedAt: Date;
}

export interface BarcodeScannerEvents {
  scan: (scan: BarcodeScan) => void;
  error: (err: DeviceError) => void;
  close: () => void;
}

/** Control characters other than tab never belong in a booking code: the scan is damaged. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export class BarcodeScanner extends TalkingDevice {
  private readonly hid: HidPosDecoder;
  private readonly serial = new SerialScanDecoder();

  constructor(
    transport: Transport,
    private readonly opts: BarcodeScannerOptions,
  ) {
    super(transport, opts.idleMs ?? 300);
    this.hid = new HidPosDecoder(opts.hidReportId === null ? undefined : (opts.hidReportId ?? HID_POS_REPORT_ID));
  }

  /** Bytes or one HID report as they came from the transport. */
  receive(bytes: Buffer): void {
    if (this.opts.framing === 'hid-pos') {
      for (const ev of this.hid.pushReport(bytes)) {
        if (ev.kind === 'scan') this.deliver(ev.data.toString('utf8'), ev.aim);
        else this.report(fail('protocol', BARCODE_KEYS.malformed, {}, `${ev.reason}: ${ev.report.subarray(0, 16).toString('hex')}`));
      }
      if (this.hid.collecting) this.armIdle();
      else this.stopIdle();
      return;
    }
    for (const s of this.serial.push(bytes)) this.deliver(s.code, s.aim);
    this.armIdle();
  }

  private deliver(code: string, aim: string | undefined): void {
    if (code === '' || CONTROL.test(code)) {
      this.report(fail('protocol', BARCODE_KEYS.unreadable, {}, JSON.stringify(code).slice(0, 80)));
      return;
    }
    const scan: BarcodeScan = { code, symbology: symbologyName(aim), framing: this.opts.framing, receivedAt: new Date() };
    if (aim) scan.aim = aim;
    this.emit('scan', scan);
  }

  protected onIdle(): void {
    if (this.opts.framing === 'hid-pos') {
      if (!this.hid.collecting) return;
      this.hid.reset();
      this.report(fail('protocol', BARCODE_KEYS.incomplete));
    } else {
      // A scanner without a line terminator configured: we cannot tell where a code ends.
      const partial = this.serial.takePartial();
      if (partial !== undefined) this.report(fail('protocol', BARCODE_KEYS.noTerminator, {}, JSON.stringify(partial).slice(0, 80)));
    }
  }

  override on<E extends keyof BarcodeScannerEvents>(event: E, listener: BarcodeScannerEvents[E]): this {
    return super.on(event, listener);
  }
  override once<E extends keyof BarcodeScannerEvents>(event: E, listener: BarcodeScannerEvents[E]): this {
    return super.once(event, listener);
  }
  override off<E extends keyof BarcodeScannerEvents>(event: E, listener: BarcodeScannerEvents[E]): this {
    return super.off(event, listener);
  }
}
