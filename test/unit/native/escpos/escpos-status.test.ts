// DLE EOT answers as the reference gives them: one byte with bits 1 and 4 fixed at 1, so an
// idle printer answers 0x12 to every question; the fault bits are those of the reference's
// tables for n = 1, 2 and 4.
import { describe, expect, it } from 'vitest';
import { blocksPrinting, decodeStatus, encodeStatus, isStatusByte, statusProblems } from '../../../../native/drivers/escpos/escpos-status';

describe('real-time status bytes', () => {
  it('knows a status byte by its fixed bits', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x1a)).toBe(true); // offline
    expect(isStatusByte(0x72)).toBe(true); // paper end
    expect(isStatusByte(0x00)).toBe(false);
    expect(isStatusByte(0x0a)).toBe(false); // LF, not an answer
    expect(isStatusByte(0x92)).toBe(false); // bit 7 is always 0
  });
  it('an idle printer with paper answers 0x12 three times and has nothing to say', () => {
    const s = decodeStatus(0x12, 0x12, 0x12);
    expect(s).toEqual({ offline: false, coverOpen: false, paperEndStop: false, error: false, paperNearEnd: false, paperOut: false });
    expect(statusProblems(s)).toEqual([]);
  });
  it('cover open: n=1 bit 3 (offline), n=2 bit 2 — the cause is the sentence', () => {
    const s = decodeStatus(0x1a, 0x16, 0x12);
    expect(s.offline).toBe(true);
    expect(s.coverOpen).toBe(true);
    expect(statusProblems(s)).toEqual(['coverOpen']);
  });
  it('paper out: n=2 bit 5, n=4 bits 5–6 (0x72)', () => {
    const s = decodeStatus(0x1a, 0x32, 0x72);
    expect(s.paperOut).toBe(true);
    expect(s.paperEndStop).toBe(true);
    expect(statusProblems(s)).toEqual(['paperOut']);
  });
  it('paper near end: n=4 bits 2–3 (0x1E) is a warning that does not stop printing', () => {
    const s = decodeStatus(0x12, 0x12, 0x1e);
    expect(statusProblems(s)).toEqual(['paperNearEnd']);
    expect(statusProblems(s).some(blocksPrinting)).toBe(false);
  });
  it('offline with no other cause says offline; an error says error', () => {
    expect(statusProblems(decodeStatus(0x1a, 0x12, 0x12))).toEqual(['offline']);
    expect(statusProblems(decodeStatus(0x1a, 0x52, 0x12))).toEqual(['error']);
  });
  it('the simulator encodes what the driver decodes', () => {
    const s = { offline: true, coverOpen: true, paperEndStop: false, error: false, paperNearEnd: true, paperOut: false };
    const b = encodeStatus(s);
    expect([b.printer, b.offlineCause, b.paper]).toEqual([0x1a, 0x16, 0x1e]);
    expect(decodeStatus(b.printer, b.offlineCause, b.paper)).toEqual(s);
  });
});
