// What every request/answer serial driver keeps around its transport: the transport it is
// attached to (it outlives a replug), the decoder that turns bytes into frames, the inbox
// an exchange reads from, the lock that keeps one exchange at a time, the line's health,
// and the wait for silence after a broken transfer. The fingerprint drivers (GT-521, ZFM)
// differ in their frames and commands, not in any of this, so they share it here.
import { ExchangeLock, FrameInbox, sleep } from './exchange';
import type { Transport } from './transport';
import { DEVICE_KEYS, fail, ok } from '../result';
import type { Result } from '../result';
import type { RedactedFrame } from '../trace-redact';

export interface LinkDecoder<D> {
  push(chunk: Buffer): D[];
  reset(): void;
}

/** Where the link reports what the driver's own events carry. */
export interface LinkEvents<D> {
  /** Each decoded item, in order (the driver traces it and pushes it to the inbox). */
  decoded(d: D): void;
  /** A frame written to the device, already redacted for the trace. */
  sent(frame: RedactedFrame & { at: number }): void;
  busy(busy: boolean): void;
  health(h: 'ok' | 'unresponsive'): void;
  disconnected(reason: Error | undefined): void;
}

export class FramedLink<D, F> {
  private current: Transport | undefined;
  private detachers: (() => void)[] = [];
  private unresponsive = false;
  /** When the device last sent anything (for the wait for silence). */
  private lastRxAt = 0;
  readonly inbox: FrameInbox<F>;
  readonly lock = new ExchangeLock();

  constructor(
    private readonly decoder: LinkDecoder<D>,
    inboxCapacity: number,
    private readonly events: LinkEvents<D>,
  ) {
    this.inbox = new FrameInbox<F>(inboxCapacity);
    this.lock.onBusyChange = (busy) => events.busy(busy);
  }

  get transport(): Transport | undefined {
    return this.current;
  }

  get connected(): boolean {
    return this.current?.isOpen ?? false;
  }

  /** Takes an open transport; a previous one is let go (not closed). */
  attach(transport: Transport): void {
    this.detach();
    this.current = transport;
    this.forget();
    const onData = (chunk: Buffer): void => {
      this.lastRxAt = Date.now();
      for (const d of this.decoder.push(chunk)) this.events.decoded(d);
    };
    const onClose = (reason?: Error): void => {
      if (this.current !== transport) return;
      this.detach();
      this.events.disconnected(reason);
    };
    transport.on('data', onData);
    transport.on('close', onClose);
    this.detachers = [() => transport.off('data', onData), () => transport.off('close', onClose)];
  }

  /** Lets the transport go; an exchange waiting for an answer learns the device is gone. */
  detach(): void {
    for (const d of this.detachers) d();
    this.detachers = [];
    if (this.current) {
      this.current = undefined;
      this.inbox.fail(fail('disconnected', DEVICE_KEYS.disconnected));
    }
  }

  /** Drops half-read bytes and unread frames (a new line speed, a fresh exchange). */
  forget(): void {
    this.decoder.reset();
    this.inbox.clear();
  }

  /** Writes one frame; the trace gets `traced` (the caller has redacted what must not be kept). */
  async write(bytes: Buffer, traced: RedactedFrame): Promise<Result<void>> {
    const t = this.current;
    if (!t?.isOpen) return fail('disconnected', DEVICE_KEYS.disconnected);
    this.events.sent({ at: Date.now(), ...traced });
    try {
      await t.write(bytes);
      return ok(undefined);
    } catch (err) {
      const open = t.isOpen;
      return fail(open ? 'io' : 'disconnected', open ? DEVICE_KEYS.io : DEVICE_KEYS.disconnected, open ? { detail: (err as Error).message } : undefined, (err as Error).message);
    }
  }

  /** Reports a change of health once (not on every answer). */
  setHealth(h: 'ok' | 'unresponsive'): void {
    const unresponsive = h === 'unresponsive';
    if (unresponsive === this.unresponsive) return;
    this.unresponsive = unresponsive;
    this.events.health(h);
  }

  /** After a broken transfer the module may still be sending: wait for silence, then forget it. */
  async settle(quietMs = 120, maxMs = 3000): Promise<void> {
    const started = Date.now();
    while (this.connected && Date.now() - this.lastRxAt < quietMs && Date.now() - started < maxMs) {
      await sleep(quietMs / 2);
    }
    this.forget();
  }
}
