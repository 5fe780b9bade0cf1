// application/ipp messages ⇄ bytes (RFC 8010 §3). Pure: no I/O. Decoding never throws —
// its input comes from the network (the printer's answers, or a client talking to our
// simulator) — and says what was wrong instead.
//
// A message: version (2 bytes), operation-id or status-code (2), request-id (4), attribute
// groups each opened by a delimiter tag, the end-of-attributes tag, then the document data.
// An attribute is value-tag, name-length, name, value-length, value; further values of the
// same attribute repeat with a zero name-length. A collection value (RFC 8010 §3.1.6) is
// begCollection, then per member a memberAttrName whose value is the member's name followed
// by the member's value(s), then endCollection.
import { GROUP, OUT_OF_BAND_TAGS, STRING_TAGS, TAG } from './ipp-constants';

export interface IppResolution { x: number; y: number; units: number }
export interface IppRange { lower: number; upper: number }
export interface IppLocalized { language: string; text: string }

/**
 * One value: its tag and what it carries, by tag — integer/enum: number; boolean: boolean;
 * string tags: string; octetString/dateTime/unknown tags: bytes; resolution, range,
 * text/nameWithLanguage: their records; begCollection: the members; out-of-band: null.
 */
export interface IppValue {
  tag: number;
  value: number | boolean | string | Uint8Array | IppResolution | IppRange | IppLocalized | IppAttribute[] | null;
}

export interface IppAttribute { name: string; values: IppValue[] }
export interface IppGroup { tag: number; attributes: IppAttribute[] }

export interface IppMessage {
  version: [number, number];
  /** operation-id in a request, status-code in a response. */
  code: number;
  requestId: number;
  groups: IppGroup[];
  /** The document (Print-Job) or nothing. */
  data?: Uint8Array;
}

// ---- building -------------------------------------------------------------------------------

export const v = {
  integer: (n: number): IppValue => ({ tag: TAG.integer, value: n }),
  enum: (n: number): IppValue => ({ tag: TAG.enum, value: n }),
  boolean: (b: boolean): IppValue => ({ tag: TAG.boolean, value: b }),
  keyword: (s: string): IppValue => ({ tag: TAG.keyword, value: s }),
  uri: (s: string): IppValue => ({ tag: TAG.uri, value: s }),
  uriScheme: (s: string): IppValue => ({ tag: TAG.uriScheme, value: s }),
  charset: (s: string): IppValue => ({ tag: TAG.charset, value: s }),
  language: (s: string): IppValue => ({ tag: TAG.naturalLanguage, value: s }),
  mime: (s: string): IppValue => ({ tag: TAG.mimeMediaType, value: s }),
  text: (s: string): IppValue => ({ tag: TAG.textWithoutLanguage, value: s }),
  name: (s: string): IppValue => ({ tag: TAG.nameWithoutLanguage, value: s }),
  nameWithLanguage: (language: string, text: string): IppValue => ({ tag: TAG.nameWithLanguage, value: { language, text } }),
  range: (lower: number, upper: number): IppValue => ({ tag: TAG.rangeOfInteger, value: { lower, upper } }),
  resolution: (x: number, y: number, units = 3): IppValue => ({ tag: TAG.resolution, value: { x, y, units } }),
  dateTime: (d: Date): IppValue => ({ tag: TAG.dateTime, value: encodeDateTime(d) }),
  collection: (...members: IppAttribute[]): IppValue => ({ tag: TAG.begCollection, value: members }),
  outOfBand: (tag: number): IppValue => ({ tag, value: null }),
};

export const attr = (name: string, ...values: IppValue[]): IppAttribute => ({ name, values });

/** RFC 2579 DateAndTime in UTC, the 11-byte form IPP uses. */
export function encodeDateTime(d: Date): Uint8Array {
  const y = d.getUTCFullYear();
  return Uint8Array.of(y >> 8, y & 0xff, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(),
    Math.floor(d.getUTCMilliseconds() / 100), 0x2b, 0, 0);
}

// ---- encoding -------------------------------------------------------------------------------

class Writer {
  private chunks: Uint8Array[] = [];
  private size = 0;
  bytes(b: Uint8Array): void { this.chunks.push(b); this.size += b.length; }
  u8(n: number): void { this.bytes(Uint8Array.of(n & 0xff)); }
  u16(n: number): void { this.bytes(Uint8Array.of((n >> 8) & 0xff, n & 0xff)); }
  i32(n: number): void { const b = new Uint8Array(4); new DataView(b.buffer).setInt32(0, n); this.bytes(b); }
  u32(n: number): void { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n); this.bytes(b); }
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const c of this.chunks) { out.set(c, o); o += c.length; }
    return out;
  }
}

const utf8 = new TextEncoder();

