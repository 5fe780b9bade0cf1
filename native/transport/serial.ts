// Serial ports through `serialport`: a thin adapter onto the Transport interface. Works on
// USB-serial adapters and on socat PTYs alike; PTYs refuse modem lines (ENOTTY), which is
// why setModemLines reports rather than throws on them.
import { EventedTransport } from './evented-transport';
import { existsSync } from 'node:fs';
import type { SerialPort } from 'serialport';
import type { Transport } from './transport';

export interface SerialOptions {
  path: string;
  baudRate?: number;
  /** How often to check that the device node still exists (ms); 0 turns the check off. */
  presenceCheckMs?: number;
}

export class SerialTransport extends EventedTransport implements Transport {
  readonly address: string;
  private port: SerialPort | undefined;
  private baudRate: number;
  private readonly presenceCheckMs: number;
  private presenceTimer: NodeJS.Timeout | undefined;

  constructor(opts: SerialOptions) {
    super();
    this.address = opts.path;
    this.baudRate = opts.baudRate ?? 57_600;
    this.presenceCheckMs = opts.presenceCheckMs ?? 250;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    // Loaded on first use: a station without serial devices never pays for (or trips over)
    // the native binding.
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({ path: this.address, baudRate: this.baudRate, autoOpen: false });
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    // An unheard 'error' would throw inside serialport and swallow the 'close' that follows.
    port.on('error', (err: Error) => {
      if (this.listenerCount('error') > 0) this.emit('error', err);
    });
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      if (this.port !== port) return;
      this.port = undefined;
      this.stopPresenceCheck();
      this.emit('close', err ?? undefined);
    });
    return new Promise((resolve, reject) => {
      port.open((err) => {
        if (err) return reject(err);
        this.port = port;
        this.startPresenceCheck(port);
        resolve();
      });
    });
  }

  // serialport usually notices a vanished device through a read error, but not always: a
  // PTY whose socat dies right after an exchange can leave the port looking open for good.
  // On Unix the device node goes away on unplug (and socat removes its link), so its
  // absence is a reliable second signal.
  private startPresenceCheck(port: SerialPort): void {
    if (this.presenceCheckMs <= 0 || !this.address.startsWith('/')) return;
    this.presenceTimer = setInterval(() => {
      if (this.port !== port || existsSync(this.address)) return;
      this.stopPresenceCheck();
      this.port = undefined;
      port.close(() => undefined);
      this.emit('close', new Error(`${this.address} disappeared`));
    }, this.presenceCheckMs);
    this.presenceTimer.unref();
  }

  private stopPresenceCheck(): void {
    clearInterval(this.presenceTimer);
    this.presenceTimer = undefined;
  }

  close(): Promise<void> {
    const port = this.port;
    this.stopPresenceCheck();
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }

  /** Resolves once the bytes have left for the OS (drained), so timeouts start honestly. */
  write(bytes: Buffer): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new Error(`${this.address} is not open`));
    return new Promise((resolve, reject) => {
      port.write(bytes, (err) => {
        if (err) return reject(err);
        port.drain((e) => (e ? reject(e) : resolve()));
      });
    });
  }

  /**
   * Changes the line speed. serialport flushes both directions as it does (tcflush
   * TCIOFLUSH): bytes not yet sent or read are lost, so change it only on a quiet line.
   */
  setBaudRate(baud: number): Promise<void> {
    this.baudRate = baud;
    const port = this.port;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve, reject) => port.update({ baudRate: baud }, (err) => (err ? reject(err) : resolve())));
  }

  setModemLines(lines: { dtr?: boolean; rts?: boolean }): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new Error(`${this.address} is not open`));
    return new Promise((resolve, reject) => port.set(lines, (err) => (err ? reject(err) : resolve())));
  }
}
