// The station's devices: configured by the technician (stored in the station's SQLite),
// run by the device manager of native/, reported to every screen's status bar, and
// turned into contract events (an MRZ read, a booking code scanned). The eSCL document
// scanners speak HTTP, not a byte stream, so they are watched beside the manager
// (escl-scanner-slots.ts); so are the data page printers (printer-devices.ts). The
// simulators that stand in for unconfigured devices live in device-simulators.ts.
import type { DeviceSlot, DevicesOverview, DeviceTestResult, DeviceView, TraceView, DeviceKind, DevicePort, ScannerCertificateView, DiscoveredScannerView } from '../contract-types';
import type { Events } from '../contract';
import { DeviceManager } from '../../native/manager';
import type { DeviceConfig, DeviceStatus } from '../../native/manager';
import type { DriverFactory } from '../../native/device-driver';
import { zfmDriverFactory } from '../../native/drivers/zfm/zfm-device';
import { gt521DriverFactory } from '../../native/drivers/gt521/gt521-device';
import type { FingerprintReader } from '../../native/drivers/fingerprint-reader';
import { mrzDriverFactory } from '../../native/drivers/mrz/mrz-device';
import type { MrzSource } from '../../native/drivers/mrz/mrz-device';
import { barcodeDriverFactory } from '../../native/drivers/barcode/barcode-device';
import type { BarcodeSource } from '../../native/drivers/barcode/barcode-device';
import type { zfmMemorySim } from '../../native/sim/zfm-memory-sim';
import type { DeviceConfigRecord } from '../store/devices-repo';
import type { Store } from '../store/store';
import { EsclClient } from '../../native/drivers/escl/escl-client';
import { browseEscl } from '../../native/drivers/escl/escl-discovery';
import { ESCL_KEYS } from '../../native/drivers/escl/escl-keys';
import type { DocumentScannerPort } from './document-scanner-port';
import { StationError } from './errors';
import type { DeviceSlots } from './devices';
import { PRINTER_DRIVERS, PrinterDevices } from './printer-devices';
import type { SystemPrinterFactory } from './printer-devices';
import type { IppSim } from '../../native/sim/ipp-sim';
import type { EsclSim } from '../../native/sim/escl-sim';
import { parseIppUrl } from '../../native/drivers/ipp/ipp-url';
import { ESCPOS_DRIVER, escposDriverFactory, paperOf } from '../../native/drivers/escpos/escpos-device';
import type { EscPosPrinter } from '../../native/drivers/escpos/driver';
import { escposConnection } from '../../native/drivers/escpos/connection';
import { renderReceipt } from '../../native/drivers/escpos/escpos-document';
import type { escposMemorySim } from '../../native/sim/escpos-memory-sim';
import { testPage } from '../../domain/receipt-layout';
import { DeviceSimulators, type SimulateInput } from './device-simulators';
import { ESCL_DRIVER, EsclScannerSlots, esclSettings } from './escl-scanner-slots';

const DRIVERS: DriverFactory[] = [
  zfmDriverFactory,
  gt521DriverFactory,
  mrzDriverFactory('mrz-lines', 'lines'),
  mrzDriverFactory('mrz-rte', 'rte'),
  mrzDriverFactory('mrz-hid', 'hid-text'),
  barcodeDriverFactory('barcode-hid-pos', 'hid-pos'),
  barcodeDriverFactory('barcode-serial', 'lines'),
  escposDriverFactory,
];

type Broadcast = <E extends keyof Events>(event: E, payload: Events[E]) => void;

export class DeviceService {
  private manager: DeviceManager;
  private readonly simulators = new DeviceSimulators();
  private readonly escl: EsclScannerSlots;
  private unwire: (() => void)[] = [];
  private simulated: DeviceConfigRecord[] = [];
  readonly printers: PrinterDevices;
  /** Who waits for the next MRZ read besides the screens (the print quality check). */
  private readonly mrzWatchers = new Set<(lines: string[]) => void>();

