// Streaming decoder for the GT-521Fxx: bytes in any chunking → packets. Command and response
// packets are a fixed twelve bytes; a data packet has no length field, so whoever knows
// what comes next (the driver before GetImage, the simulator after SetTemplate's ACK) arms
// the decoder with `expectData(n)`. Unarmed, 5A A5 is just garbage. It resynchronises on the
// start codes, reports damaged packets instead of passing them on, reports how much of a
// long data packet has arrived (for a progress bar), and never throws.
import { checksum16, decodePacket } from './codec';
import type { Gt521Packet } from './codec';
import { COMMAND_START, DATA_OVERHEAD, DATA_START, IMAGE_BYTES, PACKET_BYTES } from './constants';

export type Gt521Decoded =
  | { type: 'packet'; packet: Gt521Packet; raw: Buffer }
  | { type: 'data'; data: Buffer; raw: Buffer }
  | { type: 'progress'; received: number; total: number }
  | { type: 'garbage'; bytes: Buffer }
  | { type: 'bad_checksum'; raw: Buffer; kind: 'packet' | 'data' };

/** The largest data packet the family sends (GetImage); larger expectations are refused. */
export const MAX_DATA_BYTES = IMAGE_BYTES;

export class Gt521Decoder {
  private buf: Buffer = Buffer.alloc(0);
  private expected = 0;
  /** While a data packet arrives: its parts so far (kept apart, joined once). */
  private parts: Buffer[] | undefined;
  private have = 0;

  /** Bytes held while waiting for the rest of a packet (for tests of boundedness). */
  get buffered(): number {
    return this.parts ? this.have : this.buf.length;
  }

  /** The next data packet carries `bytes` bytes of data (0 disarms). */
  expectData(bytes: number): void {
    if (bytes < 0 || bytes > MAX_DATA_BYTES) throw new RangeError(`data packet of ${bytes} bytes`);
    this.expected = bytes;
  }

  get expecting(): number {
    return this.expected;
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
    this.expected = 0;
    this.parts = undefined;
    this.have = 0;
  }

  push(chunk: Uint8Array): Gt521Decoded[] {
    const out: Gt521Decoded[] = [];
    let input: Buffer = Buffer.from(chunk);
    if (this.parts) {
      input = this.continueData(input, out);
      if (this.parts) return out;
    }
    this.buf = this.buf.length === 0 ? input : Buffer.concat([this.buf, input]);
    this.scan(out);
    return out;
  }

  private scan(out: Gt521Decoded[]): void {
    const buf = this.buf;
    let pos = 0;
    let garbageFrom = -1;
    const flushGarbage = (to: number): void => {
      if (garbageFrom >= 0 && to > garbageFrom) out.push({ type: 'garbage', bytes: Buffer.from(buf.subarray(garbageFrom, to)) });
      garbageFrom = -1;
    };
    const skip = (): void => {
      if (garbageFrom < 0) garbageFrom = pos;
      pos += 1;
    };
    while (pos < buf.length) {
      const b = buf[pos]!;
      const isCommand = b === COMMAND_START[0];
      const isData = b === DATA_START[0] && this.expected > 0;
      if (!isCommand && !isData) {
        skip();
        continue;
      }
      if (pos + 1 >= buf.length) break; // maybe a start code split across chunks
      if (buf[pos + 1] !== (isCommand ? COMMAND_START[1] : DATA_START[1])) {
        skip();
        continue;
      }
      if (isData) {
        flushGarbage(pos);
        this.parts = [];
        this.have = 0;
        const rest = this.continueData(buf.subarray(pos), out);
        this.buf = Buffer.alloc(0);
        if (this.parts) return; // still arriving
        this.buf = Buffer.from(rest);
        this.scan(out);
        return;
      }
      if (pos + PACKET_BYTES > buf.length) break;
      const raw = buf.subarray(pos, pos + PACKET_BYTES);
      const packet = decodePacket(raw);
      flushGarbage(pos);
      if (!packet) {
        out.push({ type: 'bad_checksum', raw: Buffer.from(raw), kind: 'packet' });
        // Skip only the first start byte: a real packet may begin inside what looked like one.
        skip();
        garbageFrom = -1;
        continue;
      }
      out.push({ type: 'packet', packet, raw: Buffer.from(raw) });
      pos += PACKET_BYTES;
    }
    flushGarbage(pos);
    this.buf = pos >= buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(pos));
  }

  /** Adds bytes to the data packet under way; returns what follows it once it is whole. */
  private continueData(input: Buffer, out: Gt521Decoded[]): Buffer {
    const total = this.expected + DATA_OVERHEAD;
    const need = total - this.have;
    const take = input.subarray(0, Math.min(need, input.length));
    this.parts!.push(take);
    this.have += take.length;
    if (this.have < total) {
      out.push({ type: 'progress', received: Math.min(this.expected, Math.max(0, this.have - 4)), total: this.expected });
      return Buffer.alloc(0);
    }
    const raw = Buffer.concat(this.parts!, total);
    this.parts = undefined;
    this.have = 0;
    this.expected = 0;
    if (raw.readUInt16LE(total - 2) === checksum16(raw, total - 2)) {
      out.push({ type: 'data', data: raw.subarray(4, total - 2), raw });
    } else {
      // The length is known: the whole packet goes, so image bytes are never read as packets.
      out.push({ type: 'bad_checksum', raw, kind: 'data' });
    }
    return input.subarray(take.length);
  }
}
