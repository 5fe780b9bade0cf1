// The applicant collects in person: one finger on the reader (started by the scan), and on a
// match the "Hand over" button takes the focus, so Enter finishes. Where the finger cannot be
// checked here, or does not match, the supervisor types their NIP and password at this PC
// with a reason (Alt+S); the station verifies them, never this screen.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverView, IssueResult } from '../../../electron/handover-types';
import { Alert } from '../../components/alert';
import { Field } from '../../components/field';
import { Kbd } from '../../components/kbd';
import { call } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';
import { handoverError } from './handover-text';

export type FingerState =
  | { state: 'idle' } | { state: 'waiting' } | { state: 'matched'; finger: string } | { state: 'no_match' } | { state: 'error'; message: string };

interface Props {
  view: HandoverView;
  finger: FingerState;
  onRetry: () => void;
  onDone: (r: IssueResult, text: string) => void;
}

export function ApplicantPanel({ view, finger, onRetry, onDone }: Props) {
  const { t } = useTranslation();
  const [override, setOverride] = useState(!view.canCompare);
  const [nip, setNip] = useState('');
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const giveRef = useRef<HTMLButtonElement>(null);
  const nipRef = useRef<HTMLInputElement>(null);
  const matched = finger.state === 'matched';

  useEffect(() => { if (matched) giveRef.current?.focus(); }, [matched]);
  useEffect(() => { if (override) nipRef.current?.focus(); }, [override]);

  const give = (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || (!matched && !override)) return;
    setBusy(true);
    setProblem(null);
    call('issuance.issue', {
      appointmentId: view.appointment.id, collector: { kind: 'applicant' },
      ...(!matched && override ? { override: { nip: nip.trim(), password, reason: reason.trim() } } : {}),
    }).then((r) => onDone(r, t('handover.handedOver', { name: view.appointment.fullName })), (err: unknown) => {
      setProblem(handoverError(t, err));
      setPassword('');
    }).finally(() => setBusy(false));
  };

  useHotkeys({ 'Alt+F': () => finger.state !== 'waiting' && view.canCompare && onRetry(), 'Alt+S': () => setOverride(true) });

  const readerSentence = !view.reader
    ? t('handover.noReader')
    : !view.canCompare
      ? (view.enrolledFingers.length === 0 ? t('handover.reason.no_templates') : t('handover.otherFamily', { enrolled: [...new Set(view.enrolledFingers.map((f) => f.format))].join(', '), reader: view.reader.format }))
      : null;

  return (
    <div className="handover-applicant" data-testid="handover-applicant">
      {readerSentence && <Alert tone="problem" testId="handover-reader-problem">{readerSentence}</Alert>}
      {view.canCompare && (
        <div data-testid="handover-finger" data-state={finger.state}>
          {finger.state === 'waiting' && <Alert tone="waiting">{t('handover.placeFinger')}</Alert>}
          {finger.state === 'matched' && <Alert tone="ready">{t('handover.matched', { finger: t(`enrolment.finger.${finger.finger}`, { defaultValue: finger.finger }) })}</Alert>}
          {finger.state === 'no_match' && <Alert tone="problem">{t('handover.noMatch')}</Alert>}
          {finger.state === 'error' && <Alert tone="problem">{finger.message}</Alert>}
          {(finger.state === 'no_match' || finger.state === 'error') && (
            <button type="button" className="btn" onClick={onRetry} data-testid="handover-retry">{t('handover.retry')} <Kbd keys="Alt+F" /></button>
          )}
        </div>
      )}
      {!matched && !override && (
        <button type="button" className="btn btn-quiet" onClick={() => setOverride(true)} data-testid="handover-override-open">{t('handover.override')} <Kbd keys="Alt+S" /></button>
      )}
      <form onSubmit={give} className="form-grid" data-testid="handover-applicant-form">
        {!matched && override && (
          <fieldset className="handover-override" data-testid="handover-override">
            <legend>{t('handover.overrideTitle')}</legend>
            <Field id="override-nip" label={t('handover.supervisorNip')}>
              <input id="override-nip" ref={nipRef} value={nip} inputMode="numeric" maxLength={18} autoComplete="off" onChange={(e) => setNip(e.target.value)} data-testid="override-nip" />
            </Field>
            <Field id="override-password" label={t('handover.supervisorPassword')}>
              <input id="override-password" type="password" value={password} autoComplete="off" onChange={(e) => setPassword(e.target.value)} data-testid="override-password" />
            </Field>
            <Field id="override-reason" label={t('handover.overrideReason')}>
              <input id="override-reason" value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} data-testid="override-reason" />
            </Field>
          </fieldset>
        )}
        {problem && <Alert tone="problem" testId="handover-issue-problem">{problem}</Alert>}
        <button type="submit" ref={giveRef} className="btn btn-primary" disabled={busy || (!matched && !override)} data-testid="handover-give">
          {busy ? t('handover.working') : t('handover.give')} <Kbd keys="Enter" />
        </button>
      </form>
    </div>
  );
}
