// The device manager with the in-process simulator: states, busy, unresponsive and back,
// unplug and reconnect with back-off, USB devices found again by VID:PID, the trace.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceManager } from '../../../native/manager';
import type { DeviceConfig, DeviceState, DeviceStatus } from '../../../native/manager';
import { zfmDriverFactory } from '../../../native/drivers/zfm/zfm-device';
import type { ZfmDriver } from '../../../native/drivers/zfm/driver';
import { zfmMemorySim } from '../../../native/sim/zfm-memory-sim';
import type { ZfmMemorySim } from '../../../native/sim/zfm-memory-sim';
import type { PortListing } from '../../../native/transport/port-list';

let manager: DeviceManager | undefined;
afterEach(async () => {
  await manager?.stop();
  manager = undefined;
});

const SIM_DEVICE: DeviceConfig = { id: 'fp', kind: 'fingerprint', driver: 'zfm', label: 'Fingerprint', port: { kind: 'sim', name: 'zfm' }, settings: { ackTimeoutMs: 200 } };

async function startWith(sim: ZfmMemorySim, configs: DeviceConfig[] = [SIM_DEVICE], extra: Partial<ConstructorParameters<typeof DeviceManager>[0]> = {}) {
  const states: DeviceStatus[] = [];
  manager = new DeviceManager({ drivers: [zfmDriverFactory], simulators: [sim], backoff: { initialMs: 20, maxMs: 80 }, probeMs: 50, ...extra });
  manager.on('status', (s) => states.push(s));
  await manager.start(configs);
  return states;
}

