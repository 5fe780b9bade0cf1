// An ESC/POS thermal receipt printer (TM-T82-like, Font A 12 × 24, 203 dpi) that prints on
// a simulated paper strip and hands each cut receipt over as a PNG: text in a bitmap font,
// bold and sizes, alignment, QR codes (GS ( k, drawn by the `qrcode` encoder), Code 128
// (GS k 73, bars from the standard's patterns), raster images (GS v 0). It answers DLE EOT
// like the real one — at once, even while it cannot print — and can be given faults:
// paper out, paper near end, cover open, offline. While a fault stops it, what arrives
// waits (as in the printer's receive buffer) and prints once the fault is cleared.
import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { encodeStatus } from '../drivers/escpos/escpos-status';
import type { EscPosStatus } from '../drivers/escpos/escpos-status';
import { decodeWpc1252Byte } from '../drivers/escpos/escpos-text';
import { encodeGrayPng } from '../imaging/png';
import type { Transport } from '../transport/transport';
import { code128Modules, code128Values } from './code128-patterns';
import { ReceiptCanvas } from './receipt-canvas';
import { RECEIPT_FONT_HEIGHT, RECEIPT_FONT_WIDTH } from './receipt-font';

export type EscPosSimFault = 'paper-out' | 'paper-near-end' | 'cover-open' | 'offline';
export const ESCPOS_SIM_FAULTS: readonly EscPosSimFault[] = ['paper-out', 'paper-near-end', 'cover-open', 'offline'];

export interface EscPosSimOptions {
  /** Paper width: 80 mm prints 576 dots, 58 mm 384. */
  paperMm?: 80 | 58;
  /** Where each cut receipt is written as receipt-NNN.png; none: kept in memory only. */
  pngDir?: string;
  baudRate?: number;
}

/** One cut receipt. `text` is what was printed as text, line by line, for people and logs. */
export interface SimReceipt {
  index: number;
  png: Buffer;
  file?: string;
  text: string[];
  widthDots: number;
  heightDots: number;
}

interface Cell {
  byte: number;
  sx: number;
  sy: number;
  bold: boolean;
}

const DEFAULT_LINE_SPACING = 30; // dots; TM-T82's default (ESC 2)
const CUT_FEED_DOTS = 24;

export class EscPosSimulator extends EventEmitter {
  readonly widthDots: number;
  readonly baudRate: number;
  readonly receipts: SimReceipt[] = [];
  readonly faults = new Set<EscPosSimFault>();
  /** Commands the simulator did not know, as hex, for the technician. */
  readonly unknown: string[] = [];
  private readonly pngDir: string | undefined;
  private transport: Transport | undefined;
  private pending: Buffer = Buffer.alloc(0);
  private held: Buffer = Buffer.alloc(0);
  private canvas: ReceiptCanvas;
  private y = 0;
  private line: Cell[] = [];
  private text: string[] = [];
  // settings ESC @ resets
  private bold = false;
  private sx = 1;
  private sy = 1;
  private alignment: 0 | 1 | 2 = 0;
  private lineSpacing = DEFAULT_LINE_SPACING;
  private codePage = 0;
  private qr = { module: 3, level: 'L' as 'L' | 'M' | 'Q' | 'H', data: Buffer.alloc(0) };
  private bar = { height: 162, module: 3, hri: 0 };

  private readonly onData = (bytes: Buffer): void => this.receive(bytes);

  constructor(opts: EscPosSimOptions = {}) {
    super();
    this.widthDots = opts.paperMm === 58 ? 384 : 576;
    this.baudRate = opts.baudRate ?? 9600;
    this.pngDir = opts.pngDir;
    if (this.pngDir) mkdirSync(this.pngDir, { recursive: true });
    this.canvas = new ReceiptCanvas(this.widthDots);
  }

  attach(transport: Transport): void {
    this.detach();
    this.transport = transport;
    transport.on('data', this.onData);
  }

  detach(): void {
    this.transport?.off('data', this.onData);
    this.transport = undefined;
  }