  constructor(
    private readonly store: Store,
    private readonly slots: DeviceSlots,
    private readonly broadcast: Broadcast,
    private readonly now: () => Date,
    systemPrinter?: SystemPrinterFactory,
  ) {
    this.escl = new EsclScannerSlots(slots);
    this.manager = this.newManager();
    this.printers = new PrinterDevices(slots, systemPrinter);
  }

  private newManager(): DeviceManager {
    // A receipt printer's path may be a USB printer-class node or a spooler queue, not a serial line.
    const m = new DeviceManager({ drivers: DRIVERS, simulators: Object.values(this.simulators.sims), openSerial: (path, baud) => escposConnection(path, baud).transport });
    m.on('status', (s) => this.slots.set(toSlot(s)));
    return m;
  }

  /**
   * Simulated devices stand in while none is configured (quick start, demo, training).
   * They live in memory only: the first device the technician saves replaces them.
   */
  useSimulators(scannerUrl?: string, printerSim?: IppSim, scannerSim?: EsclSim): void {
    this.simulated = this.simulators.configs(scannerUrl, printerSim, scannerSim);
  }

  /** Demo mode: simulated readers get fingers by themselves (device-simulators.ts). */
  autoFingers(): void {
    this.simulators.autoFingers();
  }

  /** What runs: the technician's configuration, or the simulators while there is none. */
  private configs(): DeviceConfigRecord[] {
    const stored = this.store.devices.all();
    return stored.length > 0 ? stored : this.simulated;
  }

  async start(): Promise<void> {
    const configs = this.configs();
    const managed = configs.filter((c) => c.driver !== ESCL_DRIVER.name && !PrinterDevices.handles(c.driver)).map(toManagerConfig);
    await this.manager.start(managed);
    for (const c of managed) this.wireEvents(c.id, c.kind);
    await this.escl.start(configs.filter((x) => x.driver === ESCL_DRIVER.name));
    await this.printers.start(configs.filter((c) => PrinterDevices.handles(c.driver)), this.store.devices.all().length === 0);
  }

  async stop(): Promise<void> {
    this.escl.stop();
    this.printers.stop();
    for (const u of this.unwire.splice(0)) u();
    await this.manager.stop();
  }

  /** Applies a configuration change: the whole device set restarts (seconds, rare). */
  private async restart(): Promise<void> {
    await this.stop();
    for (const slot of this.slots.list()) this.slots.remove(slot.id);
    this.manager = this.newManager();
    await this.start();
  }

  private wireEvents(id: string, kind: DeviceKind): void {
    if (kind === 'mrz') {
      const src = this.manager.driver<MrzSource>(id);
      const onDoc = (d: { lines: string[]; framing: string; bccUnverified?: boolean }) => {
        this.clearFlag(id);
        for (const w of this.mrzWatchers) w(d.lines);
        this.broadcast('mrz.read', { deviceId: id, lines: d.lines, framing: d.framing, ...(d.bccUnverified ? { bccUnverified: true } : {}) });
      };
      const onErr = (e: { key: string; params?: Record<string, string | number> }) => this.flagSlot(id, e);
      src?.on('document', onDoc);
      src?.on('error', onErr);
      this.unwire.push(() => { src?.off('document', onDoc); src?.off('error', onErr); });
    } else if (kind === 'barcode') {
      const src = this.manager.driver<BarcodeSource>(id);
      const onScan = (s: { code: string; symbology?: string }) => {
        this.clearFlag(id);
        this.broadcast('barcode.scanned', { deviceId: id, code: s.code, ...(s.symbology ? { symbology: s.symbology } : {}) });
      };
      const onErr = (e: { key: string; params?: Record<string, string | number> }) => this.flagSlot(id, e);
      src?.on('scan', onScan);
      src?.on('error', onErr);
      this.unwire.push(() => { src?.off('scan', onScan); src?.off('error', onErr); });
    }
  }

  /** A reader that sent garbage stays connected, but its slot says what happened. */
  private flagSlot(id: string, message: { key: string; params?: Record<string, string | number> }): void {
    const slot = this.slots.list().find((s) => s.id === id);
    if (slot) this.slots.set({ ...slot, message });
  }

  private clearFlag(id: string): void {
    const slot = this.slots.list().find((s) => s.id === id);
    if (slot?.message && slot.state === 'connected') {
      const { message: _cleared, ...rest } = slot;
      this.slots.set(rest);
    }
  }

