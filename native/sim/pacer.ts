// Paces outgoing bytes at a baud rate (10 bits per byte on an 8N1 line), so a simulator on
// a PTY or in memory takes as long as the real wire. Each byte is delivered once its stop
// bit would have left the line; bytes are sent in small batches whenever they are due.
export class BytePacer {
  private queue: Buffer[] = [];
  private queued = 0;
  /** Time (ms, performance clock) at which the line finishes what was already sent. */
  private lineFreeAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];
  /** The line's busy time so far (ms): each paced byte's ten bits at the baud rate. */
  wireMs = 0;

  /** `baud()` undefined or 0 means unpaced: bytes go out at once. */
  constructor(
    private readonly write: (bytes: Buffer) => void,
    private readonly baud: () => number | undefined,
  ) {}

  send(bytes: Buffer): void {
    if (bytes.length === 0) return;
    const baud = this.baud();
    if (!baud) {
      if (this.queued === 0) return this.write(bytes);
    } else {
      this.wireMs += (bytes.length * 10_000) / baud;
    }
    this.queue.push(bytes);
    this.queued += bytes.length;
    if (this.lineFreeAt < performance.now()) this.lineFreeAt = performance.now();
    this.schedule(0);
  }

  /** Drops whatever has not gone out yet (the device was unplugged). */
  clear(): void {
    this.queue = [];
    this.queued = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.notifyIdle();
  }

  get pending(): number {
    return this.queued;
  }

  /** Resolves when everything queued has been delivered. */
  idle(): Promise<void> {
    if (this.queued === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, ms);
  }

  private pump(): void {
    const baud = this.baud();
    const now = performance.now();
    const msPerByte = baud ? 10_000 / baud : 0;
    // Bytes whose last bit has left the line by now.
    let due = msPerByte === 0 ? this.queued : Math.floor((now - this.lineFreeAt) / msPerByte);
    if (due > 0) {
      due = Math.min(due, this.queued);
      this.lineFreeAt += due * msPerByte;
      this.write(this.take(due));
    }
    if (this.queued > 0) {
      // Wake when about 2 ms worth of bytes are due (timers are coarse; batches keep it cheap).
      const nextDue = this.lineFreeAt + msPerByte * Math.max(1, Math.ceil(2 / msPerByte));
      this.schedule(Math.max(0, nextDue - performance.now()));
    } else {
      this.notifyIdle();
    }
  }

  private take(n: number): Buffer {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      const head = this.queue[0]!;
      if (head.length <= need) {
        parts.push(head);
        this.queue.shift();
        need -= head.length;
      } else {
        parts.push(head.subarray(0, need));
        this.queue[0] = head.subarray(need);
        need = 0;
      }
    }
    this.queued -= n;
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters.splice(0);
    for (const w of waiters) w();
  }
}
