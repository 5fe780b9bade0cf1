// The GT-521 simulator in-process, for the manager's 'sim' ports (demo and training mode,
// any OS): each connect makes a fresh memory pair — a power-on, so the module is back at
// 9600 baud — with the simulator serving the device end. Its library and scene persist.
import type { SimulatorFactory } from '../device-driver';
import { createMemoryPair } from '../transport/memory-pair';
import type { MemoryTransport } from '../transport/memory-pair';
import { Gt521Simulator } from './gt521-sim';
import type { Gt521SimOptions } from './gt521-sim';

export interface Gt521MemorySim extends SimulatorFactory {
  readonly sim: Gt521Simulator;
  /** The host end of the current link (for tests that pull the cable). */
  readonly link: MemoryTransport | undefined;
}

export function gt521MemorySim(opts: Omit<Gt521SimOptions, 'onUnplug'> = {}, name = 'gt521'): Gt521MemorySim {
  let link: MemoryTransport | undefined;
  const sim = new Gt521Simulator({ ...opts, onUnplug: () => link?.unplug() });
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
      sim.powerOn(opts.baud);
      sim.attach(device);
      link = host;
      return host;
    },
  };
}
