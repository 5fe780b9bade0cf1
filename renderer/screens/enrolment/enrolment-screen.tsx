// One applicant's enrolment at the counter, reached from the queue: the applicant in the
// header, the five steps as tabs (Alt+1..5) with how far each has come, and the current step.
// Every step is saved by the station as it happens: there is no Save button, and leaving
// (Esc) loses nothing; it tells the station the fingerprint capture may leave memory.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../electron/contract-types';
import { Alert } from '../../components/alert';
import { Kbd } from '../../components/kbd';
import { StatusBadge } from '../../components/status-badge';
import { enrolmentError } from '../../lib/device-text';
import { call, on } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';
import { DocumentsStep } from './documents-step';
import { FingerprintStep } from './fingerprint-step';
import { MrzStep } from './mrz-step';
import { PhotoStep } from './photo-step';
import { STEP_LOOK, STEPS, stepState, type StepId } from './steps';
import { SummaryStep } from './summary-step';
import { ReturnedBanner } from './returned-banner';
import { useStepTimer } from '../../lib/use-step-timer';

interface Props {
  appointmentId: string;
  onBack: () => void;
  onSubmitted: (view: EnrolmentView) => void;
}

export function EnrolmentScreen({ appointmentId, onBack, onSubmitted }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<EnrolmentView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [step, setStep] = useState<StepId>('mrz');
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
  const leave = useCallback(() => {
    void call('capture.close', { appointmentId }).catch(() => undefined);
    onBack();
  }, [appointmentId, onBack]);

  useHotkeys({
    'Alt+1': () => setStep('mrz'),
    'Alt+2': () => setStep('documents'),
    'Alt+3': () => setStep('photo'),
    'Alt+4': () => setStep('fingerprints'),
    'Alt+5': () => setStep('summary'),
  });
  // On the window, after the screen's own keys: a step may claim Esc first (cancel a capture).
  useHotkeys({ Escape: leave }, true, 'global');

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
        <button type="button" className="btn" onClick={leave} data-testid="enrolment-back">
          <span aria-hidden="true">← </span>{t('enrolment.back')} <Kbd keys="Esc" />
        </button>
        <div className="enrolment-who" data-testid="enrolment-applicant">
          <h1>{a.fullName}</h1>
          <dl className="facts">
            <div><dt>{t('field.bookingCode')}</dt><dd className="mono">{a.bookingCode}</dd></div>
            <div><dt>{t('field.nik')}</dt><dd className="mono">{a.nik}</dd></div>
            <div><dt>{t('field.birthDate')}</dt><dd>{a.birthDate}</dd></div>
            <div><dt>{t('field.service')}</dt><dd>{t(`service.${a.service}`, { defaultValue: a.service })}</dd></div>
            <div><dt>{t('field.passportType')}</dt><dd>{t(`passportType.${a.passportType}`)}</dd></div>
            <div><dt>{t('field.status')}</dt><dd><StatusBadge status={a.status} /></dd></div>
          </dl>
        </div>
        <p className="autosave muted" data-testid="enrolment-autosave">
          <span aria-hidden="true">✔ </span>{t('enrolment.autosave', { time: saved.toLocaleTimeString() })}
        </p>
      </header>
      <ReturnedBanner view={view} />
      <nav className="step-tabs" role="tablist" aria-label={t('enrolment.steps')}>
        {STEPS.map((s, i) => {
          const state = stepState(view, s);
          const look = STEP_LOOK[state];
          return (
            <button
              key={s} type="button" role="tab" aria-selected={s === step}
              className={`step-tab${s === step ? ' step-tab-current' : ''}`}
              onClick={() => setStep(s)} data-testid={`step-${s}`} data-state={state}
            >
              <span className="step-num">{i + 1}</span>
              <span className="step-name">{t(`enrolment.step.${s}`)}</span>
              <span className={`badge tone-${look.tone}`}><span aria-hidden="true">{look.icon}</span> {t(`enrolment.stepState.${state}`)}</span>
              <Kbd keys={`Alt+${i + 1}`} />
            </button>
          );
        })}
      </nav>
      <div className="step-body" role="tabpanel" data-testid={`step-body-${step}`}>
        {step === 'mrz' && <MrzStep view={view} onView={update} readerError={readerError} onNext={() => setStep('documents')} />}
        {step === 'documents' && <DocumentsStep view={view} onView={update} />}
        {step === 'photo' && <PhotoStep view={view} onView={update} />}
        {step === 'fingerprints' && <FingerprintStep view={view} />}
        {step === 'summary' && <SummaryStep view={view} onView={update} onSubmitted={onSubmitted} onGoTo={setStep} />}
      </div>
    </section>
  );
}
