// 3M RTE "native" output framing (RTE6701 manual):
//   SOH | length lo | length hi | 'O' 'U' | STX | flag | line CR line CR [line CR] | ETX | BCC
// Output only: the reader accepts no commands. Lines are padded to 30 or 44 characters and
// the document's bottom line is always the last one.
//
// Two things the manual does not pin down, so the decoder does not depend on them:
// - the length field: we find the frame end by its ETX (never part of MRZ text) and only
//   report which length definition matched, for the trace;
// - the BCC: we try XOR and a sum mod 256 over each plausible byte range. The first rule
//   that verifies is pinned for the rest of the session (fewer chance matches). A frame
//   no rule verifies comes back with `bcc.verified = false`; the driver then accepts it
//   only if the MRZ check digits hold, and marks it `bccUnverified`.
// The decoder is streaming and never throws on garbage.

export const SOH = 0x01;
export const STX = 0x02;
export const ETX = 0x03;
export const CR = 0x0d;

const HEADER_LENGTH = 7; // SOH, len lo, len hi, 'O', 'U', STX, flag
/** Three 44-character lines with terminators and framing fit in far less; longer is junk. */
const MAX_FRAME = 512;

type BccOp = 'xor' | 'sum';
/** A byte range of the frame, as [first, last] offsets; `etx` = ETX offset. */
interface BccRange {
  name: string;
  first: number;
  last: (etx: number) => number;
}

const BCC_RANGES: BccRange[] = [
  { name: 'stx+1..etx', first: 6, last: (e) => e },
  { name: 'stx+1..data', first: 6, last: (e) => e - 1 },
  { name: 'stx..etx', first: 5, last: (e) => e },
  { name: 'ou..etx', first: 3, last: (e) => e },
  { name: 'ou..data', first: 3, last: (e) => e - 1 },
  { name: 'len..etx', first: 1, last: (e) => e },
  { name: 'soh..etx', first: 0, last: (e) => e },
  { name: 'soh..data', first: 0, last: (e) => e - 1 },
];

export const BCC_RULES: string[] = BCC_RANGES.flatMap((r) => (['xor', 'sum'] as const).map((op) => `${op}:${r.name}`));

/** Our simulator's length definition: the bytes between STX and ETX (flag + text). */
export const RTE_LENGTH_RULES: Record<string, (etx: number) => number> = {
  'flag+text': (e) => e - 6,
  'text': (e) => e - 7,
  'ou..etx': (e) => e - 2,
  'ou..bcc': (e) => e - 1,
  'whole frame': (e) => e + 2,
  'stx..etx': (e) => e - 4,
};

export function computeBcc(frame: Uint8Array, rule: string, etx: number): number | undefined {
  const [op, name] = rule.split(':') as [BccOp, string];
  const range = BCC_RANGES.find((r) => r.name === name);
  if (!range) return undefined;
  let acc = 0;
  for (let i = range.first; i <= range.last(etx); i++) acc = op === 'xor' ? acc ^ frame[i]! : (acc + frame[i]!) & 0xff;
  return acc;
}

export interface RteFrame {
  lines: string[];
  flag: number;
  bcc: { verified: boolean; rule?: string; value: number };
  /** Which length definition matched the length field, if any (trace only). */
  lengthRule?: string;
  raw: Buffer;
}

export type RteEvent = { kind: 'frame'; frame: RteFrame } | { kind: 'garbage'; bytes: Buffer };

export interface RteEncodeOptions {
  flag?: number;
  /** Default 'xor:stx+1..etx' (the classic BCC: XOR of the bytes after STX through ETX). */
  bccRule?: string;
  /** Corrupt the BCC on purpose (simulator misbehaviour). */
  breakBcc?: boolean;
}

