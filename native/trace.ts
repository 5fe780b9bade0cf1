// A live traffic trace per device for the technician: timestamped hex, direction and the
// decoded frame name. Bounded (oldest entries go first), pausable, and savable as text
// in the same `=> hex` / `<= hex` spirit as the protocol fixtures.
import { writeFile } from 'node:fs/promises';

export interface TraceEntry {
  /** Milliseconds since the epoch. */
  at: number;
  dir: 'tx' | 'rx';
  hex: string;
  name: string;
}

export class TrafficTrace {
  private entries: TraceEntry[] = [];
  private paused = false;
  private dropped = 0;
  onEntry?: (entry: TraceEntry) => void;

  constructor(private readonly capacity = 5000) {}

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  record(dir: 'tx' | 'rx', bytes: Uint8Array, name: string, at = Date.now()): void {
    if (this.paused) return;
    const entry = { at, dir, hex: Buffer.from(bytes).toString('hex'), name };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) {
      this.entries.shift();
      this.dropped += 1;
    }
    this.onEntry?.(entry);
  }

  /** A copy of what is held, oldest first. */
  list(): TraceEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
    this.dropped = 0;
  }

  toText(title = 'device trace'): string {
    const lines = [`# ${title}, ${this.entries.length} entries${this.dropped ? `, ${this.dropped} older dropped` : ''}`];
    for (const e of this.entries) {
      lines.push(`# ${new Date(e.at).toISOString()} ${e.name}`, `${e.dir === 'tx' ? '=>' : '<='} ${e.hex}`);
    }
    return lines.join('\n') + '\n';
  }

  async save(path: string, title?: string): Promise<void> {
    await writeFile(path, this.toText(title));
  }
}
