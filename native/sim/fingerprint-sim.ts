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

/**
 * The faults a simulator is told to commit: each for the next `times` commands, of one
 * command where named (a fault's default command otherwise, e.g. 'no_finger' on the
 * finger-detect poll). Both fingerprint simulators keep their plan here.
 */
export class FaultPlan<Command extends string> {
  private planned: { fault: SimFault; on?: Command; times: number }[] = [];

  constructor(
    private readonly defaults: Partial<Record<SimFault, Command>>,
    private readonly codeOf: (command: Command) => number,
  ) {}

  inject(fault: SimFault, opts: { times?: number; on?: Command } = {}): void {
    const on = opts.on ?? this.defaults[fault];
    this.planned.push({ fault, times: opts.times ?? 1, ...(on ? { on } : {}) });
  }

  clear(): void {
    this.planned = [];
  }

  /** True, spending one use, when `wanted` is planned for the command with this code. */
  take(code: number, wanted: SimFault): boolean {
    const i = this.planned.findIndex((f) => f.fault === wanted && (f.on === undefined || this.codeOf(f.on) === code));
    if (i < 0) return false;
    const f = this.planned[i]!;
    f.times -= 1;
    if (f.times <= 0) this.planned.splice(i, 1);
    return true;
  }
}
