// The driver against the in-process simulator over a memory pair: every command, every
// misbehaviour, and the promise that a failure leaves the next exchange working.
import { afterEach, describe, expect, it } from 'vitest';
import { ZfmDriver } from '../../../../../native/drivers/zfm/driver';
import { ZfmSimulator } from '../../../../../native/sim/zfm-sim';
import { createMemoryPair } from '../../../../../native/transport/memory-pair';
import type { MemoryTransport } from '../../../../../native/transport/memory-pair';

let host: MemoryTransport;
let device: MemoryTransport;

async function rig(opts: ConstructorParameters<typeof ZfmSimulator>[0] = {}, driverOpts: ConstructorParameters<typeof ZfmDriver>[0] = {}) {
  [host, device] = createMemoryPair('zfm');
  await host.open();
  await device.open();
  const sim = new ZfmSimulator({ onUnplug: () => host.unplug(), ...opts });
  sim.attach(device);
  // A new finger pattern takes the simulator a few hundred ms (as GenImg does on a real module).
  const driver = new ZfmDriver({ ackTimeoutMs: 1500, dataTimeoutMs: 500, ...driverOpts });
  driver.attach(host);
  return { sim, driver };
}

afterEach(async () => {
  await host?.close();
  await device?.close();
});

describe('ZfmDriver with the in-process simulator', () => {
  it('identifies the module and reads its parameters', async () => {
    const { driver } = await rig();
    const id = await driver.identify();
    expect(id.ok && id.value).toMatchObject({ model: 'zfm', hasLedRing: false, templateCount: 0, sysParams: { packetBytes: 128, baudRate: 57_600, librarySize: 162 } });
  });

  it('detects the R50x LED ring and lights it while waiting for a finger', async () => {
    const { driver, sim } = await rig({ profile: 'r503' });
    const id = await driver.identify();
    expect(id.ok && id.value.hasLedRing).toBe(true);
    const colours: number[] = [];
    sim.on('command', (name) => name === 'AuraLedConfig' && colours.push(sim.led.control));
    setTimeout(() => sim.placeFinger('right_index'), 150);
    const img = await driver.captureImage({ timeoutMs: 2000, pollMs: 20 });
    expect(img.ok && [img.value.width, img.value.height]).toEqual([192, 192]);
    expect(colours.length).toBeGreaterThanOrEqual(2);
  });

  it('polls for a finger with a countdown, then uploads the image with progress', async () => {
    const { driver, sim } = await rig();
    const countdown: number[] = [];
    const progress: number[] = [];
    driver.on('countdown', (c) => countdown.push(c.message.params.seconds));
    driver.on('progress', (p) => progress.push(p.received));
    setTimeout(() => sim.placeFinger('left_thumb'), 100);
    const r = await driver.captureImage({ timeoutMs: 3000, pollMs: 20 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.packed.length).toBe(36_864);
    expect(countdown[0]).toBe(3);
    expect(progress.at(-1)).toBe(36_864);
    expect(progress.length).toBe(288);
  });

  it('gives up waiting for a finger with a clear message', async () => {
    const { driver } = await rig();
    const r = await driver.waitForFinger({ timeoutMs: 200, pollMs: 20 });
    expect(!r.ok && r.error).toMatchObject({ code: 'rejected', key: 'device.zfm.no_finger', params: { seconds: 0 } });
  });

  it('maps confirmation codes to translation keys', async () => {
    const { driver, sim } = await rig();
    sim.placeFinger('x');
    sim.inject('capture_fail');
    const r = await driver.genImg();
    expect(!r.ok && r.error.key).toBe('device.zfm.code.03');
    expect((await driver.genImg()).ok).toBe(true);
    const up = await driver.upImage();
    expect(up.ok).toBe(true);
  });

  it('extracts, uploads, downloads and matches templates: same finger matches, another does not', async () => {
    const { driver, sim } = await rig();
    sim.placeFinger('right_thumb');
    await driver.genImg();
    expect((await driver.img2Tz(1)).ok).toBe(true);
    const t1 = await driver.upChar(1);
    expect(t1.ok && t1.value.length).toBe(512);
    await driver.genImg();
    await driver.img2Tz(1);
    expect((await driver.downChar(2, t1.ok ? t1.value : Buffer.alloc(0))).ok).toBe(true);
    const same = await driver.match();
    expect(same.ok && same.value.matched).toBe(true);
    expect((await driver.regModel()).ok).toBe(true);
    expect((await driver.store(1, 7)).ok).toBe(true);
    expect(await driver.templateNum()).toEqual({ ok: true, value: 1 });
    sim.placeFinger('left_index');
    await driver.genImg();
    await driver.img2Tz(1);
    await driver.downChar(2, t1.ok ? t1.value : Buffer.alloc(0));
    const other = await driver.match();
    expect(other.ok && other.value.matched).toBe(false);
    const search = await driver.search(1, 0, 162);
    expect(search.ok && search.value.found).toBe(false);
    expect((await driver.empty()).ok).toBe(true);
  });

  it('changes packet size and baud rate', async () => {
    const { driver, sim } = await rig();
    await driver.identify();
    expect((await driver.setPacketSize(32)).ok).toBe(true);
    expect((await driver.setBaudRate(115_200)).ok).toBe(true);
    expect(sim.packetSizeCode).toBe(0);
    expect(sim.baudRate).toBe(115_200);
    const p = await driver.readSysParams();
    expect(p.ok && p.value.packetBytes).toBe(32);
    sim.placeFinger('a');
    const img = await driver.captureImage({ timeoutMs: 1000 });
    expect(img.ok && img.value.packed.length).toBe(36_864);
  });

  it.each([
    ['no_reply', 'timeout', 'device.timeout'],
    ['bad_checksum', 'protocol', 'device.zfm.bad_checksum'],
  ] as const)('a %s answer is an error value, the device recovers', async (fault, code, key) => {
    const { driver, sim } = await rig({}, { ackTimeoutMs: 300 });
    const health: string[] = [];
    driver.on('health', (h) => health.push(h));
    sim.inject(fault);
    const r = await driver.templateNum();
    expect(!r.ok && r.error).toMatchObject({ code, key });
    expect((await driver.templateNum()).ok).toBe(true);
    if (fault === 'no_reply') expect(health).toEqual(['unresponsive', 'ok']);
  });

  it('reads through garbage and a slow module', async () => {
    const { driver, sim } = await rig({ slowMs: 150 });
    sim.inject('garbage', { times: 3 });
    sim.inject('slow');
    for (let i = 0; i < 4; i++) expect((await driver.templateNum()).ok).toBe(true);
  });

  it('a damaged image packet fails the upload; the next capture works', async () => {
    const { driver, sim } = await rig();
    sim.placeFinger('a');
    sim.inject('bad_checksum', { on: 'UpImage' });
    const bad = await driver.captureImage({ timeoutMs: 1000 });
    expect(!bad.ok && bad.error.key).toBe('device.zfm.bad_checksum');
    const good = await driver.captureImage({ timeoutMs: 1000 });
    expect(good.ok).toBe(true);
  });

  it('an unplug mid-image is reported as disconnected, not as a hang', async () => {
    const { driver, sim } = await rig();
    const events: string[] = [];
    driver.on('disconnected', () => events.push('disconnected'));
    sim.placeFinger('a');
    sim.inject('unplug_mid_image');
    const r = await driver.captureImage({ timeoutMs: 1000 });
    expect(!r.ok && r.error.code).toBe('disconnected');
    expect(events).toEqual(['disconnected']);
    expect(driver.connected).toBe(false);
    // Replug: a fresh pair, the same driver.
    const [h2, d2] = createMemoryPair('zfm2');
    await h2.open();
    await d2.open();
    sim.attach(d2);
    driver.attach(h2);
    expect((await driver.captureImage({ timeoutMs: 1000 })).ok).toBe(true);
  });

  it('cancels a wait for a finger', async () => {
    const { driver } = await rig();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 80);
    const r = await driver.waitForFinger({ timeoutMs: 5000, pollMs: 20, signal: ac.signal });
    expect(!r.ok && r.error.code).toBe('cancelled');
    expect((await driver.templateNum()).ok).toBe(true);
  });

  it('serialises concurrent calls (one exchange at a time)', async () => {
    const { driver } = await rig();
    const busy: boolean[] = [];
    driver.on('busy', (b) => busy.push(b));
    const all = await Promise.all([driver.templateNum(), driver.readSysParams(), driver.templateNum()]);
    expect(all.every((r) => r.ok)).toBe(true);
    expect(busy).toEqual([true, false]);
  });

  it('asks for the password when one is set', async () => {
    const { driver } = await rig({ password: 1234 }, { password: 9 });
    const r = await driver.identify();
    expect(!r.ok && r.error.key).toBe('device.zfm.code.13');
  });
});
