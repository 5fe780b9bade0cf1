// The real-time status bytes DLE EOT answers (Epson ESC/POS reference, "DLE EOT n"). Each
// answer is one byte whose bits 1 and 4 are always 1 and bits 0 and 7 always 0; that
// fixed pattern tells a status byte from anything else on the line.

/** What the printer's three answers say, as facts. */
export interface EscPosStatus {
  /** n = 1, bit 3. */
  offline: boolean;
  /** n = 2, bit 2. */
  coverOpen: boolean;
  /** n = 2, bit 5: printing stopped because the paper ran out. */
  paperEndStop: boolean;
  /** n = 2, bit 6: an error (cutter, head temperature…) stopped it. */
  error: boolean;
  /** n = 4, bits 2–3: the roll is near its end. */
  paperNearEnd: boolean;
  /** n = 4, bits 5–6: no paper at the sensor. */
  paperOut: boolean;
}

export const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12;

export function decodeStatus(printer: number, offlineCause: number, paper: number): EscPosStatus {
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperEndStop: (offlineCause & 0x20) !== 0,
    error: (offlineCause & 0x40) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    paperOut: (paper & 0x60) !== 0,
  };
}

/** The bytes a printer in this state answers (for the simulator): n = 1, 2, 4. */
export function encodeStatus(s: EscPosStatus): { printer: number; offlineCause: number; paper: number } {
  return {
    printer: 0x12 | (s.offline ? 0x08 : 0),
    offlineCause: 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperEndStop ? 0x20 : 0) | (s.error ? 0x40 : 0),
    paper: 0x12 | (s.paperNearEnd ? 0x0c : 0) | (s.paperOut ? 0x60 : 0),
  };
}

export type EscPosProblem = 'paperOut' | 'coverOpen' | 'error' | 'offline' | 'paperNearEnd';

/**
 * The conditions worth a sentence, most urgent first. Paper near end is a warning: the
 * receipt still prints. A printer with its cover open or out of paper is also offline;
 * the cause is the sentence, not the consequence.
 */
export function statusProblems(s: EscPosStatus): EscPosProblem[] {
  const out: EscPosProblem[] = [];
  if (s.paperOut || s.paperEndStop) out.push('paperOut');
  if (s.coverOpen) out.push('coverOpen');
  if (s.error) out.push('error');
  if (s.offline && out.length === 0) out.push('offline');
  if (s.paperNearEnd && !out.includes('paperOut')) out.push('paperNearEnd');
  return out;
}

/** Problems that stop a print (everything but paper near end). */
export const blocksPrinting = (p: EscPosProblem): boolean => p !== 'paperNearEnd';
