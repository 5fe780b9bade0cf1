// In-process MRZ reader and barcode scanner simulators for the manager's 'sim' ports
// (demo and training mode): each connect makes a fresh memory pair with the simulator on
// the device end; `present` / `scan` act as a passport laid on the reader or a code shown
// to the scanner, sending the bytes a real reader would.
import type { SimulatorFactory } from '../device-driver';
import { createMemoryPair } from '../transport/memory-pair';
import type { MemoryTransport } from '../transport/memory-pair';
import type { MrzFraming } from '../drivers/mrz/mrz-reader';
import type { BarcodeFraming } from '../drivers/barcode/barcode-scanner';
import { MrzReaderSim } from './mrz-sim';
import type { MrzSimVariant } from './mrz-sim';
import { BarcodeScannerSim } from './barcode-sim';
import type { BarcodeSimVariant } from './barcode-sim';

/** A fresh cable to the simulator on each connect: the host end for the manager, the device end for the simulator. */
async function memoryLink(name: string): Promise<[MemoryTransport, MemoryTransport]> {
  const [host, device] = createMemoryPair(`sim:${name}`);
  await device.open();
  await host.open();
  return [host, device];
}

export interface MrzMemorySim extends SimulatorFactory {
  present(lines: readonly string[], variant?: MrzSimVariant): Promise<boolean>;
  /**
   * A printed data page laid in the reader's tray (demo: the station feeds the page it just
   * printed; a test or trainer may feed another, e.g. a misprint); read by `readPage`.
   */
  feedPage(lines: readonly string[]): void;
  /** Reads the page in the tray (once) as the reader would send it; false when none or unplugged. */
  readPage(): Promise<boolean>;
}

export function mrzMemorySim(name: string, framing: MrzFraming): MrzMemorySim {
  let sim: MrzReaderSim | undefined;
  let tray: string[] | null = null;
  const present = async (lines: readonly string[], variant: MrzSimVariant = 'good') => {
    if (!sim || !sim.transport.isOpen) return false;
    await sim.present(lines, variant);
    return true;
  };
  return {
    name,
    async connect() {
      const [host, device] = await memoryLink(name);
      sim = new MrzReaderSim(device, { framing });
      return host;
    },
    present,
    feedPage(lines) {
      tray = [...lines];
    },
    async readPage() {
      if (!tray) return false;
      const page = tray;
      tray = null;
      return present(page);
    },
  };
}

export interface BarcodeMemorySim extends SimulatorFactory {
  scan(code: string, variant?: BarcodeSimVariant): Promise<boolean>;
}

export function barcodeMemorySim(name: string, framing: BarcodeFraming): BarcodeMemorySim {
  let sim: BarcodeScannerSim | undefined;
  return {
    name,
    async connect() {
      const [host, device] = await memoryLink(name);
      sim = new BarcodeScannerSim(device, { framing });
      return host;
    },
    async scan(code, variant = 'good') {
      if (!sim || !sim.transport.isOpen) return false;
      // QR code: what booking confirmations carry.
      await sim.scan(code, ']Q1', variant);
      return true;
    },
  };
}
