// The MRZ reader driver against the in-process simulator (memory pair) in every framing,
// and against recorded HID reports replayed through the HID replay transport.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MrzReader } from '../../../../native/drivers/mrz/mrz-reader';
import type { MrzDocumentEvent, MrzFraming } from '../../../../native/drivers/mrz/mrz-reader';
import { MRZ_SPECIMENS, MrzReaderSim } from '../../../../native/sim/mrz-sim';
import type { MrzSimVariant } from '../../../../native/sim/mrz-sim';
import { createMemoryPair } from '../../../../native/transport/memory-pair';
import { HidReplayTransport } from '../../../../native/transport/hid-replay';
import type { DeviceError } from '../../../../native/result';

const here = path.dirname(fileURLToPath(import.meta.url));
const readers: MrzReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) await r.close();
});

async function rig(framing: MrzFraming, chunkSize?: number) {
  const [host, device] = createMemoryPair('mrz');
  const reader = new MrzReader(host, { framing, idleFlushMs: 60 });
  readers.push(reader);
  const docs: MrzDocumentEvent[] = [];
  const errors: DeviceError[] = [];
  reader.on('document', (d) => docs.push(d));
  reader.on('error', (e) => errors.push(e));
  expect((await reader.open()).ok).toBe(true);
  const sim = new MrzReaderSim(device, chunkSize ? { framing, chunkSize } : { framing });
  await sim.open();
  return { reader, sim, docs, errors, device };
}
const settle = (ms = 120) => new Promise((r) => setTimeout(r, ms));

describe('MrzReader over the simulator', () => {
  const framings: MrzFraming[] = ['lines', 'rte', 'hid-keyboard', 'hid-text'];
  for (const framing of framings) {
    it(`${framing}: TD3, TD1 and TD2 specimens arrive as documents with their framing`, async () => {
      const { sim, docs, errors } = await rig(framing, framing === 'lines' || framing === 'rte' ? 7 : undefined);
      await sim.present(MRZ_SPECIMENS.TD3);
      await sim.present(MRZ_SPECIMENS.TD1);
      await sim.present(MRZ_SPECIMENS.TD2);
      await settle();
      expect(errors).toEqual([]);
      expect(docs.map((d) => [d.format, d.framing, d.lines])).toEqual([
        ['TD3', framing, MRZ_SPECIMENS.TD3],
        ['TD1', framing, MRZ_SPECIMENS.TD1],
        ['TD2', framing, MRZ_SPECIMENS.TD2],
      ]);
    });
  }

  it('lines with CR LF endings work the same', async () => {
    const [host, device] = createMemoryPair();
    const reader = new MrzReader(host, { framing: 'lines' });
    readers.push(reader);
    const docs: MrzDocumentEvent[] = [];
    reader.on('document', (d) => docs.push(d));
    await reader.open();
    const sim = new MrzReaderSim(device, { framing: 'lines', lineEnding: '\r\n', chunkSize: 3 });
    await sim.open();
    await sim.present();
    await settle();
    expect(docs).toHaveLength(1);
  });

  const bad: [MrzFraming, MrzSimVariant, string][] = [
    ['lines', 'truncated', 'mrz.lineTooShort'],
    ['lines', 'overlong', 'mrz.lineTooLong'],
    ['lines', 'garbage', 'device.mrz.garbage'],
    ['lines', 'missingLine', 'device.mrz.incomplete'],
    ['hid-text', 'truncated', 'mrz.lineTooShort'],
    ['hid-keyboard', 'garbage', 'device.mrz.garbage'],
    ['rte', 'garbage', 'device.mrz.garbage'],
    ['rte', 'badBccAndCheckDigit', 'device.mrz.frameCorrupt'],
    ['rte', 'truncated', 'device.mrz.frameCorrupt'],
  ];
  for (const [framing, variant, key] of bad) {
    it(`${framing} / ${variant} → ${key}, and the next good document still reads`, async () => {
      const { sim, docs, errors } = await rig(framing);
      await sim.present(MRZ_SPECIMENS.TD3, variant);
      await settle();
      expect(errors.map((e) => e.key)).toContain(key);
      expect(errors.every((e) => e.code === 'protocol')).toBe(true);
      expect(docs).toEqual([]);
      await sim.present(MRZ_SPECIMENS.TD3);
      await settle();
      expect(docs.map((d) => d.lines)).toEqual([MRZ_SPECIMENS.TD3]);
    });
  }

  it('lines: a wrong check digit is not the driver\'s business — the raw lines go to the domain', async () => {
    const { sim, docs, errors } = await rig('lines');
    await sim.present(MRZ_SPECIMENS.TD3, 'badCheckDigit');
    await settle();
    expect(errors).toEqual([]);
    expect(docs[0]!.lines[1]).toBe('L898902C37UTO7408122F1204159ZE184226B<<<<<10');
  });

  it('rte: an unverifiable BCC is accepted only because the check digits hold, and marked', async () => {
    const { sim, docs, errors } = await rig('rte');
    await sim.present(MRZ_SPECIMENS.TD3, 'badBcc');
    await settle();
    expect(errors).toEqual([]);
    expect(docs[0]).toMatchObject({ framing: 'rte', bccUnverified: true, lines: MRZ_SPECIMENS.TD3 });
    await sim.present(MRZ_SPECIMENS.TD1);
    await settle();
    expect(docs[1]).toMatchObject({ bccRule: 'xor:stx+1..etx' });
    expect(docs[1]!.bccUnverified).toBeUndefined();
  });

  it('reports the cable being pulled', async () => {
    const { errors, device } = await rig('lines');
    device.unplug();
    await settle(10);
    expect(errors).toEqual([expect.objectContaining({ code: 'disconnected', key: 'device.disconnected' })]);
  });
});

describe('MrzReader over replayed HID reports', () => {
  for (const [file, framing, expected] of [
    ['hid-text-td3.replay', 'hid-text', MRZ_SPECIMENS.TD3],
    ['hid-keyboard-td1.replay', 'hid-keyboard', MRZ_SPECIMENS.TD1],
  ] as const) {
    it(`${file} reads as one document`, async () => {
      const t = new HidReplayTransport(readFileSync(path.join(here, 'fixtures', file), 'utf8'));
      const reader = new MrzReader(t, { framing });
      readers.push(reader);
      const docs: MrzDocumentEvent[] = [];
      reader.on('document', (d) => docs.push(d));
      reader.on('error', () => undefined);
      await reader.open();
      await settle(150);
      expect(docs.map((d) => d.lines)).toEqual([expected]);
    });
  }
});
