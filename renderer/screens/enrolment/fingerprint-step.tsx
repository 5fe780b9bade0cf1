// Step 4, fingerprints: the station runs the capture (capture.start) and pushes its state
// (capture.state); the screen shows both hands with the current finger, the live image and
// its score against the threshold, attempts left, the countdown, the transfer progress and
// the station's sentence. R retries, S skips a finger with a reason, A accepts the best
// print below the threshold (only once the attempts are used up), Esc stops waiting.
//
// The capture flows: opening the step starts the first planned finger, and after a good
// capture the station starts the next one by itself (capture.start with `flow`); the officer
// acts only on exceptions (a poor print, a missing finger, a reader problem).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureFinger, CaptureView, EnrolmentView, FingerName } from '../../../electron/contract-types';
import type { MethodInput } from '../../../electron/contract';
import { Alert } from '../../components/alert';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { HandDiagram } from '../../components/hand-diagram';
import { Kbd } from '../../components/kbd';
import { ProgressBar } from '../../components/progress-bar';
import { ScoreBar } from '../../components/score-bar';
import { enrolmentError, errorKey, keyedText, lowerFirst } from '../../lib/device-text';
import { call, on } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';
import { useDraft } from '../../lib/use-draft';

type Action = MethodInput<'capture.action'>;
const MISSING_REASONS = ['amputated', 'injured', 'bandaged', 'other'] as const;
type MissingReason = (typeof MISSING_REASONS)[number];
const ACTIVE = new Set<CaptureView['state']>(['waiting_finger', 'transferring', 'scoring']);
const NOT_CONFIGURED = 'device.fingerprint.not_configured';

/** Keys typed into a field are text, not shortcuts. */
const typing = (e: KeyboardEvent): boolean => {
  const el = e.target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
};

