// The GT-521 decoder faces whatever the wire delivers: packets split anywhere, stray bytes,
// damaged packets, a 52 KB data packet that arrives over seconds. It must find every intact
// packet, report the damaged ones, never read image bytes as packets, and keep its memory
// bounded.
import { describe, expect, it } from 'vitest';
import { encodeCommand, encodeDataPacket, encodeResponse } from '../../../../../native/drivers/gt521/codec';
import { CMD, IMAGE_BYTES } from '../../../../../native/drivers/gt521/constants';
import { Gt521Decoder } from '../../../../../native/drivers/gt521/decoder';
import type { Gt521Decoded } from '../../../../../native/drivers/gt521/decoder';
import { seededRandom } from '../../../../../native/sim/prng';

const raws = (out: Gt521Decoded[]): Buffer[] => out.flatMap((d) => (d.type === 'packet' || d.type === 'data' ? [d.raw] : []));

function feed(decoder: Gt521Decoder, bytes: Buffer, rand: () => number, max = 40): Gt521Decoded[] {
  const out: Gt521Decoded[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(rand() * max);
    out.push(...decoder.push(bytes.subarray(i, i + n)));
    i += n;
  }
  return out;
}

describe('Gt521Decoder', () => {
  const ack = encodeResponse(true, 0);
  const template = encodeDataPacket(Buffer.alloc(498, 0x55));

  it('decodes an ACK and the data packet armed after it, split at every boundary', () => {
    const stream = Buffer.concat([ack, template, encodeResponse(false, 0x1012)]);
    for (let cut = 1; cut < stream.length; cut += 3) {
      const d = new Gt521Decoder();
      d.expectData(498);
      expect(raws([...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))])).toEqual([ack, template, encodeResponse(false, 0x1012)]);
    }
  });

  it('unarmed, a data packet is garbage; bytes inside data (55 AA…) are never read as packets', () => {
    const unarmed = new Gt521Decoder().push(Buffer.concat([template, ack]));
    expect(raws(unarmed)).toEqual([ack]);
    expect(unarmed.some((o) => o.type === 'garbage')).toBe(true);
    // Template bytes that happen to hold a whole command packet stay data.
    const tricky = encodeDataPacket(Buffer.concat([encodeCommand(CMD.DeleteAll), Buffer.alloc(486, 1)]));
    const d = new Gt521Decoder();
    d.expectData(498);
    const out = d.push(tricky);
    expect(out.filter((o) => o.type === 'packet')).toEqual([]);
    expect(out.filter((o) => o.type === 'data')).toHaveLength(1);
  });

  it('reports progress through a long data packet, then the packet once', () => {
    const image = encodeDataPacket(Buffer.alloc(IMAGE_BYTES, 0x80));
    const d = new Gt521Decoder();
    d.expectData(IMAGE_BYTES);
    const out = feed(d, image, seededRandom(3), 4096);
    const progress = out.flatMap((o) => (o.type === 'progress' ? [o.received] : []));
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(Math.max(...progress)).toBeLessThanOrEqual(IMAGE_BYTES);
    expect(out.filter((o) => o.type === 'data').map((o) => (o as { data: Buffer }).data.length)).toEqual([IMAGE_BYTES]);
    expect(d.expecting).toBe(0);
  });

  it('reports a damaged packet and a damaged data packet, then decodes what follows', () => {
    const bad = Buffer.from(ack);
    bad[10]! ^= 0x40;
    const badData = Buffer.from(template);
    badData[200]! ^= 1;
    const d = new Gt521Decoder();
    d.expectData(498);
    const out = d.push(Buffer.concat([bad, badData, ack]));
    expect(out.filter((o) => o.type === 'bad_checksum').map((o) => (o as { kind: string }).kind)).toEqual(['packet', 'data']);
    expect(raws(out)).toEqual([ack]);
  });

  it('survives random streams with stray bytes between packets: never throws, bounded, finds every packet', () => {
    const rand = seededRandom(20261123);
    let maxBuffered = 0;
    for (let round = 0; round < 300; round++) {
      const d = new Gt521Decoder();
      const parts: Buffer[] = [];
      const expected: Buffer[] = [];
      for (let i = 0; i < 6; i++) {
        // Stray bytes never start with a start code, so they cannot swallow the next packet.
        const stray = Buffer.from(Array.from({ length: Math.floor(rand() * 20) }, () => {
          const b = Math.floor(rand() * 256);
          return b === 0x55 || b === 0x5a ? 0x00 : b;
        }));
        const p = encodeResponse(rand() < 0.5, Math.floor(rand() * 0xffffffff));
        parts.push(stray, p);
        expected.push(p);
      }
      const out = feed(d, Buffer.concat(parts), rand, 17);
      maxBuffered = Math.max(maxBuffered, d.buffered);
      expect(raws(out)).toEqual(expected);
    }
    expect(maxBuffered).toBeLessThan(12);
    const noise = Buffer.from(Array.from({ length: 200_000 }, () => Math.floor(rand() * 256)));
    const d = new Gt521Decoder();
    expect(() => feed(d, noise, rand, 64)).not.toThrow();
    expect(d.buffered).toBeLessThan(12);
  });

  it('refuses an expectation larger than any packet the family sends', () => {
    expect(() => new Gt521Decoder().expectData(IMAGE_BYTES + 1)).toThrow(RangeError);
  });
});
