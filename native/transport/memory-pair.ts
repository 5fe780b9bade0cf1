// Two transports joined back to back in memory: what one writes, the other receives.
// In-process simulators (demo and training mode, unit tests) sit on one end, the driver on
// the other, so the driver cannot tell a simulator from a cable.
import { EventedTransport } from './evented-transport';
import type { Transport } from './transport';

export class MemoryTransport extends EventedTransport implements Transport {
  peer: MemoryTransport | undefined;
  private opened = false;

  constructor(readonly address: string) {
    super();
  }

  get isOpen(): boolean {
    return this.opened;
  }

  async open(): Promise<void> {
    this.opened = true;
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.emit('close');
  }

  /** Pulls the cable: both ends close, the peer with an error saying so. */
  unplug(): void {
    const err = new Error('unplugged');
    for (const end of [this, this.peer]) {
      if (end?.opened) {
        end.opened = false;
        end.emit('close', err);
      }
    }
  }

  async write(bytes: Buffer): Promise<void> {
    if (!this.opened) throw new Error(`${this.address} is not open`);
    const peer = this.peer;
    // A copy, delivered on a later turn, as a real link would: the writer may reuse its buffer.
    const copy = Buffer.from(bytes);
    setImmediate(() => {
      if (peer?.opened) peer.emit('data', copy);
    });
  }
}

/** Makes a connected pair; `[host, device]` by convention (driver on host, simulator on device). */
export function createMemoryPair(name = 'mem'): [MemoryTransport, MemoryTransport] {
  const host = new MemoryTransport(`${name}:host`);
  const device = new MemoryTransport(`${name}:device`);
  host.peer = device;
  device.peer = host;
  return [host, device];
}
