// A simulator in-process, for the manager's 'sim' ports (demo and training mode, any OS):
// each connect makes a fresh memory pair with the simulator serving the device end. The
// simulator itself lives on across reconnects, so its library, scene and faults persist.
import type { SimulatorFactory } from '../device-driver';
import { createMemoryPair } from '../transport/memory-pair';
import type { MemoryTransport } from '../transport/memory-pair';
import type { Transport } from '../transport/transport';

export interface MemorySim<S> extends SimulatorFactory {
  readonly sim: S;
  /** The host end of the current link (for tests that pull the cable). */
  readonly link: MemoryTransport | undefined;
}

/**
 * `make` builds the simulator once, given what its 'unplug' fault does (drop the current
 * link); `onConnect` runs before each attach (a power-on, for modules that reset their speed).
 */
export function memorySim<S extends { attach(t: Transport): void }>(
  name: string,
  make: (unplug: () => void) => S,
  onConnect?: (sim: S) => void,
): MemorySim<S> {
  let link: MemoryTransport | undefined;
  const sim = make(() => link?.unplug());
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
      onConnect?.(sim);
      sim.attach(device);
      link = host;
      return host;
    },
  };
}
