// Collects MRZ lines into documents: TD3 and TD2 are 2 lines of 44 / 36 characters, TD1 is
// 3 lines of 30. Lines arrive one by one from any framing (serial text, HID text). A line
// that cannot belong to an MRZ is rejected with a key naming what is wrong, and the
// document it interrupted is dropped, since half a zone must never pass for a whole one.
//
// Readers send stray bytes between documents (NUL, a byte left from power-up, the start of
// a half-read swipe). They must not cost the next document, so the assembler
// resynchronises on the MRZ itself: bytes that cannot be part of any zone (control bytes,
// bytes above 0x7F) are dropped wherever they sit; a line that does not start like a
// document's first line is searched for one at its end (stray text sits in front of the
// zone); and a first line arriving while a document is half collected starts a new
// document. What was dropped is reported as a count by class — never the text itself, which
// may be a piece of someone's name — so the trace shows it without holding personal data.
// Pure and never throws.
import { firstLineCandidates, isMrzFirstLine, MRZ_LINE_LENGTH } from '../../../domain/mrz/mrz-first-line';
import type { MrzFormat } from '../../../domain/mrz/mrz-types';
import { MRZ_READER_KEYS } from './mrz-reader-keys';

export const LINE_LENGTHS: Record<MrzFormat, number> = MRZ_LINE_LENGTH;
const FORMAT_OF: Record<number, MrzFormat> = { 30: 'TD1', 36: 'TD2', 44: 'TD3' };
const LINES_OF: Record<MrzFormat, number> = { TD1: 3, TD2: 2, TD3: 2 };
const MRZ_LINE = /^[A-Z0-9<]+$/;
/**
 * A line of at most this many unprintable bytes is stray bytes; a longer one is what a wrong
 * port speed looks like, and the technician needs to hear about it.
 */
const STRAY_MAX = 8;

/** What was dropped while resynchronising, by class (counts only). */
export interface DroppedBytes {
  /** Control bytes (NUL, XON/XOFF, …). */
  control: number;
  /** Bytes above 0x7F. */
  nonAscii: number;
  /** Printable characters in front of a document's first line. */
  text: number;
}

export type AssemblerEvent =
  | { kind: 'document'; format: MrzFormat; lines: string[] }
  | { kind: 'rejected'; key: string; params: Record<string, string | number>; raw: string[] }
  | { kind: 'dropped'; count: number; classes: DroppedBytes };

/** Another reading of a resynchronised first line, chosen if the next line's length asks for it. */
interface FirstLineReading {
  line: string;
  /** Printable characters in front of it. */
  dropped: number;
}

export class MrzLineAssembler {
  private lines: string[] = [];
  private format: MrzFormat | undefined;
  /** While only a resynchronised first line is held: every format it could start. */
  private readings: Partial<Record<MrzFormat, FirstLineReading>> = {};

  /** Feeds one line (terminator removed); returns what it completes or rejects. */
  pushLine(rawLine: string): AssemblerEvent[] {
    const { kept, control, nonAscii } = stripNonZone(rawLine);
    const line = kept.replace(/^[ \t]+|[ \t]+$/g, '');
    const out: AssemblerEvent[] = [];
    if (line === '') {
      if (control + nonAscii === 0) return out;
      if (rawLine.length <= STRAY_MAX) return [dropped(control, nonAscii, 0)];
      return [...this.takeResyncDrop(), this.rejectWith(classifyBadLine(rawLine, this.lines.length + 1, [...this.lines, rawLine]))];
    }
    if (control + nonAscii > 0) out.push(dropped(control, nonAscii, 0));
    const format = MRZ_LINE.test(line) ? FORMAT_OF[line.length] : undefined;

    if (this.lines.length > 0) {
      if (format && this.lines.length === 1 && format !== this.format && this.readings[format]) {
        // The line after a resynchronised first line decides which format it started.
        const reading = this.readings[format]!;
        this.lines = [reading.line];
        this.format = format;
        this.readings = { [format]: reading };
      }
      const startsAnother = format ? isMrzFirstLine(line, format) : firstLineCandidates(mrzTail(line)).length > 0;
      if (format && format === this.format && !startsAnother) {
        out.push(...this.takeResyncDrop());
        this.lines.push(line);
        if (this.lines.length === LINES_OF[format]) {
          out.push({ kind: 'document', format, lines: this.lines });
          this.reset();
        }
        return out;
      }
      if (format || startsAnother) {
        // Another document started (a half-read swipe, then the next one): the half is incomplete.
        out.push(...this.takeResyncDrop(), this.rejectPending());
      } else {
        out.push(...this.takeResyncDrop());
        const raw = [...this.lines, line];
        return [...out, this.rejectWith(classifyBadLine(line, this.lines.length + 1, raw))];
      }
    }
    out.push(...this.startDocument(line, format));
    return out;
  }

  /** Called when the reader falls silent: a partly collected document is incomplete. */
  flush(): AssemblerEvent[] {
    return this.lines.length > 0 ? [...this.takeResyncDrop(), this.rejectPending()] : [];
  }

  reset(): void {
    this.lines = [];
    this.format = undefined;
    this.readings = {};
  }

  /** A line expected to be a first line: as it is, or found at its end after stray text. */
  private startDocument(line: string, format: MrzFormat | undefined): AssemblerEvent[] {
    // Longest first: a whole line of the right shape is its own first candidate.
    const candidates = firstLineCandidates(mrzTail(line));
    if (candidates.length === 0) {
      if (format) {
        // A zone's first line with a misread character still deserves its check digits.
        this.lines = [line];
        this.format = format;
        return [];
      }
      return [this.rejectWith(classifyBadLine(line, 1, [line]))];
    }
    this.readings = {};
    for (const c of candidates) this.readings[c.format] = { line: c.line, dropped: line.length - c.line.length };
    if (format && !this.readings[format]) this.readings[format] = { line, dropped: 0 };
    const first = candidates[0]!;
    this.lines = [first.line];
    this.format = first.format;
    return [];
  }

  /** The printable characters dropped in front of the held first line, once it is settled. */
  private takeResyncDrop(): AssemblerEvent[] {
    const reading = this.format ? this.readings[this.format] : undefined;
    this.readings = {};
    return reading && reading.dropped > 0 ? [dropped(0, 0, reading.dropped)] : [];
  }

  private rejectWith(ev: AssemblerEvent): AssemblerEvent {
    this.reset();
    return ev;
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

/** Removes the bytes no zone can hold (control bytes, bytes above 0x7F), counting them. */
function stripNonZone(line: string): { kept: string; control: number; nonAscii: number } {
  let kept = '';
  let control = 0;
  let nonAscii = 0;
  for (const ch of line) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 && ch !== '\t') control += 1;
    else if (c === 0x7f) control += 1;
    else if (c > 0x7f) nonAscii += 1;
    else kept += ch;
  }
  return { kept, control, nonAscii };
}

/** The longest run of MRZ characters at the end of a line (stray text sits in front). */
function mrzTail(line: string): string {
  const m = /[A-Z0-9<]*$/.exec(line);
  return m ? m[0] : '';
}

function dropped(control: number, nonAscii: number, text: number): AssemblerEvent {
  return { kind: 'dropped', count: control + nonAscii + text, classes: { control, nonAscii, text } };
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
