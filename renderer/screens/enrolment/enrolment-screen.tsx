// One applicant's enrolment at the counter, reached from the queue: the applicant in the
// header, the steps as tabs (Alt+1.., in order) with how far each has come, and the current step.
// Every step is saved by the station as it happens: there is no Save button, and leaving
// (Esc) loses nothing; it tells the station the fingerprint capture may leave memory. Typed
// text not yet confirmed is a draft (use-draft.ts): leaving with some asks first.
//
// The flow is Enter: when the step on screen becomes complete, focus goes to "Next" (its
// footer), so Enter goes on; PageDown / PageUp move between steps from anywhere.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../electron/contract-types';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { typedTextHeld } from '../../lib/use-draft';
import { Kbd } from '../../components/kbd';
import { StatusBadge } from '../../components/status-badge';
import { enrolmentError } from '../../lib/device-text';
import { call, on } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';
import { DetailsStep } from './details-step';
import { DocumentsStep } from './documents-step';
import { FingerprintStep } from './fingerprint-step';
import { IdentityStep } from './identity-step';
import { MrzStep } from './mrz-step';
import { PhotoStep } from './photo-step';
import { SignatureStep } from './signature-step';
import { ServiceStep } from './service-step';
import { STEP_LOOK, STEPS, stepState, visibleSteps, type StepId } from './steps';
import { SummaryStep } from './summary-step';
import { ReturnedBanner } from './returned-banner';
import { useStepTimer } from '../../lib/use-step-timer';

interface Props {
  appointmentId: string;
  /** Where a reload left the officer (route.ts); the first step otherwise. */
  initialStep?: string | null;
  /** Told of every step change, so a reload comes back to it. */
  onStep?: (step: StepId) => void;
  onBack: () => void;
  onSubmitted: (view: EnrolmentView) => void;
}

/** Steps a device completes: once complete, the enrolment moves on by itself. */
const AUTO_ADVANCE: ReadonlySet<StepId> = new Set(['mrz', 'documents', 'photo', 'fingerprints', 'signature']);

const isStep = (s: unknown): s is StepId => typeof s === 'string' && (STEPS as readonly string[]).includes(s);

