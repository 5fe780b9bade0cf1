// The GT-521Fxx driver packaged for the device manager (DriverFactory).
import type { DeviceHandle, DriverFactory } from '../../device-driver';
import { ok } from '../../result';
import { wireFingerprintDriver } from '../fingerprint-sink';
import { BOOT_BAUD } from './constants';
import { Gt521Driver } from './driver';
import type { Gt521DriverOptions } from './driver';

export const gt521DriverFactory: DriverFactory<Gt521Driver> = {
  name: 'gt521',
  kind: 'fingerprint',
  defaultBaudRate: BOOT_BAUD,
  create(settings): DeviceHandle<Gt521Driver> {
    const opts: Gt521DriverOptions = {};
    if (typeof settings.ackTimeoutMs === 'number') opts.ackTimeoutMs = settings.ackTimeoutMs;
    if (typeof settings.dataTimeoutMs === 'number') opts.dataTimeoutMs = settings.dataTimeoutMs;
    if (typeof settings.fastBaud === 'number') opts.fastBaud = settings.fastBaud;
    if (typeof settings.scratchSlot === 'number') opts.scratchSlot = settings.scratchSlot;
    const driver = new Gt521Driver(opts);
    return {
      driver,
      attach: (t) => driver.attach(t),
      detach: () => driver.detach(),
      async identify() {
        const id = await driver.identify();
        if (!id.ok) return id;
        const v = id.value;
        return ok({ model: `GT-521${v.model.toUpperCase()}`, firmware: v.info.firmwareVersion.toString(16), serialNumber: v.info.serialNumber, baudRate: v.baudRate, librarySize: v.capacity, templates: v.enrolled });
      },
      probe: () => driver.enrollCount(),
      subscribe: (sink) => wireFingerprintDriver(driver, sink, 'device.gt521.place_finger'),
    };
  },
};