  inject(fault: EscPosSimFault): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
    const held = this.held;
    this.held = Buffer.alloc(0);
    if (held.length) this.receive(held);
  }

  get status(): EscPosStatus {
    const paperOut = this.faults.has('paper-out');
    const coverOpen = this.faults.has('cover-open');
    return {
      offline: paperOut || coverOpen || this.faults.has('offline'),
      coverOpen,
      paperEndStop: paperOut,
      error: false,
      paperNearEnd: this.faults.has('paper-near-end'),
      paperOut,
    };
  }

  private get stopped(): boolean {
    const s = this.status;
    return s.offline;
  }

  /** Bytes from the host. Public so tests and tools can feed a receipt without a link. */
  receive(bytes: Buffer): void {
    if (this.stopped) {
      // Only real-time commands are served while stopped; the rest waits in the buffer.
      const keep: number[] = [];
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === 0x10 && bytes[i + 1] === 0x04 && bytes[i + 2] !== undefined) {
          this.answerStatus(bytes[i + 2]!);
          i += 2;
        } else keep.push(bytes[i]!);
      }
      this.held = Buffer.concat([this.held, Buffer.from(keep)]);
      return;
    }
    this.pending = this.pending.length ? Buffer.concat([this.pending, bytes]) : bytes;
    let i = 0;
    while (i < this.pending.length) {
      const used = this.command(this.pending, i);
      if (used === 0) break; // incomplete: wait for more bytes
      i += used;
      if (this.stopped) {
        // a fault set by a command handler (none today) or between chunks
        this.held = Buffer.concat([this.held, this.pending.subarray(i)]);
        i = this.pending.length;
      }
    }
    this.pending = Buffer.from(this.pending.subarray(i));
  }

  /** Handles the command at `i`; returns the bytes it took, 0 when more must arrive. */
  private command(b: Buffer, i: number): number {
    const c = b[i]!;
    const need = (n: number): boolean => i + n <= b.length;
    if (c === 0x0a) {
      this.printLine();
      return 1;
    }
    if (c === 0x0d || c === 0x09) return 1;
    if (c === 0x10) {
      if (!need(3)) return 0;
      if (b[i + 1] === 0x04) this.answerStatus(b[i + 2]!);
      else this.unknown.push(b.subarray(i, i + 3).toString('hex'));
      return 3;
    }
    if (c === 0x1b) {
      if (!need(2)) return 0;
      const f = b[i + 1]!;
      if (f === 0x40) {
        this.reset();
        return 2;
      }
      if (f === 0x32) {
        this.lineSpacing = DEFAULT_LINE_SPACING;
        return 2;
      }
      if (!need(3)) return 0;
      const n = b[i + 2]!;
      switch (f) {
        case 0x74:
          this.codePage = n;
          break;
        case 0x45:
          this.bold = (n & 1) === 1;
          break;
        case 0x61:
          this.alignment = (n % 48 > 2 ? 0 : n % 48) as 0 | 1 | 2;
          break;
        case 0x64:
          this.flushLine();
          this.feed(n * this.lineSpacing);
          break;
        case 0x4a:
          this.flushLine();
          this.feed(n);
          break;
        case 0x33:
          this.lineSpacing = n;
          break;
        case 0x21:
          this.bold = (n & 0x08) !== 0;
          this.sy = n & 0x10 ? 2 : 1;
          this.sx = n & 0x20 ? 2 : 1;
          break;
        case 0x4d: // font
        case 0x2d: // underline
        case 0x47: // double strike
          break;
        default:
          this.unknown.push(b.subarray(i, i + 3).toString('hex'));
      }
      return 3;
    }
    if (c === 0x1d) {
      if (!need(2)) return 0;
      const f = b[i + 1]!;
      if (f === 0x28) {
        if (!need(5)) return 0;
        const len = b[i + 3]! + 256 * b[i + 4]!;
        if (!need(5 + len)) return 0;
        this.functionK(b[i + 2]!, b.subarray(i + 5, i + 5 + len));
        return 5 + len;
      }
      if (f === 0x6b) {
        if (!need(3)) return 0;
        const m = b[i + 2]!;
        if (m <= 6) {
          const end = b.indexOf(0, i + 3);
          if (end < 0) return 0;
          this.unknown.push(`barcode system ${m}`);
          return end + 1 - i;
        }
        if (!need(4)) return 0;
        const n = b[i + 3]!;
        if (!need(4 + n)) return 0;
        this.barcode(m, b.subarray(i + 4, i + 4 + n));
        return 4 + n;
      }
      if (f === 0x76) {
        if (!need(8)) return 0;
        const xBytes = b[i + 4]! + 256 * b[i + 5]!;
        const rows = b[i + 6]! + 256 * b[i + 7]!;
        if (!need(8 + xBytes * rows)) return 0;
        this.raster(xBytes, rows, b.subarray(i + 8, i + 8 + xBytes * rows));
        return 8 + xBytes * rows;
      }
      if (f === 0x56) {
        if (!need(3)) return 0;
        const m = b[i + 2]!;
        const withN = m >= 65;
        if (withN && !need(4)) return 0;
        this.cut();
        return withN ? 4 : 3;
      }
      if (!need(3)) return 0;
      const n = b[i + 2]!;
      switch (f) {
        case 0x21:
          this.sx = ((n >> 4) & 7) + 1;
          this.sy = (n & 7) + 1;
          break;
        case 0x48:
          this.bar.hri = n % 48;
          break;
        case 0x68:
          this.bar.height = n;
          break;
        case 0x77:
          this.bar.module = n;
          break;
        case 0x66: // HRI font
        case 0x42: // reverse
          break;
        default:
          this.unknown.push(b.subarray(i, i + 3).toString('hex'));
      }
      return 3;
    }
    if (c >= 0x20) {
      this.addChar(c);
      return 1;
    }
    this.unknown.push(c.toString(16).padStart(2, '0'));
    return 1;
  }

  private answerStatus(n: number): void {
    const s = encodeStatus(this.status);
    const byte = n === 1 ? s.printer : n === 2 ? s.offlineCause : n === 4 ? s.paper : 0x12;
    void this.transport?.write(Buffer.from([byte])).catch(() => undefined);
    this.emit('status', n, byte);
  }

  private reset(): void {
    this.flushLine();
    this.bold = false;
    this.sx = this.sy = 1;
    this.alignment = 0;
    this.lineSpacing = DEFAULT_LINE_SPACING;
    this.codePage = 0;
    this.bar = { height: 162, module: 3, hri: 0 };
  }

  private addChar(byte: number): void {
    const cellW = RECEIPT_FONT_WIDTH * this.sx;
    const used = this.line.reduce((w, c) => w + RECEIPT_FONT_WIDTH * c.sx, 0);
    if (used + cellW > this.widthDots) this.printLine(); // the head wraps at the print area
    this.line.push({ byte, sx: this.sx, sy: this.sy, bold: this.bold });
  }

  private flushLine(): void {
    if (this.line.length) this.printLine();
  }

  private printLine(): void {
    const cells = this.line;
    this.line = [];
    const width = cells.reduce((w, c) => w + RECEIPT_FONT_WIDTH * c.sx, 0);
    const tallest = cells.reduce((h, c) => Math.max(h, RECEIPT_FONT_HEIGHT * c.sy), 0);
    const lineHeight = Math.max(this.lineSpacing, tallest + (this.lineSpacing - RECEIPT_FONT_HEIGHT));
    let x = this.left(width);
    for (const c of cells) {
      // characters share a baseline: shorter ones sit at the bottom of the line
      this.canvas.glyph(c.byte, x, this.y + tallest - RECEIPT_FONT_HEIGHT * c.sy, c.sx, c.sy, c.bold);
      x += RECEIPT_FONT_WIDTH * c.sx;
    }
    this.text.push(cells.map((c) => (this.codePage === 16 ? decodeWpc1252Byte(c.byte) : c.byte < 0x80 ? String.fromCharCode(c.byte) : '?')).join(''));
    this.feed(lineHeight);
  }

  private left(width: number): number {
    if (this.alignment === 1) return Math.max(0, Math.floor((this.widthDots - width) / 2));
    if (this.alignment === 2) return Math.max(0, this.widthDots - width);
    return 0;
  }

  private feed(dots: number): void {
    this.y += dots;
    this.canvas.grow(this.y);
  }

  /** GS ( <fn> pL pH body: of these only GS ( k with cn 49 (QR) matters on a receipt. */
  private functionK(letter: number, body: Buffer): void {
    const cn = body[0];
    if (letter !== 0x6b || cn !== 0x31) {
      this.unknown.push(`GS ( ${String.fromCharCode(letter)} cn=${cn}`);
      return;
    }
    const fn = body[1];
    if (fn === 0x41) return; // model: 2 is what the encoder draws
    if (fn === 0x43) this.qr.module = Math.min(16, Math.max(1, body[2] ?? 3));
    else if (fn === 0x45) this.qr.level = (['L', 'M', 'Q', 'H'] as const)[(body[2] ?? 48) - 48] ?? 'L';
    else if (fn === 0x50) this.qr.data = Buffer.from(body.subarray(3)); // after m = 48
    else if (fn === 0x51) this.printQr();
    else this.unknown.push(`GS ( k fn=${fn}`);
  }

  private printQr(): void {
    this.flushLine();
    if (this.qr.data.length === 0) return;
    const symbol = QRCode.create([{ data: this.qr.data, mode: 'byte' }], { errorCorrectionLevel: this.qr.level });
    const { size } = symbol.modules;
    const m = this.qr.module;
    const x0 = this.left(size * m);
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (symbol.modules.get(r, c)) this.canvas.rect(x0 + c * m, this.y + r * m, m, m);
    this.text.push(`[QR ${this.qr.data.toString('latin1')}]`);
    this.feed(size * m);
  }

  private barcode(m: number, data: Buffer): void {
    this.flushLine();
    if (m !== 73) {
      this.unknown.push(`barcode system ${m}`);
      return;
    }
    const symbol = code128Values(data);
    if ('error' in symbol) {
      this.unknown.push(symbol.error);
      return;
    }
    const modules = code128Modules(symbol.values);
    const w = this.bar.module;
    const total = modules.reduce((a, b) => a + b, 0) * w;
    const hriLine = (): void => {
      const x0 = this.left(symbol.text.length * RECEIPT_FONT_WIDTH);
      [...symbol.text].forEach((ch, k) => this.canvas.glyph(ch.charCodeAt(0), x0 + k * RECEIPT_FONT_WIDTH, this.y, 1, 1, false));
      this.feed(RECEIPT_FONT_HEIGHT + 4);
    };
    if (this.bar.hri === 1 || this.bar.hri === 3) hriLine();
    let x = this.left(total);
    modules.forEach((n, k) => {
      if (k % 2 === 0) this.canvas.rect(x, this.y, n * w, this.bar.height);
      x += n * w;
    });
    this.feed(this.bar.height + 4);
    if (this.bar.hri === 2 || this.bar.hri === 3) hriLine();
    this.text.push(`[Code 128 ${symbol.text}]`);
  }

  private raster(xBytes: number, rows: number, data: Buffer): void {
    this.flushLine();
    const x0 = this.left(xBytes * 8);
    for (let r = 0; r < rows; r++)
      for (let xb = 0; xb < xBytes; xb++) {
        const v = data[r * xBytes + xb]!;
        for (let bit = 0; bit < 8; bit++) if (v & (0x80 >> bit)) this.canvas.dot(x0 + xb * 8 + bit, this.y + r);
      }
    this.feed(rows);
  }

  private cut(): void {
    this.flushLine();
    this.feed(CUT_FEED_DOTS);
    const image = this.canvas.toGray();
    const receipt: SimReceipt = { index: this.receipts.length + 1, png: encodeGrayPng(image, 203), text: this.text, widthDots: image.width, heightDots: image.height };
    if (this.pngDir) {
      receipt.file = path.join(this.pngDir, `receipt-${String(receipt.index).padStart(3, '0')}.png`);
      writeFileSync(receipt.file, receipt.png);
    }
    this.receipts.push(receipt);
    this.canvas = new ReceiptCanvas(this.widthDots);
    this.y = 0;
    this.text = [];
    this.emit('receipt', receipt);
  }
}
