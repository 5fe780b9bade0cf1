import { describe, expect, it } from 'vitest';
import { WedgeDetector } from '../../../renderer/components/wedge-detector';
import type { WedgeVerdict } from '../../../renderer/components/wedge-detector';

/** Feeds `text` then Enter with the given gaps (ms) between keystrokes; returns the verdict at Enter. */
function type(d: WedgeDetector, text: string, gap: (i: number) => number, start = 1000): WedgeVerdict {
  let t = start;
  for (let i = 0; i < text.length; i++) {
    d.push({ key: text[i]!, time: t });
    t += gap(i);
  }
  return d.push({ key: 'Enter', time: t });
}

describe('WedgeDetector', () => {
  it('a scanner burst (≈8 ms apart) ending in Enter is a scan', () => {
    expect(type(new WedgeDetector(), 'LKT-2026-000123', () => 8)).toEqual({ kind: 'scan', code: 'LKT-2026-000123', durationMs: 120 });
  });
  it('tolerates one renderer hiccup inside a scan', () => {
    expect(type(new WedgeDetector(), 'LKT-2026-000123', (i) => (i === 5 ? 70 : 4)).kind).toBe('scan');
  });
  it('ignores Shift keydowns a scanner sends for capitals', () => {
    const d = new WedgeDetector();
    let t = 0;
    for (const ch of 'ABCD') {
      d.push({ key: 'Shift', time: t });
      d.push({ key: ch, time: t + 1 });
      t += 6;
    }
    expect(d.push({ key: 'Enter', time: t })).toMatchObject({ kind: 'scan', code: 'ABCD' });
  });
  it('human typing (≈150 ms apart) is not a scan', () => {
    expect(type(new WedgeDetector(), 'LKT-2026-000123', () => 150)).toEqual({ kind: 'typed' });
  });
  it('a fast typist with a few rolled pairs is not a scan', () => {
    expect(type(new WedgeDetector(), 'budisantoso', (i) => (i % 3 === 0 ? 25 : 90))).toEqual({ kind: 'typed' });
  });
  it('a short fast burst (autorepeat, a stray pair) is not a scan', () => {
    expect(type(new WedgeDetector(), 'abc', () => 5)).toEqual({ kind: 'typed' });
  });
  it('typing then a pause then a scan: only the scan counts', () => {
    const d = new WedgeDetector();
    d.push({ key: 'x', time: 0 });
    d.push({ key: 'y', time: 150 });
    expect(type(d, 'LKT-1', () => 5, 2000)).toMatchObject({ kind: 'scan', code: 'LKT-1' });
  });
  it('a slow Enter after a fast burst is typing (someone pasted or held keys, then pressed Enter)', () => {
    const d = new WedgeDetector();
    for (let i = 0; i < 6; i++) d.push({ key: 'a', time: i * 5 });
    expect(d.push({ key: 'Enter', time: 600 })).toEqual({ kind: 'typed' });
  });
  it('a navigation key ends the burst', () => {
    const d = new WedgeDetector();
    for (let i = 0; i < 6; i++) d.push({ key: 'a', time: i * 5 });
    d.push({ key: 'ArrowLeft', time: 31 });
    expect(d.push({ key: 'Enter', time: 35 })).toEqual({ kind: 'typed' });
  });
});
