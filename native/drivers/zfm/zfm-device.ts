// The ZFM driver packaged for the device manager (DriverFactory).
import type { DeviceHandle, DriverFactory } from '../../device-driver';
import { ok } from '../../result';
import { wireFingerprintDriver } from '../fingerprint-sink';
import { ZfmDriver } from './driver';
import type { ZfmDriverOptions } from './driver';

export const zfmDriverFactory: DriverFactory<ZfmDriver> = {
  name: 'zfm',
  kind: 'fingerprint',
  defaultBaudRate: 57_600,
  create(settings): DeviceHandle<ZfmDriver> {
    const opts: ZfmDriverOptions = {};
    if (typeof settings.password === 'number') opts.password = settings.password;
    if (typeof settings.address === 'number') opts.address = settings.address;
    if (typeof settings.ackTimeoutMs === 'number') opts.ackTimeoutMs = settings.ackTimeoutMs;
    if (typeof settings.dataTimeoutMs === 'number') opts.dataTimeoutMs = settings.dataTimeoutMs;
    if (settings.led === 'aura' || settings.led === 'none' || settings.led === 'auto') opts.led = settings.led;
    const driver = new ZfmDriver(opts);
    return {
      driver,
      attach: (t) => driver.attach(t),
      detach: () => driver.detach(),
      async identify() {
        const id = await driver.identify();
        if (!id.ok) return id;
        const p = id.value.sysParams;
        return ok({ model: id.value.model, packetBytes: p.packetBytes, baudRate: p.baudRate, librarySize: p.librarySize, templates: id.value.templateCount, ledRing: id.value.hasLedRing });
      },
      probe: () => driver.templateNum(),
      subscribe: (sink) => wireFingerprintDriver(driver, sink, 'device.zfm.place_finger'),
    };
  },
};
