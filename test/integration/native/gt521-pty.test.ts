// The GT-521 driver through real serialport against the simulator on socat PTYs, managed by
// the device manager and driven by a capture session: start at the module's boot speed and
// the switch to 115,200, the whole capture plan with on-device duplicate checks, every
// fault, and unplug/replug (a power-on: back to 9600) — each must end in a clear error
// value, no hang, no crash, nothing already saved lost, and a next capture that works.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceManager } from '../../../native/manager';
import type { DeviceStatus } from '../../../native/manager';
import { gt521DriverFactory } from '../../../native/drivers/gt521/gt521-device';
import type { Gt521Driver } from '../../../native/drivers/gt521/driver';
import { readPngPpi } from '../../../native/imaging/png';
import { startGt521PtySim } from '../../../native/sim/pty-sim';
import type { PtySim } from '../../../native/sim/pty-sim';
import type { Gt521Simulator } from '../../../native/sim/gt521-sim';
import { socatAvailable } from '../../../native/sim/socat-pair';
import { CaptureSession } from '../../../electron/services/capture-session';
import type { FingerRecord } from '../../../electron/services/capture-session';

const haveSocat = socatAvailable();
if (!haveSocat) console.warn('skipping GT-521 PTY integration tests: socat is not installed (apt-get install socat)');

