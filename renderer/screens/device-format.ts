// Small pure helpers of the device screens: how a port, a time and a frame are written.
import type { TFunction } from 'i18next';
import type { DevicePort } from '../../electron/contract-types';

export const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** Drivers that read HID reports: their USB port has no baud rate. */
export const isHidDriver = (driver: string): boolean => /(^|-)hid(-|$)/.test(driver);

/** Where a device is plugged in, in a few characters: path@baud, USB VID:PID, simulator, URL. */
export function portText(t: TFunction, port: DevicePort): string {
  switch (port.kind) {
    case 'path': return port.baudRate ? `${port.path} @ ${port.baudRate}` : port.path;
    case 'usb': return `USB ${hex4(port.vendorId)}:${hex4(port.productId)}${port.baudRate ? ` @ ${port.baudRate}` : ''}`;
    case 'sim': return t('devices.port.sim', { name: port.name });
    case 'url': return port.url;
  }
}

/** HH:MM:SS.mmm in local time. */
export function traceTime(at: number): string {
  const d = new Date(at);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** "ef01ffff" → "ef 01 ff ff": one group per byte, so the line can wrap between bytes. */
export function groupHex(hex: string): string {
  return hex.replace(/(..)(?=.)/g, '$1 ');
}
