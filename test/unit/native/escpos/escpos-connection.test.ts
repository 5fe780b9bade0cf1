// Which link a configured receipt printer address means: USB printer-class nodes and
// Windows raw queues are write-only files (no DLE EOT answers), everything else a serial line.
import { describe, expect, it } from 'vitest';
import { escposConnection } from '../../../../native/drivers/escpos/connection';
import { DeviceFileTransport, windowsQueuePath } from '../../../../native/drivers/escpos/file-transport';
import { SerialTransport } from '../../../../native/transport/serial';

describe('receipt printer addresses', () => {
  it('/dev/usb/lpN is the USB printer class, write-only', () => {
    const c = escposConnection('/dev/usb/lp0');
    expect(c).toMatchObject({ link: 'usb-lp', bidirectional: false });
    expect(c.transport).toBeInstanceOf(DeviceFileTransport);
  });
  it('queue:NAME is a raw Windows spooler queue shared under that name', () => {
    const c = escposConnection('queue:EPSON TM-T82');
    expect(c).toMatchObject({ link: 'spooler', bidirectional: false });
    expect(c.transport.address).toBe('\\\\localhost\\EPSON TM-T82');
    expect(() => windowsQueuePath('a\\b')).toThrow(RangeError);
    expect(() => windowsQueuePath('x:y')).toThrow(RangeError);
  });
  it('anything else is a serial port at the given speed', () => {
    for (const p of ['/dev/ttyUSB0', 'COM3', '/tmp/ttyRECEIPT']) {
      const c = escposConnection(p, 38_400);
      expect(c).toMatchObject({ link: 'serial', bidirectional: true });
      expect(c.transport).toBeInstanceOf(SerialTransport);
    }
  });
});
