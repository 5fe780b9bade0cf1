// The hybrid logical clock against the rules of Kulkarni et al. 2014 (Fig. 5, "HLC
// algorithm"): send/local event l' = max(l, pt), c' = l' = l ? c + 1 : 0; receive of m:
// l' = max(l, l_m, pt) with c from whichever of l, l_m equals l'. And the string form,
// which must sort exactly as the stamps order.
import { describe, expect, it } from 'vitest';
import {
  compareHlc, formatHlc, HlcClock, HlcDriftError, HlcOverflowError, MAX_LOGICAL, parseHlc, receive, tick, ZERO_HLC, type Hlc,
} from '../../../domain/hlc';

const A = 'station-a';
const h = (wall: number, logical: number, node = A): Hlc => ({ wall, logical, node });

describe('send or local event', () => {
  it('takes the physical time when it is ahead, with the counter reset', () => {
    expect(tick(h(10, 3), 20, A)).toEqual(h(20, 0));
  });

  it('keeps l and counts on when the physical clock has not moved', () => {
    expect(tick(h(20, 0), 20, A)).toEqual(h(20, 1));
  });

  it('is monotonic while the physical clock goes backwards (here: reset to 1970)', () => {
    let s = h(1_764_000_000_000, 0);
    const seen: Hlc[] = [s];
    for (const pt of [1_763_999_000_000, 0, 0, 5, 1_764_000_000_000]) { s = tick(s, pt, A); seen.push(s); }
    for (let i = 1; i < seen.length; i++) expect(compareHlc(seen[i - 1]!, seen[i]!)).toBe(-1);
    // l never went back: the stamps carry the time already seen, counting on in c.
    expect(seen.map((x) => x.wall)).toEqual(Array(6).fill(1_764_000_000_000));
    expect(seen.map((x) => x.logical)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses to overflow the counter rather than wrap and go backwards', () => {
    expect(() => tick(h(5, MAX_LOGICAL), 5, A)).toThrow(HlcOverflowError);
  });
});

describe('receive event', () => {
  it('a later remote stamp: l takes l_m and c = c_m + 1', () => {
    expect(receive(h(10, 4), h(30, 7, 'b'), 20, A)).toEqual(h(30, 8));
  });

  it('our own l ahead: c = c + 1', () => {
    expect(receive(h(30, 4), h(20, 9, 'b'), 25, A)).toEqual(h(30, 5));
  });

  it('equal l on both sides: c = max(c, c_m) + 1', () => {
    expect(receive(h(30, 4), h(30, 9, 'b'), 25, A)).toEqual(h(30, 10));
    expect(receive(h(30, 12), h(30, 9, 'b'), 25, A)).toEqual(h(30, 13));
  });

  it('the physical clock ahead of both: l = pt, c = 0', () => {
    expect(receive(h(30, 4), h(20, 9, 'b'), 40, A)).toEqual(h(40, 0));
  });

  it('the received stamp is after the remote one and after our last (causality)', () => {
    const last = h(1000, 2);
    for (const remote of [h(999, 50, 'b'), h(1000, 1, 'b'), h(1000, 7, 'b'), h(1500, 0, 'b')]) {
      for (const pt of [0, 900, 1000, 1200, 2000]) {
        const r = receive(last, remote, pt, A);
        expect(compareHlc(r, last)).toBe(1);
        expect(r.wall > remote.wall || (r.wall === remote.wall && r.logical > remote.logical)).toBe(true);
        // l stays within max(pt, l, l_m): the bounded drift of the paper.
        expect(r.wall).toBe(Math.max(pt, last.wall, remote.wall));
      }
    }
  });

  it('refuses a remote stamp far in the future and leaves the clock as it was', () => {
    const clock = new HlcClock(A, () => 1_000_000, h(1_000_000, 0));
    const before = clock.last();
    expect(() => clock.observe(h(1_000_000 + 2 * 3600_000, 0, 'b'))).toThrow(HlcDriftError);
    expect(clock.last()).toEqual(before);
    // Within the allowed hour it is taken.
    expect(clock.observe(h(1_000_000 + 1800_000, 3, 'b'))).toEqual(h(1_000_000 + 1800_000, 4));
  });

  it('a station reset to 1970 still accepts stamps near the time it has already seen', () => {
    const clock = new HlcClock(A, () => 0, h(1_764_000_000_000, 0));
    expect(clock.observe(h(1_764_000_000_500, 0, 'b')).wall).toBe(1_764_000_000_500);
  });
});

describe('string form', () => {
  it('round-trips and sorts as the stamps order', () => {
    const stamps = [h(0, 0), h(0, 1), h(1, 0), h(255, 0xabcdef), h(256, 0), h(1_764_000_000_000, 2), h(1_764_000_000_000, 2, 'station-b'), h(1_764_000_000_001, 0)];
    const strings = stamps.map(formatHlc);
    expect(strings.map(parseHlc)).toEqual(stamps);
    expect([...strings].sort()).toEqual(strings);
    // 1,764,000,000,000 ms = 0x19ab697e800, padded to 12 digits.
    expect(formatHlc(h(1_764_000_000_000, 2))).toBe('019ab697e800-000002-station-a');
  });

  it('refuses what is not a stamp', () => {
    expect(() => parseHlc('2026-12-07T10:00:00Z')).toThrow(/Not a hybrid logical clock/);
    expect(() => formatHlc(h(-1, 0))).toThrow(RangeError);
  });

  it('the clock object stamps strictly increasing values from ZERO', () => {
    let t = 100;
    const clock = new HlcClock(A, () => t, ZERO_HLC);
    const a = clock.now(); t = 50; const b = clock.now(); t = 101; const c = clock.now();
    expect([a, b, c]).toEqual([h(100, 0), h(100, 1), h(101, 0)]);
  });
});
