// The in-process device simulators (marked *simulasi*): they stand in for the devices while
// the technician has configured none (quick start, demo, training, tests), and act on the
// trainer's or a test's request (devices.simulate): a document presented, a finger placed,
// a fault injected. Apart from the device service, which runs them like real devices.
import type { DevicePort } from '../contract-types';
import type { DeviceConfigRecord } from '../store/devices-repo';
import { zfmMemorySim } from '../../native/sim/zfm-memory-sim';
import { gt521MemorySim } from '../../native/sim/gt521-memory-sim';
import type { FingerprintSim } from '../../native/sim/fingerprint-sim';
import { mrzMemorySim, barcodeMemorySim } from '../../native/sim/reader-memory-sims';
import { FINGER_QUALITIES } from '../../native/sim/synthetic-finger';
import type { FingerQuality } from '../../native/sim/synthetic-finger';
import { SIM_FAULTS } from '../../native/sim/fingerprint-sim';
import type { SimFault } from '../../native/sim/fingerprint-sim';
import type { MrzSimVariant } from '../../native/sim/mrz-sim';
import type { BarcodeSimVariant } from '../../native/sim/barcode-sim';
import type { IppSim, IppSimFault } from '../../native/sim/ipp-sim';
import type { EsclSim } from '../../native/sim/escl-sim';
import { IPP_SIM_FAULTS } from '../../native/sim/ipp-sim';
import { ESCPOS_DRIVER } from '../../native/drivers/escpos/escpos-device';
import { escposMemorySim } from '../../native/sim/escpos-memory-sim';
import { ESCPOS_SIM_FAULTS } from '../../native/sim/escpos-sim';
import type { EscPosSimFault } from '../../native/sim/escpos-sim';
import { StationError } from './errors';

/** What the trainer (or a test) asks a simulated device to do. */
export interface SimulateInput { id: string; action: 'present_document' | 'scan_code' | 'place_finger' | 'lift_finger' | 'fault' | 'feed_page'; lines?: string[]; code?: string; variant?: string }

export class DeviceSimulators {
  readonly sims = {
    zfm: zfmMemorySim({}, 'zfm'),
    gt521: gt521MemorySim({}, 'gt521'),
    mrz: mrzMemorySim('mrz', 'lines'),
    barcode: barcodeMemorySim('barcode', 'hid-pos'),
    escpos: escposMemorySim({}, 'escpos'),
  };
  private printerSim: IppSim | null = null;
  private scannerSim: EsclSim | null = null;

  /**
   * Demo mode: a simulated reader (either family) gets a finger by itself about a second
   * after the station starts asking, a new finger each time, lifted after the image went.
   */
  autoFingers(): void {
    for (const sim of [this.sims.zfm.sim, this.sims.gt521.sim] as FingerprintSim[]) {
      let polls = 0;
      let n = 0;
      let placed: string | undefined;
      sim.on('sensor', (signal) => {
        if (signal === 'polled_empty' && ++polls >= 10) {
          polls = 0;
          placed = `demo-${++n}`;
          sim.placeFinger(placed, 'clean');
        } else if (signal === 'image_sent') {
          polls = 0;
          // Lift only the finger placed here: a trainer (or a test) may have put its own.
          const mine = placed;
          placed = undefined;
          if (mine) setTimeout(() => { if (sim.fingerOnSensor === mine) sim.liftFinger(); }, 50);
        }
      });
    }
  }

  /** The in-process fingerprint simulator a 'sim' port names. */
  private fingerprintSim(name: unknown): FingerprintSim | undefined {
    return name === 'gt521' ? this.sims.gt521.sim : name === 'zfm' ? this.sims.zfm.sim : undefined;
  }