async function until(id: string, state: DeviceState, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (manager!.status(id)?.state !== state) {
    if (Date.now() - t0 > ms) throw new Error(`${id} is ${manager!.status(id)?.state}, wanted ${state}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('DeviceManager', () => {
  it('connects and identifies a simulated reader; busy while it works', async () => {
    const sim = zfmMemorySim();
    const states = await startWith(sim);
    expect(manager!.status('fp')).toMatchObject({ state: 'connected', simulated: true, label: 'Fingerprint', identity: { model: 'zfm', librarySize: 162 }, message: { key: 'device.ready' } });
    const driver = manager!.driver<ZfmDriver>('fp')!;
    await driver.templateNum();
    expect(states.map((s) => s.state)).toEqual(['connecting', 'connected', 'busy', 'connected']);
    expect(states.map((s) => s.message?.key)).toEqual(['device.connecting', 'device.ready', undefined, 'device.ready']);
  });

  it('passes driver notices to the status line: place finger, then no finger', async () => {
    const sim = zfmMemorySim();
    const states = await startWith(sim);
    const r = await manager!.driver<ZfmDriver>('fp')!.waitForFinger({ timeoutMs: 1100, pollMs: 50 });
    expect(!r.ok && r.error.key).toBe('device.zfm.no_finger');
    const keys = states.map((s) => s.message?.key);
    expect(keys).toContain('device.zfm.place_finger');
    expect(states.find((s) => s.message?.key === 'device.zfm.place_finger')!.state).toBe('busy');
    expect(manager!.status('fp')).toMatchObject({ state: 'connected', message: { key: 'device.zfm.no_finger', params: { seconds: 1 } } });
  });

  it('goes unresponsive on a silent module and comes back by itself', async () => {
    const sim = zfmMemorySim();
    await startWith(sim);
    sim.sim.inject('no_reply');
    const r = await manager!.driver<ZfmDriver>('fp')!.templateNum();
    expect(!r.ok && r.error.code).toBe('timeout');
    expect(manager!.status('fp')).toMatchObject({ state: 'unresponsive', message: { key: 'device.timeout' } });
    await until('fp', 'connected');
  });

  it('reports an unplug and reconnects with back-off; the same driver object carries on', async () => {
    const sim = zfmMemorySim();
    const states = await startWith(sim);
    const driver = manager!.driver<ZfmDriver>('fp')!;
    sim.link!.unplug();
    expect(manager!.status('fp')!.state).toBe('disconnected');
    await until('fp', 'connected');
    expect(manager!.driver<ZfmDriver>('fp')).toBe(driver);
    expect((await driver.templateNum()).ok).toBe(true);
    const seq = states.map((s) => s.state);
    expect(seq.slice(seq.indexOf('disconnected'))).toEqual(expect.arrayContaining(['disconnected', 'connecting', 'connected']));
  });

  it('an unknown driver is an error with a key; other devices still start', async () => {
    const sim = zfmMemorySim();
    await startWith(sim, [SIM_DEVICE, { id: 'mrz', kind: 'mrz', driver: 'nope', port: { kind: 'path', path: '/dev/null' } }]);
    expect(manager!.status('mrz')).toMatchObject({ state: 'error', message: { key: 'device.unknown_driver', params: { driver: 'nope' } } });
    expect(manager!.status('fp')!.state).toBe('connected');
  });

  it('a port that cannot be opened is disconnected with the reason, retried', async () => {
    const sim = zfmMemorySim();
    const states = await startWith(sim, [{ ...SIM_DEVICE, id: 'fp2', port: { kind: 'path', path: '/nonexistent/ttyX' } }]);
    expect(manager!.status('fp2')!.state).toBe('disconnected');
    expect(states.find((s) => s.message?.key === 'device.io_error')).toBeDefined();
    const t0 = Date.now();
    while (states.filter((s) => s.state === 'connecting').length < 2 && Date.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 5));
    expect(states.filter((s) => s.state === 'connecting').length).toBeGreaterThan(1);
  });

  it('finds a USB device again by VID:PID after a replug, even on a new path', async () => {
    const sim = zfmMemorySim();
    let listing: PortListing = { ports: [], problems: ['serial: udevadm not found'] };
    const opened: string[] = [];
    await startWith(sim, [{ ...SIM_DEVICE, id: 'usb', port: { kind: 'usb', vendorId: 0x10c4, productId: 0xea60 } }], {
      listPorts: async () => listing,
      // The "serial port" found by VID:PID is a link to the simulator.
      openSerial: (p) => {
        opened.push(p);
        return lazySim(sim, p);
      },
    });
    expect(manager!.status('usb')).toMatchObject({ state: 'disconnected', message: { key: 'device.reconnecting' } });
    listing = { ports: [{ type: 'serial', path: '/dev/ttyUSB3', vendorId: 0x10c4, productId: 0xea60 }], problems: [] };
    await until('usb', 'connected');
    expect(opened).toEqual(['/dev/ttyUSB3']);
  });

  it('keeps a live trace that can be paused, listed and saved', async () => {
    const sim = zfmMemorySim();
    await startWith(sim);
    const trace = manager!.trace('fp')!;
    const live: string[] = [];
    manager!.on('trace', (_id, e) => live.push(e.name));
    await manager!.driver<ZfmDriver>('fp')!.templateNum();
    expect(live).toEqual(['TemplateNum', 'ACK 00 (TemplateNum)']);
    trace.pause();
    await manager!.driver<ZfmDriver>('fp')!.templateNum();
    trace.resume();
    const entries = trace.list();
    // One from identify at start, one asked before the pause; none while paused.
    expect(entries.filter((e) => e.name === 'TemplateNum')).toHaveLength(2);
    expect(entries[0]).toMatchObject({ dir: 'tx', name: 'VfyPwd', hex: 'ef01ffffffff0100071300000000001b' });
    const dir = mkdtempSync(path.join(tmpdir(), 'trace-'));
    await trace.save(path.join(dir, 't.txt'));
    expect(readFileSync(path.join(dir, 't.txt'), 'utf8')).toMatch(/=> ef01ffffffff0100071300000000001b/);
    rmSync(dir, { recursive: true });
  });
});

/** A transport that, when opened, links to the in-process simulator (stands in for a serial port). */
function lazySim(sim: ZfmMemorySim, address: string) {
  let inner: Awaited<ReturnType<ZfmMemorySim['connect']>> | undefined;
  const listeners: [string, (...a: never[]) => void][] = [];
  const t = {
    address,
    get isOpen() {
      return inner?.isOpen ?? false;
    },
    async open() {
      inner = await sim.connect({});
      for (const [e, l] of listeners) inner.on(e as 'data', l as never);
    },
    close: async () => inner?.close(),
    write: async (b: Buffer) => inner!.write(b),
    on(e: string, l: (...a: never[]) => void) {
      listeners.push([e, l]);
      inner?.on(e as 'data', l as never);
      return t;
    },
    off(e: string, l: (...a: never[]) => void) {
      inner?.off(e as 'data', l as never);
      return t;
    },
    once(e: string, l: (...a: never[]) => void) {
      inner?.once(e as 'data', l as never);
      return t;
    },
  };
  return t;
}
