// The GT-521 driver against the in-process simulator over a memory pair: the boot speed and
// the switch to 115,200, every command the station and the technician use, the reader
// interface (capture, template, 1:1), every misbehaviour, and the promise that a failure
// leaves the next exchange working.
import { afterEach, describe, expect, it } from 'vitest';
import { Gt521Driver } from '../../../../../native/drivers/gt521/driver';
import { canCompare } from '../../../../../native/drivers/fingerprint-reader';
import type { CaptureEvent } from '../../../../../native/drivers/fingerprint-reader';
import { fingerprintQuality } from '../../../../../native/imaging/quality';
import { Gt521Simulator } from '../../../../../native/sim/gt521-sim';
import { createMemoryPair } from '../../../../../native/transport/memory-pair';
import type { MemoryTransport } from '../../../../../native/transport/memory-pair';

let host: MemoryTransport;
let device: MemoryTransport;

async function rig(opts: ConstructorParameters<typeof Gt521Simulator>[0] = {}, driverOpts: ConstructorParameters<typeof Gt521Driver>[0] = {}) {
  [host, device] = createMemoryPair('gt521');
  await host.open();
  await device.open();
  const bauds: number[] = [];
  // The memory link has no speed; record what the driver asks of the line.
  (host as MemoryTransport & { setBaudRate(b: number): Promise<void> }).setBaudRate = async (b: number) => void bauds.push(b);
  const sim = new Gt521Simulator({ onUnplug: () => host.unplug(), ...opts });
  sim.attach(device);
  const driver = new Gt521Driver({ ackTimeoutMs: 800, dataTimeoutMs: 500, ...driverOpts });
  driver.attach(host);
  return { sim, driver, bauds };
}

afterEach(async () => {
  await host?.close();
  await device?.close();
});

const quick = { timeoutMs: 2000, pollMs: 20 };