describe.skipIf(!haveSocat)('GT-521 reader on a PTY (serialport ⇄ socat ⇄ simulator)', () => {
  let dir: string;
  let host: PtySim<Gt521Simulator>;
  let manager: DeviceManager;
  let driver: Gt521Driver;
  const saved: FingerRecord[] = [];

  const waitForState = async (state: DeviceStatus['state'], timeoutMs = 8000): Promise<void> => {
    const started = Date.now();
    while (manager.status('fp')?.state !== state) {
      if (Date.now() - started > timeoutMs) throw new Error(`device stayed ${manager.status('fp')?.state}, wanted ${state}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const session = (plan?: ConstructorParameters<typeof CaptureSession>[0]['plan']) =>
    new CaptureSession({ reader: () => manager.driver<Gt521Driver>('fp'), plan, fingerTimeoutMs: 1500, pollMs: 30, save: async (r) => void saved.push(r) });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loket-gt521-'));
    host = await startGt521PtySim(path.join(dir, 'ttyGT521'), { baud: 9600 });
    manager = new DeviceManager({ drivers: [gt521DriverFactory], backoff: { initialMs: 100, maxMs: 400 }, probeMs: 200, presenceCheckMs: 100 });
    await manager.start([{ id: 'fp', kind: 'fingerprint', driver: 'gt521', label: 'Sidik jari', port: { kind: 'path', path: host.path, baudRate: 9600 }, settings: { ackTimeoutMs: 1500, dataTimeoutMs: 800 } }]);
    await waitForState('connected');
    driver = manager.driver<Gt521Driver>('fp')!;
  });

  afterAll(async () => {
    await manager?.stop();
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('identifies the module at 9600 and moves it (and the line) to 115,200', () => {
    expect(manager.status('fp')).toMatchObject({ state: 'connected', identity: { model: 'GT-521F52', baudRate: 115_200, librarySize: 3000, serialNumber: host.sim.serialNumber } });
    expect(host.sim.baudRate).toBe(115_200);
    expect(manager.trace('fp')!.list()[0]).toMatchObject({ dir: 'tx', hex: '55aa0100010000000100' + '0201', name: 'Open(1)' });
  });

  it('runs the whole default plan: 450 ppi PNGs, gt521 templates, a duplicate caught on the device', async () => {
    const s = session();
    const progress: number[] = [];
    s.on('progress', (p) => progress.push(p.received));
    for (let finger = s.nextFinger(); finger; finger = s.nextFinger()) {
      host.sim.placeFinger(finger, 'clean');
      const r = await s.capture();
      expect(r.ok && r.value).toMatchObject({ finger, next: 'done', saved: true });
    }
    expect(saved.map((r) => r.finger)).toEqual(['right_thumb', 'left_thumb', 'right_index', 'left_index']);
    for (const r of saved) {
      expect(r.image!.score).toBeGreaterThanOrEqual(50);
      expect([r.image!.width, r.image!.height, readPngPpi(r.image!.png)]).toEqual([258, 202, 450]);
      expect(r.image!.template).toMatchObject({ format: 'gt521', data: { length: 498 } });
    }
    expect(progress.at(-1)).toBe(52_116);
    // The same finger again for another slot: the module's own 1:1 says so, and lends its slot back.
    const dup = session({ fingers: ['right_thumb', 'left_thumb'], qualityThreshold: 50, maxAttempts: 3 });
    host.sim.placeFinger('applicant-A');
    expect((await dup.capture()).ok).toBe(true);
    const again = await dup.capture();
    expect(!again.ok && again.error).toMatchObject({ key: 'capture.duplicate_finger', params: { other: 'right_thumb' } });
    expect(host.sim.templateCount).toBe(0);
  });

  it.each([
    ['no_finger', { times: Infinity }, 'device.gt521.no_finger'],
    ['capture_fail', {}, 'device.gt521.nack.1012'],
    ['no_reply', { on: 'IsPressFinger' as const }, 'device.timeout'],
    ['bad_checksum', { on: 'GetImage' as const }, 'device.gt521.bad_checksum'],
  ] as const)('fault %s: a clear error value, then the next capture works', async (fault, opts, key) => {
    const before = saved.length;
    const s = session({ fingers: ['right_thumb'], qualityThreshold: 50, maxAttempts: 3 });
    host.sim.placeFinger(`fault-${fault}`, 'clean');
    host.sim.inject(fault, opts);
    const started = Date.now();
    const r = await s.capture();
    expect(!r.ok && r.error.key).toBe(key);
    expect(Date.now() - started).toBeLessThan(6000);
    host.sim.clearFaults();
    if (fault === 'no_reply') await waitForState('connected', 3000);
    const next = await s.capture();
    expect(next.ok && next.value.next).toBe('done');
    expect(saved.length).toBe(before + 1);
  });

  it('reads through garbage bytes and a slow module', async () => {
    const s = session({ fingers: ['left_thumb'], qualityThreshold: 50, maxAttempts: 3 });
    host.sim.placeFinger('noisy-line', 'clean');
    host.sim.slowMs = 300;
    host.sim.inject('garbage', { times: 5 });
    host.sim.inject('slow', { times: 2 });
    const r = await s.capture();
    expect(r.ok && r.value.next).toBe('done');
  });

  it('unplug mid-image: disconnected; after the replug (a power-on at 9600) it is found again and works', async () => {
    const before = saved.length;
    const s = session({ fingers: ['right_thumb'], qualityThreshold: 50, maxAttempts: 3 });
    host.sim.placeFinger('unplug-me');
    host.sim.inject('unplug_mid_image');
    const r = await s.capture();
    expect(!r.ok && r.error.code).toBe('disconnected');
    await waitForState('disconnected', 3000);
    expect(s.state.fingers[0]!.attempts).toHaveLength(0);
    await host.replug();
    expect(host.sim.baudRate).toBe(9600);
    await waitForState('connected');
    expect(host.sim.baudRate).toBe(115_200);
    const next = await s.capture();
    expect(next.ok && next.value.next).toBe('done');
    expect(saved.length).toBe(before + 1);
  });

  it('paces the image at the baud rate: transfer time matches the wire', async () => {
    host.sim.pace = true;
    try {
      host.sim.placeFinger('paced');
      expect((await driver.captureFinger(true)).ok).toBe(true);
      const started = performance.now();
      const img = await driver.getImage();
      const ms = performance.now() - started;
      expect(img.ok).toBe(true);
      const wireMs = ((12 + 12 + 6 + 52_116) * 10 * 1000) / 115_200;
      expect(ms / wireMs).toBeGreaterThan(0.98);
      // The bench holds the 1.03 goal; here a loaded test machine gets some slack.
      expect(ms / wireMs).toBeLessThan(1.15);
    } finally {
      host.sim.pace = false;
    }
  });
});
