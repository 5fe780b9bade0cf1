// A transport that plays back recorded traffic (see traffic-script.ts for the format):
// device lines are emitted one 'data' event each, host writes are checked against the
// script (a mismatch is an 'error'), '-- close' plays an unplug. ReplayTransport serves
// protocol fixtures of any device; HidReplayTransport is the HID flavour — the kernel on
// the test machines has no virtual HID, so HID drivers are tested on real report bytes.
import { EventedTransport } from './evented-transport';
import { parseTrafficScript } from './traffic-script';
import type { TrafficStep } from './traffic-script';
import type { Transport } from './transport';

export class ReplayTransport extends EventedTransport implements Transport {
  readonly address: string;
  private readonly steps: TrafficStep[];
  private cursor = 0;
  private opened = false;
  private playing = false;

  constructor(script: string | TrafficStep[], address = 'replay') {
    super();
    this.steps = typeof script === 'string' ? parseTrafficScript(script) : script;
    this.address = address;
  }

  get isOpen(): boolean {
    return this.opened;
  }

  /** True once every step has been played. */
  get finished(): boolean {
    return this.cursor >= this.steps.length;
  }

  async open(): Promise<void> {
    this.opened = true;
    void this.play();
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.emit('close');
  }

  async write(bytes: Buffer): Promise<void> {
    if (!this.opened) throw new Error(`${this.address} is not open`);
    const step = this.steps[this.cursor];
    if (step?.dir !== 'host' || !step.bytes.equals(bytes)) {
      const expected = step?.dir === 'host' ? step.bytes.toString('hex') : `(${step?.dir ?? 'end of script'})`;
      if (this.listenerCount('error') > 0) this.emit('error', new Error(`replay: host wrote ${bytes.toString('hex')}, script line ${step?.line ?? '-'} expects ${expected}`));
      return;
    }
    this.cursor += 1;
    void this.play();
  }

  // Emits device steps up to the next host step, each on its own turn like real reports.
  private async play(): Promise<void> {
    if (this.playing) return;
    this.playing = true;
    try {
      while (this.opened && this.cursor < this.steps.length) {
        const step = this.steps[this.cursor]!;
        if (step.dir === 'host') break;
        this.cursor += 1;
        if (step.dir === 'wait') {
          await new Promise((r) => setTimeout(r, step.ms));
        } else if (step.dir === 'close') {
          this.opened = false;
          this.emit('close', new Error('unplugged (replay)'));
        } else {
          await new Promise((r) => setImmediate(r));
          if (this.opened) this.emit('data', Buffer.from(step.bytes));
        }
      }
    } finally {
      this.playing = false;
    }
  }
}

/** Replays recorded HID reports: one input report per device line. */
export class HidReplayTransport extends ReplayTransport {
  constructor(script: string | TrafficStep[], address = 'hid:replay') {
    super(script, address);
  }
}
