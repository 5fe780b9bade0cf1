// Step 5, what is done and what is missing, and "Kirim untuk persetujuan" (Enter). The
// station has the last word: if it finds something missing, the refusal names it. The photo
// and the signature are shown beside, as the device steps moved on by themselves.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../electron/contract-types';
import { ApiError } from '../../api';
import { Alert } from '../../components/alert';
import { BlobImage } from '../../components/blob-image';
import { Kbd } from '../../components/kbd';
import { enrolmentError } from '../../lib/device-text';
import { call } from '../../lib/station';
import { flagText } from './flag-text';
import type { Service } from '../../../domain/catalog';
import { hasServiceStep } from '../../../domain/service-step';
import { formatRupiah } from './service-step';
import { STEP_LOOK, stepOfMissing, stepState, type StepId } from './steps';

interface Props {
  view: EnrolmentView;
  onView: (v: EnrolmentView) => void;
  onSubmitted: (v: EnrolmentView) => void;
  onGoTo: (step: StepId) => void;
}

export function SummaryStep({ view, onView, onSubmitted, onGoTo }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const missingList = (m: readonly string[]): string => m.map((x) => t([`enrolment.missing.${x}`, `enrolIdentity.missing.${x}`, `bap.missing.${x}`], { defaultValue: x })).join(', ');

  const submit = async (): Promise<void> => {
    setBusy(true);
    setRefusal(null);
    try {
      // A returned enrolment, corrected, goes back as a resubmission (no new receipt).
      const method = view.appointment.status === 'returned' ? 'enrolment.resubmit' : 'enrolment.submit';
      onSubmitted(await call(method, { appointmentId: view.appointment.id }));
    } catch (err) {
      const p = err instanceof ApiError ? err.error.params : undefined;
      if (err instanceof ApiError && err.error.code === 'conflict' && p?.reason === 'incomplete') {
        setRefusal(t('enrolment.summary.incomplete', { missing: missingList(String(p.missing ?? '').split(',').filter(Boolean)) }));
      } else {
        setRefusal(enrolmentError(t, err));
      }
      // The station's view may have moved on (another window): read it again.
      call('enrolment.get', { appointmentId: view.appointment.id }).then(onView, () => undefined);
    } finally {
      setBusy(false);
      submitRef.current?.focus();
    }
  };

  const fp = view.fingerprints;
  const items: { id: StepId; text: string }[] = [
    {
      id: 'mrz',
      text: view.mrz
        ? t(view.mrz.valid ? 'enrolment.summary.mrzRead' : 'enrolment.summary.mrzProblems', { number: view.mrz.documentNumber, n: view.mrz.disagreements.length })
        : t('enrolment.summary.mrzNone'),
    },
    { id: 'identity', text: t('enrolIdentity.summary.identity', { count: view.identity.corrections.length }) },
    {
      id: 'details',
      text: view.details.chosen
        ? t('enrolIdentity.summary.details', { type: t(`passportType.${view.details.chosen.passportType}`), years: view.details.validityYears, fee: `Rp ${view.details.fee.total.toLocaleString('id-ID')}`, purpose: t(`enrolIdentity.purpose.${view.details.chosen.travelPurpose}`) })
        : t('enrolIdentity.summary.detailsNone'),
    },
    { id: 'documents', text: t('enrolment.summary.documents', { n: view.documents.length }) },
    { id: 'photo', text: view.photo ? t('enrolment.summary.photo') : t('enrolment.summary.photoNone') },
    {
      id: 'fingerprints',
      text: fp.length
        ? t('enrolment.summary.fingerprints', {
          captured: fp.filter((f) => f.status === 'captured' || f.status === 'accepted_below_threshold').length,
          missing: fp.filter((f) => f.status === 'missing').length,
          pending: fp.filter((f) => f.status === 'pending').length,
        })
        : t('enrolment.summary.fingerprintsNone'),
    },
    { id: 'signature', text: t(view.signature ? 'bap.summary.signature' : 'bap.summary.signatureNone') },
  ];
  if (hasServiceStep(view.appointment.service as Service)) {
    items.splice(1, 0, { id: 'service', text: view.service.bap ? t('bap.summary.bap', { fine: formatRupiah(view.service.fine) }) : t('bap.summary.oldPassport') });
  }

  return (
    <div className="step summary-step">
      <h2>{t('enrolment.summary.title')}</h2>
      <div className="summary-layout">
      <ul className="summary-list" data-testid="summary-list">
        {items.map((it) => {
          const state = stepState(view, it.id);
          const look = STEP_LOOK[state];
          return (
            <li key={it.id} className="summary-item" data-testid={`summary-${it.id}`} data-state={state}>
              <span className={`badge tone-${look.tone}`}><span aria-hidden="true">{look.icon}</span> {t(`enrolment.stepState.${state}`)}</span>
              <strong>{t(`enrolment.step.${it.id}`)}</strong>
              <span>{it.text}</span>
              {state !== 'done' && <button type="button" className="btn btn-small" onClick={() => onGoTo(it.id)}>{t('enrolment.summary.goTo')}</button>}
            </li>
          );
        })}
      </ul>
      {/* What the devices took, to look at once before sending: the steps moved on by themselves. */}
      <aside className="summary-taken" data-testid="summary-taken">
        {view.photo && <BlobImage screen="enrolment.summary" blobId={view.photo.blobId} alt={t('enrolment.photo.saved')} className="summary-photo" testId="summary-photo-img" />}
        {view.signature && <BlobImage screen="enrolment.summary" blobId={view.signature.blobId} alt={t('bap.signature.keptAlt')} className="summary-signature" testId="summary-signature-img" />}
      </aside>
      </div>
      {view.flags.length > 0 && (
        <div className="questions" data-testid="summary-flags">
          <h3>{t('enrolIdentity.summary.flagsTitle')}</h3>
          <ul>{view.flags.map((f, k) => <li key={k} data-kind={f.kind}>{flagText(t, f)}</li>)}</ul>
        </div>
      )}
      {view.missing.length > 0
        ? <Alert tone="waiting" testId="summary-missing">{t('enrolment.summary.missing', { missing: missingList(view.missing) })}</Alert>
        : <Alert tone="ready" testId="summary-complete">{t('enrolment.summary.complete')}</Alert>}
      {view.missing.length > 0 && (
        <ul className="missing-list" data-testid="summary-missing-list">
          {view.missing.map((m) => <li key={m} data-missing={m}><button type="button" className="btn btn-quiet" onClick={() => onGoTo(stepOfMissing(m))}><span aria-hidden="true">◷ </span>{t([`enrolIdentity.todo.${m}`, `bap.missing.${m}`, `enrolment.missing.${m}`], { defaultValue: m })}</button></li>)}
        </ul>
      )}
      {refusal && <Alert tone="problem" testId="summary-refusal">{refusal}</Alert>}
      <div className="actions">
        <button ref={submitRef} type="button" className="btn btn-primary" autoFocus disabled={busy} onClick={() => void submit()} data-testid="enrolment-submit">
          <span aria-hidden="true">➤ </span>{t('enrolment.summary.submit')} <Kbd keys="Enter" />
        </button>
      </div>
    </div>
  );
}
