// The GT-521 simulator in-process (see memory-sim.ts). Each connect is a power-on, so the
// module is back at its boot speed, as a replugged module is.
import { memorySim } from './memory-sim';
import type { MemorySim } from './memory-sim';
import { Gt521Simulator } from './gt521-sim';
import type { Gt521SimOptions } from './gt521-sim';

export type Gt521MemorySim = MemorySim<Gt521Simulator>;

export function gt521MemorySim(opts: Omit<Gt521SimOptions, 'onUnplug'> = {}, name = 'gt521'): Gt521MemorySim {
  return memorySim(name, (onUnplug) => new Gt521Simulator({ ...opts, onUnplug }), (sim) => sim.powerOn(opts.baud));
}
