// The decoder faces whatever the wire delivers: it must never throw, never hang, keep its
// memory bounded, and still find every intact packet once the garbage ends.
import { describe, expect, it } from 'vitest';
import { commandPacket, commands, encodeAck, encodeDataPackets } from '../../../../../native/drivers/zfm/codec';
import { ZfmDecoder } from '../../../../../native/drivers/zfm/decoder';
import type { ZfmDecoded } from '../../../../../native/drivers/zfm/decoder';

import { seededRandom as rng } from '../../../../../native/sim/prng';

const packets = (out: ZfmDecoded[]): Buffer[] => out.flatMap((d) => (d.type === 'packet' ? [d.raw] : []));

function feedInChunks(decoder: ZfmDecoder, bytes: Buffer, rand: () => number): ZfmDecoded[] {
  const out: ZfmDecoded[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(rand() * 40);
    out.push(...decoder.push(bytes.subarray(i, i + n)));
    i += n;
  }
  return out;
}

const sample = [
  commandPacket(commands.genImg()),
  encodeAck(0x02),
  encodeAck(0x00, Buffer.alloc(16, 7)),
  ...encodeDataPackets(Buffer.alloc(600, 0x5a), 128),
];

describe('ZfmDecoder', () => {
  it('decodes packets split at every possible boundary', () => {
    const stream = Buffer.concat(sample);
    for (let cut = 1; cut < stream.length; cut += 7) {
      const d = new ZfmDecoder();
      const got = packets([...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))]);
      expect(got).toEqual(sample);
    }
  });

  it('resynchronises after garbage, including false headers, and reports it', () => {
    const d = new ZfmDecoder();
    const garbage = Buffer.from('ef01ef01ffff00ef0102', 'hex');
    const out = d.push(Buffer.concat([garbage, sample[1]!, Buffer.from('00ef', 'hex'), sample[2]!]));
    expect(packets(out)).toEqual([sample[1], sample[2]]);
    expect(out.some((o) => o.type === 'garbage')).toBe(true);
  });

  it('rejects a bad checksum and recovers on the next packet', () => {
    const bad = Buffer.from(sample[1]!);
    bad[bad.length - 1]! ^= 0x40;
    const out = new ZfmDecoder().push(Buffer.concat([bad, sample[0]!]));
    expect(out.filter((o) => o.type === 'bad_checksum')).toHaveLength(1);
    expect(packets(out)).toEqual([sample[0]]);
  });

  it('survives random and mutated streams: never throws, bounded memory, bounded time', () => {
    const rand = rng(20261122);
    const started = Date.now();
    const heapBefore = process.memoryUsage().heapUsed;
    let maxBuffered = 0;
    let recovered = 0;
    for (let round = 0; round < 400; round++) {
      const d = new ZfmDecoder();
      const parts: Buffer[] = [];
      for (let k = 0; k < 20; k++) {
        const r = rand();
        if (r < 0.3) {
          parts.push(Buffer.from(Array.from({ length: Math.floor(rand() * 200) }, () => Math.floor(rand() * 256))));
        } else if (r < 0.6) {
          const p = Buffer.from(sample[Math.floor(rand() * sample.length)]!);
          for (let m = 0; m < 3; m++) p[Math.floor(rand() * p.length)] = Math.floor(rand() * 256);
          parts.push(p);
        } else {
          parts.push(Buffer.from([0xef, 0x01, 0xff, 0xff, 0xff, 0xff, 0x07, 0xff, 0xff].slice(0, 1 + Math.floor(rand() * 9))));
        }
      }
      const trailer = sample[2]!;
      // A quiet gap of padding then an intact packet: the decoder must find it.
      const stream = Buffer.concat([...parts, Buffer.alloc(600, 0), trailer]);
      expect(() => feedInChunks(d, stream, rand)).not.toThrow();
      const again = new ZfmDecoder();
      const decoded = feedInChunks(again, stream, rand);
      if (packets(decoded).some((p) => p.equals(trailer))) recovered += 1;
      maxBuffered = Math.max(maxBuffered, again.buffered, d.buffered);
    }
    expect(recovered).toBe(400);
    expect(maxBuffered).toBeLessThanOrEqual(9 + 512 + 2);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });
});