function valueBytes(val: IppValue): Uint8Array {
  const p = val.value;
  if (OUT_OF_BAND_TAGS.has(val.tag)) return new Uint8Array(0);
  switch (val.tag) {
    case TAG.integer:
    case TAG.enum: {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, p as number);
      return b;
    }
    case TAG.boolean:
      return Uint8Array.of(p ? 1 : 0);
    case TAG.resolution: {
      const r = p as IppResolution;
      const b = new Uint8Array(9);
      const dv = new DataView(b.buffer);
      dv.setInt32(0, r.x); dv.setInt32(4, r.y); dv.setInt8(8, r.units);
      return b;
    }
    case TAG.rangeOfInteger: {
      const r = p as IppRange;
      const b = new Uint8Array(8);
      const dv = new DataView(b.buffer);
      dv.setInt32(0, r.lower); dv.setInt32(4, r.upper);
      return b;
    }
    case TAG.textWithLanguage:
    case TAG.nameWithLanguage: {
      const l = p as IppLocalized;
      const w = new Writer();
      const lang = utf8.encode(l.language);
      const text = utf8.encode(l.text);
      w.u16(lang.length); w.bytes(lang); w.u16(text.length); w.bytes(text);
      return w.finish();
    }
    default:
      if (STRING_TAGS.has(val.tag)) return utf8.encode(p as string);
      if (p instanceof Uint8Array) return p;
      throw new Error(`IPP value tag 0x${val.tag.toString(16)} has no encoding for ${typeof p}`);
  }
}

function writeValue(w: Writer, name: string, val: IppValue): void {
  if (val.tag === TAG.begCollection) {
    writeRaw(w, TAG.begCollection, name, new Uint8Array(0));
    for (const member of val.value as IppAttribute[]) {
      writeRaw(w, TAG.memberAttrName, '', utf8.encode(member.name));
      for (const mv of member.values) writeValue(w, '', mv);
    }
    writeRaw(w, TAG.endCollection, '', new Uint8Array(0));
    return;
  }
  writeRaw(w, val.tag, name, valueBytes(val));
}

function writeRaw(w: Writer, tag: number, name: string, value: Uint8Array): void {
  const n = utf8.encode(name);
  if (n.length > 0x7fff || value.length > 0x7fff) throw new Error(`IPP attribute "${name}" is too long to encode`);
  w.u8(tag); w.u16(n.length); w.bytes(n); w.u16(value.length); w.bytes(value);
}

export function encodeMessage(m: IppMessage): Uint8Array {
  const w = new Writer();
  w.u8(m.version[0]); w.u8(m.version[1]);
  w.u16(m.code);
  w.u32(m.requestId);
  for (const g of m.groups) {
    w.u8(g.tag);
    for (const a of g.attributes) {
      if (a.values.length === 0) throw new Error(`IPP attribute "${a.name}" has no value`);
      a.values.forEach((val, i) => writeValue(w, i === 0 ? a.name : '', val));
    }
  }
  w.u8(GROUP.end);
  if (m.data) w.bytes(m.data);
  return w.finish();
}

// ---- decoding -------------------------------------------------------------------------------

export type DecodeResult = { ok: true; message: IppMessage } | { ok: false; reason: string };

const MAX_COLLECTION_DEPTH = 8;
const strict = new TextDecoder('utf-8', { fatal: true });

class Reader {
  o = 0;
  constructor(readonly b: Uint8Array, private readonly dv = new DataView(b.buffer, b.byteOffset, b.byteLength)) {}
  left(): number { return this.b.length - this.o; }
  need(n: number): void { if (this.left() < n) throw new DecodeError(`message ends early at byte ${this.o}`); }
  u8(): number { this.need(1); return this.b[this.o++]!; }
  u16(): number { this.need(2); const n = this.dv.getUint16(this.o); this.o += 2; return n; }
  u32(): number { this.need(4); const n = this.dv.getUint32(this.o); this.o += 4; return n; }
  take(n: number): Uint8Array { this.need(n); const s = this.b.subarray(this.o, this.o + n); this.o += n; return s; }
  peek(): number { this.need(1); return this.b[this.o]!; }
}

class DecodeError extends Error {}

interface Raw { tag: number; name: string; value: Uint8Array }

function readRaw(r: Reader): Raw {
  const tag = r.u8();
  const name = text(r.take(r.u16()), 'attribute name');
  const value = r.take(r.u16());
  return { tag, name, value };
}

function text(b: Uint8Array, what: string): string {
  try {
    return strict.decode(b);
  } catch {
    throw new DecodeError(`${what} is not UTF-8`);
  }
}

function fixed(raw: Raw, size: number): DataView {
  if (raw.value.length !== size) throw new DecodeError(`"${raw.name || '(value)'}": tag 0x${raw.tag.toString(16)} needs ${size} bytes, has ${raw.value.length}`);
  return new DataView(raw.value.buffer, raw.value.byteOffset, size);
}

