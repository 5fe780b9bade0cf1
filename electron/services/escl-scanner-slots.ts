// The eSCL document scanners: they speak HTTP, not a byte stream, so the device manager
// does not run them; here each configured scanner gets a slot in the status bar, kept true
// by polling its status and by our own scan jobs, and the technician's test.
import type { DeviceSlot, DeviceTestResult, DevicePort } from '../contract-types';
import type { DeviceConfigRecord } from '../store/devices-repo';
import { isFingerprint, normaliseFingerprint } from '../../native/drivers/escl/pinned-https';
import { esclScanner } from './escl-scanner';
import type { DocumentScannerPort } from './document-scanner-port';
import type { DeviceSlots } from './devices';
import { StationError } from './errors';

export const ESCL_DRIVER = { name: 'escl', kind: 'document_scanner' as const };
const ESCL_POLL_MS = 10_000;

export class EsclScannerSlots {
  private readonly scanners = new Map<string, DocumentScannerPort & { client: ReturnType<typeof esclScanner>['client'] }>();
  private timer: NodeJS.Timeout | undefined;
  /** Scan jobs of ours running per scanner (the slot is busy while any runs). */
  private readonly jobsRunning = new Map<string, number>();

  constructor(private readonly slots: DeviceSlots) {}

  /** Watches the configured eSCL scanners: each polled now, then every 10 s. */
  async start(configs: DeviceConfigRecord[]): Promise<void> {
    for (const c of configs) {
      const url = String(c.port.url ?? '');
      // An https scanner is trusted by the certificate the technician confirmed (pinned on first use).
      const pin = typeof c.settings.certSha256 === 'string' ? { certSha256: c.settings.certSha256 } : {};
      this.scanners.set(c.id, esclScanner(url, { onJob: (running) => this.job(c.id, running) }, pin));
      this.slots.set({ id: c.id, kind: 'document_scanner', label: c.label, driver: 'escl', state: 'connecting', simulated: url.includes('127.0.0.1') });
    }
    await this.pollAll();
    this.timer = setInterval(() => void this.pollAll(), ESCL_POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.scanners.clear();
  }

  /** The first configured document scanner. */
  first(): DocumentScannerPort | null {
    return this.scanners.values().next().value ?? null;
  }

  /** The technician's test of one scanner: its capabilities and status; null when `id` is none of them. */
  async test(id: string): Promise<DeviceTestResult | null> {
    const scanner = this.scanners.get(id);
    if (!scanner) return null;
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

  /**
   * A job of ours starts or ends: the slot says busy at once (every screen sees it through
   * device.status), and afterwards the scanner's own status decides what it is again.
   */
  private job(id: string, running: boolean): void {
    this.jobsRunning.set(id, Math.max(0, (this.jobsRunning.get(id) ?? 0) + (running ? 1 : -1)));
    const slot = this.slots.list().find((x) => x.id === id);
    if (!slot) return;
    if (running) {
      if (slot.state !== 'busy') this.slots.set({ ...slot, state: 'busy', message: undefined });
      return;
    }
    void this.poll(id).catch(() => undefined);
  }

  async pollAll(): Promise<void> {
    for (const id of this.scanners.keys()) await this.poll(id);
  }

  private async poll(id: string): Promise<void> {
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
}

/** An eSCL scanner's settings: a pin only for https, and only a well-formed SHA-256 fingerprint. */
export function esclSettings(port: DevicePort, settings: Record<string, unknown>): Record<string, unknown> {
  const { certSha256, ...rest } = settings;
  if (certSha256 === undefined || certSha256 === '') return rest;
  if (port.kind !== 'url' || !/^https:\/\//i.test(port.url)) return rest;
  if (typeof certSha256 !== 'string' || !isFingerprint(certSha256)) throw new StationError('bad_input', { reason: 'cert_fingerprint' }, 'settings.certSha256');
  return { ...rest, certSha256: normaliseFingerprint(certSha256) };
}