export function EnrolmentScreen({ appointmentId, initialStep, onStep, onBack, onSubmitted }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<EnrolmentView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [step, setStepState] = useState<StepId>(isStep(initialStep) ? initialStep : STEPS[0]);
  const [asking, setAsking] = useState(false);
  const nextRef = useRef<HTMLButtonElement>(null);
  const onStepRef = useRef(onStep);
  onStepRef.current = onStep;
  const stepNow = useRef(step);
  const setStep = useCallback((s: StepId) => { stepNow.current = s; setStepState(s); onStepRef.current?.(s); }, []);
  // A step's save goes on to the next step when the station answers; an officer who has moved
  // to another step meanwhile (Enter, then Alt+5 at once) stays where they went.
  const advance = useCallback((from: StepId, to: StepId) => () => { if (stepNow.current === from) setStep(to); }, [setStep]);
  const [readerError, setReaderError] = useState<unknown>(null);
  const alive = useRef(true);
  useStepTimer(appointmentId, step);

  useEffect(() => {
    alive.current = true;
    call('enrolment.open', { appointmentId }).then((v) => { if (alive.current) setView(v); }, (err: unknown) => { if (alive.current) setFailure(err); });
    return () => { alive.current = false; };
  }, [appointmentId]);

  // Another window (or the capture service) changed this enrolment: read it again.
  useEffect(() => on('enrolment.changed', (p) => {
    if (p.appointmentId !== appointmentId) return;
    call('enrolment.get', { appointmentId }).then((v) => { if (alive.current) setView(v); }, () => undefined);
  }), [appointmentId]);

  // A passport passed through the MRZ reader belongs to the applicant on screen.
  useEffect(() => on('mrz.read', (ev) => {
    setStep('mrz');
    setReaderError(null);
    call('enrolment.attachMrz', { appointmentId, lines: ev.lines, source: 'reader' })
      .then((v) => { if (alive.current) setView(v); }, (err: unknown) => { if (alive.current) setReaderError(err); });
  }), [appointmentId]);

  // Leaving the enrolment (Esc, Back) lets the station drop the capture held in memory; a
  // reload or a lost connection never gets here, and the capture carries on after them.
  const leaveNow = useCallback(() => {
    setAsking(false);
    void call('capture.close', { appointmentId }).catch(() => undefined);
    onBack();
  }, [appointmentId, onBack]);
  // Typed text not yet confirmed is kept as a draft either way; still, Esc in a text field
  // is easily a slip, so leaving with some asks first.
  const leave = useCallback(() => { if (typedTextHeld()) setAsking(true); else leaveNow(); }, [leaveNow]);

  // Alt+1… follow the steps this applicant has (the service step only for some services);
  // PageDown and PageUp move along them.
  const shown = useMemo(() => (view ? visibleSteps(view) : []), [view]);
  const at = shown.indexOf(step);
  const go = useCallback((delta: number) => {
    if (shown.length === 0) return;
    const i = Math.min(shown.length - 1, Math.max(0, shown.indexOf(step) + delta));
    setStep(shown[i]!);
  }, [shown, step, setStep]);
  const stepKeys = useMemo(() => Object.fromEntries(shown.map((s, i) => [`Alt+${i + 1}`, () => setStep(s)])), [shown, setStep]);
  useHotkeys({ ...stepKeys, PageDown: () => go(1), PageUp: () => go(-1) });
  // On the window, after the screen's own keys: a step may claim Esc first (cancel a capture).
  useHotkeys({ Escape: leave }, !asking, 'global');

  // The step on screen just became complete: focus "Next", so Enter goes on. Not while the
  // officer types (a reader's read arriving mid-typing must not steal the keys). A device
  // step (a valid MRZ read, the checklist's last page, a photo that passed, the last finger,
  // the signature) that completes while the officer is on it goes on by itself: nothing is
  // left to decide there, and the summary shows what was taken.
  const state = view ? stepState(view, step) : null;
  const doneBefore = useRef<{ step: StepId; done: boolean } | null>(null);
  useEffect(() => {
    if (!state) return;
    const done = state === 'done';
    const prev = doneBefore.current;
    doneBefore.current = { step, done };
    const turnedDone = done && (!prev || prev.step !== step || !prev.done);
    if (!turnedDone) return;
    const el = document.activeElement;
    // An empty field that merely had the focus is not typing.
    const typing = (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== 'radio' && el.type !== 'checkbox')) && el.value.length > 0;
    const openingDone = !prev || prev.step !== step;
    if (!typing && !openingDone && AUTO_ADVANCE.has(step)) { go(1); return; }
    if (!typing || openingDone) nextRef.current?.focus();
  }, [state, step, go]);

  const update = useCallback((v: EnrolmentView) => setView(v), []);

  if (!view) {
    return (
      <section className="enrolment" data-testid="enrolment">
        {failure !== null
          ? <Alert tone="problem" testId="enrolment-error">{enrolmentError(t, failure)}</Alert>
          : <p className="lead">{t('enrolment.loading')}</p>}
        <button type="button" className="btn" onClick={onBack} data-testid="enrolment-back" autoFocus>
          <span aria-hidden="true">← </span>{t('enrolment.back')} <Kbd keys="Esc" />
        </button>
      </section>
    );
  }

  const a = view.appointment;
  const saved = new Date(view.updatedAt);
  return (
    <section className="enrolment" data-testid="enrolment" data-appointment-id={a.id}>
      <header className="enrolment-head">
        <button type="button" className="btn enrolment-back" onClick={leave} data-testid="enrolment-back" title={t('enrolment.back')}>
          <span aria-hidden="true">← </span><span className="back-word">{t('enrolment.back')}</span> <Kbd keys="Esc" />
        </button>
        <div className="enrolment-who" data-testid="enrolment-applicant">
          <div className="enrolment-name">
            <h1>{a.fullName}</h1>
            <p className="autosave muted" data-testid="enrolment-autosave">
              <span aria-hidden="true">✔ </span>{t('enrolment.autosave', { time: saved.toLocaleTimeString() })}
            </p>
          </div>
          <dl className="facts">
            <div><dt>{t('field.bookingCode')}</dt><dd className="mono">{a.bookingCode}</dd></div>
            <div><dt>{t('field.nik')}</dt><dd className="mono">{a.nik}</dd></div>
            <div><dt>{t('field.birthDate')}</dt><dd>{a.birthDate}</dd></div>
            <div><dt>{t('field.service')}</dt><dd>{t(`service.${a.service}`, { defaultValue: a.service })}</dd></div>
            <div><dt>{t('field.passportType')}</dt><dd>{t(`passportType.${a.passportType}`)}</dd></div>
            <div><dt>{t('field.status')}</dt><dd><StatusBadge status={a.status} /></dd></div>
          </dl>
        </div>
      </header>
      <ReturnedBanner view={view} />
      <nav className="step-tabs" role="tablist" aria-label={t('enrolment.steps')}>
        {shown.map((s, i) => {
          const state = stepState(view, s);
          const look = STEP_LOOK[state];
          return (
            <button
              key={s} type="button" role="tab" aria-selected={s === step}
              className={`step-tab${s === step ? ' step-tab-current' : ''}`}
              onClick={() => setStep(s)} data-testid={`step-${s}`} data-state={state} data-key={`Alt+${i + 1}`}
              title={`${t(`enrolment.step.${s}`)} · Alt+${i + 1}`} aria-keyshortcuts={`Alt+${i + 1}`}
            >
              <span className="step-num">{i + 1}</span>
              <span className="step-name">{t(`enrolment.step.${s}`)}</span>
              <span className={`badge tone-${look.tone}`}><span aria-hidden="true">{look.icon}</span> <span className="step-state-word">{t(`enrolment.stepState.${state}`)}</span></span>
              <Kbd keys={`Alt+${i + 1}`} />
            </button>
          );
        })}
      </nav>
      <div className="step-body" role="tabpanel" data-testid={`step-body-${step}`} data-state={state ?? ''}>
        {step === 'mrz' && <MrzStep view={view} onView={update} readerError={readerError} onNext={advance('mrz', 'identity')} />}
        {step === 'identity' && <IdentityStep view={view} onView={update} onNext={advance('identity', 'details')} />}
        {step === 'details' && <DetailsStep view={view} onView={update} onNext={advance('details', shown.includes('service') ? 'service' : 'documents')} />}
        {step === 'documents' && <DocumentsStep view={view} onView={update} />}
        {step === 'photo' && <PhotoStep view={view} onView={update} />}
        {step === 'fingerprints' && <FingerprintStep view={view} />}
        {step === 'service' && <ServiceStep view={view} onView={update} onGoTo={setStep} />}
        {step === 'signature' && <SignatureStep view={view} onView={update} />}
        {step === 'summary' && <SummaryStep view={view} onView={update} onSubmitted={onSubmitted} onGoTo={setStep} />}
      </div>
      {at >= 0 && at < shown.length - 1 && (
        <footer className="step-foot">
          <button ref={nextRef} type="button" className={`btn${state === 'done' ? ' btn-primary' : ''}`} onClick={() => go(1)} data-testid="step-next">
            {t('enrolmentFlow.next', { step: t(`enrolment.step.${shown[at + 1]!}`) })} <Kbd keys={state === 'done' ? 'Enter' : 'PageDown'} />
          </button>
        </footer>
      )}
      {asking && (
        <ConfirmDialog
          title={t('enrolmentFlow.leaveTitle')} confirmLabel={t('enrolmentFlow.leaveConfirm')}
          onConfirm={leaveNow} onClose={() => setAsking(false)} testId="enrolment-leave-confirm"
        >
          <p>{t('enrolmentFlow.leaveText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
