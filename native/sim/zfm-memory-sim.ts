// The ZFM simulator in-process, for the manager's 'sim' ports (demo and training mode, any
// OS): each connect makes a fresh memory pair, the simulator serving the device end. The
// simulator itself lives on across reconnects, so its templates and scene persist.
import type { SimulatorFactory } from '../device-driver';
import { createMemoryPair } from '../transport/memory-pair';
import type { MemoryTransport } from '../transport/memory-pair';
import { ZfmSimulator } from './zfm-sim';
import type { ZfmSimOptions } from './zfm-sim';

export interface ZfmMemorySim extends SimulatorFactory {
  readonly sim: ZfmSimulator;
  /** The host end of the current link (for tests that pull the cable). */
  readonly link: MemoryTransport | undefined;
}

export function zfmMemorySim(opts: Omit<ZfmSimOptions, 'onUnplug'> = {}, name = 'zfm'): ZfmMemorySim {
  let link: MemoryTransport | undefined;
  const sim = new ZfmSimulator({ ...opts, onUnplug: () => link?.unplug() });
  return {
    name,
    sim,
    get link() {
      return link;
    },
    async connect() {
      const [host, device] = createMemoryPair(`sim:${name}`);
      await device.open();
      await host.open();
      sim.attach(device);
      link = host;
      return host;
    },
  };
}
