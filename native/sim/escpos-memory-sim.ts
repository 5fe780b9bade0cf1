// The ESC/POS receipt printer simulator in-process, for the manager's 'sim' ports (demo and
// training mode): each connect makes a fresh memory pair; the simulator, its faults and
// the receipts it printed (the last few, as PNGs in memory) live on across reconnects.
import type { SimulatorFactory } from '../device-driver';
import { createMemoryPair } from '../transport/memory-pair';
import { EscPosSimulator } from './escpos-sim';
import type { EscPosSimOptions } from './escpos-sim';

export interface EscPosMemorySim extends SimulatorFactory {
  readonly sim: EscPosSimulator;
}

const KEEP_RECEIPTS = 20;

export function escposMemorySim(opts: EscPosSimOptions = {}, name = 'escpos'): EscPosMemorySim {
  const sim = new EscPosSimulator(opts);
  // A demo day prints many receipts: keep the latest only, so memory stays flat.
  sim.on('receipt', () => {
    if (sim.receipts.length > KEEP_RECEIPTS) sim.receipts.splice(0, sim.receipts.length - KEEP_RECEIPTS);
  });
  return {
    name,
    sim,
    async connect() {
      const [host, device] = createMemoryPair(`sim:${name}`);
      await device.open();
      await host.open();
      sim.attach(device);
      return host;
    },
  };
}
