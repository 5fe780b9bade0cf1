// Check-in by booking code from a scanner: a serial/HID scanner's reads arrive as
// barcode.scanned events; a keyboard-wedge scanner "types" the code and Enter into the
// window, which the WedgeDetector tells apart from a person typing by speed. A wedge scan
// must not end up as a search (or as Enter on the selected row): characters for the search
// box are held back while more keep coming within HOLD_MS (a person sees them appear after
// that short pause, a scanner's burst never reaches the box), a scan's Enter is swallowed
// and the box gets back what it held before the run.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { AppointmentRow } from '../../electron/contract-types';
import { ApiError } from '../api';
import { WEDGE_DEFAULTS, WedgeDetector } from '../components/wedge-detector';
import { call, on } from './station';

/**
 * How long typed characters wait for a following key before they go into the search box:
 * as long as a scanner's longest tolerated gap, so a hiccup in a burst does not let half a
 * code into the box (and a person's typing shows up at most this much later).
 */
const HOLD_MS = WEDGE_DEFAULTS.maxGapMs;

export type CheckInResult =
  | { kind: 'busy'; code: string }
  | { kind: 'checked_in'; code: string; row: AppointmentRow }
  | { kind: 'unknown'; code: string }
  | { kind: 'used'; code: string; row: AppointmentRow | null; status: string }
  | { kind: 'failed'; code: string; error: unknown };

interface Options {
  enabled: boolean;
  today: string;
  /** The search box: keys typed into it by a scanner are taken back out. */
  searchRef: RefObject<HTMLInputElement | null>;
}

export function useCheckInScan({ enabled, today, searchRef }: Options) {
  const [result, setResult] = useState<CheckInResult | null>(null);

  const checkIn = useCallback(async (raw: string): Promise<void> => {
    const code = raw.trim().toUpperCase();
    if (code.length < 4) { setResult({ kind: 'unknown', code }); return; }
    setResult({ kind: 'busy', code });
    try {
      setResult({ kind: 'checked_in', code, row: await call('queue.checkIn', { bookingCode: code }) });
    } catch (err) {
      if (err instanceof ApiError && err.error.code === 'not_found') { setResult({ kind: 'unknown', code }); return; }
      if (err instanceof ApiError && err.error.code === 'conflict' && err.error.params?.reason === 'already_used') {
        // Whose code it is: the officer needs the name to tell the applicant.
        const v = await call('queue.view', { date: today, query: code, statuses: [], limit: 5 }).catch(() => null);
        const row = v?.rows.find((r) => r.bookingCode === code) ?? null;
        setResult({ kind: 'used', code, row, status: String(err.error.params.status ?? row?.status ?? '') });
        return;
      }
      setResult({ kind: 'failed', code, error: err });
    }
  }, [today]);

  const checkInRef = useRef(checkIn);
  checkInRef.current = checkIn;

  useEffect(() => {
    if (!enabled) return;
    return on('barcode.scanned', (ev) => { void checkInRef.current(ev.code); });
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return;
    const detector = new WedgeDetector();
    const gap = WEDGE_DEFAULTS.maxGapMs;
    let lastChar = Number.NEGATIVE_INFINITY;
    // The search box as it was before the current run of keys, and the characters not yet
    // handed to it.
    let searchBefore: string | null = null;
    let held: string[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | undefined;

    // Writes into the search box the way typing does (React hears an input event).
    const setSearch = (input: HTMLInputElement, value: string, caret: number): void => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.setSelectionRange(caret, caret);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    // No scan (yet): give the held characters to the search box, at the caret.
    const flush = (): void => {
      clearTimeout(flushTimer);
      const input = searchRef.current;
      const text = held.join('');
      held = [];
      if (!input || !text) return;
      const start = input.selectionStart ?? input.value.length;
      const end = input.selectionEnd ?? start;
      setSearch(input, input.value.slice(0, start) + text + input.value.slice(end), start + text.length);
    };

    // Capture phase on the window: heard before the search box's own Enter handler.
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.altKey || e.metaKey || document.querySelector('dialog[open]')) { flush(); detector.reset(); return; }
      const inSearch = e.target === searchRef.current;
      if (e.key.length === 1) {
        const fast = e.timeStamp - lastChar <= gap;
        lastChar = e.timeStamp;
        // A pause longer than a scanner's starts a new run: remember the search box as it was.
        if (!fast) { flush(); searchBefore = inSearch ? (searchRef.current?.value ?? '') : null; }
        detector.push({ key: e.key, time: e.timeStamp });
        if (inSearch) {
          e.preventDefault();
          held.push(e.key);
          clearTimeout(flushTimer);
          flushTimer = setTimeout(flush, HOLD_MS);
        }
        return;
      }
      const verdict = detector.push({ key: e.key, time: e.timeStamp });
      if (verdict.kind !== 'scan') { flush(); return; }
      e.preventDefault();
      e.stopPropagation();
      clearTimeout(flushTimer);
      held = [];
      const input = searchRef.current;
      if (searchBefore !== null && input) setSearch(input, searchBefore, searchBefore.length);
      searchBefore = null;
      void checkInRef.current(verdict.code);
    };
    window.addEventListener('keydown', onKey, true);
    return () => { window.removeEventListener('keydown', onKey, true); clearTimeout(flushTimer); };
  }, [enabled, searchRef]);

  return { result, dismiss: () => setResult(null), checkIn };
}