export function encodeRteFrame(lines: readonly string[], opts: RteEncodeOptions = {}): Buffer {
  const text = Buffer.from(lines.map((l) => `${l}\r`).join(''), 'latin1');
  const frame = Buffer.alloc(HEADER_LENGTH + text.length + 2);
  const etx = HEADER_LENGTH + text.length;
  const length = RTE_LENGTH_RULES['flag+text']!(etx);
  frame[0] = SOH;
  frame.writeUInt16LE(length, 1);
  frame[3] = 0x4f; // 'O'
  frame[4] = 0x55; // 'U'
  frame[5] = STX;
  frame[6] = opts.flag ?? 0x30;
  text.copy(frame, HEADER_LENGTH);
  frame[etx] = ETX;
  const bcc = computeBcc(frame, opts.bccRule ?? 'xor:stx+1..etx', etx) ?? 0;
  frame[etx + 1] = opts.breakBcc ? bcc ^ 0x5a : bcc;
  return frame;
}

export class RteDecoder {
  private buf = Buffer.alloc(0);
  private pinnedRule: string | undefined;

  get bccRule(): string | undefined {
    return this.pinnedRule;
  }

  push(bytes: Uint8Array): RteEvent[] {
    this.buf = Buffer.concat([this.buf, bytes]);
    const out: RteEvent[] = [];
    for (;;) {
      const soh = this.buf.indexOf(SOH);
      if (soh < 0) {
        if (this.buf.length > 0) out.push({ kind: 'garbage', bytes: this.buf });
        this.buf = Buffer.alloc(0);
        break;
      }
      if (soh > 0) {
        out.push({ kind: 'garbage', bytes: this.buf.subarray(0, soh) });
        this.buf = this.buf.subarray(soh);
      }
      if (this.buf.length < HEADER_LENGTH) break;
      if (this.buf[3] !== 0x4f || this.buf[4] !== 0x55 || this.buf[5] !== STX) {
        this.skip(1, out);
        continue;
      }
      const etx = this.buf.indexOf(ETX, HEADER_LENGTH);
      if (etx < 0) {
        if (this.buf.length > MAX_FRAME) this.skip(1, out);
        else break;
        continue;
      }
      if (etx + 1 >= this.buf.length) break; // BCC still to come
      const raw = Buffer.from(this.buf.subarray(0, etx + 2));
      this.buf = this.buf.subarray(etx + 2);
      out.push({ kind: 'frame', frame: this.decodeFrame(raw, etx) });
    }
    return out;
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
  }

  private skip(n: number, out: RteEvent[]): void {
    out.push({ kind: 'garbage', bytes: Buffer.from(this.buf.subarray(0, n)) });
    this.buf = this.buf.subarray(n);
  }

  private decodeFrame(raw: Buffer, etx: number): RteFrame {
    const value = raw[etx + 1]!;
    const rules = this.pinnedRule ? [this.pinnedRule] : BCC_RULES;
    const rule = rules.find((r) => computeBcc(raw, r, etx) === value);
    if (rule && !this.pinnedRule) this.pinnedRule = rule;
    const text = raw.subarray(HEADER_LENGTH, etx).toString('latin1');
    const declared = raw.readUInt16LE(1);
    const lengthRule = Object.entries(RTE_LENGTH_RULES).find(([, f]) => f(etx) === declared)?.[0];
    const frame: RteFrame = {
      lines: unpadRteLines(text.split(/\r\n|\r|\n/)),
      flag: raw[6]!,
      bcc: rule ? { verified: true, rule, value } : { verified: false, value },
      raw,
    };
    if (lengthRule) frame.lengthRule = lengthRule;
    return frame;
  }
}

/**
 * The reader pads lines to 30 or 44 characters, so a TD2 card (36) arrives as 44-character
 * lines ending in eight fillers; only passports (P…) are true 44-character zones. Empty
 * lines (unused slots above a 2-line zone) are dropped.
 */
export function unpadRteLines(lines: readonly string[]): string[] {
  const kept = lines.map((l) => l.replace(/[ \t]+$/, '')).filter((l) => l.length > 0);
  const looksTd2 = kept.length === 2 && kept.every((l) => l.length === 44 && l.endsWith('<<<<<<<<')) && /^[ACI]/.test(kept[0]!);
  return looksTd2 ? kept.map((l) => l.slice(0, 36)) : kept;
}
