// Collects MRZ lines into documents: TD3 and TD2 are 2 lines of 44 / 36 characters, TD1 is
// 3 lines of 30. Lines arrive one by one from any framing (serial text, HID text). A line
// that cannot belong to an MRZ is rejected with a key naming what is wrong, and the
// document it interrupted is dropped, since half a zone must never pass for a whole one.
// Pure and never throws.
import type { MrzFormat } from '../../../domain/mrz/mrz-types';
import { MRZ_READER_KEYS } from './mrz-reader-keys';

export const LINE_LENGTHS: Record<MrzFormat, number> = { TD1: 30, TD2: 36, TD3: 44 };
const FORMAT_OF: Record<number, MrzFormat> = { 30: 'TD1', 36: 'TD2', 44: 'TD3' };
const LINES_OF: Record<MrzFormat, number> = { TD1: 3, TD2: 2, TD3: 2 };

export type AssemblerEvent =
  | { kind: 'document'; format: MrzFormat; lines: string[] }
  | { kind: 'rejected'; key: string; params: Record<string, string | number>; raw: string[] };

export class MrzLineAssembler {
  private lines: string[] = [];
  private format: MrzFormat | undefined;

  /** Feeds one line (terminator removed); returns what it completes or rejects. */
  pushLine(rawLine: string): AssemblerEvent[] {
    const line = rawLine.replace(/[ \t]+$/, '').replace(/^[ \t]+/, '');
    if (line === '') return [];
    const out: AssemblerEvent[] = [];
    const format = /^[A-Z0-9<]+$/.test(line) ? FORMAT_OF[line.length] : undefined;

    if (format) {
      if (this.format && this.format !== format) out.push(this.rejectPending());
      this.format = format;
      this.lines.push(line);
      if (this.lines.length === LINES_OF[format]) {
        out.push({ kind: 'document', format, lines: this.lines });
        this.reset();
      }
      return out;
    }

    const lineNo = this.lines.length + 1;
    const raw = [...this.lines, line];
    this.reset();
    out.push(classifyBadLine(line, lineNo, raw));
    return out;
  }

  /** Called when the reader falls silent: a partly collected document is incomplete. */
  flush(): AssemblerEvent[] {
    return this.lines.length > 0 ? [this.rejectPending()] : [];
  }

  reset(): void {
    this.lines = [];
    this.format = undefined;
  }

  private rejectPending(): AssemblerEvent {
    const ev: AssemblerEvent = {
      kind: 'rejected',
      key: MRZ_READER_KEYS.incomplete,
      params: { found: this.lines.length, expected: LINES_OF[this.format!] },
      raw: this.lines,
    };
    this.reset();
    return ev;
  }
}

/** Why a line is not an MRZ line: wrong length, a stray character, or not text at all. */
function classifyBadLine(line: string, lineNo: number, raw: string[]): AssemblerEvent {
  const mrzChars = [...line].filter((c) => /[A-Z0-9<]/.test(c)).length;
  const standard = [30, 36, 44].includes(line.length);
  if (standard) {
    const pos = [...line].findIndex((c) => !/[A-Z0-9<]/.test(c));
    return { kind: 'rejected', key: MRZ_READER_KEYS.badCharacter, params: { line: lineNo, position: pos + 1, char: printable(line[pos]!) }, raw };
  }
  // Mostly MRZ characters and a plausible length: a truncated or overlong line.
  if (mrzChars >= line.length * 0.9 && line.length >= 20 && line.length <= 60) {
    const expected = [30, 36, 44].reduce((best, n) => (Math.abs(n - line.length) < Math.abs(best - line.length) ? n : best));
    const key = line.length < expected ? MRZ_READER_KEYS.lineTooShort : MRZ_READER_KEYS.lineTooLong;
    return { kind: 'rejected', key, params: { line: lineNo, found: line.length, expected }, raw };
  }
  return { kind: 'rejected', key: MRZ_READER_KEYS.garbage, params: { length: line.length }, raw };
}

function printable(ch: string): string {
  const c = ch.charCodeAt(0);
  return c < 32 || c >= 127 ? `0x${c.toString(16).padStart(2, '0')}` : ch;
}
