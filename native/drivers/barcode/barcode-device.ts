// Booking-code scanners packaged for the device manager: HID POS or serial line mode.
// Like MRZ readers they only talk; `driver` emits each scan and outlives every replug.
import { EventEmitter } from 'node:events';
import type { DeviceHandle, DeviceSink, DriverFactory } from '../../device-driver';
import { ok } from '../../result';
import type { DeviceError } from '../../result';
import type { Transport } from '../../transport/transport';
import { BarcodeScanner } from './barcode-scanner';
import type { BarcodeFraming, BarcodeScan } from './barcode-scanner';

export type BarcodeSource = EventEmitter<{ scan: [BarcodeScan]; error: [DeviceError] }>;

export function barcodeDriverFactory(name: string, framing: BarcodeFraming): DriverFactory<BarcodeSource> {
  return {
    name,
    kind: 'barcode',
    defaultBaudRate: 9600,
    // A HID POS scanner is found among HID devices (by VID:PID), a line-mode one among serial ports.
    link: framing === 'hid-pos' ? 'hid' : 'serial',
    create(): DeviceHandle<BarcodeSource> {
      const source: BarcodeSource = new EventEmitter();
      let scanner: BarcodeScanner | undefined;
      let sink: DeviceSink | undefined;
      let transport: Transport | undefined;
      const onData = (bytes: Buffer): void => sink?.frame('rx', bytes, framing === 'hid-pos' ? 'hid-pos-report' : 'line-bytes', Date.now());
      return {
        driver: source,
        attach(t) {
          transport = t;
          scanner = new BarcodeScanner(t, { framing });
          scanner.on('scan', (s: BarcodeScan) => source.emit('scan', s));
          scanner.on('error', (e: DeviceError) => { if (source.listenerCount('error') > 0) source.emit('error', e); });
          t.on('data', onData);
          void scanner.open();
        },
        detach() {
          transport?.off('data', onData);
          scanner?.removeAllListeners();
          scanner = undefined;
          transport = undefined;
        },
        async identify() { return ok({ model: 'barcode-scanner', framing }); },
        async probe() { return ok(undefined); },
        subscribe(s) {
          sink = s;
          return () => { sink = undefined; };
        },
      };
    },
  };
}
