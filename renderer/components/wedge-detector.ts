// Tells a keyboard-wedge barcode scanner from a person typing. A wedge scanner "types" the
// code into the focused window as keystrokes, then Enter. What sets it apart is speed:
//
//   - scanners send characters 1–20 ms apart (USB HID polls at 1–8 ms; most scanners add
//     no inter-character delay, a few a configurable 5–20 ms);
//   - people type 100–250 ms per character, and even fast typists' quickest pairs of
//     keys (rolled digraphs) are rarely under 30 ms, and never a whole run of them.
//
// So a scan is: at least MIN_LENGTH printable characters, the typical (median) gap
// between them at most MEDIAN_GAP_MS (30 ms), no gap over MAX_GAP_MS (80 ms: one hiccup of
// a busy renderer is tolerated), and Enter within MAX_GAP_MS of the last character.
// Anything slower is typing and is left alone. Shift and other modifier keydowns (sent by
// scanners for capitals) are ignored; any other non-character key ends the burst.
//
// Pure: feed it each keydown's `key` and `timeStamp`; it keeps no DOM references.

export interface WedgeThresholds {
  minLength: number;
  medianGapMs: number;
  maxGapMs: number;
}

export const WEDGE_DEFAULTS: WedgeThresholds = { minLength: 4, medianGapMs: 30, maxGapMs: 80 };

export interface WedgeKey {
  /** KeyboardEvent.key */
  key: string;
  /** KeyboardEvent.timeStamp (ms) */
  time: number;
}

export type WedgeVerdict =
  | { kind: 'scan'; code: string; durationMs: number }
  /** Enter ended a run too slow or too short to be a scanner: the person pressed Enter. */
  | { kind: 'typed' }
  | { kind: 'pending' };

const IGNORED = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

export class WedgeDetector {
  private chars: string[] = [];
  private times: number[] = [];

  constructor(private readonly t: WedgeThresholds = WEDGE_DEFAULTS) {}

  push(ev: WedgeKey): WedgeVerdict {
    if (IGNORED.has(ev.key)) return { kind: 'pending' };
    if (ev.key === 'Enter') {
      const verdict = this.judge(ev.time);
      this.reset();
      return verdict;
    }
    if (ev.key.length !== 1) {
      this.reset();
      return { kind: 'pending' };
    }
    const last = this.times[this.times.length - 1];
    // A long pause starts a new run: what came before was typing.
    if (last !== undefined && ev.time - last > this.t.maxGapMs) this.reset();
    this.chars.push(ev.key);
    this.times.push(ev.time);
    return { kind: 'pending' };
  }

  reset(): void {
    this.chars = [];
    this.times = [];
  }

  private judge(enterTime: number): WedgeVerdict {
    const n = this.chars.length;
    if (n < this.t.minLength) return { kind: 'typed' };
    const gaps: number[] = [];
    for (let i = 1; i < n; i++) gaps.push(this.times[i]! - this.times[i - 1]!);
    gaps.push(enterTime - this.times[n - 1]!);
    const sorted = [...gaps].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    if (median > this.t.medianGapMs || sorted[sorted.length - 1]! > this.t.maxGapMs) return { kind: 'typed' };
    return { kind: 'scan', code: this.chars.join(''), durationMs: enterTime - this.times[0]! };
  }
}
