// Splits a byte stream into text lines ended by CR, LF or CR LF (a CR LF split across two
// chunks still counts once). Used by every line-mode reader (MRZ readers in OCR mode,
// serial barcode scanners). Never throws; a runaway line without terminator is cut at
// `maxLineLength` and handed on, so the caller can reject it as garbage.

export class LineSplitter {
  private pending = '';
  private lastWasCr = false;

  constructor(private readonly maxLineLength = 256) {}

  /** Feeds bytes; returns the lines they complete (without terminators). */
  push(bytes: Uint8Array): string[] {
    const out: string[] = [];
    for (const b of bytes) {
      if (b === 0x0a && this.lastWasCr) {
        this.lastWasCr = false;
        continue;
      }
      this.lastWasCr = b === 0x0d;
      if (b === 0x0d || b === 0x0a) {
        out.push(this.pending);
        this.pending = '';
        continue;
      }
      this.pending += String.fromCharCode(b);
      if (this.pending.length >= this.maxLineLength) {
        out.push(this.pending);
        this.pending = '';
      }
    }
    return out;
  }

  /** Text received since the last terminator (a reader that does not end its last line). */
  takePartial(): string | undefined {
    const p = this.pending;
    this.pending = '';
    return p.length > 0 ? p : undefined;
  }

  reset(): void {
    this.pending = '';
    this.lastWasCr = false;
  }
}
