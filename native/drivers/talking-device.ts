// What devices that only talk have in common (MRZ readers, booking-code scanners): they
// accept no commands, so a driver listens to its transport, decodes, and reports. This
// base owns the link's lifecycle — open, close, unplug, an idle timer that flushes a
// half-received read — and reports faults as 'error' only when someone listens, so an
// unheard reader fault never crashes the station.
import { EventEmitter } from 'node:events';
import { DEVICE_KEYS, fail, ok } from '../result';
import type { Result } from '../result';
import type { Transport } from '../transport/transport';

export abstract class TalkingDevice extends EventEmitter {
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly onData = (bytes: Buffer): void => this.receive(bytes);
  private readonly onClose = (reason?: Error): void => {
    this.stopIdle();
    this.report(fail('disconnected', DEVICE_KEYS.disconnected, { address: this.transport.address }, reason?.message));
    this.emit('close');
  };
  private readonly onError = (err: Error): void => this.report(fail('io', DEVICE_KEYS.io, { address: this.transport.address }, err.message));

  constructor(readonly transport: Transport, private readonly idleMs: number) {
    super();
  }

  /** Bytes (or one HID report) as they came from the transport. Public for replay tools. */
  abstract receive(bytes: Buffer): void;

  /** What to do when the device has been silent for idleMs in the middle of a read. */
  protected abstract onIdle(): void;

  async open(): Promise<Result<void>> {
    this.transport.on('data', this.onData);
    this.transport.on('close', this.onClose);
    this.transport.on('error', this.onError);
    if (this.transport.isOpen) return ok(undefined);
    try {
      await this.transport.open();
      return ok(undefined);
    } catch (err) {
      this.detach();
      return fail('io', DEVICE_KEYS.io, { address: this.transport.address }, (err as Error).message);
    }
  }

  async close(): Promise<void> {
    this.detach();
    await this.transport.close().catch(() => undefined);
  }

  protected armIdle(): void {
    this.stopIdle();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      this.onIdle();
    }, this.idleMs);
  }

  protected stopIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  protected report(r: Result<never>): void {
    if (!r.ok && this.listenerCount('error') > 0) this.emit('error', r.error);
  }

  private detach(): void {
    this.stopIdle();
    this.transport.off('data', this.onData);
    this.transport.off('close', this.onClose);
    this.transport.off('error', this.onError);
  }
}
