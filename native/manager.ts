// The device manager: configured devices (kind, driver, port, settings), connected at
// start, identified, watched. Each device has a status the station shows — exactly one of
// connecting / connected / busy / unresponsive / disconnected / error, with a translation
// key that says what to do — and a live traffic trace for the technician. After an unplug
// it reconnects with back-off; a USB device is found again by VID:PID after a replug.
import { EventEmitter } from 'node:events';
import type { DeviceHandle, DeviceKind, DriverFactory, SimulatorFactory } from './device-driver';
import { DEVICE_KEYS } from './result';
import type { DeviceMessage } from './result';
import { TrafficTrace } from './trace';
import type { TraceEntry } from './trace';
import { backoffDelay } from './transport/backoff';
import type { BackoffOptions } from './transport/backoff';
import { findUsbPort, listPorts } from './transport/port-list';
import type { PortListing } from './transport/port-list';
import { HidTransport } from './transport/hid';
import { SerialTransport } from './transport/serial';
import type { PortAddress, Transport } from './transport/transport';

export type DeviceState = 'connecting' | 'connected' | 'busy' | 'unresponsive' | 'disconnected' | 'error';

export interface DeviceConfig {
  id: string;
  kind: DeviceKind;
  /** Driver name, e.g. 'zfm'. */
  driver: string;
  label?: string;
  port: PortAddress;
  /** Driver settings (password, timeouts…); baudRate lives on the port. */
  settings?: Record<string, unknown>;
}

export interface DeviceStatus {
  id: string;
  kind: DeviceKind;
  driver: string;
  label: string;
  state: DeviceState;
  simulated: boolean;
  /** Where it is connected, e.g. "/dev/ttyUSB0" or "sim:zfm:host". */
  address?: string;
  message?: DeviceMessage;
  /** What identify learnt (model, packet size…), once connected. */
  identity?: Record<string, string | number | boolean>;
  /** When the state last changed (ms since the epoch). */
  since: number;
}

export interface DeviceManagerOptions {
  drivers: DriverFactory[];
  simulators?: SimulatorFactory[];
  backoff?: BackoffOptions;
  /** How often an unresponsive device is asked again (ms). */
  probeMs?: number;
  /** Serial presence check interval passed to SerialTransport (ms). */
  presenceCheckMs?: number;
  /** Replaceable for tests: how ports are listed when looking for a USB device. */
  listPorts?: () => Promise<PortListing>;
  /** Replaceable for tests: how a serial path becomes a transport. */
  openSerial?: (path: string, baudRate: number) => Transport;
  /** Replaceable for tests: how a HID path becomes a transport. */
  openHid?: (path: string) => Transport;
}

export interface DeviceManagerEvents {
  status: [DeviceStatus];
  trace: [string, TraceEntry];
}

interface Slot {
  config: DeviceConfig;
  handle: DeviceHandle | undefined;
  status: DeviceStatus;
  trace: TrafficTrace;
  transport: Transport | undefined;
  attempt: number;
  retryTimer: NodeJS.Timeout | undefined;
  probeTimer: NodeJS.Timeout | undefined;
  unsubscribe: (() => void) | undefined;
  busy: boolean;
  unresponsive: boolean;
  connecting: boolean;
  /** Whether the status message came from a transient notice (cleared when idle). */
  transientNotice: boolean;
}

export class DeviceManager extends EventEmitter<DeviceManagerEvents> {
  private readonly slots = new Map<string, Slot>();
  private readonly drivers: Map<string, DriverFactory>;
  private readonly simulators: Map<string, SimulatorFactory>;
  private stopped = true;

  constructor(private readonly opts: DeviceManagerOptions) {
    super();
    this.drivers = new Map(opts.drivers.map((d) => [d.name, d]));
    this.simulators = new Map((opts.simulators ?? []).map((s) => [s.name, s]));
  }

