// ESC/POS commands as bytes (Epson's ESC/POS command reference, TM-T82 family). Pure
// functions: each returns the exact sequence the reference documents, so the unit tests
// compare them byte for byte. A receipt is a list of these buffers, concatenated.
import { encodeWpc1252 } from './escpos-text';

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const EOT = 0x04;
export const LF = 0x0a;

/** ESC @ — clears the print buffer and returns every setting to its power-on value. */
export const initialize = (): Buffer => Buffer.from([ESC, 0x40]);

/**
 * ESC t n — character code table. The reference numbers them per page; we only use
 * 16 = WPC1252, which holds every letter of Indonesian names written with Latin accents.
 */
export const CODE_PAGES = { pc437: 0, wpc1252: 16 } as const;
export type CodePage = keyof typeof CODE_PAGES;
export const selectCodePage = (page: CodePage): Buffer => Buffer.from([ESC, 0x74, CODE_PAGES[page]]);

/** ESC E n — emphasised (bold) on when the lowest bit of n is 1. */
export const bold = (on: boolean): Buffer => Buffer.from([ESC, 0x45, on ? 1 : 0]);

/** ESC a n — justification of the lines that follow: 0 left, 1 centre, 2 right. */
export type Alignment = 'left' | 'center' | 'right';
export const align = (a: Alignment): Buffer => Buffer.from([ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2]);

/**
 * GS ! n — character size: bits 4–7 width multiplier − 1, bits 0–3 height multiplier − 1
 * (1…8 each). Double width and height is 0x11.
 */
export function characterSize(width: number, height: number): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || width > 8 || height < 1 || height > 8) {
    throw new RangeError(`character size ${width}×${height}: each must be 1…8`);
  }
  return Buffer.from([GS, 0x21, ((width - 1) << 4) | (height - 1)]);
}

/** Text in the selected code page, followed by LF (print and feed one line). */
export const line = (text = ''): Buffer => Buffer.concat([encodeWpc1252(text), Buffer.from([LF])]);

/** ESC d n — print and feed n lines. */
export const feedLines = (n: number): Buffer => Buffer.from([ESC, 0x64, clampByte(n)]);

// ---- QR code: GS ( k, cn = 49 (0x31) ----

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
const QR_LEVEL: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** Function 165: select the model (n1 = 50: model 2; n2 = 0). */
export const qrModel2 = (): Buffer => Buffer.from([GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]);
/** Function 167: module size in dots (1…16). */
export function qrModuleSize(dots: number): Buffer {
  if (!Number.isInteger(dots) || dots < 1 || dots > 16) throw new RangeError(`QR module size ${dots}: must be 1…16`);
  return Buffer.from([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, dots]);
}
/** Function 169: error correction level, 48…51 = L, M, Q, H. */
export const qrErrorLevel = (level: QrErrorLevel): Buffer => Buffer.from([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, QR_LEVEL[level]]);
/** Function 180: store the data in the symbol storage area; pL + 256·pH = data length + 3. */
export function qrStore(data: Buffer): Buffer {
  const n = data.length + 3;
  // The reference caps the data at 7,089 bytes (numeric, model 2, level L).
  if (data.length < 1 || data.length > 7089) throw new RangeError(`QR data of ${data.length} bytes: must be 1…7089`);
  return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, n & 0xff, n >> 8, 0x31, 0x50, 0x30]), data]);
}
/** Function 181: print the stored symbol. */
export const qrPrint = (): Buffer => Buffer.from([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]);

/** The whole QR sequence: model 2, size, error level, store, print. */
export function qrCode(text: string, opts: { moduleDots?: number; level?: QrErrorLevel } = {}): Buffer {
  return Buffer.concat([qrModel2(), qrModuleSize(opts.moduleDots ?? 6), qrErrorLevel(opts.level ?? 'M'), qrStore(Buffer.from(text, 'latin1')), qrPrint()]);
}

// ---- Code 128: GS k m = 73 ----

/** GS H n — where the human-readable digits go: 0 none, 1 above, 2 below, 3 both. */
export const barcodeHriPosition = (pos: 'none' | 'above' | 'below' | 'both'): Buffer => Buffer.from([GS, 0x48, ['none', 'above', 'below', 'both'].indexOf(pos)]);
/** GS h n — bar height in dots (1…255). */
export const barcodeHeight = (dots: number): Buffer => Buffer.from([GS, 0x68, clampByte(dots, 1)]);
/** GS w n — module width in dots (2…6). */
export function barcodeModuleWidth(dots: number): Buffer {
  if (!Number.isInteger(dots) || dots < 2 || dots > 6) throw new RangeError(`bar module width ${dots}: must be 2…6`);
  return Buffer.from([GS, 0x77, dots]);
}

/**
 * GS k 73 n d1…dn — Code 128 in code set B ("{B" first). The printer adds the check
 * character and the stop pattern itself. A "{" in the data is sent as "{{".
 */
export function code128B(text: string): Buffer {
  if (!/^[\x20-\x7e]*$/.test(text) || text.length === 0) throw new RangeError('Code 128 set B takes printable ASCII, at least one character');
  const data = Buffer.from('{B' + text.replace(/\{/g, '{{'), 'latin1');
  if (data.length > 255) throw new RangeError(`Code 128 data of ${data.length} bytes: at most 255`);
  return Buffer.concat([Buffer.from([GS, 0x6b, 73, data.length]), data]);
}

// ---- Cut ----

/** GS V 66 n — feed to the cutting position plus n motion units, then cut partially. */
export const feedAndPartialCut = (n = 0): Buffer => Buffer.from([GS, 0x56, 66, clampByte(n)]);
/** GS V 65 n — the same with a full cut. */
export const feedAndFullCut = (n = 0): Buffer => Buffer.from([GS, 0x56, 65, clampByte(n)]);

// ---- Real-time status: DLE EOT n ----

export type StatusQuery = 1 | 2 | 3 | 4;
/** DLE EOT n — n = 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export const realtimeStatus = (n: StatusQuery): Buffer => Buffer.from([DLE, EOT, n]);

function clampByte(n: number, min = 0): number {
  if (!Number.isInteger(n) || n < min || n > 255) throw new RangeError(`${n}: must be an integer ${min}…255`);
  return n;
}
