// Resynchronising on the MRZ: stray bytes between documents (NUL, a power-up byte, a
// half-read swipe) must not cost the documents that follow. The assembler cases pin each
// rule; the fuzz test throws seeded random stray bytes between a sequence of valid
// documents through the real driver (MrzReader, fake clock for the reader's idle flush).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MrzLineAssembler } from '../../../../native/drivers/mrz/mrz-line-assembler';
import type { AssemblerEvent } from '../../../../native/drivers/mrz/mrz-line-assembler';
import { MrzReader } from '../../../../native/drivers/mrz/mrz-reader';
import type { MrzDroppedEvent } from '../../../../native/drivers/mrz/mrz-reader';
import { isMrzFirstLine } from '../../../../domain/mrz/mrz-first-line';
import { MRZ_SPECIMENS, STRAY_BYTES, mrzSimWrites, trainingTd3 } from '../../../../native/sim/mrz-sim';
import { seededRandom } from '../../../../native/sim/prng';
import type { Random } from '../../../../native/sim/prng';
import { createMemoryPair } from '../../../../native/transport/memory-pair';

const TD3 = [...MRZ_SPECIMENS.TD3];
const TD2 = [...MRZ_SPECIMENS.TD2];
const TD1 = [...MRZ_SPECIMENS.TD1];
const feed = (a: MrzLineAssembler, lines: string[]): AssemblerEvent[] => lines.flatMap((l) => a.pushLine(l));
const docs = (events: AssemblerEvent[]) => events.filter((e) => e.kind === 'document').map((e) => (e as { lines: string[] }).lines);

describe('first-line shapes (ICAO 9303)', () => {
  it('recognise the first line of every specimen and no later line', () => {
    expect(isMrzFirstLine(TD3[0]!, 'TD3')).toBe(true);
    expect(isMrzFirstLine(TD3[1]!, 'TD3')).toBe(false);
    expect(isMrzFirstLine(TD2[0]!, 'TD2')).toBe(true);
    expect(isMrzFirstLine(TD2[1]!, 'TD2')).toBe(false);
    expect(isMrzFirstLine(TD1[0]!, 'TD1')).toBe(true);
    expect(isMrzFirstLine(TD1[1]!, 'TD1')).toBe(false);
    // The TD1 name line starts with a letter a document code may carry, but holds no digit.
    expect(isMrzFirstLine('ANDERSON<<ANNA<<<<<<<<<<<<<<<<', 'TD1')).toBe(false);
    // A visa (MRV-A) starts with V.
    expect(isMrzFirstLine('V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'TD3')).toBe(true);
  });
});

describe('MrzLineAssembler resynchronises on the MRZ', () => {
  it('drops control and high bytes in front of and inside a line, counting them by class', () => {
    const events = feed(new MrzLineAssembler(), ['\u0000\u0000' + TD3[0]!.slice(0, 10) + '\u00ff' + TD3[0]!.slice(10), TD3[1]!]);
    expect(events).toEqual([
      { kind: 'dropped', count: 3, classes: { control: 2, nonAscii: 1, text: 0 } },
      { kind: 'document', format: 'TD3', lines: TD3 },
    ]);
  });

  it('finds the first line behind the start of a half-read swipe on the same line', () => {
    const events = feed(new MrzLineAssembler(), ['P<UTOERIK' + TD1[0]!, TD1[1]!, TD1[2]!]);
    expect(events).toEqual([
      { kind: 'dropped', count: 9, classes: { control: 0, nonAscii: 0, text: 9 } },
      { kind: 'document', format: 'TD1', lines: TD1 },
    ]);
  });

  it('a first line while a document is half collected starts the next document', () => {
    const a = new MrzLineAssembler();
    expect(feed(a, [TD3[0]!, ...TD3])).toEqual([
      { kind: 'rejected', key: 'device.mrz.incomplete', params: { found: 1, expected: 2 }, raw: [TD3[0]] },
      { kind: 'document', format: 'TD3', lines: TD3 },
    ]);
    expect(docs(feed(a, [TD1[0]!, TD1[1]!, ...TD1]))).toEqual([TD1]);
    expect(docs(feed(a, [TD3[0]!, 'xx' + TD3[0]!, TD3[1]!]))).toEqual([TD3]);
  });

  it('lets the second line decide between two readings of a resynchronised first line', () => {
    // "PVISAXYZ" + a TD2 first line ends in 44 characters that look like a TD3 first line.
    const events = feed(new MrzLineAssembler(), ['PVISAXYZ' + TD2[0]!, TD2[1]!]);
    expect(events).toEqual([
      { kind: 'dropped', count: 8, classes: { control: 0, nonAscii: 0, text: 8 } },
      { kind: 'document', format: 'TD2', lines: TD2 },
    ]);
  });

  it('still names what is really wrong: overlong, truncated, a bad character, noise from a wrong baud rate', () => {
    expect(feed(new MrzLineAssembler(), [TD3[0]! + '<<'])[0]).toMatchObject({ key: 'mrz.lineTooLong' });
    expect(feed(new MrzLineAssembler(), [TD3[0]!, TD3[1]!.slice(0, 41)])[0]).toMatchObject({ key: 'mrz.lineTooShort' });
    expect(feed(new MrzLineAssembler(), [TD3[0]!.replace('ANNA', 'AN#A')])[0]).toMatchObject({ key: 'mrz.badCharacter', params: { char: '#' } });
    expect(feed(new MrzLineAssembler(), ['\u00f8\u0080\u00fe\u0000\u00f8\u0080\u00fe\u0000\u00f8\u0080'])[0]).toMatchObject({ key: 'device.mrz.garbage' });
  });

  it('a document whose first line has a misread digit still goes on to the check digits', () => {
    const misread = TD3[0]!.replace('ERIKSSON', 'ERIKSS0N');
    expect(docs(feed(new MrzLineAssembler(), [misread, TD3[1]!]))).toEqual([[misread, TD3[1]]]);
  });
});

// ---- fuzz ----

const POOL: string[][] = [TD3, TD2, TD1, ...['A1234567', 'X9876543', 'B0000001', 'C4455667'].map(trainingTd3)];

function strayBytes(rand: Random): Buffer {
  const n = 1 + Math.floor(rand() * 12);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.15) out.push([0x00, 0x0d, 0x0a, 0x13, 0x11, 0x7f][Math.floor(rand() * 6)]!);
    else if (r < 0.35) out.push(Math.floor(rand() * 0x20));
    else if (r < 0.6) out.push(0x80 + Math.floor(rand() * 0x80));
    else out.push(0x20 + Math.floor(rand() * 0x5f));
  }
  return Buffer.from(out);
}

