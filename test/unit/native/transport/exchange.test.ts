import { describe, expect, it } from 'vitest';
import { ExchangeLock, FrameInbox, withTimeout } from '../../../../native/transport/exchange';
import { backoffDelay } from '../../../../native/transport/backoff';
import { fail, ok } from '../../../../native/result';

describe('exchange helpers', () => {
  it('runs one exchange at a time, in order, and reports busy/idle', async () => {
    const lock = new ExchangeLock();
    const seen: string[] = [];
    const busy: boolean[] = [];
    lock.onBusyChange = (b) => busy.push(b);
    const job = (name: string, ms: number) => lock.run(async () => {
      seen.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      seen.push(`end ${name}`);
      return name;
    });
    expect(await Promise.all([job('a', 20), job('b', 1)])).toEqual(['a', 'b']);
    expect(seen).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(busy).toEqual([true, false]);
  });

  it('tryRun refuses while busy; a throwing exchange frees the lock', async () => {
    const lock = new ExchangeLock();
    const slow = lock.run(() => new Promise((r) => setTimeout(r, 20)));
    expect(await lock.tryRun(async () => ok(1))).toMatchObject({ ok: false, error: { code: 'busy' } });
    await slow;
    await lock.run(async () => { throw new Error('boom'); }).catch(() => undefined);
    expect(await lock.tryRun(async () => ok(2))).toEqual({ ok: true, value: 2 });
  });

  it('withTimeout turns silence into a timeout value', async () => {
    const r = await withTimeout(new Promise<never>(() => undefined), 10);
    expect(r).toMatchObject({ ok: false, error: { code: 'timeout', key: 'device.timeout' } });
  });

  it('the inbox hands frames to the wait that accepts them, queues others, times out, fails all', async () => {
    const inbox = new FrameInbox<number>();
    inbox.push(1);
    expect(await inbox.next({ timeoutMs: 10, accept: (n) => n === 1 })).toEqual({ ok: true, value: 1 });
    const even = inbox.next({ timeoutMs: 100, accept: (n) => n % 2 === 0 });
    inbox.push(3);
    inbox.push(4);
    expect(await even).toEqual({ ok: true, value: 4 });
    expect(await inbox.next({ timeoutMs: 10 })).toEqual({ ok: true, value: 3 });
    expect(await inbox.next({ timeoutMs: 10 })).toMatchObject({ ok: false, error: { code: 'timeout' } });
    const waiting = inbox.next({ timeoutMs: 1000 });
    inbox.fail(fail('disconnected', 'device.disconnected'));
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    inbox.fail(fail('protocol', 'x'), { sticky: true });
    expect(await inbox.next({ timeoutMs: 10 })).toMatchObject({ ok: false, error: { key: 'x' } });
    const ac = new AbortController();
    const cancelled = inbox.next({ timeoutMs: 1000, signal: ac.signal });
    ac.abort();
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(inbox.pending).toBe(0);
  });

  it('backs off exponentially up to a cap', () => {
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, { initialMs: 100, maxMs: 1000 }))).toEqual([100, 200, 400, 800, 1000]);
  });
});
