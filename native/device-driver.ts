// What the device manager needs from a driver, whatever the device family. A driver
// package exports a DriverFactory; the manager never imports a driver directly.
import type { DeviceMessage, Result } from './result';
import type { Transport } from './transport/transport';

export type DeviceKind = 'fingerprint' | 'mrz' | 'barcode' | 'document_scanner' | 'printer';

/** A driver instance as the manager sees it. `driver` is the typed object the station uses. */
export interface DeviceHandle<D = unknown> {
  readonly driver: D;
  /** Takes an open transport (after every connect and replug). */
  attach(transport: Transport): void;
  detach(): void;
  /** Who is there: facts for the status line, e.g. { model: 'zfm', packetBytes: 128 }. */
  identify(): Promise<Result<Record<string, string | number | boolean>>>;
  /** A cheap question to learn whether an unresponsive device answers again. */
  probe(): Promise<Result<unknown>>;
  /** Wires the driver's busy/health/frame signals to the manager; returns the unsubscribe. */
  subscribe(sink: DeviceSink): () => void;
}

export interface DeviceSink {
  busy(busy: boolean): void;
  health(health: 'ok' | 'unresponsive'): void;
  frame(dir: 'tx' | 'rx', bytes: Uint8Array, name: string, at: number): void;
  /**
   * A sentence for the status line that does not change the state. A transient one
   * ("place finger, 8 s") goes when the device is idle again; an outcome ("no finger
   * detected") stays until the device next gets busy.
   */
  notice(message: DeviceMessage, transient: boolean): void;
}

export interface DriverFactory<D = unknown> {
  /** The name configured in a device entry, e.g. 'zfm'. */
  readonly name: string;
  readonly kind: DeviceKind;
  /** Default line speed when the configuration gives none. */
  readonly defaultBaudRate?: number;
  /** How the device is attached: a serial line (default) or HID reports. */
  readonly link?: 'serial' | 'hid';
  create(settings: Record<string, unknown>): DeviceHandle<D>;
}

/** An in-process simulator the manager can connect to (port kind 'sim'). */
export interface SimulatorFactory {
  readonly name: string;
  /** Returns the host end of a fresh link to the simulator, open. */
  connect(settings: Record<string, unknown>): Promise<Transport>;
}