describe('Gt521Driver with the in-process simulator', () => {
  it('opens at the boot speed, reads the device information, switches module and line to 115,200', async () => {
    const { driver, sim, bauds } = await rig();
    const commands: string[] = [];
    sim.on('command', (c) => commands.push(c));
    expect(sim.baudRate).toBe(9600);
    const id = await driver.identify();
    expect(id.ok && id.value).toMatchObject({ model: 'f52', capacity: 3000, enrolled: 0, baudRate: 115_200, info: { serialNumber: sim.serialNumber } });
    expect(commands.slice(0, 2)).toEqual(['Open', 'ChangeBaudrate']);
    expect(sim.baudRate).toBe(115_200);
    expect(bauds).toEqual([115_200]);
    expect(driver.capabilities).toMatchObject({ model: 'gt521f52', templateFormat: 'gt521', templateBytes: 498, image: { width: 258, height: 202, ppi: 450 } });
  });

  it('tells the F32 (200 slots) from the F52 by the position it refuses', async () => {
    const { driver } = await rig({ model: 'f32' });
    const id = await driver.identify();
    expect(id.ok && id.value).toMatchObject({ model: 'f32', capacity: 200 });
    expect(driver.scratchSlot).toBe(199);
  });

  it('captures through the reader interface: LED, countdown, progress, a 258 × 202 image at 450 ppi', async () => {
    const { driver, sim } = await rig();
    await driver.identify();
    const events: CaptureEvent[] = [];
    const leds: boolean[] = [];
    sim.on('command', (c) => c === 'CmosLed' && setImmediate(() => leds.push(sim.led)));
    setTimeout(() => sim.placeFinger('right_thumb'), 120);
    const img = await driver.capture({ ...quick, onEvent: (e) => events.push(e) });
    expect(img.ok && [img.value.width, img.value.height, img.value.ppi, img.value.pixels.length]).toEqual([258, 202, 450, 52_116]);
    expect(events[0]).toMatchObject({ kind: 'waiting', seconds: 2 });
    expect(events.at(-1)).toEqual({ kind: 'transfer', received: 52_116, total: 52_116 });
    expect(leds).toEqual([true, false]);
    expect(fingerprintQuality(img.ok ? img.value : { width: 1, height: 1, pixels: new Uint8Array(1) }, { ppi: 450 }).score).toBeGreaterThanOrEqual(70);
  });

  it('makes a template in its own format and compares on the device, leaving the borrowed slot empty', async () => {
    const { driver, sim } = await rig();
    await driver.identify();
    sim.placeFinger('A');
    expect((await driver.capture(quick)).ok).toBe(true);
    const a1 = await driver.extractTemplate();
    expect(a1.ok && [a1.value.format, a1.value.data.length]).toEqual(['gt521', 498]);
    expect((await driver.capture(quick)).ok).toBe(true);
    const a2 = await driver.extractTemplate();
    sim.placeFinger('B');
    expect((await driver.capture(quick)).ok).toBe(true);
    const b = await driver.extractTemplate();
    if (!a1.ok || !a2.ok || !b.ok) throw new Error('no templates');
    expect(await driver.compare(a1.value, a2.value)).toEqual({ ok: true, value: { matched: true } });
    expect(await driver.compare(a1.value, b.value)).toEqual({ ok: true, value: { matched: false } });
    expect(await driver.checkEnrolled(driver.scratchSlot)).toEqual({ ok: true, value: false });
    expect(sim.templateCount).toBe(0);
  });

  it('refuses a template of another family before a byte goes out', async () => {
    const { driver, sim } = await rig();
    await driver.identify();
    const zfm = { format: 'zfm' as const, data: Buffer.alloc(512) };
    expect(canCompare(driver, zfm)).toBe(false);
    const commands: string[] = [];
    sim.on('command', (c) => commands.push(c));
    const r = await driver.compare(zfm, { format: 'gt521', data: Buffer.alloc(498) });
    expect(!r.ok && r.error).toMatchObject({ code: 'rejected', key: 'device.fingerprint.template_format', params: { format: 'zfm', reader: 'gt521' } });
    expect(commands).toEqual([]);
  });

  it('enrols with EnrollStart and Enroll1–3, identifies and verifies, and names a duplicate by its slot', async () => {
    const { driver, sim } = await rig();
    await driver.identify();
    const enrol = async (slot: number) => {
      expect((await driver.enrollStart(slot)).ok).toBe(true);
      for (const step of [1, 2, 3] as const) {
        expect((await driver.captureFinger(true)).ok).toBe(true);
        const r = await driver.enroll(step);
        if (!r.ok) return r;
      }
      return { ok: true as const };
    };
    sim.placeFinger('enrolled');
    expect((await enrol(5)).ok).toBe(true);
    expect(await driver.enrollCount()).toEqual({ ok: true, value: 1 });
    expect((await driver.captureFinger(false)).ok).toBe(true);
    expect(await driver.identifyFinger()).toEqual({ ok: true, value: { found: true, id: 5 } });
    expect(await driver.verify(5)).toEqual({ ok: true, value: { matched: true } });
    const dup = await enrol(6);
    expect(!dup.ok && dup.error).toMatchObject({ code: 'rejected', key: 'device.gt521.duplicate', params: { id: 5 } });
    sim.placeFinger('stranger');
    expect((await driver.captureFinger(false)).ok).toBe(true);
    expect(await driver.identifyFinger()).toEqual({ ok: true, value: { found: false, id: -1 } });
    expect(await driver.verify(5)).toEqual({ ok: true, value: { matched: false } });
  });

  it('moves templates out and in: GetTemplate, SetTemplate (with and without the duplicate check), VerifyTemplate', async () => {
    const { driver, sim } = await rig();
    await driver.identify();
    sim.placeFinger('moved');
    expect((await driver.captureFinger(true)).ok).toBe(true);
    const made = await driver.makeTemplate();
    if (!made.ok) throw new Error(made.error.key);
    expect((await driver.setTemplate(10, made.value)).ok).toBe(true);
    const out = await driver.getTemplate(10);
    expect(out.ok && out.value).toEqual(made.value);
    const again = await driver.setTemplate(11, made.value, true);
    expect(!again.ok && again.error).toMatchObject({ key: 'device.gt521.duplicate', params: { id: 10 } });
    expect((await driver.setTemplate(11, made.value, false)).ok).toBe(true);
    expect(await driver.verifyTemplate(11, made.value)).toEqual({ ok: true, value: { matched: true } });
    expect(await driver.identifyTemplate(made.value)).toMatchObject({ ok: true, value: { found: true } });
    expect((await driver.deleteAll()).ok).toBe(true);
    expect(await driver.enrollCount()).toEqual({ ok: true, value: 0 });
  });

  it('answers NACKs as sentences and reads the live 160 × 120 frame', async () => {
    const { driver } = await rig();
    await driver.identify();
    expect(await driver.checkEnrolled(3000)).toMatchObject({ ok: false, error: { code: 'rejected', key: 'device.gt521.nack.1003' } });
    expect(await driver.getTemplate(3)).toMatchObject({ ok: false, error: { key: 'device.gt521.nack.1004' } });
    expect(await driver.changeBaudrate(12_345)).toMatchObject({ ok: false, error: { key: 'device.gt521.nack.1002' } });
    const raw = await driver.getRawImage();
    expect(raw.ok && [raw.value.width, raw.value.height, raw.value.pixels.length]).toEqual([160, 120, 19_200]);
  });

  it.each([
    ['no_finger', { times: Infinity }, 'device.gt521.no_finger'],
    ['capture_fail', {}, 'device.gt521.nack.1012'],
    ['no_reply', { on: 'IsPressFinger' as const }, 'device.timeout'],
    ['bad_checksum', { on: 'GetImage' as const }, 'device.gt521.bad_checksum'],
  ] as const)('fault %s: a clear error value, then the next capture works', async (fault, opts, key) => {
    const { driver, sim } = await rig();
    await driver.identify();
    sim.placeFinger(`fault-${fault}`);
    sim.inject(fault, opts);
    const r = await driver.capture({ timeoutMs: 600, pollMs: 20 });
    expect(!r.ok && r.error.key).toBe(key);
    sim.clearFaults();
    expect((await driver.capture(quick)).ok).toBe(true);
  });

  it('reads through garbage before answers and slow answers', async () => {
    const { driver, sim } = await rig({ slowMs: 200 });
    await driver.identify();
    sim.placeFinger('noisy');
    sim.inject('garbage', { times: 5 });
    sim.inject('slow', { times: 2 });
    expect((await driver.capture(quick)).ok).toBe(true);
  });

  it('an unplug in the middle of the image is "disconnected", and cancel stops the wait at once', async () => {
    const { driver, sim } = await rig();
    await driver.identify();
    sim.placeFinger('cancel-me');
    sim.liftFinger();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const c = await driver.capture({ ...quick, signal: controller.signal });
    expect(!c.ok && c.error.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(500);
    sim.placeFinger('unplug-me');
    sim.inject('unplug_mid_image');
    const r = await driver.capture(quick);
    expect(!r.ok && r.error.code).toBe('disconnected');
    expect(driver.connected).toBe(false);
  });

  it('finds a module still at 115,200 after a station restart (the line opens at 9600), then works', async () => {
    [host, device] = createMemoryPair('gt521');
    await host.open();
    await device.open();
    // A link with speeds: bytes sent at one speed and read at another arrive as garbage.
    let lineBaud = 9600;
    const sim = new Gt521Simulator({ baud: 115_200 });
    const garble = (b: Buffer): Buffer => Buffer.from(b.map((x) => (x * 7 + 3) & 0x7f | 0x80));
    const hostWrite = host.write.bind(host);
    host.write = (b: Buffer) => hostWrite(lineBaud === sim.baudRate ? b : garble(b));
    const deviceWrite = device.write.bind(device);
    device.write = (b: Buffer) => deviceWrite(lineBaud === sim.baudRate ? b : garble(b));
    (host as MemoryTransport & { setBaudRate(b: number): Promise<void> }).setBaudRate = async (b: number) => void (lineBaud = b);
    sim.attach(device);
    const driver = new Gt521Driver({ ackTimeoutMs: 300, dataTimeoutMs: 300 });
    driver.attach(host);
    const id = await driver.identify();
    expect(id.ok && id.value).toMatchObject({ model: 'f52', baudRate: 115_200 });
    expect(lineBaud).toBe(115_200);
    sim.placeFinger('after-restart');
    expect((await driver.capture(quick)).ok).toBe(true);
  });

  it('a module that answers at no speed is "not a GT-521" with a sentence to act on', async () => {
    const { driver, sim } = await rig({}, { ackTimeoutMs: 200 });
    sim.inject('no_reply', { times: Infinity });
    const id = await driver.identify();
    expect(!id.ok && id.error).toMatchObject({ code: 'timeout', key: 'device.gt521.not_gt521' });
  });
});