function payload(raw: Raw): IppValue {
  const { tag } = raw;
  if (OUT_OF_BAND_TAGS.has(tag)) return { tag, value: null };
  switch (tag) {
    case TAG.integer:
    case TAG.enum:
      return { tag, value: fixed(raw, 4).getInt32(0) };
    case TAG.boolean: {
      const b = fixed(raw, 1).getUint8(0);
      if (b > 1) throw new DecodeError(`"${raw.name}": boolean ${b}`);
      return { tag, value: b === 1 };
    }
    case TAG.resolution: {
      const dv = fixed(raw, 9);
      return { tag, value: { x: dv.getInt32(0), y: dv.getInt32(4), units: dv.getInt8(8) } };
    }
    case TAG.rangeOfInteger: {
      const dv = fixed(raw, 8);
      return { tag, value: { lower: dv.getInt32(0), upper: dv.getInt32(4) } };
    }
    case TAG.dateTime:
      fixed(raw, 11);
      return { tag, value: raw.value.slice() };
    case TAG.textWithLanguage:
    case TAG.nameWithLanguage: {
      const r = new Reader(raw.value);
      const language = text(r.take(r.u16()), 'language');
      const t = text(r.take(r.u16()), 'text');
      if (r.left() !== 0) throw new DecodeError(`"${raw.name}": bytes left after the text`);
      return { tag, value: { language, text: t } };
    }
    default:
      if (STRING_TAGS.has(tag)) return { tag, value: text(raw.value, `"${raw.name}"`) };
      return { tag, value: raw.value.slice() };
  }
}

function readCollection(r: Reader, depth: number): IppAttribute[] {
  if (depth > MAX_COLLECTION_DEPTH) throw new DecodeError('collections nested too deeply');
  const members: IppAttribute[] = [];
  let current: IppAttribute | null = null;
  for (;;) {
    const raw = readRaw(r);
    if (raw.name !== '') throw new DecodeError(`collection value with a name ("${raw.name}")`);
    if (raw.tag === TAG.endCollection) return members;
    if (raw.tag === TAG.memberAttrName) {
      current = { name: text(raw.value, 'member name'), values: [] };
      members.push(current);
      continue;
    }
    if (!current) throw new DecodeError('collection value before any member name');
    current.values.push(raw.tag === TAG.begCollection ? { tag: TAG.begCollection, value: readCollection(r, depth + 1) } : payload(raw));
  }
}

export function decodeMessage(bytes: Uint8Array): DecodeResult {
  try {
    const r = new Reader(bytes);
    const version: [number, number] = [r.u8(), r.u8()];
    const code = r.u16();
    const requestId = r.u32();
    const groups: IppGroup[] = [];
    let group: IppGroup | null = null;
    let last: IppAttribute | null = null;
    for (;;) {
      const tag = r.peek();
      if (tag === GROUP.end) { r.o++; break; }
      if (tag < 0x10) {
        if (tag === 0x00) throw new DecodeError('delimiter tag 0x00');
        r.o++;
        group = { tag, attributes: [] };
        groups.push(group);
        last = null;
        continue;
      }
      if (!group) throw new DecodeError('attribute before any group tag');
      const raw = readRaw(r);
      if (raw.tag === TAG.endCollection || raw.tag === TAG.memberAttrName) throw new DecodeError(`tag 0x${raw.tag.toString(16)} outside a collection`);
      const value = raw.tag === TAG.begCollection ? { tag: raw.tag, value: readCollection(r, 1) } : payload(raw);
      if (raw.name === '') {
        if (!last) throw new DecodeError('an additional value with no attribute before it');
        last.values.push(value);
      } else {
        last = { name: raw.name, values: [value] };
        group.attributes.push(last);
      }
    }
    const data = r.left() > 0 ? bytes.subarray(r.o) : undefined;
    return { ok: true, message: { version, code, requestId, groups, ...(data ? { data } : {}) } };
  } catch (err) {
    if (err instanceof DecodeError) return { ok: false, reason: err.message };
    return { ok: false, reason: `unreadable IPP message (${(err as Error).message})` };
  }
}

// ---- reading ------------------------------------------------------------------------------------

/** All values of an attribute across the groups with `groupTag` (duplicates merged: some printers repeat one). */
export function values(m: IppMessage, groupTag: number, name: string): IppValue[] {
  return m.groups.filter((g) => g.tag === groupTag).flatMap((g) => g.attributes.filter((a) => a.name === name).flatMap((a) => a.values));
}

export function first(m: IppMessage, groupTag: number, name: string): IppValue | undefined {
  return values(m, groupTag, name)[0];
}

export const asNumber = (val: IppValue | undefined): number | undefined => (typeof val?.value === 'number' ? val.value : undefined);
export const asString = (val: IppValue | undefined): string | undefined =>
  typeof val?.value === 'string' ? val.value : val && val.value && typeof val.value === 'object' && 'text' in val.value ? val.value.text : undefined;
export const strings = (vals: IppValue[]): string[] => vals.map(asString).filter((s): s is string => s !== undefined);
