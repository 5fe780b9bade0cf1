// Wires a fingerprint driver's signals to the device manager's sink. Both reader families
// emit the same four events; only the key of their "place a finger" prompt differs, and
// that prompt is transient (it goes when the reader is idle again).
import type { DeviceSink } from '../device-driver';
import type { DeviceMessage } from '../result';

type Frame = { dir: 'tx' | 'rx'; bytes: Buffer; name: string; at: number };

/** The four events of a fingerprint driver, as a typed EventEmitter of either family offers them. */
export interface FingerprintSignals {
  on(event: 'busy', listener: (busy: boolean) => void): unknown;
  on(event: 'health', listener: (health: 'ok' | 'unresponsive') => void): unknown;
  on(event: 'frame', listener: (frame: Frame) => void): unknown;
  on(event: 'notice', listener: (message: DeviceMessage) => void): unknown;
  off(event: 'busy', listener: (busy: boolean) => void): unknown;
  off(event: 'health', listener: (health: 'ok' | 'unresponsive') => void): unknown;
  off(event: 'frame', listener: (frame: Frame) => void): unknown;
  off(event: 'notice', listener: (message: DeviceMessage) => void): unknown;
}

/** Subscribes the sink; returns the unsubscribe. */
export function wireFingerprintDriver(driver: FingerprintSignals, sink: DeviceSink, placeFingerKey: string): () => void {
  const onBusy = (b: boolean): void => sink.busy(b);
  const onHealth = (h: 'ok' | 'unresponsive'): void => sink.health(h);
  const onFrame = (f: Frame): void => sink.frame(f.dir, f.bytes, f.name, f.at);
  const onNotice = (m: DeviceMessage): void => sink.notice(m, m.key === placeFingerKey);
  driver.on('busy', onBusy);
  driver.on('health', onHealth);
  driver.on('frame', onFrame);
  driver.on('notice', onNotice);
  return () => {
    driver.off('busy', onBusy);
    driver.off('health', onHealth);
    driver.off('frame', onFrame);
    driver.off('notice', onNotice);
  };
}