export function FingerprintStep({ view }: { view: EnrolmentView }) {
  const { t } = useTranslation();
  const appointmentId = view.appointment.id;
  const [capture, setCapture] = useState<CaptureView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<'skip' | 'accept' | null>(null);
  const mainRef = useRef<HTMLButtonElement>(null);
  const captureRef = useRef(capture);
  captureRef.current = capture;

  useEffect(() => {
    let alive = true;
    // Opening the step starts (or resumes) the flowing capture; a station without a reader
    // says so, and "Start" stays for after the technician's fix.
    call('capture.start', { appointmentId, flow: true }).then((c) => { if (alive) { setCapture(c); setLoaded(true); } }, (err: unknown) => {
      if (!alive) return;
      call('capture.get', { appointmentId }).then((c) => { if (alive) { setCapture(c); setError(err); setLoaded(true); } }, () => {
        if (alive) { setError(err); setLoaded(true); }
      });
    });
    const off = on('capture.state', (c) => { if (c.appointmentId === appointmentId) setCapture(c); });
    return () => {
      alive = false;
      off();
      // Leaving the step stops the wait for a finger; what was captured stays.
      if (captureRef.current?.state === 'waiting_finger') void call('capture.action', { appointmentId, action: 'cancel' }).catch(() => undefined);
    };
  }, [appointmentId]);

  useEffect(() => { if (loaded && !dialog && !busy) mainRef.current?.focus(); }, [loaded, dialog, busy, capture?.state]);

  const run = useCallback(async (fn: () => Promise<CaptureView>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      setCapture(await fn());
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const start = (): Promise<boolean> => run(() => call('capture.start', { appointmentId, flow: true }));
  const act = (input: Omit<Action, 'appointmentId'>): Promise<boolean> => run(() => call('capture.action', { appointmentId, ...input }));

  const current: CaptureFinger | undefined = capture?.fingers.find((f) => f.finger === capture.current);
  const active = capture ? ACTIVE.has(capture.state) : false;
  const finished = capture ? capture.state === 'done' || capture.current === null : false;
  const canAccept = !!current && (current.status === 'needs_decision' || current.attemptsLeft === 0) && !active;
  const canRetry = !!capture && !!current && !active && !finished && current.attemptsLeft > 0;
  const canSkip = !!current && !finished && !active;

  const openDialog = (k: 'skip' | 'accept'): void => { setError(null); setDialog(k); };
  const key = (fn: () => void) => (e: KeyboardEvent) => { if (!typing(e)) fn(); };
  useHotkeys({
    R: key(() => { if (canRetry && !busy) void act({ action: 'retry' }); }),
    S: key(() => { if (canSkip) openDialog('skip'); }),
    A: key(() => { if (canAccept) openDialog('accept'); }),
  }, capture !== null && !dialog);
  // Esc stops waiting for the finger; it is claimed before the enrolment's "back".
  useHotkeys({ Escape: () => void act({ action: 'cancel' }) }, active && !dialog);

  const notConfigured = errorKey(error)?.key === NOT_CONFIGURED;

  return (
    <div className="step fingerprint-step">
      <h2>{t('capture.title')}</h2>
      {error !== null && (
        <Alert tone="problem" testId="capture-error">
          {enrolmentError(t, error)}
          {notConfigured && <p className="alert-hint" data-testid="capture-technician-hint">{t('capture.technicianHint')}</p>}
        </Alert>
      )}
      {!capture && loaded && (
        <div className="actions">
          <button ref={mainRef} type="button" className="btn btn-primary" disabled={busy} onClick={() => void start()} data-testid="capture-start">
            <span aria-hidden="true">☝ </span>{t('capture.start')} <Kbd keys="Enter" />
          </button>
        </div>
      )}
      {capture && (
        <div className="capture-layout" data-testid="capture" data-state={capture.state} data-current={capture.current ?? ''}>
          <div>
            <HandDiagram
              fingers={capture.fingers} current={capture.current}
              onSelect={active ? undefined : (finger: FingerName) => void act({ action: 'select', finger })}
            />
            <ul className="finger-list">
              {capture.fingers.map((f) => (
                <li key={f.finger} data-testid={`finger-row-${f.finger}`}>
                  <strong>{t(`enrolment.finger.${f.finger}`)}</strong>: {t(`capture.status.${f.status}`, { defaultValue: f.status })}
                  {f.score !== null && <> · {t('capture.scoreShort', { score: f.score })}</>}
                  {f.duplicateOf && <> · <span className="tone-problem">{t('capture.duplicateOf', { finger: lowerFirst(t(`enrolment.finger.${f.duplicateOf}`)) })}</span></>}
                </li>
              ))}
            </ul>
          </div>
          <div className="capture-live">
            {current && (
              <p className="lead" data-testid="capture-current">
                {t('capture.current', { finger: t(`enrolment.finger.${current.finger}`) })} · <span data-testid="capture-attempts">{t('capture.attemptsLeft', { n: current.attemptsLeft, max: capture.maxAttempts })}</span>
              </p>
            )}
            {finished && <Alert tone="ready" testId="capture-done">{t('capture.allDone')}</Alert>}
            {capture.state === 'waiting_finger' && capture.secondsLeft !== null && (
              <Alert tone="waiting" testId="capture-countdown">{t('capture.countdown', { seconds: capture.secondsLeft })}</Alert>
            )}
            {capture.state === 'transferring' && (
              <ProgressBar value={capture.progress ?? 0} label={t('capture.transferring')} testId="capture-progress" />
            )}
            {capture.state === 'scoring' && <p className="muted">{t('capture.scoring')}</p>}
            <div className="fp-image-box">
              {capture.image
                ? <img className="fp-image" alt={t('capture.imageAlt', { finger: lowerFirst(t(`enrolment.finger.${capture.image.finger}`)) })} src={`data:image/png;base64,${capture.image.pngBase64}`} data-testid="capture-image" />
                : <div className="fp-image blob-placeholder">{t('capture.noImage')}</div>}
            </div>
            {capture.image && <ScoreBar score={capture.image.score} threshold={capture.threshold} />}
            {capture.message && (
              <Alert tone={capture.state === 'error' ? 'problem' : 'info'} testId="capture-message">{keyedText(t, capture.message)}</Alert>
            )}
            <div className="actions">
              <button ref={mainRef} type="button" className="btn btn-primary" disabled={busy || !canRetry} onClick={() => void act({ action: 'retry' })} data-testid="capture-retry">
                {t(current && current.attempts > 0 ? 'capture.retry' : 'capture.capture')} <Kbd keys="R" />
              </button>
              <button type="button" className="btn" disabled={busy || !canSkip} onClick={() => openDialog('skip')} data-testid="capture-skip">
                {t('capture.skip')} <Kbd keys="S" />
              </button>
              <button type="button" className="btn btn-warning" disabled={busy || !canAccept} onClick={() => openDialog('accept')} data-testid="capture-accept">
                {t('capture.accept')} <Kbd keys="A" />
              </button>
              <button type="button" className="btn btn-quiet" disabled={busy || !active} onClick={() => void act({ action: 'cancel' })} data-testid="capture-cancel">
                {t('capture.cancel')} <Kbd keys="Esc" />
              </button>
            </div>
          </div>
        </div>
      )}
      {dialog && current && (
        <ReasonDialog
          appointmentId={appointmentId} kind={dialog} finger={current} score={current.score} error={error}
          onClose={() => setDialog(null)}
          onSubmit={async (reason, note) => {
            const ok = await act(dialog === 'skip'
              ? { action: 'skip', finger: current.finger, missingReason: reason, note }
              : { action: 'accept', finger: current.finger, note });
            if (ok) setDialog(null);
            return ok;
          }}
        />
      )}
    </div>
  );
}

interface ReasonProps {
  appointmentId: string;
  kind: 'skip' | 'accept';
  finger: CaptureFinger;
  score: number | null;
  error: unknown;
  onClose: () => void;
  onSubmit: (reason: MissingReason, note: string) => Promise<boolean>;
}

function ReasonDialog({ appointmentId, kind, finger, score, error, onClose, onSubmit }: ReasonProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<MissingReason | ''>('');
  // The note is typed text: a draft while typed (Esc closes the dialog; reopening brings it back).
  const noteDraft = useDraft(appointmentId, `capture.${kind}.${finger.finger}`);
  const note = noteDraft.text;
  const setNote = noteDraft.setText;
  const [problem, setProblem] = useState<{ reason?: string; note?: string }>({});
  const [busy, setBusy] = useState(false);
  const fingerName = lowerFirst(t(`enrolment.finger.${finger.finger}`));

  const submit = async (): Promise<void> => {
    const p: { reason?: string; note?: string } = {};
    if (kind === 'skip' && !reason) p.reason = t('capture.reasonRequired');
    if (note.trim().length < 3) p.note = t('capture.noteRequired');
    setProblem(p);
    if (p.reason || p.note) return;
    setBusy(true);
    if (await onSubmit((reason || 'other') as MissingReason, note.trim())) void noteDraft.clear();
    setBusy(false);
  };

  return (
    <Dialog title={t(kind === 'skip' ? 'capture.skipTitle' : 'capture.acceptTitle', { finger: fingerName })} onClose={onClose} testId={`capture-${kind}-dialog`}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <p>{t(kind === 'skip' ? 'capture.skipText' : 'capture.acceptText', { finger: fingerName, score: score ?? 0 })}</p>
        {error !== null && <Alert tone="problem" testId="capture-dialog-error">{enrolmentError(t, error)}</Alert>}
        {kind === 'skip' && (
          <fieldset className={`field choice${problem.reason ? ' field-invalid' : ''}`}>
            <legend>{t('capture.missingReason')}</legend>
            {MISSING_REASONS.map((r, i) => (
              <label key={r} className="choice-item">
                <input type="radio" name="missing-reason" value={r} checked={reason === r} autoFocus={i === 0}
                  onChange={() => setReason(r)} data-testid={`missing-reason-${r}`} />
                {t(`capture.reason.${r}`)}
              </label>
            ))}
            {problem.reason && <div className="field-error" role="alert"><span aria-hidden="true">⚠ </span>{problem.reason}</div>}
          </fieldset>
        )}
        <Field id="capture-note" label={t('capture.note')} error={problem.note} hint={t('capture.noteHint')}>
          <textarea id="capture-note" rows={2} maxLength={300} value={note} autoFocus={kind === 'accept'}
            onChange={(e) => setNote(e.target.value)} data-testid="capture-note"
            onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void submit(); } }} />
        </Field>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="capture-reason-submit">
            {t(kind === 'skip' ? 'capture.skipConfirm' : 'capture.acceptConfirm')} <Kbd keys="Enter" />
          </button>
          <button type="button" className="btn" onClick={onClose}>{t('action.cancel')} <Kbd keys="Esc" /></button>
        </div>
      </form>
    </Dialog>
  );
}