  /**
   * Simulated devices stand in while none is configured (quick start, demo, training).
   * They live in memory only: the first device the technician saves replaces them. The
   * printer and scanner simulators are kept for their faults.
   */
  configs(scannerUrl?: string, printerSim?: IppSim, scannerSim?: EsclSim): DeviceConfigRecord[] {
    this.printerSim = printerSim ?? null;
    this.scannerSim = scannerSim ?? null;
    const sim = (id: string, kind: DeviceConfigRecord['kind'], driver: string, label: string, port: DevicePort): DeviceConfigRecord =>
      ({ id, kind, driver, label, port: port as unknown as Record<string, unknown>, settings: {} });
    return [
      sim('fingerprint-sim', 'fingerprint', 'zfm', 'Sidik jari (simulasi)', { kind: 'sim', name: 'zfm' }),
      sim('mrz-sim', 'mrz', 'mrz-lines', 'Pembaca MRZ (simulasi)', { kind: 'sim', name: 'mrz' }),
      sim('barcode-sim', 'barcode', 'barcode-hid-pos', 'Pemindai kode (simulasi)', { kind: 'sim', name: 'barcode' }),
      ...(scannerUrl ? [sim('scanner-sim', 'document_scanner', 'escl', 'Pemindai dokumen (simulasi)', { kind: 'url', url: scannerUrl })] : []),
      ...(printerSim ? [sim('printer-sim', 'printer', 'ipp', 'Printer paspor (simulasi)', { kind: 'url', url: printerSim.url })] : []),
      sim('receipt-sim', 'printer', ESCPOS_DRIVER, 'Printer struk (simulasi)', { kind: 'sim', name: 'escpos' }),
    ];
  }

  /** Does what `input` asks of the simulator behind `cfg` (the caller checked it is simulated). */
  async act(cfg: DeviceConfigRecord, input: SimulateInput, pollPrinters: () => Promise<void>): Promise<null> {
    let sent = false;
    if (input.action === 'present_document' && cfg.kind === 'mrz') {
      sent = await this.sims.mrz.present(input.lines ?? [], (input.variant ?? 'good') as MrzSimVariant);
    } else if (input.action === 'feed_page' && cfg.kind === 'mrz') {
      // A printed page (its MRZ lines) laid in the simulated reader's tray for the quality check.
      this.sims.mrz.feedPage(input.lines ?? []);
      sent = true;
    } else if (input.action === 'scan_code' && cfg.kind === 'barcode') {
      sent = await this.sims.barcode.scan(input.code ?? '', (input.variant ?? 'good') as BarcodeSimVariant);
    } else if (cfg.kind === 'fingerprint' && input.action === 'place_finger' && this.fingerprintSim(cfg.port.name)) {
      // `code` names the finger (each name a stable pattern), `variant` its quality.
      const quality = FINGER_QUALITIES.includes(input.variant as FingerQuality) ? (input.variant as FingerQuality) : 'clean';
      this.fingerprintSim(cfg.port.name)!.placeFinger(input.code ?? 'finger', quality);
      sent = true;
    } else if (cfg.kind === 'fingerprint' && input.action === 'lift_finger' && this.fingerprintSim(cfg.port.name)) {
      this.fingerprintSim(cfg.port.name)!.liftFinger();
      sent = true;
    } else if (cfg.kind === 'fingerprint' && input.action === 'fault' && SIM_FAULTS.includes(input.variant as SimFault) && this.fingerprintSim(cfg.port.name)) {
      this.fingerprintSim(cfg.port.name)!.inject(input.variant as SimFault);
      sent = true;
    } else if (cfg.driver === ESCPOS_DRIVER && input.action === 'fault') {
      // variant: paper-out | paper-near-end | cover-open | offline, or 'clear'.
      if (input.variant === 'clear') this.sims.escpos.sim.clearFaults();
      else if (ESCPOS_SIM_FAULTS.includes(input.variant as EscPosSimFault)) this.sims.escpos.sim.inject(input.variant as EscPosSimFault);
      else throw new StationError('bad_input', { reason: 'action_kind' }, 'variant');
      return null;
    } else if (cfg.kind === 'document_scanner' && input.action === 'fault' && this.scannerSim) {
      // Training and tests: 'slow' makes each page take 15 s (a flatbed at a high resolution), 'clear' undoes it.
      if (input.variant === 'slow') this.scannerSim.setPageDelay(15_000);
      else if (input.variant === 'clear') this.scannerSim.setPageDelay(0);
      else throw new StationError('bad_input', { reason: 'action_kind' }, 'variant');
      return null;
    } else if (cfg.kind === 'printer' && input.action === 'fault' && this.printerSim) {
      // variant: media-jam | media-empty | door-open | offline, or 'clear' to put things right.
      if (input.variant === 'clear') this.printerSim.clear();
      else if (IPP_SIM_FAULTS.includes(input.variant as IppSimFault)) this.printerSim.inject(input.variant as IppSimFault);
      else throw new StationError('bad_input', { reason: 'action_kind' }, 'variant');
      await pollPrinters();
      return null;
    } else {
      throw new StationError('bad_input', { reason: 'action_kind' }, 'action');
    }
    if (!sent) throw new StationError('device', { key: 'device.disconnected', address: `sim:${String(cfg.port.name)}` });
    return null;
  }
}
