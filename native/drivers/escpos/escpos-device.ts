// The ESC/POS receipt printer packaged for the device manager (DriverFactory). It is a
// 'printer' by kind, told apart from the data page printers by its driver name. On a file
// transport (/dev/usb/lp*, a spooler queue) it has no real-time status: the probe then
// only checks that the link is open.
import type { DeviceHandle, DriverFactory } from '../../device-driver';
import { ok } from '../../result';
import type { DeviceMessage } from '../../result';
import type { Transport } from '../../transport/transport';
import { EscPosPrinter } from './driver';
import { ESCPOS_DEFAULT_BAUD } from './connection';

export const ESCPOS_DRIVER = 'escpos';

/** Paper width from a device's settings: 58 or 80 mm (80 unless told). */
export const paperOf = (settings: Record<string, unknown>): 58 | 80 => (Number(settings.paperMm) === 58 ? 58 : 80);

export const escposDriverFactory: DriverFactory<EscPosPrinter> = {
  name: ESCPOS_DRIVER,
  kind: 'printer',
  defaultBaudRate: ESCPOS_DEFAULT_BAUD,
  create(settings): DeviceHandle<EscPosPrinter> {
    const printer = new EscPosPrinter();
    const handle: DeviceHandle<EscPosPrinter> = {
      driver: printer,
      // On a file transport (writeOnly) the driver asks no DLE EOT: waiting for answers
      // there would call a working printer unresponsive.
      attach: (t: Transport) => printer.attach(t),
      detach: () => printer.detach(),
      async identify() {
        const s = await printer.status();
        if (!s.ok) return s;
        return ok({ model: 'ESC/POS', paperMm: paperOf(settings), realtimeStatus: printer.bidirectional });
      },
      probe: () => printer.status(),
      subscribe(sink) {
        const onBusy = (b: boolean): void => sink.busy(b);
        const onHealth = (h: 'ok' | 'unresponsive'): void => sink.health(h);
        const onFrame = (f: { dir: 'tx' | 'rx'; bytes: Buffer; name: string; at: number }): void => sink.frame(f.dir, f.bytes, f.name, f.at);
        const onNotice = (m: DeviceMessage): void => sink.notice(m, false);
        printer.on('busy', onBusy);
        printer.on('health', onHealth);
        printer.on('frame', onFrame);
        printer.on('notice', onNotice);
        return () => {
          printer.off('busy', onBusy);
          printer.off('health', onHealth);
          printer.off('frame', onFrame);
          printer.off('notice', onNotice);
        };
      },
    };
    return handle;
  },
};
