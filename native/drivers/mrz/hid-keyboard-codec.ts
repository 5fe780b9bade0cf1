// Keyboard-style HID readers (an MRZ reader in "keyboard emulation" mode, seen through
// hidraw): boot-protocol keyboard input reports of 8 bytes — modifiers, reserved, then up
// to six key usages (HID Usage Tables, page 0x07). A key is typed when it appears in a
// report and was not in the previous one; releasing sends a report without it. The text
// produced goes into the same line handling as serial text (Enter ends a line).
//
// Mapping (US layout, as readers emit): usages 0x04–0x1D → A–Z, 0x1E–0x26 → 1–9, 0x27 → 0,
// Shift + 0x36 (comma key) → '<', 0x28 / 0x58 (Enter, keypad Enter) → CR, 0x2C → space.
// Letters come out upper-case whatever the Shift state (the MRZ has no lower case).

const LEFT_SHIFT = 0x02;
const RIGHT_SHIFT = 0x20;
const USAGE_A = 0x04;
const USAGE_Z = 0x1d;
const USAGE_1 = 0x1e;
const USAGE_0 = 0x27;
const USAGE_ENTER = 0x28;
const USAGE_KP_ENTER = 0x58;
const USAGE_SPACE = 0x2c;
const USAGE_COMMA = 0x36;

export interface HidKeyboardOptions {
  /** Report id the device puts before each report (numbered reports), or undefined. */
  reportId?: number;
}

export class HidKeyboardDecoder {
  private held = new Set<number>();
  /** Reports that were not keyboard reports (wrong id or size), for the trace. */
  ignoredReports = 0;

  constructor(private readonly opts: HidKeyboardOptions = {}) {}

  /** One input report → the bytes of text it typed (CR for Enter). */
  pushReport(report: Uint8Array): Buffer {
    let r = report;
    if (this.opts.reportId !== undefined) {
      if (r[0] !== this.opts.reportId) {
        this.ignoredReports += 1;
        return Buffer.alloc(0);
      }
      r = r.subarray(1);
    }
    if (r.length < 3) {
      this.ignoredReports += 1;
      return Buffer.alloc(0);
    }
    const shift = (r[0]! & (LEFT_SHIFT | RIGHT_SHIFT)) !== 0;
    const now = new Set<number>();
    let text = '';
    for (const usage of r.subarray(2, 8)) {
      if (usage === 0 || usage === 1) continue; // none / rollover error
      now.add(usage);
      if (this.held.has(usage)) continue;
      text += usageToChar(usage, shift);
    }
    this.held = now;
    return Buffer.from(text, 'latin1');
  }

  reset(): void {
    this.held.clear();
  }
}

function usageToChar(usage: number, shift: boolean): string {
  if (usage >= USAGE_A && usage <= USAGE_Z) return String.fromCharCode(65 + usage - USAGE_A);
  if (usage >= USAGE_1 && usage < USAGE_0) return String.fromCharCode(49 + usage - USAGE_1);
  if (usage === USAGE_0) return '0';
  if (usage === USAGE_ENTER || usage === USAGE_KP_ENTER) return '\r';
  if (usage === USAGE_SPACE) return ' ';
  if (usage === USAGE_COMMA) return shift ? '<' : ',';
  // A key an MRZ never needs: a printable non-MRZ mark, so the line is rejected rather than
  // silently altered (control bytes are dropped as stray bytes by the line assembler).
  return '?';
}

/** Text → keyboard reports, press then release for each character (simulator and tests). */
export function encodeKeyboardReports(text: string, opts: HidKeyboardOptions = {}): Buffer[] {
  const reports: Buffer[] = [];
  const make = (mod: number, usage: number): Buffer => {
    const body = Buffer.from([mod, 0, usage, 0, 0, 0, 0, 0]);
    return opts.reportId === undefined ? body : Buffer.concat([Buffer.from([opts.reportId]), body]);
  };
  for (const ch of text) {
    const [mod, usage] = charToUsage(ch);
    reports.push(make(mod, usage), make(0, 0));
  }
  return reports;
}

function charToUsage(ch: string): [number, number] {
  if (ch >= 'A' && ch <= 'Z') return [LEFT_SHIFT, USAGE_A + ch.charCodeAt(0) - 65];
  if (ch >= '1' && ch <= '9') return [0, USAGE_1 + ch.charCodeAt(0) - 49];
  if (ch === '0') return [0, USAGE_0];
  if (ch === '<') return [LEFT_SHIFT, USAGE_COMMA];
  if (ch === '\r' || ch === '\n') return [0, USAGE_ENTER];
  if (ch === ' ') return [0, USAGE_SPACE];
  return [0, 0x38]; // '/' : not an MRZ character, so garbage stays garbage
}