  /** Connects every configured device; resolves when each has had its first try. */
  async start(configs: DeviceConfig[]): Promise<void> {
    this.stopped = false;
    for (const config of configs) {
      if (this.slots.has(config.id)) throw new Error(`device id "${config.id}" configured twice`);
      const factory = this.drivers.get(config.driver);
      const slot: Slot = {
        config,
        handle: factory?.create(config.settings ?? {}),
        trace: new TrafficTrace(),
        status: { id: config.id, kind: config.kind, driver: config.driver, label: config.label ?? config.id, state: 'connecting', simulated: config.port.kind === 'sim', since: Date.now() },
        transport: undefined,
        attempt: 0,
        retryTimer: undefined,
        probeTimer: undefined,
        unsubscribe: undefined,
        busy: false,
        unresponsive: false,
        connecting: false,
        transientNotice: true,
      };
      slot.trace.onEntry = (e) => this.emit('trace', config.id, e);
      this.slots.set(config.id, slot);
      if (slot.handle) slot.unsubscribe = this.wire(slot, slot.handle);
    }
    await Promise.all([...this.slots.values()].map((s) => this.connect(s)));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const slot of this.slots.values()) {
      clearTimeout(slot.retryTimer);
      clearInterval(slot.probeTimer);
      slot.unsubscribe?.();
      slot.handle?.detach();
      const t = slot.transport;
      slot.transport = undefined;
      await t?.close().catch(() => undefined);
    }
    this.slots.clear();
  }

  list(): DeviceStatus[] {
    return [...this.slots.values()].map((s) => ({ ...s.status }));
  }

  status(id: string): DeviceStatus | undefined {
    const s = this.slots.get(id);
    return s ? { ...s.status } : undefined;
  }

  /** The typed driver of a device (the same object across reconnects). */
  driver<D>(id: string): D | undefined {
    return this.slots.get(id)?.handle?.driver as D | undefined;
  }

  trace(id: string): TrafficTrace | undefined {
    return this.slots.get(id)?.trace;
  }

  /** Tries again now (the technician pressed "reconnect"). */
  async reconnect(id: string): Promise<void> {
    const slot = this.slots.get(id);
    if (!slot) return;
    clearTimeout(slot.retryTimer);
    slot.attempt = 0;
    const t = slot.transport;
    if (t) {
      slot.transport = undefined;
      slot.handle?.detach();
      await t.close().catch(() => undefined);
    }
    await this.connect(slot);
  }

  /** Serial ports and HID devices present now; either listing may fail without the other. */
  static listPorts(): Promise<PortListing> {
    return listPorts();
  }

  // ---- connection lifecycle ----

  private async connect(slot: Slot): Promise<void> {
    if (this.stopped || slot.connecting || slot.transport) return;
    const { config } = slot;
    if (!slot.handle) {
      return this.setState(slot, 'error', { key: 'device.unknown_driver', params: { driver: config.driver } });
    }
    slot.connecting = true;
    try {
      this.setState(slot, 'connecting', { key: 'device.connecting' });
      const opened = await this.openTransport(slot);
      if (!opened.transport) {
        this.setState(slot, 'disconnected', opened.message);
        return this.scheduleRetry(slot);
      }
      const transport = opened.transport;
      if (this.stopped) return void (await transport.close().catch(() => undefined));
      slot.transport = transport;
      slot.status.address = transport.address;
      transport.on('close', () => this.onLost(slot, transport));
      slot.handle.attach(transport);
      const id = await slot.handle.identify();
      if (slot.transport !== transport) return; // lost while identifying: onLost took over
      if (id.ok) {
        slot.attempt = 0;
        slot.unresponsive = false;
        slot.status.identity = id.value;
        this.setState(slot, slot.busy ? 'busy' : 'connected', { key: 'device.ready' });
        return;
      }
      if (id.error.code === 'timeout') {
        // Nothing answers (wrong port, powered off, wrong baud): keep asking.
        slot.unresponsive = true;
        this.setState(slot, 'unresponsive', { key: id.error.key, ...(id.error.params ? { params: id.error.params } : {}) });
        this.startProbe(slot, true);
        return;
      }
      if (id.error.code === 'disconnected') return;
      this.setState(slot, 'error', { key: id.error.key, ...(id.error.params ? { params: id.error.params } : {}) });
      // Damaged bytes may be a passing disturbance (or a baud mismatch being fixed): try
      // again later. A refusal (wrong password, wrong device) waits for the technician.
      if (id.error.code === 'protocol') {
        slot.transport = undefined;
        slot.handle.detach();
        await transport.close().catch(() => undefined);
        this.scheduleRetry(slot);
      }
    } finally {
      slot.connecting = false;
    }
  }

  private async openTransport(slot: Slot): Promise<{ transport?: Transport; message: DeviceMessage }> {
    const { port } = slot.config;
    const baud = ('baudRate' in port ? port.baudRate : undefined) ?? this.drivers.get(slot.config.driver)?.defaultBaudRate ?? 9600;
    try {
      if (port.kind === 'sim') {
        const sim = this.simulators.get(port.name);
        if (!sim) return { message: { key: 'device.unknown_driver', params: { driver: `sim:${port.name}` } } };
        return { transport: await sim.connect(slot.config.settings ?? {}), message: { key: 'device.connecting' } };
      }
      const link = this.drivers.get(slot.config.driver)?.link ?? 'serial';
      let path: string;
      if (port.kind === 'usb') {
        const listing = await (this.opts.listPorts ?? listPorts)();
        const found = findUsbPort(listing, port, link);
        const usb = `${hex4(port.vendorId)}:${hex4(port.productId)}`;
        if (!found) return { message: { key: 'device.port_not_found', params: { usb } } };
        path = found.path;
      } else {
        path = port.path;
      }
      const transport =
        link === 'hid'
          ? (this.opts.openHid?.(path) ?? new HidTransport(path))
          : (this.opts.openSerial?.(path, baud) ?? new SerialTransport({ path, baudRate: baud, ...(this.opts.presenceCheckMs !== undefined ? { presenceCheckMs: this.opts.presenceCheckMs } : {}) }));
      await transport.open();
      return { transport, message: { key: 'device.connecting' } };
    } catch (err) {
      return { message: { key: DEVICE_KEYS.io, params: { detail: (err as Error).message } } };
    }
  }

  private onLost(slot: Slot, transport: Transport): void {
    if (slot.transport !== transport) return;
    slot.transport = undefined;
    slot.handle?.detach();
    clearInterval(slot.probeTimer);
    slot.probeTimer = undefined;
    slot.busy = false;
    slot.unresponsive = false;
    if (this.stopped) return;
    this.setState(slot, 'disconnected', { key: DEVICE_KEYS.disconnected });
    this.scheduleRetry(slot);
  }

  private scheduleRetry(slot: Slot): void {
    if (this.stopped) return;
    clearTimeout(slot.retryTimer);
    const delay = backoffDelay(slot.attempt, this.opts.backoff);
    slot.attempt += 1;
    slot.status.message = { key: 'device.reconnecting', params: { seconds: Math.ceil(delay / 1000) } };
    this.emit('status', { ...slot.status });
    slot.retryTimer = setTimeout(() => void this.connect(slot), delay);
  }

  // ---- signals from the driver ----

  private wire(slot: Slot, handle: DeviceHandle): () => void {
    return handle.subscribe({
      busy: (busy) => {
        slot.busy = busy;
        if (slot.status.state === 'connected' && busy) {
          slot.transientNotice = true;
          this.setState(slot, 'busy');
        } else if (slot.status.state === 'busy' && !busy) {
          if (slot.unresponsive) this.setState(slot, 'unresponsive');
          else this.setState(slot, 'connected', slot.transientNotice ? { key: 'device.ready' } : slot.status.message);
        }
      },
      health: (health) => {
        slot.unresponsive = health === 'unresponsive';
        if (!slot.transport || slot.status.state === 'connecting' || slot.status.state === 'error') return;
        if (slot.unresponsive) {
          this.setState(slot, 'unresponsive', { key: DEVICE_KEYS.timeout });
          this.startProbe(slot, false);
        } else {
          clearInterval(slot.probeTimer);
          slot.probeTimer = undefined;
          this.setState(slot, slot.busy ? 'busy' : 'connected', { key: 'device.ready' });
        }
      },
      frame: (dir, bytes, name, at) => slot.trace.record(dir, bytes, name, at),
      notice: (message, transient) => {
        slot.status.message = message;
        slot.transientNotice = transient;
        this.emit('status', { ...slot.status });
      },
    });
  }

  /** Asks an unresponsive device again now and then; `reidentify` when it never identified. */
  private startProbe(slot: Slot, reidentify: boolean): void {
    if (slot.probeTimer || this.stopped) return;
    slot.probeTimer = setInterval(() => {
      if (!slot.transport || slot.busy || !slot.handle) return;
      if (reidentify) {
        clearInterval(slot.probeTimer);
        slot.probeTimer = undefined;
        void this.reconnect(slot.config.id);
        return;
      }
      void slot.handle.probe();
    }, this.opts.probeMs ?? 2000);
    slot.probeTimer.unref();
  }

  private setState(slot: Slot, state: DeviceState, message?: DeviceMessage): void {
    const changed = slot.status.state !== state || (message && message.key !== slot.status.message?.key);
    if (state !== slot.status.state) slot.status.since = Date.now();
    slot.status.state = state;
    if (message) slot.status.message = message;
    else if (state === 'busy') delete slot.status.message;
    if (changed) this.emit('status', { ...slot.status });
  }
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');
