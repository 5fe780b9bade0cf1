// HID devices through `node-hid`: a thin adapter. Each input report arrives as one 'data'
// chunk (report id first when the device numbers its reports); write sends one output
// report. node-hid reports an unplug as a read error, so an error here also closes.
import { EventedTransport } from './evented-transport';
import type { HIDAsync } from 'node-hid';
import type { Transport } from './transport';

export class HidTransport extends EventedTransport implements Transport {
  readonly address: string;
  private device: HIDAsync | undefined;

  /** `path` as listed by node-hid's devices() (e.g. /dev/hidraw3). */
  constructor(private readonly path: string) {
    super();
    this.address = `hid:${path}`;
  }

  get isOpen(): boolean {
    return this.device !== undefined;
  }

  async open(): Promise<void> {
    if (this.device) return;
    // Loaded on first use: a machine whose node-hid binding fails still runs its serial devices.
    const { HIDAsync: Hid } = await import('node-hid');
    const device = await Hid.open(this.path);
    device.on('data', (report: Buffer) => this.emit('data', Buffer.from(report)));
    device.on('error', (err: Error) => {
      if (this.listenerCount('error') > 0) this.emit('error', err);
      void this.drop(err);
    });
    this.device = device;
  }

  async close(): Promise<void> {
    await this.drop();
  }

  async write(bytes: Buffer): Promise<void> {
    if (!this.device) throw new Error(`${this.address} is not open`);
    await this.device.write(bytes);
  }

  private async drop(reason?: Error): Promise<void> {
    const device = this.device;
    if (!device) return;
    this.device = undefined;
    try {
      await device.close();
    } catch {
      // Already gone (unplugged): nothing left to release.
    }
    this.emit('close', reason);
  }
}
