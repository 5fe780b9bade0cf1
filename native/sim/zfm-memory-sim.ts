// The ZFM simulator in-process (see memory-sim.ts): its templates and scene persist across
// reconnects, as a real module's flash does.
import { memorySim } from './memory-sim';
import type { MemorySim } from './memory-sim';
import { ZfmSimulator } from './zfm-sim';
import type { ZfmSimOptions } from './zfm-sim';

export type ZfmMemorySim = MemorySim<ZfmSimulator>;

export function zfmMemorySim(opts: Omit<ZfmSimOptions, 'onUnplug'> = {}, name = 'zfm'): ZfmMemorySim {
  return memorySim(name, (onUnplug) => new ZfmSimulator({ ...opts, onUnplug }), undefined);
}
