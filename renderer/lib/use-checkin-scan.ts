// Check-in by booking code from a scanner: a serial/HID scanner's reads arrive as
// barcode.scanned events; a keyboard-wedge scanner "types" the code and Enter into the
// window, which the WedgeDetector tells apart from a person typing by speed. A wedge scan
// must not end up as a search (or as Enter on the selected row): its Enter is swallowed and
// the search box gets back what it held before the burst.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { AppointmentRow } from '../../electron/contract-types';
import { ApiError } from '../api';
import { WEDGE_DEFAULTS, WedgeDetector } from '../components/wedge-detector';
import { call, on } from './station';

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
  setQuery: (q: string) => void;
}

export function useCheckInScan({ enabled, today, searchRef, setQuery }: Options) {
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
    let lastChar = Number.NEGATIVE_INFINITY;
    let searchBefore: string | null = null;
    // Capture phase on the window: heard before the search box's own Enter handler.
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.altKey || e.metaKey || document.querySelector('dialog[open]')) { detector.reset(); return; }
      if (e.key.length === 1) {
        // A pause longer than a scanner's starts a new run: remember the search box as it was.
        if (e.timeStamp - lastChar > WEDGE_DEFAULTS.maxGapMs) {
          searchBefore = e.target === searchRef.current ? (searchRef.current?.value ?? '') : null;
        }
        lastChar = e.timeStamp;
      }
      const verdict = detector.push({ key: e.key, time: e.timeStamp });
      if (verdict.kind !== 'scan') return;
      e.preventDefault();
      e.stopPropagation();
      if (searchBefore !== null) setQuery(searchBefore);
      searchBefore = null;
      void checkInRef.current(verdict.code);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled, searchRef, setQuery]);

  return { result, dismiss: () => setResult(null), checkIn };
}
