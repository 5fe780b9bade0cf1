// Streaming decoder: bytes in any chunking → packets. It resynchronises on the EF 01
// header after garbage, rejects packets whose checksum does not hold, and never throws:
// whatever arrives becomes packets, garbage runs, or checksum failures. Memory stays
// bounded: at most one maximal packet is held while waiting for the rest of it.
import { HEADER_BYTES, MAX_PAYLOAD, checksum } from './codec';
import type { ZfmPacket } from './codec';
import { PID } from './constants';

export type ZfmDecoded =
  | { type: 'packet'; packet: ZfmPacket; raw: Buffer }
  | { type: 'garbage'; bytes: Buffer }
  | { type: 'bad_checksum'; raw: Buffer };

const VALID_PIDS = new Set<number>([PID.command, PID.data, PID.ack, PID.end]);

export class ZfmDecoder {
  private buf: Buffer = Buffer.alloc(0);

  /** Bytes held while waiting for the rest of a packet (for tests of boundedness). */
  get buffered(): number {
    return this.buf.length;
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
  }

  push(chunk: Uint8Array): ZfmDecoded[] {
    const out: ZfmDecoded[] = [];
    this.buf = this.buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buf, chunk]);
    let pos = 0;
    let garbageFrom = -1;
    const flushGarbage = (to: number): void => {
      if (garbageFrom >= 0 && to > garbageFrom) out.push({ type: 'garbage', bytes: Buffer.from(this.buf.subarray(garbageFrom, to)) });
      garbageFrom = -1;
    };
    const skip = (): void => {
      if (garbageFrom < 0) garbageFrom = pos;
      pos += 1;
    };
    while (pos < this.buf.length) {
      if (this.buf[pos] !== 0xef) {
        skip();
        continue;
      }
      if (pos + 1 >= this.buf.length) break; // maybe a header split across chunks
      if (this.buf[pos + 1] !== 0x01) {
        skip();
        continue;
      }
      if (pos + HEADER_BYTES > this.buf.length) break;
      const pid = this.buf[pos + 6]!;
      const len = this.buf.readUInt16BE(pos + 7);
      if (!VALID_PIDS.has(pid) || len < 2 || len > MAX_PAYLOAD + 2) {
        skip();
        continue;
      }
      const total = HEADER_BYTES + len;
      if (pos + total > this.buf.length) break;
      const raw = this.buf.subarray(pos, pos + total);
      const payload = raw.subarray(HEADER_BYTES, total - 2);
      const sum = raw.readUInt16BE(total - 2);
      if (sum !== checksum(pid, payload)) {
        flushGarbage(pos);
        out.push({ type: 'bad_checksum', raw: Buffer.from(raw) });
        // Skip only the header byte: a real packet may hide inside what looked like one.
        skip();
        continue;
      }
      flushGarbage(pos);
      const copy = Buffer.from(raw);
      out.push({
        type: 'packet',
        raw: copy,
        packet: { address: copy.readUInt32BE(2), pid, payload: copy.subarray(HEADER_BYTES, total - 2) },
      });
      pos += total;
    }
    flushGarbage(pos);
    this.buf = pos >= this.buf.length ? Buffer.alloc(0) : Buffer.from(this.buf.subarray(pos));
    return out;
  }
}
