// The print operator's handover ("ambil paspor tanpa beranjak"): the receipt's code is
// scanned (the handheld scanner's barcode.scanned, a keyboard-wedge scanner into the code
// box, or typed), the applicant's photo and data appear and the reader waits for one finger
// at once; a match puts focus on "Hand over" (Enter). Where the finger cannot be checked
// here (a reader of another family, no templates) the screen says so and offers the
// supervisor's override; a representative or a dispatch by post are one Alt key away.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverView, IssueResult } from '../../../electron/handover-types';
import { Alert } from '../../components/alert';
import { BlobImage } from '../../components/blob-image';
import { Kbd } from '../../components/kbd';
import { useSession } from '../../lib/session';
import { call, on } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';
import { handoverError } from './handover-text';
import { ApplicantPanel, type FingerState } from './applicant-panel';
import { RepresentativeForm } from './representative-form';
import { PostForm } from './post-form';
import { ManifestBar } from './manifest-bar';

type Mode = 'applicant' | 'representative' | 'post';

export function HandoverScreen() {
  const { t } = useTranslation();
  const { session, today } = useSession();
  const active = session.state === 'active';
  const [code, setCode] = useState('');
  const [view, setView] = useState<HandoverView | null>(null);
  const [mode, setMode] = useState<Mode>('applicant');
  const [finger, setFinger] = useState<FingerState>({ state: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ text: string; receipt: string; printed: boolean } | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  const verify = useCallback(async (v: HandoverView) => {
    const mine = seq.current;
    setFinger({ state: 'waiting' });
    try {
      const r = await call('issuance.verifyFinger', { appointmentId: v.appointment.id });
      if (mine !== seq.current) return;
      setView(r.view);
      setFinger(r.matched ? { state: 'matched', finger: r.finger ?? '' } : { state: 'no_match' });
    } catch (err) {
      if (mine === seq.current) setFinger({ state: 'error', message: handoverError(t, err) });
    }
  }, [t]);

  const identify = useCallback(async (raw: string) => {
    const c = raw.trim().toUpperCase();
    if (c.length < 4) return;
    const mine = ++seq.current;
    setProblem(null);
    setDone(null);
    setFinger({ state: 'idle' });
    setMode('applicant');
    setCode(c);
    try {
      const v = await call('issuance.identify', { code: c });
      if (mine !== seq.current) return;
      setView(v);
      // The reader waits for the finger at once: no key between the scan and the finger.
      if (v.blockers.length === 0 && v.canCompare) void verify(v);
    } catch (err) {
      if (mine !== seq.current) return;
      setView(null);
      setProblem(handoverError(t, err));
      codeRef.current?.select();
    }
  }, [t, verify]);

  const identifyRef = useRef(identify);
  identifyRef.current = identify;
  useEffect(() => {
    if (!active) return;
    return on('barcode.scanned', (ev) => { void identifyRef.current(ev.code); });
  }, [active]);

  const finished = (r: IssueResult, text: string) => {
    ++seq.current;
    const reason = r.receipt.message ? t(r.receipt.message.key, { ...r.receipt.message.params, defaultValue: t('receipts.failed') }) : '';
    setDone({ text, printed: r.receipt.printed, receipt: r.receipt.printed ? t('handover.receiptPrinted') : [t('handover.receiptNotPrinted'), reason].join(' ') });
    setView(null);
    setCode('');
    setFinger({ state: 'idle' });
    codeRef.current?.focus();
  };

  const clear = () => {
    ++seq.current;
    setView(null);
    setCode('');
    setProblem(null);
    setFinger({ state: 'idle' });
    codeRef.current?.focus();
  };

  const ready = view !== null && view.blockers.length === 0;
  useHotkeys({
    'Alt+1': () => ready && setMode('applicant'),
    'Alt+2': () => ready && setMode('representative'),
    'Alt+3': () => ready && setMode('post'),
    Escape: clear,
  }, active);

  const a = view?.appointment;
  return (
    <section className="handover" data-testid="handover-screen">
      <div className="heading-row">
        <h1>{t('handover.title')}</h1>
        <form className="handover-scan" onSubmit={(e) => { e.preventDefault(); void identify(code); }}>
          <label htmlFor="handover-code">{t('handover.code')}</label>
          <input
            id="handover-code" ref={codeRef} className="mono" autoFocus value={code} maxLength={32} autoComplete="off"
            onChange={(e) => setCode(e.target.value)} placeholder={t('handover.codeHint')} data-testid="handover-code"
          />
          <button type="submit" className="btn">{t('handover.find')} <Kbd keys="Enter" /></button>
        </form>
      </div>
      {problem && <Alert tone="problem" testId="handover-problem">{problem}</Alert>}
      {done && (
        <div data-testid="handover-done">
          <Alert tone="ready">{done.text}</Alert>
          <Alert tone={done.printed ? 'ready' : 'problem'} testId="handover-receipt">{done.receipt}</Alert>
        </div>
      )}
      {!view && !problem && !done && <p className="muted" data-testid="handover-idle">{t('handover.idle')}</p>}
      {view && a && (
        <div className="handover-body" data-testid="handover-view" data-status={a.status}>
          <div className="handover-who">
            {view.photoBlobId
              ? <BlobImage blobId={view.photoBlobId} screen="issuance" alt={t('handover.photo', { name: a.fullName })} className="handover-photo" testId="handover-photo" />
              : <div className="handover-photo blob-placeholder">{t('handover.noPhoto')}</div>}
            <dl className="facts handover-facts">
              <div><dt>{t('field.fullName')}</dt><dd data-testid="handover-name">{a.fullName}</dd></div>
              <div><dt>{t('field.birthDate')}</dt><dd>{a.birthPlace}, {a.birthDate}</dd></div>
              <div><dt>{t('handover.codeShort')}</dt><dd className="mono">{a.bookingCode}</dd></div>
              <div><dt>{t('field.passportType')}</dt><dd>{t(`passportType.${a.passportType}`)}</dd></div>
              <div><dt>{t('handover.statusLabel')}</dt><dd data-testid="handover-status">{t(`status.${a.status}`)}</dd></div>
            </dl>
          </div>
          <div className="handover-act">
            {view.blockers.length > 0 && (
              <Alert tone="problem" testId="handover-blocked">{view.blockers.map((b) => t(`handover.reason.${b}`)).join(' ')}</Alert>
            )}
            {ready && (
              <>
                <div className="chips" role="tablist" aria-label={t('handover.modes')}>
                  {(['applicant', 'representative', 'post'] as const).map((m, i) => (
                    <button key={m} type="button" role="tab" aria-selected={mode === m} className={`chip${mode === m ? ' chip-on' : ''}`}
                      onClick={() => setMode(m)} data-testid={`handover-mode-${m}`}>
                      {t(`handover.mode.${m}`)} <Kbd keys={`Alt+${i + 1}`} />
                    </button>
                  ))}
                </div>
                {mode === 'applicant' && <ApplicantPanel view={view} finger={finger} onRetry={() => void verify(view)} onDone={finished} />}
                {mode === 'representative' && <RepresentativeForm view={view} onDone={finished} />}
                {mode === 'post' && <PostForm view={view} today={today} onDone={finished} />}
              </>
            )}
          </div>
        </div>
      )}
      <ManifestBar today={today} />
    </section>
  );
}
