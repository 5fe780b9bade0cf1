// The simulator as an independent client sees it: raw command packets in, raw answers out,
// no driver involved (this is what pyfingerprint or Adafruit's library would send).
import { describe, expect, it } from 'vitest';
import { commandPacket, commands, encodePacket, readAck } from '../../../../native/drivers/zfm/codec';
import { ZfmDecoder } from '../../../../native/drivers/zfm/decoder';
import type { ZfmPacket } from '../../../../native/drivers/zfm/codec';
import { ZfmSimulator } from '../../../../native/sim/zfm-sim';
import type { ZfmSimOptions } from '../../../../native/sim/zfm-sim';
import { BytePacer } from '../../../../native/sim/pacer';
import { syntheticFingerprint } from '../../../../native/sim/synthetic-finger';
import { createMemoryPair } from '../../../../native/transport/memory-pair';

async function rawClient(opts: ZfmSimOptions = {}) {
  const [host, device] = createMemoryPair();
  await host.open();
  await device.open();
  const sim = new ZfmSimulator(opts);
  sim.attach(device);
  const decoder = new ZfmDecoder();
  const packets: ZfmPacket[] = [];
  const raw: Buffer[] = [];
  host.on('data', (d) => {
    raw.push(d);
    for (const x of decoder.push(d)) if (x.type === 'packet') packets.push(x.packet);
  });
  const ask = async (bytes: Buffer, answers = 1, ms = 2000): Promise<ZfmPacket[]> => {
    packets.length = 0;
    await host.write(bytes);
    const t0 = Date.now();
    while (packets.length < answers && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 2));
    return [...packets];
  };
  return { sim, ask, raw };
}

const code = (p: ZfmPacket[]): number | undefined => (p[0] ? readAck(p[0])?.code : undefined);

describe('ZFM simulator, byte level', () => {
  it('answers VfyPwd, ReadSysPara, GetRandomCode and unknown instructions as a module does', async () => {
    const { ask } = await rawClient();
    expect(code(await ask(commandPacket(commands.vfyPwd(0))))).toBe(0x00);
    expect(code(await ask(commandPacket(commands.vfyPwd(7))))).toBe(0x13);
    const sys = await ask(commandPacket(commands.readSysPara()));
    expect(sys[0]!.payload.length).toBe(17);
    const rnd = await ask(commandPacket([0x14]));
    expect(rnd[0]!.payload.length).toBe(5);
    expect(code(await ask(commandPacket([0x77])))).toBe(0x01);
  });

  it('answers 01 to a damaged command and stays silent for another address', async () => {
    const { ask } = await rawClient();
    const bad = commandPacket(commands.templateNum());
    bad[bad.length - 1]! ^= 1;
    expect(code(await ask(bad))).toBe(0x01);
    const other = encodePacket({ address: 0x12345678, pid: 0x01, payload: Buffer.from([0x1d]) });
    expect(await ask(other, 1, 100)).toEqual([]);
  });

  it('keeps an index table of stored templates and requires the password once one is set', async () => {
    const { sim, ask } = await rawClient();
    sim.placeFinger('x');
    await ask(commandPacket(commands.genImg()));
    await ask(commandPacket(commands.img2Tz(1)));
    expect(code(await ask(commandPacket(commands.store(1, 9))))).toBe(0);
    const index = await ask(commandPacket([0x1f, 0]));
    expect(index[0]!.payload[1 + 1]).toBe(1 << 1); // template 9 = byte 1, bit 1
    expect(code(await ask(commandPacket([0x12, 0, 0, 0x30, 0x39])))).toBe(0);
    sim.detach();
    const again = await rawClient({ password: 12345 });
    expect(code(await again.ask(commandPacket(commands.templateNum())))).toBe(0x21);
    expect(code(await again.ask(commandPacket(commands.vfyPwd(12345))))).toBe(0);
    expect(code(await again.ask(commandPacket(commands.templateNum())))).toBe(0);
  });

  it('an R503 says 0x55 after power-up and knows the LED ring; a ZFM-20 refuses it', async () => {
    const r503 = await rawClient({ profile: 'r503' });
    const t0 = Date.now();
    while (r503.raw.length === 0 && Date.now() - t0 < 2000) await new Promise((r) => setTimeout(r, 5));
    expect(r503.raw[0]).toEqual(Buffer.from([0x55]));
    expect(code(await r503.ask(commandPacket(commands.auraLedConfig(1, 0x80, 2, 0))))).toBe(0);
    expect(r503.sim.led).toEqual({ control: 1, speed: 0x80, colour: 2, count: 0 });
    const zfm = await rawClient();
    expect(code(await zfm.ask(commandPacket(commands.auraLedConfig(1, 0x80, 2, 0))))).toBe(0x01);
  });

  it('paces bytes at 10 bits per byte', async () => {
    const out: number[] = [];
    const pacer = new BytePacer((b) => out.push(b.length), () => 115_200);
    const t0 = performance.now();
    pacer.send(Buffer.alloc(2304));
    await pacer.idle();
    const ms = performance.now() - t0;
    expect(out.reduce((a, b) => a + b, 0)).toBe(2304);
    expect(ms).toBeGreaterThanOrEqual(199);
    expect(ms).toBeLessThan(500); // generous: only "not faster than the wire" is exact
  });

  it('makes a stable pattern per finger and a different one per finger', () => {
    const a = syntheticFingerprint({ seed: 1, quality: 'clean' }).pixels;
    const a2 = syntheticFingerprint({ seed: 1, quality: 'clean' }).pixels;
    const b = syntheticFingerprint({ seed: 2, quality: 'clean' }).pixels;
    expect(Buffer.from(a).equals(Buffer.from(a2))).toBe(true);
    let same = 0;
    for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) < 40) same += 1;
    expect(same / a.length).toBeLessThan(0.8);
  });
});
