// What a device trace may keep of personal data: nothing a person could be rebuilt from.
// - Fingerprint images and templates (data packets): the frame's header (addresses, packet
//   type, length field — protocol, not person), the payload's length and a SHA-256 prefix
//   (enough to tell two transfers apart or match a saved file), never the payload.
// - MRZ text: its structure — line lengths, each position's character class (A letter,
//   9 digit, < filler; separators as sent) and which check digits hold — never the
//   characters (name, document number, birth date).
// Applied where the frames are made (drivers), so the station's trace view, saved trace
// files and the device CLI's --trace all get the same.
import { createHash } from 'node:crypto';
import { parseMrz } from '../domain/mrz/parse-mrz';

const HASH_CHARS = 12;

export interface RedactedFrame { bytes: Buffer; name: string }

/** A frame carrying biometric data: keep `head` bytes of framing, describe the rest. */
export function redactBiometric(frame: Uint8Array, head: number, name: string): RedactedFrame {
  const all = Buffer.from(frame);
  const kept = all.subarray(0, Math.min(head, all.length));
  const digest = createHash('sha256').update(all).digest('hex').slice(0, HASH_CHARS);
  return { bytes: Buffer.from(kept), name: `${name}, ${all.length} B, sha256 ${digest}…, contents withheld` };
}

/** One character's class: letters A, digits 9, the filler <, anything else as it is. */
function classOf(byte: number): number {
  if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) return 0x41; // 'A'
  if (byte >= 0x30 && byte <= 0x39) return 0x39; // '9'
  return byte;
}

/** Raw bytes from an MRZ reader (text framings): each printable character becomes its class. */
export function redactMrzTextBytes(bytes: Uint8Array): Buffer {
  return Buffer.from(Buffer.from(bytes).map(classOf));
}

// HID keyboard usage IDs (HID Usage Tables, Keyboard page 0x07): 0x04–0x1D are a–z,
// 0x1E–0x27 are 1…9, 0; the filler '<' is sent as a shifted ',' (0x36), kept as it is.
const HID_A = 0x04, HID_Z = 0x1d, HID_1 = 0x1e, HID_0 = 0x27;
/** Keyboard reports from an MRZ reader: every letter key becomes 'a', every digit key '1'
 * (modifier bytes that fall in that range are changed too; they carry no text). */
export function redactMrzKeyReports(bytes: Uint8Array): Buffer {
  return Buffer.from(Buffer.from(bytes).map((b) => (b >= HID_A && b <= HID_Z ? HID_A : b >= HID_1 && b <= HID_0 ? HID_1 : b)));
}

/** Text reports (id, count, ASCII): the id and count stay, the text becomes classes. */
export function redactMrzTextReports(bytes: Uint8Array, reportSize = 64): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.length; i++) if (i % reportSize >= 2) out[i] = classOf(out[i]!);
  return out;
}

const CHECK_FIELDS = {
  TD1: ['documentNumber', 'birthDate', 'expiryDate', 'composite'],
  TD2: ['documentNumber', 'birthDate', 'expiryDate', 'composite'],
  TD3: ['documentNumber', 'birthDate', 'expiryDate', 'optionalData', 'composite'],
} as const;

/** A whole MRZ read: its shape as bytes (classes, lines joined by CR) and a describing name. */
export function redactMrzLines(lines: readonly string[], label: string): RedactedFrame {
  const bytes = redactMrzTextBytes(Buffer.from(lines.join('\r'), 'latin1'));
  const shape = lines.map((l) => l.length).join('+');
  const parsed = parseMrz(lines);
  let checks: string;
  if (!parsed.ok) {
    checks = `not an MRZ (${parsed.error.key})`;
  } else {
    const failed = new Set(parsed.read.fieldErrors.filter((e) => e.kind === 'checkDigit').map((e) => e.field as string));
    checks = `check digits: ${CHECK_FIELDS[parsed.read.format].map((f) => `${f} ${failed.has(f) ? 'wrong' : 'ok'}`).join(', ')}`;
  }
  return { bytes, name: `${label}, ${lines.length} lines (${shape} chars), characters withheld, ${checks}` };
}
