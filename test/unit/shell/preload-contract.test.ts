// The preload is the renderer's only door: it must expose exactly the LoketBridge, let
// through only contract-shaped method names and the contract's events, and never hand the
// renderer an IPC event object.
import { beforeAll, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { EVENT_NAMES, IPC_EVENT, IPC_INVOKE } from '../../../electron/bridge-types';
import type { LoketBridge } from '../../../electron/bridge-types';
import type { EventName, MethodName } from '../../../electron/contract';

type IpcListener = (event: unknown, ...args: unknown[]) => void;
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcListeners: new Map<string, IpcListener[]>(),
  // A plain recorder rather than vi.fn: the runner reports a spy's rejected result as a
  // test error even when the code under test handles it.
  calls: [] as unknown[][],
  reply: (): Promise<unknown> => Promise.resolve(undefined),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.calls.push(args);
      return fake.reply();
    },
    on: (channel: string, listener: IpcListener) => {
      fake.ipcListeners.set(channel, [...(fake.ipcListeners.get(channel) ?? []), listener]);
    },
  },
}));

let bridge: LoketBridge;
const emit = (name: unknown, payload: unknown) => {
  const ipcEvent = { sender: { invoke: () => 'leaked' }, ports: [] };
  for (const l of fake.ipcListeners.get(IPC_EVENT) ?? []) l(ipcEvent, name, payload);
};

beforeAll(async () => {
  await import('../../../electron/preload');
  bridge = fake.exposed.get('loket') as LoketBridge;
});
beforeEach(() => {
  fake.calls.length = 0;
  fake.reply = () => Promise.resolve(undefined);
});

describe('event list', () => {
  it("is exactly the contract's events", () => {
    // Compile-time half: EVENT_NAMES' element type is EventName, no more and no less.
    expectTypeOf<(typeof EVENT_NAMES)[number]>().toEqualTypeOf<EventName>();
    const complete: Record<EventName, true> = {
      'session.changed': true, 'queue.changed': true, 'device.status': true, 'mrz.read': true, 'barcode.scanned': true, 'enrolment.changed': true, 'capture.state': true, 'session.ended': true,
      'office.status': true,
    };
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(complete).sort());
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });

  it('is what the preload lets the renderer listen to', () => {
    for (const name of EVENT_NAMES) expect(() => bridge.on(name, () => undefined)()).not.toThrow();
  });
});

describe('window.loket', () => {
  it('exposes only invoke and on, frozen', () => {
    expect([...fake.exposed.keys()]).toEqual(['loket']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards a contract-shaped method with its input and its request id (only a string)', async () => {
    fake.reply = () => Promise.resolve({ ok: true, value: 42 });
    await expect(bridge.invoke('queue.view', { date: '2026-01-02' })).resolves.toEqual({ ok: true, value: 42 });
    await bridge.invoke('enrolment.submit', { appointmentId: 'x' }, 'req-0001');
    await bridge.invoke('enrolment.submit', { appointmentId: 'x' }, { not: 'an id' } as unknown as string);
    expect(fake.calls).toEqual([
      [IPC_INVOKE, 'queue.view', { date: '2026-01-02' }, undefined],
      [IPC_INVOKE, 'enrolment.submit', { appointmentId: 'x' }, 'req-0001'],
      [IPC_INVOKE, 'enrolment.submit', { appointmentId: 'x' }, undefined],
    ]);
  });

  it.each([
    'queue', 'Queue.view', 'queue.view.extra', 'queue.view ', 'queue.vi-ew', '__proto__.x', 'queue.', '.view', '', 42, null,
  ])('refuses the method name %j without calling main', async (name) => {
    const r = await bridge.invoke(name as MethodName, {});
    expect(r).toEqual({ ok: false, error: { code: 'unknown_method' } });
    expect(fake.calls).toEqual([]);
  });

  it('turns a broken IPC into an error value, not a rejection', async () => {
    fake.reply = () => Promise.reject(new Error('No handler registered'));
    await expect(bridge.invoke('auth.session', {})).resolves.toEqual({ ok: false, error: { code: 'internal', params: { reason: 'ipc' } } });
  });

  it("delivers a contract event's payload only, until unsubscribed", () => {
    const seen: unknown[][] = [];
    const off = bridge.on('queue.changed', (...args: unknown[]) => seen.push(args));
    emit('queue.changed', { date: '2026-01-02' });
    emit('session.changed', null);
    off();
    emit('queue.changed', { date: '2026-01-03' });
    expect(seen).toEqual([[{ date: '2026-01-02' }]]);
  });

  it('refuses events outside the contract', () => {
    for (const name of ['loket:invoke', 'queue.changed ', 'constructor', 'toString', '']) {
      expect(() => bridge.on(name as EventName, () => undefined)).toThrow(/unknown event/);
    }
  });
});