function chunks(bytes: Buffer, rand: Random): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(rand() * 40);
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}

describe('fuzz: random stray bytes between valid documents', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads every document, in order, for 200 seeds', () => {
    vi.useFakeTimers();
    const [host] = createMemoryPair('fuzz');
    let droppedBytes = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rand = seededRandom(seed);
      const reader = new MrzReader(host, { framing: 'lines', idleFlushMs: 100 });
      const read: string[][] = [];
      reader.on('document', (d) => read.push(d.lines));
      reader.on('error', () => undefined);
      reader.on('dropped', (d: MrzDroppedEvent) => (droppedBytes += d.count));
      const expected: string[][] = [];
      for (let i = 0; i < 12; i++) {
        const doc = POOL[Math.floor(rand() * POOL.length)]!;
        expected.push(doc);
        const eol = rand() < 0.5 ? '\r' : '\r\n';
        for (const w of mrzSimWrites(doc, 'good', { framing: 'lines', lineEnding: eol })) {
          for (const c of chunks(w, rand)) reader.receive(c);
        }
        for (const c of chunks(strayBytes(rand), rand)) reader.receive(c);
        // Sometimes the reader falls silent after the stray bytes (the idle flush runs).
        if (rand() < 0.3) vi.advanceTimersByTime(150);
      }
      vi.advanceTimersByTime(150);
      expect(read, `seed ${seed}`).toEqual(expected);
    }
    // The trace had something to show: stray bytes were dropped, not silently absorbed.
    expect(droppedBytes).toBeGreaterThan(1000);
  });

  it('the simulator\'s stray-bytes fault costs no document and raises no error', () => {
    vi.useFakeTimers();
    const [host] = createMemoryPair('stray');
    const reader = new MrzReader(host, { framing: 'lines', idleFlushMs: 100 });
    const read: string[][] = [];
    const errors: string[] = [];
    const dropped: MrzDroppedEvent[] = [];
    reader.on('document', (d) => read.push(d.lines));
    reader.on('error', (e) => errors.push(e.key));
    reader.on('dropped', (d: MrzDroppedEvent) => dropped.push(d));
    for (const doc of [TD3, TD1, TD2]) for (const w of mrzSimWrites(doc, 'strayBytes', { framing: 'lines' })) reader.receive(w);
    vi.advanceTimersByTime(150);
    expect(read).toEqual([TD3, TD1, TD2]);
    expect(errors).toEqual([]);
    expect(dropped.reduce((n, d) => n + d.count, 0)).toBe(3 * STRAY_BYTES.length - 3); // the CR ends a line, it is not dropped
  });
});

describe('the device trace', () => {
  it('shows what a resynchronisation dropped as counts by class, never the text', async () => {
    const { mrzDriverFactory } = await import('../../../../native/drivers/mrz/mrz-device');
    const [host, device] = createMemoryPair('trace');
    const handle = mrzDriverFactory('mrz-lines', 'lines').create({});
    const names: string[] = [];
    const docs: string[][] = [];
    handle.subscribe({ busy: () => undefined, health: () => undefined, notice: () => undefined, frame: (_dir, _bytes, name) => names.push(name) });
    handle.driver.on('document', (d) => docs.push(d.lines));
    handle.attach(host);
    await device.open();
    for (const w of mrzSimWrites(TD3, 'strayBytes', { framing: 'lines' })) await device.write(w);
    await new Promise((r) => setTimeout(r, 50));
    expect(docs).toEqual([TD3]);
    expect(names.filter((n) => n.startsWith('mrz-dropped'))).toEqual(['mrz-dropped 3 bytes (control 2, non-ASCII 1)', 'mrz-dropped 1 byte (control 1)', 'mrz-dropped 9 bytes (text 9)']);
    handle.detach();
    await host.close();
  });
});