  // ---- what the other services use ----

  /** The first configured document scanner. */
  documentScanner(): DocumentScannerPort | null {
    return this.escl.first();
  }

  /** The first fingerprint reader that is configured, with its id (whatever its family). */
  fingerprintReader(): { id: string; reader: FingerprintReader } | null {
    const st = this.manager.list().find((s) => s.kind === 'fingerprint');
    const reader = st && this.manager.driver<FingerprintReader>(st.id);
    return st && reader ? { id: st.id, reader } : null;
  }

  /** The first receipt printer the manager runs, with its paper width. */
  receiptPrinter(): { id: string; printer: EscPosPrinter; paperMm: 58 | 80 } | null {
    const st = this.manager.list().find((s) => s.driver === ESCPOS_DRIVER);
    const printer = st && this.manager.driver<EscPosPrinter>(st.id);
    const config = st && this.configs().find((c) => c.id === st.id);
    return st && printer ? { id: st.id, printer, paperMm: paperOf(config?.settings ?? {}) } : null;
  }

  /** The in-process ZFM simulator (a bench paces it and reads its wire time). */
  get zfmSim(): ReturnType<typeof zfmMemorySim>['sim'] {
    return this.simulators.sims.zfm.sim;
  }

  /** The in-process receipt printer simulator (its last receipts, for the training box and tests). */
  get receiptSim(): ReturnType<typeof escposMemorySim>['sim'] {
    return this.simulators.sims.escpos.sim;
  }

  /** A data page printer's configuration (stored, or the simulated one), or not_found. */
  printerConfig(id: string): DeviceConfigRecord {
    const c = this.configs().find((x) => x.id === id && x.kind === 'printer');
    if (!c) throw new StationError('not_found');
    return c;
  }

  /**
   * Changes a printer's own settings (its offsets) without restarting the devices: they are
   * read when a page is composed. A simulated printer keeps them in memory only.
   */
  setPrinterSettings(officerId: string, id: string, patch: Record<string, number | boolean>): DeviceConfigRecord {
    const c = this.printerConfig(id);
    const next = { ...c, settings: { ...c.settings, ...patch } };
    const at = this.now().toISOString();
    const stored = this.store.devices.all().some((d) => d.id === id);
    this.store.tx(() => {
      if (stored) this.store.devices.upsert(next, at);
      this.store.audit.append(officerId, 'device.settings', { id, ...patch }, at);
    });
    if (!stored) this.simulated = this.simulated.map((d) => (d.id === id ? next : d));
    this.printers.updateConfig(next);
    return next;
  }

  // ---- technician ----

  async overview(): Promise<DevicesOverview> {
    const listing = await DeviceManager.listPorts().catch((err: Error) => ({ ports: [], problems: [err.message] }));
    const statuses = new Map(this.manager.list().map((s) => [s.id, s]));
    const slots = new Map(this.slots.list().map((s) => [s.id, s]));
    const devices: DeviceView[] = this.configs().map((c) => {
      const st = statuses.get(c.id);
      return {
        id: c.id, kind: c.kind, driver: c.driver, label: c.label, port: c.port as DevicePort, settings: c.settings,
        status: slots.get(c.id) ?? { id: c.id, kind: c.kind, label: c.label, driver: c.driver, state: 'not_configured', simulated: false },
        ...(st?.address ? { address: st.address } : {}), ...(st?.identity ? { identity: st.identity } : {}),
      };
    });
    return {
      devices, ports: listing.ports, problems: listing.problems,
      drivers: [...DRIVERS.map((d) => ({ name: d.name, kind: d.kind, simulator: d.kind === 'fingerprint' || d.name === ESCPOS_DRIVER ? d.name : d.kind === 'mrz' ? 'mrz' : 'barcode' })), ESCL_DRIVER, ...PRINTER_DRIVERS],
    };
  }

