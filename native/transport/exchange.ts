// Helpers every driver needs around a Transport: one exchange at a time (a lock), a time
// limit on every wait, and an inbox where decoded frames wait until the exchange that
// expects them asks. Drivers for MRZ readers, barcode scanners and printers reuse these.
//
//   const lock = new ExchangeLock();
//   const inbox = new FrameInbox<MyFrame>();
//   decoder.onFrame = (f) => inbox.push(f);           // fed from transport 'data'
//   transport.on('close', () => inbox.fail(fail('disconnected', DEVICE_KEYS.disconnected)));
//   const r = await lock.run(async () => {
//     inbox.clear();                                  // stale frames belong to no one
//     await transport.write(request);
//     return inbox.next({ timeoutMs: 1000, accept: (f) => f.kind === 'ack' });
//   });
//   if (!r.ok) show(r.error);                         // 'timeout' → mark unresponsive
import { DEVICE_KEYS, fail, ok } from '../result';
import type { Result } from '../result';

/**
 * Serialises exchanges on one device. `run` waits for the previous exchange to finish;
 * `tryRun` refuses at once with a 'busy' error instead of queueing (for UI actions that
 * must not pile up). Listeners on `onBusyChange` see the device go busy and idle.
 */
export class ExchangeLock {
  private tail: Promise<unknown> = Promise.resolve();
  private depth = 0;
  onBusyChange?: (busy: boolean) => void;

  get busy(): boolean {
    return this.depth > 0;
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    this.depth += 1;
    if (this.depth === 1) this.onBusyChange?.(true);
    const result = this.tail.then(fn);
    const settle = (): void => {
      this.depth -= 1;
      if (this.depth === 0) this.onBusyChange?.(false);
    };
    this.tail = result.then(settle, settle);
    return result;
  }

  tryRun<T>(fn: () => Promise<Result<T>>): Promise<Result<T>> {
    if (this.busy) return Promise.resolve(fail('busy', DEVICE_KEYS.busy));
    return this.run(fn);
  }
}

/** Resolves after `ms`, or early (with false) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Races a promise against a time limit; the loser is ignored, never rejected. */
export async function withTimeout<T>(work: Promise<Result<T>>, timeoutMs: number, detail = 'no answer'): Promise<Result<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(() => resolve(fail('timeout', DEVICE_KEYS.timeout, undefined, `${detail} within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Waiter<F> {
  accept: (frame: F) => boolean;
  resolve: (r: Result<F>) => void;
  timer: NodeJS.Timeout;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * Decoded frames wait here until an exchange asks for one. A frame nobody accepts stays
 * queued (bounded) until `clear`; a link failure resolves every waiter with the error.
 */
export class FrameInbox<F> {
  private queue: F[] = [];
  private waiters: Waiter<F>[] = [];
  private spoiled: Result<never> | undefined;
  constructor(private readonly maxQueued = 64) {}

  push(frame: F): void {
    const i = this.waiters.findIndex((w) => w.accept(frame));
    if (i >= 0) {
      const [w] = this.waiters.splice(i, 1);
      this.settle(w!, ok(frame));
      return;
    }
    this.queue.push(frame);
    if (this.queue.length > this.maxQueued) this.queue.shift();
  }

  /** Waits for the first frame `accept` takes (default: any), up to `timeoutMs`. */
  next(opts: { timeoutMs: number; accept?: (frame: F) => boolean; signal?: AbortSignal }): Promise<Result<F>> {
    const accept = opts.accept ?? (() => true);
    if (this.spoiled) {
      const error = this.spoiled;
      this.spoiled = undefined;
      this.queue = [];
      return Promise.resolve(error);
    }
    const i = this.queue.findIndex(accept);
    if (i >= 0) return Promise.resolve(ok(this.queue.splice(i, 1)[0]!));
    if (opts.signal?.aborted) return Promise.resolve(fail('cancelled', DEVICE_KEYS.cancelled));
    return new Promise((resolve) => {
      const waiter: Waiter<F> = {
        accept,
        resolve,
        timer: setTimeout(() => {
          this.remove(waiter);
          this.settle(waiter, fail('timeout', DEVICE_KEYS.timeout, undefined, `no frame within ${opts.timeoutMs} ms`));
        }, opts.timeoutMs),
      };
      if (opts.signal) {
        waiter.signal = opts.signal;
        waiter.onAbort = () => {
          this.remove(waiter);
          this.settle(waiter, fail('cancelled', DEVICE_KEYS.cancelled));
        };
        opts.signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
    });
  }

  /**
   * Fails every pending wait with `error` (link closed, protocol broken). With `sticky`,
   * and nobody waiting, the next wait gets it instead: a damaged frame that arrives
   * between two waits of the same exchange must still spoil that exchange.
   */
  fail(error: Result<never>, opts: { sticky?: boolean } = {}): void {
    const pending = this.waiters.splice(0);
    for (const w of pending) this.settle(w, error);
    if (opts.sticky && pending.length === 0) this.spoiled = error;
  }

  /** Forgets queued frames and any sticky failure (call when a new exchange starts). */
  clear(): void {
    this.queue = [];
    this.spoiled = undefined;
  }

  get pending(): number {
    return this.waiters.length;
  }

  private remove(w: Waiter<F>): void {
    const i = this.waiters.indexOf(w);
    if (i >= 0) this.waiters.splice(i, 1);
  }

  private settle(w: Waiter<F>, r: Result<F>): void {
    clearTimeout(w.timer);
    if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
    w.resolve(r);
  }
}
