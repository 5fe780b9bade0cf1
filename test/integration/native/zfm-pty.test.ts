// The ZFM driver through real serialport against the simulator on socat PTYs, managed by
// the device manager and driven by a capture session: the whole capture plan, every
// fault, and unplug/replug — each must end in a clear error value, no hang, no crash,
// nothing already saved lost, and a next capture that works.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceManager } from '../../../native/manager';
import type { DeviceStatus } from '../../../native/manager';
import { zfmDriverFactory } from '../../../native/drivers/zfm/zfm-device';
import type { ZfmDriver } from '../../../native/drivers/zfm/driver';
import { readPngPpi } from '../../../native/imaging/png';
import { startPtySim } from '../../../native/sim/pty-sim';
import type { PtySim } from '../../../native/sim/pty-sim';
import { socatAvailable } from '../../../native/sim/socat-pair';
import { CaptureSession } from '../../../electron/services/capture-session';
import type { FingerRecord } from '../../../electron/services/capture-session';

const haveSocat = socatAvailable();
if (!haveSocat) console.warn('skipping ZFM PTY integration tests: socat is not installed (apt-get install socat)');

const BAUD = 115_200;

describe.skipIf(!haveSocat)('ZFM reader on a PTY (serialport ⇄ socat ⇄ simulator)', () => {
  let dir: string;
  let host: PtySim;
  let manager: DeviceManager;
  let driver: ZfmDriver;
  const statuses: DeviceStatus[] = [];
  const saved: FingerRecord[] = [];

  const waitForState = async (state: DeviceStatus['state'], timeoutMs = 8000): Promise<void> => {
    const started = Date.now();
    while (manager.status('fp')?.state !== state) {
      if (Date.now() - started > timeoutMs) throw new Error(`device stayed ${manager.status('fp')?.state}, wanted ${state}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const session = (plan?: ConstructorParameters<typeof CaptureSession>[0]['plan']) =>
    new CaptureSession({ reader: () => driver, plan, fingerTimeoutMs: 1500, pollMs: 30, save: async (r) => void saved.push(r) });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loket-zfm-'));
    host = await startPtySim(path.join(dir, 'ttyZFM'), { baud: BAUD, packetBytes: 256 });
    manager = new DeviceManager({ drivers: [zfmDriverFactory], backoff: { initialMs: 100, maxMs: 400 }, probeMs: 200, presenceCheckMs: 100 });
    manager.on('status', (s) => statuses.push(s));
    await manager.start([{ id: 'fp', kind: 'fingerprint', driver: 'zfm', label: 'Sidik jari', port: { kind: 'path', path: host.path, baudRate: BAUD }, settings: { ackTimeoutMs: 1500, dataTimeoutMs: 800 } }]);
    await waitForState('connected');
    driver = manager.driver<ZfmDriver>('fp')!;
  });

  afterAll(async () => {
    await manager?.stop();
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('identifies the module at start and reports connected', () => {
    expect(manager.status('fp')).toMatchObject({ state: 'connected', simulated: false, identity: { model: 'zfm', packetBytes: 256, baudRate: BAUD } });
    expect(statuses.map((s) => s.state)).toContain('connecting');
    expect(manager.trace('fp')!.list().some((e) => e.name === 'VfyPwd')).toBe(true);
  });

  it('runs the whole default plan: both thumbs and both index fingers, saved with 500 ppi PNGs', async () => {
    const s = session();
    const countdowns: number[] = [];
    s.on('countdown', (c) => countdowns.push(c.seconds));
    const busy: string[] = [];
    const onStatus = (st: DeviceStatus): void => void busy.push(st.state);
    manager.on('status', onStatus);
    for (let finger = s.nextFinger(); finger; finger = s.nextFinger()) {
      host.sim.placeFinger(finger, 'clean');
      const r = await s.capture();
      expect(r.ok && r.value).toMatchObject({ finger, next: 'done', saved: true });
    }
    manager.off('status', onStatus);
    expect(s.complete).toBe(true);
    expect(saved.map((r) => r.finger)).toEqual(['right_thumb', 'left_thumb', 'right_index', 'left_index']);
    for (const r of saved) {
      expect(r.status).toBe('captured');
      expect(r.image!.score).toBeGreaterThanOrEqual(50);
      expect(readPngPpi(r.image!.png)).toBe(500);
      expect(r.image!.template).toMatchObject({ format: 'zfm', data: { length: 512 } });
    }
    expect(countdowns.length).toBeGreaterThan(0);
    expect(busy).toContain('busy');
  });

  it('keeps the best of a poor finger, asks for a decision, saves it with a reason; a missing finger with its reason', async () => {
    saved.length = 0;
    const s = session({ fingers: ['right_index', 'left_index'], qualityThreshold: 50, maxAttempts: 2 });
    host.sim.placeFinger('right_index', 'smudged');
    const a1 = await s.capture();
    expect(a1.ok && a1.value.next).toBe('retry');
    host.sim.placeFinger('right_index', 'dry');
    const a2 = await s.capture();
    expect(a2.ok && a2.value.next).toBe('decide');
    const best = Math.max(a1.ok ? a1.value.score : 0, a2.ok ? a2.value.score : 0);
    const third = await s.capture('right_index');
    expect(!third.ok && third.error.key).toBe('capture.decide');
    const accepted = await s.acceptBest('right_index', 'jari kering, sudah dicoba dengan pelembap');
    expect(accepted.ok && accepted.value.image?.score).toBe(best);
    const missing = await s.markMissing('left_index', 'injured', 'perban');
    expect(missing.ok).toBe(true);
    expect(saved.map((r) => [r.finger, r.status, r.attempts])).toEqual([
      ['right_index', 'accepted_below_threshold', 2],
      ['left_index', 'missing', 0],
    ]);
  });

  it('detects a duplicate finger with the module matcher, and the right finger then passes', async () => {
    const s = session({ fingers: ['right_thumb', 'left_thumb'], qualityThreshold: 50, maxAttempts: 3 });
    host.sim.placeFinger('applicant-A', 'clean');
    expect((await s.capture()).ok).toBe(true);
    const dup = await s.capture(); // the same finger again, for the left thumb
    expect(!dup.ok && dup.error).toMatchObject({ key: 'capture.duplicate_finger', params: { other: 'right_thumb' } });
    host.sim.placeFinger('applicant-B', 'clean');
    const good = await s.capture();
    expect(good.ok && good.value).toMatchObject({ finger: 'left_thumb', next: 'done', attemptNumber: 2 });
  });

  it.each([
    ['no_finger', { times: Infinity }, 'device.zfm.no_finger'],
    ['capture_fail', {}, 'device.zfm.code.03'],
    ['no_reply', {}, 'device.timeout'],
    ['bad_checksum', { on: 'UpImage' as const }, 'device.zfm.bad_checksum'],
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

  it('cancel stops the wait at once and counts no attempt', async () => {
    const s = session({ fingers: ['right_thumb'], qualityThreshold: 50, maxAttempts: 3 });
    host.sim.liftFinger();
    setTimeout(() => s.cancel(), 150);
    const r = await s.capture();
    expect(!r.ok && r.error.code).toBe('cancelled');
    expect(s.state.fingers[0]!.attempts).toHaveLength(0);
    host.sim.placeFinger('after-cancel');
    expect((await s.capture()).ok).toBe(true);
  });

  it('unplug mid-image: disconnected, reconnects after replug, next capture works', async () => {
    const before = saved.length;
    const s = session({ fingers: ['right_thumb'], qualityThreshold: 50, maxAttempts: 3 });
    host.sim.placeFinger('unplug-me');
    host.sim.inject('unplug_mid_image');
    const r = await s.capture();
    expect(!r.ok && r.error.code).toBe('disconnected');
    await waitForState('disconnected', 3000);
    expect(s.state.fingers[0]!.attempts).toHaveLength(0);
    await host.replug();
    await waitForState('connected');
    const next = await s.capture();
    expect(next.ok && next.value.next).toBe('done');
    expect(saved.length).toBe(before + 1);
  });

  it('socat killed while idle and started again: disconnected, then connected by itself', async () => {
    await host.unplug();
    await waitForState('disconnected', 3000);
    const retry = manager.status('fp')!.message;
    expect(retry?.key).toMatch(/^device\.(disconnected|reconnecting|io_error)$/);
    await new Promise((r) => setTimeout(r, 500)); // a few failed reconnects while unplugged
    await host.replug();
    await waitForState('connected');
    host.sim.placeFinger('after-replug');
    const s = session({ fingers: ['left_index'], qualityThreshold: 50, maxAttempts: 3 });
    expect((await s.capture()).ok).toBe(true);
  });

  it('paces the image at the baud rate: transfer time matches the wire', async () => {
    host.sim.pace = true;
    try {
      host.sim.placeFinger('paced');
      expect((await driver.genImg()).ok).toBe(true);
      const started = performance.now();
      const img = await driver.upImage();
      const ms = performance.now() - started;
      expect(img.ok).toBe(true);
      const packets = Math.ceil(36_864 / 256);
      const wireBytes = 12 + 12 + 36_864 + packets * 11;
      const wireMs = (wireBytes * 10 * 1000) / BAUD;
      expect(ms / wireMs).toBeGreaterThan(0.98);
      // The bench holds the 1.03 goal; here a loaded test machine gets some slack.
      expect(ms / wireMs).toBeLessThan(1.15);
    } finally {
      host.sim.pace = false;
    }
  });

  it('SetSysPara over the PTY: 32-byte packets and a new baud rate, then a full image', async () => {
    expect((await driver.setPacketSize(32)).ok).toBe(true);
    expect((await driver.setBaudRate(57_600)).ok).toBe(true);
    const p = await driver.readSysParams();
    expect(p.ok && p.value).toMatchObject({ packetBytes: 32, baudRate: 57_600 });
    host.sim.placeFinger('small-packets');
    const img = await driver.captureImage({ timeoutMs: 2000 });
    expect(img.ok && img.value.packed.length).toBe(36_864);
    expect((await driver.setPacketSize(256)).ok).toBe(true);
    expect((await driver.setBaudRate(BAUD)).ok).toBe(true);
  });
});
