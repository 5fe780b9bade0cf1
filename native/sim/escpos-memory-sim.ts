// The ESC/POS receipt printer simulator in-process, for the manager's 'sim' ports (demo and
// training mode): each connect makes a fresh memory pair; the simulator, its faults and
// the receipts it printed (the last few, as PNGs in memory) live on across reconnects.
import { memorySim } from './memory-sim';
import type { MemorySim } from './memory-sim';
import { EscPosSimulator } from './escpos-sim';
import type { EscPosSimOptions } from './escpos-sim';

export type EscPosMemorySim = MemorySim<EscPosSimulator>;

const KEEP_RECEIPTS = 20;

export function escposMemorySim(opts: EscPosSimOptions = {}, name = 'escpos'): EscPosMemorySim {
  return memorySim(name, () => {
    const sim = new EscPosSimulator(opts);
    // A demo day prints many receipts: keep the latest only, so memory stays flat.
    sim.on('receipt', () => {
      if (sim.receipts.length > KEEP_RECEIPTS) sim.receipts.splice(0, sim.receipts.length - KEEP_RECEIPTS);
    });
    return sim;
  });
}
