// What every fingerprint simulator offers the station's demo and training mode and the
// technician's tools, whatever protocol it speaks: a finger on the sensor (each name a
// stable pattern, with a quality), lifting it, faults on demand, and a signal when the
// host looks for a finger on an empty sensor or has taken an image (demo mode places and
// lifts fingers by itself on these).
import type { FingerQuality } from './synthetic-finger';

export type SimFault =
  | 'no_finger' // the sensor reports no finger although one is placed
  | 'capture_fail' // the capture itself fails (ZFM: GenImg 03; GT-521: CaptureFinger NACK)
  | 'no_reply' // the command gets no answer at all
  | 'garbage' // random bytes before the answer
  | 'bad_checksum' // the answer (for an image upload: its data) has a wrong checksum
  | 'unplug_mid_image' // the cable goes after half the image
  | 'slow'; // the answer comes late

export const SIM_FAULTS: readonly SimFault[] = ['no_finger', 'capture_fail', 'no_reply', 'garbage', 'bad_checksum', 'unplug_mid_image', 'slow'];

export type SensorSignal = 'polled_empty' | 'image_sent';

export interface FingerprintSim {
  placeFinger(name: string, quality?: FingerQuality): void;
  liftFinger(): void;
  readonly fingerOnSensor: string | undefined;
  inject(fault: SimFault, opts?: { times?: number }): void;
  clearFaults(): void;
  on(event: 'sensor', listener: (signal: SensorSignal) => void): unknown;
  off(event: 'sensor', listener: (signal: SensorSignal) => void): unknown;
}
