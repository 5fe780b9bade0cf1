// Which transport a configured receipt printer address means: a Linux USB printer-class
// node (/dev/usb/lp0), a Windows raw spooler queue ("queue:NAME"), or a serial port (a
// path, COM3, a USB-serial adapter). The first two carry no answers back here, so the
// driver runs without real-time status on them.
import { SerialTransport } from '../../transport/serial';
import type { Transport } from '../../transport/transport';
import { DeviceFileTransport, windowsQueuePath } from './file-transport';

export interface EscPosConnection {
  transport: Transport;
  bidirectional: boolean;
  link: 'serial' | 'usb-lp' | 'spooler';
}

/** TM-T82 serial interface default (DIP switches): 38,400 baud on recent boards, 9,600 on older ones. */
export const ESCPOS_DEFAULT_BAUD = 9600;

export function escposConnection(address: string, baudRate = ESCPOS_DEFAULT_BAUD): EscPosConnection {
  if (/^\/dev\/usb\/lp\d+$/.test(address)) return { transport: new DeviceFileTransport(address), bidirectional: false, link: 'usb-lp' };
  if (address.startsWith('queue:')) return { transport: new DeviceFileTransport(windowsQueuePath(address.slice('queue:'.length))), bidirectional: false, link: 'spooler' };
  return { transport: new SerialTransport({ path: address, baudRate }), bidirectional: true, link: 'serial' };
}