  async save(officerId: string, d: { id: string; kind: DeviceConfigRecord['kind']; driver: string; label: string; port: DevicePort; settings: Record<string, unknown> }): Promise<DevicesOverview> {
    const known = d.driver === ESCL_DRIVER.name ? ESCL_DRIVER : DRIVERS.find((x) => x.name === d.driver) ?? PRINTER_DRIVERS.find((x) => x.name === d.driver);
    if (!known) throw new StationError('bad_input', { reason: 'unknown_driver' }, 'driver');
    if (known.kind !== d.kind) throw new StationError('bad_input', { reason: 'driver_kind' }, 'driver');
    const urlDriver = d.driver === ESCL_DRIVER.name || d.driver === 'ipp';
    if (urlDriver !== (d.port.kind === 'url')) throw new StationError('bad_input', { reason: 'port_kind' }, 'port');
    if (d.driver === 'system-print' && d.port.kind !== 'path') throw new StationError('bad_input', { reason: 'port_kind' }, 'port');
    if (d.driver === 'ipp' && d.port.kind === 'url' && !/^ipps?:\/\//i.test(d.port.url)) throw new StationError('bad_input', { reason: 'ipp_url' }, 'port.url');
    if (d.driver === 'ipp' && d.port.kind === 'url' && !parseIppUrl(d.port.url)) throw new StationError('bad_input', { reason: 'ipp_url' }, 'port.url');
    if (d.driver === ESCPOS_DRIVER && d.settings.paperMm !== undefined && d.settings.paperMm !== 58 && d.settings.paperMm !== 80) throw new StationError('bad_input', { reason: 'paper_width' }, 'settings.paperMm');
    if (d.driver === ESCL_DRIVER.name) d = { ...d, settings: esclSettings(d.port, d.settings) };
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.store.devices.upsert({ ...d, port: d.port as unknown as Record<string, unknown> }, at);
      this.store.audit.append(officerId, 'device.save', { id: d.id, kind: d.kind, driver: d.driver, port: d.port }, at);
    });
    await this.restart();
    return this.overview();
  }

  /** The certificate an https scanner presents, for the technician to compare before trusting it. */
  async scannerCertificate(url: string): Promise<ScannerCertificateView> {
    const r = await new EsclClient({ baseUrl: url, requestTimeoutMs: 5000 }).peerCertificate();
    if (!r.ok) throw new StationError('device', { key: r.error.key, ...r.error.params });
    return r.value;
  }

  /** eSCL scanners that answer an mDNS question within `seconds`. */
  async discoverScanners(seconds: number): Promise<DiscoveredScannerView[]> {
    try {
      return await browseEscl({ ms: seconds * 1000 });
    } catch (err) {
      throw new StationError('device', { key: ESCL_KEYS.discoveryUnavailable, reason: (err as Error)?.message ?? String(err) });
    }
  }

  async remove(officerId: string, id: string): Promise<DevicesOverview> {
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.store.devices.remove(id);
      this.store.audit.append(officerId, 'device.remove', { id }, at);
    });
    await this.restart();
    return this.overview();
  }

  async reconnect(id: string): Promise<DevicesOverview> {
    await this.manager.reconnect(id);
    await this.escl.pollAll();
    return this.overview();
  }

  async test(id: string): Promise<DeviceTestResult> {
    const scanned = await this.escl.test(id);
    if (scanned) return scanned;
    const printed = await this.printers.test(id);
    if (printed) return printed;
    const status = this.manager.status(id);
    if (!status) throw new StationError('not_found');
    if (status.driver === ESCPOS_DRIVER) return this.testReceiptPrinter(id, status.identity);
    if (status.kind === 'fingerprint') {
      const reader = this.manager.driver<FingerprintReader>(id);
      const checks = reader ? await reader.selfTest() : [];
      return { ok: checks.length > 0 && checks.every((c) => c.ok), ...(status.identity ? { identity: status.identity } : {}), checks };
    }
    // Readers and scanners only talk: the test is whether the link is up.
    const up = status.state === 'connected' || status.state === 'busy';
    return {
      ok: up, ...(status.identity ? { identity: status.identity } : {}),
      checks: [{ name: 'link', ok: up, detail: status.address ?? status.state }],
      ...(status.message ? { message: status.message } : {}),
    };
  }

  /** A receipt printer's test: its real-time status, then a test page when it can print. */
  private async testReceiptPrinter(id: string, identity: Record<string, string | number | boolean> | undefined): Promise<DeviceTestResult> {
    const printer = this.manager.driver<EscPosPrinter>(id);
    const paper = paperOf(this.configs().find((c) => c.id === id)?.settings ?? {});
    if (!printer) throw new StationError('not_found');
    const st = await printer.status();
    if (!st.ok) return { ok: false, checks: [{ name: 'status', ok: false, detail: st.error.detail ?? st.error.key }], message: { key: st.error.key, ...(st.error.params ? { params: st.error.params } : {}) } };
    const printed = await printer.print(renderReceipt(testPage(paper, this.now().toISOString()), paper));
    return {
      ok: printed.ok && st.value.problems.length === 0,
      ...(identity ? { identity } : {}),
      checks: [
        { name: 'status', ok: st.value.problems.length === 0, detail: st.value.problems.join(', ') || (printer.bidirectional ? 'ready' : 'no status on this link') },
        { name: 'test_page', ok: printed.ok, detail: `${paper} mm` },
      ],
      message: printed.ok ? (st.value.problems.length ? st.value.message : { key: 'device.escpos.printed' }) : { key: printed.error.key, ...(printed.error.params ? { params: printed.error.params } : {}) },
    };
  }

  trace(id: string, opts: { paused?: boolean; clear?: boolean }): TraceView {
    const t = this.manager.trace(id);
    if (!t) throw new StationError('not_found');
    if (opts.paused === true) t.pause();
    if (opts.paused === false) t.resume();
    if (opts.clear) t.clear();
    return { entries: t.list().slice(-500), paused: t.isPaused };
  }

  traceText(id: string): { fileName: string; text: string } {
    const t = this.manager.trace(id);
    if (!t) throw new StationError('not_found');
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    return { fileName: `loket-trace-${id}-${stamp}.txt`, text: t.toText(`Loket trace of ${id}`) };
  }

  /** Calls `watch` with each MRZ any reader reads until the returned function is called. */
  watchMrz(watch: (lines: string[]) => void): () => void {
    this.mrzWatchers.add(watch);
    return () => this.mrzWatchers.delete(watch);
  }

  /** Whether the MRZ reader in use is the in-process simulator (demo, training, tests). */
  private mrzSimulated(): boolean {
    return this.configs().some((c) => c.kind === 'mrz' && c.port.kind === 'sim' && c.port.name === 'mrz');
  }

  /** Demo: a printed page goes into the simulated reader's tray; false with a real reader. */
  feedPrintedPage(lines: readonly string[]): boolean {
    if (!this.mrzSimulated()) return false;
    this.simulators.sims.mrz.feedPage(lines);
    return true;
  }

  /** Demo: the simulated reader reads the page in its tray; false with a real reader or none fed. */
  readFedPage(): Promise<boolean> {
    return this.mrzSimulated() ? this.simulators.sims.mrz.readPage() : Promise.resolve(false);
  }

  async simulate(input: SimulateInput): Promise<null> {
    const cfg = this.configs().find((c) => c.id === input.id);
    const simulatedPrinter = cfg?.kind === 'printer' && this.simulated.includes(cfg) && this.store.devices.all().length === 0;
    const simulatedScanner = cfg?.kind === 'document_scanner' && this.simulated.includes(cfg) && this.store.devices.all().length === 0;
    if (!cfg || (cfg.port.kind !== 'sim' && !simulatedPrinter && !simulatedScanner)) throw new StationError('bad_input', { reason: 'not_simulated' }, 'id');
    return this.simulators.act(cfg, input, () => this.printers.poll());
  }
}

function toManagerConfig(c: DeviceConfigRecord): DeviceConfig {
  return { id: c.id, kind: c.kind, driver: c.driver, label: c.label, port: c.port as unknown as DeviceConfig['port'], settings: c.settings };
}

function toSlot(s: DeviceStatus): DeviceSlot {
  return { id: s.id, kind: s.kind, label: s.label, driver: s.driver, state: s.state, simulated: s.simulated, ...(s.message ? { message: s.message } : {}) };
}
