// The byte transport every device driver talks through. Real transports are thin
// adapters over serialport and node-hid; the in-memory pair serves in-process simulators.
// Drivers never see which one they have, so a simulator is a device, not a special case.

export interface TransportEvents {
  data: (bytes: Buffer) => void;
  /** The link went away (cable pulled, socat killed, device reset). */
  close: (reason?: Error) => void;
  error: (err: Error) => void;
}

export interface Transport {
  /** Human-readable address for traces and messages, e.g. "/dev/ttyUSB0" or "hid:0c2e:0b61". */
  readonly address: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  write(bytes: Buffer): Promise<void>;
  /** Change the line speed where the link has one (serial); a no-op elsewhere. */
  setBaudRate?(baud: number): Promise<void>;
  /** Modem lines are optional: PTYs refuse DTR/RTS with ENOTTY. */
  setModemLines?(lines: { dtr?: boolean; rts?: boolean }): Promise<void>;
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this;
  off<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this;
  once<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this;
}

/** Where a configured device is found: a path, or a USB id found again after a replug. */
export type PortAddress =
  | { kind: 'path'; path: string; baudRate?: number }
  | { kind: 'usb'; vendorId: number; productId: number; serialNumber?: string; baudRate?: number }
  | { kind: 'sim'; name: string };
