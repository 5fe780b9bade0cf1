// The station's devices: configured by the technician (stored in the station's SQLite),
// run by the device manager of native/, reported to every screen's status bar, and
// turned into contract events (an MRZ read, a booking code scanned). The eSCL document
// scanner speaks HTTP, not a byte stream, so it is watched here rather than by the manager;
// so are the data page printers (printer-devices.ts).
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
import type { DeviceConfigRecord } from '../store/devices-repo';
import type { Store } from '../store/store';
import { esclScanner } from './escl-scanner';
import { EsclClient } from '../../native/drivers/escl/escl-client';
import { browseEscl } from '../../native/drivers/escl/escl-discovery';
import { ESCL_KEYS } from '../../native/drivers/escl/escl-keys';
import { isFingerprint, normaliseFingerprint } from '../../native/drivers/escl/pinned-https';
import type { DocumentScannerPort } from './document-scanner-port';
import { StationError } from './errors';
import type { DeviceSlots } from './devices';
import { PRINTER_DRIVERS, PrinterDevices } from './printer-devices';
import type { SystemPrinterFactory } from './printer-devices';
import type { IppSim, IppSimFault } from '../../native/sim/ipp-sim';
import type { EsclSim } from '../../native/sim/escl-sim';
import { IPP_SIM_FAULTS } from '../../native/sim/ipp-sim';
import { parseIppUrl } from '../../native/drivers/ipp/ipp-url';
import { ESCPOS_DRIVER, escposDriverFactory, paperOf } from '../../native/drivers/escpos/escpos-device';
import type { EscPosPrinter } from '../../native/drivers/escpos/driver';
import { escposConnection } from '../../native/drivers/escpos/connection';
import { renderReceipt } from '../../native/drivers/escpos/escpos-document';
import { escposMemorySim } from '../../native/sim/escpos-memory-sim';
import { ESCPOS_SIM_FAULTS } from '../../native/sim/escpos-sim';
import type { EscPosSimFault } from '../../native/sim/escpos-sim';
import { testPage } from '../../domain/receipt-layout';

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
const ESCL_DRIVER = { name: 'escl', kind: 'document_scanner' as const };
const ESCL_POLL_MS = 10_000;

type Broadcast = <E extends keyof Events>(event: E, payload: Events[E]) => void;

