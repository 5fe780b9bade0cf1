// Typed text that survives a crash, a reload and a slip: the text of one field of an
// enrolment is handed to the station (drafts.save) once typing pauses — at most
// DRAFT_DELAY_MS after the last key — and comes back when the field is shown again. The step
// that confirms the text calls `clear()` after the station took it.
//
// Use it in any step that has a text field:
//   const draft = useDraft(appointmentId, 'bap.narrative');
//   <textarea value={draft.text} onChange={(e) => draft.setText(e.target.value)} />
//   {draft.restoredAt && <DraftRestored at={draft.restoredAt} />}
//   … after the station saved it: await draft.clear();
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from './station';

/** Under a second: a crash loses at most the last second of typing. */
export const DRAFT_DELAY_MS = 600;

/** Fields on screen holding typed text not yet confirmed: leaving the enrolment asks first. */
const holding = new Set<string>();

/** Whether any field of the screen holds typed text that is not confirmed. */
export function typedTextHeld(): boolean {
  return holding.size > 0;
}

export interface Draft {
  text: string;
  setText: (text: string) => void;
  /** When the text shown came back from a draft (null: nothing was restored). */
  restoredAt: string | null;
  loaded: boolean;
  /** Sends what is pending now (before leaving). */
  flush: () => Promise<void>;
  /** The text was confirmed (or thrown away on purpose): empty the field and the draft. */
  clear: () => Promise<void>;
  /** The station saved the text where it belongs (notes kept with the details): the draft
   *  goes, the text stays on screen. */
  settle: () => Promise<void>;
}

/** `seed`: what the field shows when no draft is kept (the value the station already has). */
export function useDraft(appointmentId: string, field: string, seed = ''): Draft {
  const key = `${appointmentId}/${field}`;
  const [text, setTextState] = useState(seed);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typedRef = useRef(false);

  useEffect(() => {
    let alive = true;
    call('drafts.list', { appointmentId }).then((drafts) => {
      if (!alive) return;
      const d = drafts.find((x) => x.field === field);
      // What the officer typed meanwhile wins over the stored draft.
      if (d && !typedRef.current) {
        setTextState(d.text);
        setRestoredAt(d.updatedAt);
        holding.add(key);
      }
      setLoaded(true);
    }, () => { if (alive) setLoaded(true); });
    return () => { alive = false; };
  }, [appointmentId, field, key]);

  const send = useCallback(async (): Promise<void> => {
    if (timer.current) { clearTimeout(timer.current); timer.current = null; }
    const t = pending.current;
    if (t === null) return;
    pending.current = null;
    try {
      await call('drafts.save', { appointmentId, field, text: t });
    } catch {
      // Kept for the next try (the next key, or leaving the field): nothing typed is dropped.
      pending.current ??= t;
    }
  }, [appointmentId, field, key]);

  const setText = useCallback((t: string) => {
    typedRef.current = true;
    setTextState(t);
    pending.current = t;
    if (t.trim().length > 0) holding.add(key); else holding.delete(key);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => { void send(); }, DRAFT_DELAY_MS);
  }, [key, send]);

  const clear = useCallback(async (): Promise<void> => {
    if (timer.current) { clearTimeout(timer.current); timer.current = null; }
    pending.current = null;
    holding.delete(key);
    setTextState('');
    setRestoredAt(null);
    await call('drafts.discard', { appointmentId, field }).catch(() => undefined);
  }, [appointmentId, field, key]);

  const settle = useCallback(async (): Promise<void> => {
    if (timer.current) { clearTimeout(timer.current); timer.current = null; }
    pending.current = null;
    holding.delete(key);
    setRestoredAt(null);
    await call('drafts.discard', { appointmentId, field }).catch(() => undefined);
  }, [appointmentId, field, key]);

  // Leaving the field (another step, another screen) sends what is pending at once.
  useEffect(() => () => {
    void send();
    holding.delete(key);
  }, [send, key]);

  return { text, setText, restoredAt, loaded, flush: send, clear, settle };
}
