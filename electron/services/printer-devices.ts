// The station's data page printers: configured like any device (kind 'printer'), reached
// over IPP at their URL (driver 'ipp') or, in the Electron app, through the operating
// system's spooler by the printer's system name (driver 'system-print'). They speak HTTP or
// go through the OS, not a byte stream, so they are watched here (a status question every
// few seconds) rather than by the device manager. Everything else knows only the
// DataPagePrinter interface of native/printer.ts.
import { IppPrinter } from '../../native/drivers/ipp/ipp-printer';
import type { DataPagePrinter, PageMedia, PrintOutcome, PrintProgress } from '../../native/printer';
import type { Result } from '../../native/result';
import { offsetIsValid } from '../../domain/data-page-geometry';
import type { PrintOffsetMm } from '../../domain/data-page-geometry';
import type { DeviceSlot, DeviceTestResult } from '../contract-types';
import type { DeviceConfigRecord } from '../store/devices-repo';
import type { DeviceSlots } from './devices';

export const PRINTER_DRIVERS = [
  { name: 'ipp', kind: 'printer' as const, simulator: 'ipp' },
  { name: 'system-print', kind: 'printer' as const },
];
export const PAGE_MEDIA: PageMedia = { widthMm: 125, heightMm: 88 };
const POLL_MS = 10_000;

/** Builds a printer that goes through the OS spooler; only the Electron shell can. */
export type SystemPrinterFactory = (deviceName: string) => DataPagePrinter;

interface Entry { config: DeviceConfigRecord; printer: DataPagePrinter | null; printing: boolean }

/** A printer's offsets as stored in its device settings (mm); zero when absent or invalid. */
export function offsetsOf(settings: Record<string, unknown>): PrintOffsetMm {
  const o = { x: Number(settings.offsetXMm ?? 0), y: Number(settings.offsetYMm ?? 0) };
  return offsetIsValid(o) ? o : { x: 0, y: 0 };
}

export class PrinterDevices {
  private entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly slots: DeviceSlots, private readonly systemPrinter?: SystemPrinterFactory) {}

  static handles(driver: string): boolean {
    return PRINTER_DRIVERS.some((d) => d.name === driver);
  }

  /** `simulated`: these are the stand-ins used while no device is configured. */
  async start(configs: DeviceConfigRecord[], simulated: boolean): Promise<void> {
    for (const config of configs) {
      const printer = this.create(config);
      this.entries.set(config.id, { config, printer, printing: false });
      this.slots.set(printer
        ? { id: config.id, kind: 'printer', label: config.label, driver: config.driver, state: 'connecting', simulated }
        : { id: config.id, kind: 'printer', label: config.label, driver: config.driver, state: 'error', simulated, message: { key: 'device.system.unavailable' } });
    }
    await this.poll();
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.entries.clear();
  }

  private create(c: DeviceConfigRecord): DataPagePrinter | null {
    if (c.driver === 'ipp') return new IppPrinter({ url: String(c.port.url ?? ''), allowUntrustedTls: c.settings.allowUntrustedTls === true, timeoutMs: 5000 });
    if (c.driver === 'system-print') return this.systemPrinter ? this.systemPrinter(String(c.port.path ?? '')) : null;
    return null;
  }

  /** Asks each idle printer how it is; a printing one reports through its job instead. */
  async poll(): Promise<void> {
    await Promise.all([...this.entries.values()].map(async (e) => {
      if (!e.printer || e.printing) return;
      const st = await e.printer.status();
      const slot = this.slot(e.config.id);
      if (!slot) return;
      const next: DeviceSlot = st.ok
        ? { ...slot, state: st.value.problem ? 'error' : st.value.state === 'processing' ? 'busy' : 'connected', message: st.value.problem }
        : { ...slot, state: st.error.code === 'timeout' ? 'unresponsive' : 'disconnected', message: { key: st.error.key, ...(st.error.params ? { params: st.error.params } : {}) } };
      if (next.state !== slot.state || next.message?.key !== slot.message?.key) this.slots.set(withoutEmptyMessage(next));
    }));
  }

  private slot(id: string): DeviceSlot | undefined {
    return this.slots.list().find((s) => s.id === id);
  }

  /** New settings (offsets) for a running printer; its connection stays as it is. */
  updateConfig(config: DeviceConfigRecord): void {
    const e = this.entries.get(config.id);
    if (e) e.config = config;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  config(id: string): DeviceConfigRecord | undefined {
    return this.entries.get(id)?.config;
  }

  /** The first configured printer that can print (the issuance work picks one). */
  first(): { id: string; printer: DataPagePrinter } | null {
    for (const [id, e] of this.entries) if (e.printer) return { id, printer: e.printer };
    return null;
  }

  /** The printer the operator chose for a batch, if it is a configured one that can print. */
  get(id: string): { id: string; printer: DataPagePrinter } | null {
    const e = this.entries.get(id);
    return e?.printer ? { id, printer: e.printer } : null;
  }

  async test(id: string): Promise<DeviceTestResult | null> {
    const e = this.entries.get(id);
    if (!e) return null;
    if (!e.printer) return { ok: false, checks: [{ name: 'link', ok: false, detail: e.config.driver }], message: { key: 'device.system.unavailable' } };
    const st = await e.printer.status();
    if (!st.ok) {
      return { ok: false, checks: [{ name: 'link', ok: false, detail: st.error.detail ?? st.error.key }], message: { key: st.error.key, ...(st.error.params ? { params: st.error.params } : {}) } };
    }
    const fit = await e.printer.fitness(PAGE_MEDIA);
    const f = fit.ok ? fit.value : null;
    const problem = f?.problems[0] ?? st.value.problem;
    return {
      ok: st.ok && f !== null && f.problems.length === 0 && !st.value.problem,
      identity: { model: st.value.model ?? e.printer.kind, ...(f?.media ? { media: f.media } : {}) },
      checks: [
        { name: 'link', ok: true, detail: e.printer.address },
        { name: 'pdf', ok: f?.acceptsPdf ?? false, detail: f?.formats.join(', ') ?? '' },
        { name: 'media', ok: f?.mediaSupported ?? false, detail: f?.media ?? '125 × 88 mm' },
        { name: 'ready', ok: !st.value.problem, detail: st.value.reasons.join(', ') || st.value.state },
      ],
      ...(problem ? { message: problem } : {}),
    };
  }

  /**
   * Prints one page and waits for the printer's verdict; the device's slot shows each step
   * (sending, waiting for books, printing) on every screen's status bar meanwhile.
   */
  async print(id: string, pdf: Uint8Array, name: string, signal?: AbortSignal): Promise<Result<PrintOutcome> | null> {
    const e = this.entries.get(id);
    if (!e?.printer) return null;
    e.printing = true;
    const show = (p: PrintProgress) => {
      const slot = this.slot(id);
      if (slot) this.slots.set({ ...slot, state: p.phase === 'stopped' ? 'error' : p.phase === 'completed' ? 'connected' : 'busy', message: p.message });
    };
    try {
      const r = await e.printer.print({ pdf, name, media: PAGE_MEDIA }, { onProgress: show, ...(signal ? { signal } : {}) });
      const slot = this.slot(id);
      if (slot && !r.ok) this.slots.set({ ...slot, state: 'error', message: { key: r.error.key, ...(r.error.params ? { params: r.error.params } : {}) } });
      return r;
    } finally {
      e.printing = false;
    }
  }
}

function withoutEmptyMessage(s: DeviceSlot): DeviceSlot {
  if (s.message) return s;
  const { message: _none, ...rest } = s;
  return rest;
}