export class DeviceService {
  private manager: DeviceManager;
  private readonly sims = {
    zfm: zfmMemorySim({}, 'zfm'),
    gt521: gt521MemorySim({}, 'gt521'),
    mrz: mrzMemorySim('mrz', 'lines'),
    barcode: barcodeMemorySim('barcode', 'hid-pos'),
    escpos: escposMemorySim({}, 'escpos'),
  };
  private scanners = new Map<string, DocumentScannerPort & { client: ReturnType<typeof esclScanner>['client'] }>();
  private scannerTimer: NodeJS.Timeout | undefined;
  /** Scan jobs of ours running per scanner (the slot is busy while any runs). */
  private readonly jobsRunning = new Map<string, number>();
  private unwire: (() => void)[] = [];
  private simulated: DeviceConfigRecord[] = [];
  private printerSim: IppSim | null = null;
  private scannerSim: EsclSim | null = null;
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
    this.manager = this.newManager();
    this.printers = new PrinterDevices(slots, systemPrinter);
  }

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

  private newManager(): DeviceManager {
    // A receipt printer's path may be a USB printer-class node or a spooler queue, not a serial line.
    const m = new DeviceManager({ drivers: DRIVERS, simulators: Object.values(this.sims), openSerial: (path, baud) => escposConnection(path, baud).transport });
    m.on('status', (s) => this.slots.set(toSlot(s)));
    return m;
  }

  /**
   * Simulated devices stand in while none is configured (quick start, demo, training).
   * They live in memory only: the first device the technician saves replaces them.
   */
  useSimulators(scannerUrl?: string, printerSim?: IppSim, scannerSim?: EsclSim): void {
    this.printerSim = printerSim ?? null;
    this.scannerSim = scannerSim ?? null;
    const sim = (id: string, kind: DeviceConfigRecord['kind'], driver: string, label: string, port: DevicePort): DeviceConfigRecord =>
      ({ id, kind, driver, label, port: port as unknown as Record<string, unknown>, settings: {} });
    this.simulated = [
      sim('fingerprint-sim', 'fingerprint', 'zfm', 'Sidik jari (simulasi)', { kind: 'sim', name: 'zfm' }),
      sim('mrz-sim', 'mrz', 'mrz-lines', 'Pembaca MRZ (simulasi)', { kind: 'sim', name: 'mrz' }),
      sim('barcode-sim', 'barcode', 'barcode-hid-pos', 'Pemindai kode (simulasi)', { kind: 'sim', name: 'barcode' }),
      ...(scannerUrl ? [sim('scanner-sim', 'document_scanner', 'escl', 'Pemindai dokumen (simulasi)', { kind: 'url', url: scannerUrl })] : []),
      ...(printerSim ? [sim('printer-sim', 'printer', 'ipp', 'Printer paspor (simulasi)', { kind: 'url', url: printerSim.url })] : []),
      sim('receipt-sim', 'printer', ESCPOS_DRIVER, 'Printer struk (simulasi)', { kind: 'sim', name: 'escpos' }),
    ];
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
    for (const c of configs.filter((x) => x.driver === ESCL_DRIVER.name)) {
      const url = String(c.port.url ?? '');
      // An https scanner is trusted by the certificate the technician confirmed (pinned on first use).
      const pin = typeof c.settings.certSha256 === 'string' ? { certSha256: c.settings.certSha256 } : {};
      this.scanners.set(c.id, esclScanner(url, { onJob: (running) => this.scannerJob(c.id, running) }, pin));
      this.slots.set({ id: c.id, kind: 'document_scanner', label: c.label, driver: 'escl', state: 'connecting', simulated: url.includes('127.0.0.1') });
    }
    await this.pollScanners();
    this.scannerTimer = setInterval(() => void this.pollScanners(), ESCL_POLL_MS);
    this.scannerTimer.unref();
    await this.printers.start(configs.filter((c) => PrinterDevices.handles(c.driver)), this.store.devices.all().length === 0);
  }

  async stop(): Promise<void> {
    clearInterval(this.scannerTimer);
    this.printers.stop();
    for (const u of this.unwire.splice(0)) u();
    await this.manager.stop();
    this.scanners.clear();
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

  /**
   * A job of ours starts or ends: the slot says busy at once (every screen sees it through
   * device.status), and afterwards the scanner's own status decides what it is again.
   */
  private scannerJob(id: string, running: boolean): void {
    this.jobsRunning.set(id, Math.max(0, (this.jobsRunning.get(id) ?? 0) + (running ? 1 : -1)));
    const slot = this.slots.list().find((x) => x.id === id);
    if (!slot) return;
    if (running) {
      if (slot.state !== 'busy') this.slots.set({ ...slot, state: 'busy', message: undefined });
      return;
    }
    void this.pollScanner(id).catch(() => undefined);
  }

  private async pollScanners(): Promise<void> {
    for (const id of this.scanners.keys()) await this.pollScanner(id);
  }

  private async pollScanner(id: string): Promise<void> {
    const s = this.scanners.get(id);
    if (!s || !this.slots.list().some((x) => x.id === id)) return;
    const st = await s.client.status();
    // While a job of ours runs the slot stays busy, whatever a poll in between heard.
    const slot = this.slots.list().find((x) => x.id === id);
    if (!slot || (this.jobsRunning.get(id) ?? 0) > 0) return;
    const next: DeviceSlot = st.ok
      ? { ...slot, state: st.value.state === 'Processing' ? 'busy' : 'connected', message: undefined }
      : { ...slot, state: 'disconnected', message: { key: st.error.key, ...(st.error.params ? { params: st.error.params } : {}) } };
    if (next.state !== slot.state || next.message?.key !== slot.message?.key) this.slots.set(next);
  }

  // ---- what the other services use ----

  /** The first configured document scanner. */
  documentScanner(): DocumentScannerPort | null {
    return this.scanners.values().next().value ?? null;
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
    return this.sims.zfm.sim;
  }

  /** The in-process receipt printer simulator (its last receipts, for the training box and tests). */
  get receiptSim(): ReturnType<typeof escposMemorySim>['sim'] {
    return this.sims.escpos.sim;
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
    await this.pollScanners();
    return this.overview();
  }

  async test(id: string): Promise<DeviceTestResult> {
    const scanner = this.scanners.get(id);
    if (scanner) {
      const caps = await scanner.client.capabilities();
      const st = await scanner.client.status();
      return {
        ok: caps.ok && st.ok,
        ...(caps.ok ? { identity: { model: caps.value.makeAndModel ?? 'eSCL', platen: Boolean(caps.value.platen), feeder: Boolean(caps.value.feeder) } } : {}),
        checks: [
          { name: 'capabilities', ok: caps.ok, ...(caps.ok ? {} : { detail: caps.error.detail ?? caps.error.key }) },
          { name: 'status', ok: st.ok, ...(st.ok ? { detail: st.value.state } : { detail: st.error.detail ?? st.error.key }) },
        ],
        ...(!caps.ok ? { message: { key: caps.error.key, ...(caps.error.params ? { params: caps.error.params } : {}) } } : {}),
      };
    }
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
    this.sims.mrz.feedPage(lines);
    return true;
  }

  /** Demo: the simulated reader reads the page in its tray; false with a real reader or none fed. */
  readFedPage(): Promise<boolean> {
    return this.mrzSimulated() ? this.sims.mrz.readPage() : Promise.resolve(false);
  }

  async simulate(input: { id: string; action: 'present_document' | 'scan_code' | 'place_finger' | 'lift_finger' | 'fault' | 'feed_page'; lines?: string[]; code?: string; variant?: string }): Promise<null> {
    const cfg = this.configs().find((c) => c.id === input.id);
    const simulatedPrinter = cfg?.kind === 'printer' && this.simulated.includes(cfg) && this.store.devices.all().length === 0;
    const simulatedScanner = cfg?.kind === 'document_scanner' && this.simulated.includes(cfg) && this.store.devices.all().length === 0;
    if (!cfg || (cfg.port.kind !== 'sim' && !simulatedPrinter && !simulatedScanner)) throw new StationError('bad_input', { reason: 'not_simulated' }, 'id');
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
      await this.printers.poll();
      return null;
    } else {
      throw new StationError('bad_input', { reason: 'action_kind' }, 'action');
    }
    if (!sent) throw new StationError('device', { key: 'device.disconnected', address: `sim:${String(cfg.port.name)}` });
    return null;
  }
}

/** An eSCL scanner's settings: a pin only for https, and only a well-formed SHA-256 fingerprint. */
function esclSettings(port: DevicePort, settings: Record<string, unknown>): Record<string, unknown> {
  const { certSha256, ...rest } = settings;
  if (certSha256 === undefined || certSha256 === '') return rest;
  if (port.kind !== 'url' || !/^https:\/\//i.test(port.url)) return rest;
  if (typeof certSha256 !== 'string' || !isFingerprint(certSha256)) throw new StationError('bad_input', { reason: 'cert_fingerprint' }, 'settings.certSha256');
  return { ...rest, certSha256: normaliseFingerprint(certSha256) };
}

function toManagerConfig(c: DeviceConfigRecord): DeviceConfig {
  return { id: c.id, kind: c.kind, driver: c.driver, label: c.label, port: c.port as unknown as DeviceConfig['port'], settings: c.settings };
}

function toSlot(s: DeviceStatus): DeviceSlot {
  return { id: s.id, kind: s.kind, label: s.label, driver: s.driver, state: s.state, simulated: s.simulated, ...(s.message ? { message: s.message } : {}) };
}
