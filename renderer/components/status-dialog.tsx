// The row action: move an applicant to one of the sensible next statuses. Cancelling takes
// the applicant out of the day's queue, so it asks once more and names who is affected.
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentRow } from '../../electron/contract-types';
import type { Role } from '../../electron/contract';
import { errorMessage } from '../i18n/errors';
import { nextSteps, STATUS_LOOK, type StatusStep } from '../lib/statuses';
import { call } from '../lib/station';
import { Alert } from './alert';
import { Dialog } from './dialog';
import { Field } from './field';
import { Kbd } from './kbd';
import { StatusBadge } from './status-badge';

/** Some steps read differently depending on where they start ("undo the check-in"). */
function actionKey(from: string, to: string): string {
  const specific = `statusDialog.action.${from}_${to}`;
  return i18next.exists(specific) ? specific : `statusDialog.action.${to}`;
}

interface Props {
  row: AppointmentRow;
  roles: readonly Role[];
  onClose: () => void;
  onChanged: (row: AppointmentRow) => void;
}

export function StatusDialog({ row, roles, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const steps = nextSteps(row.status, roles);
  const [confirming, setConfirming] = useState<StatusStep | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (step: StatusStep): Promise<void> => {
    if ((step.needsConfirm || step.reason) && confirming?.to !== step.to) {
      setConfirming(step);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const trimmed = reason.trim();
      onChanged(await call('queue.setStatus', { id: row.id, status: step.to, ...(trimmed ? { reason: trimmed } : {}) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('statusDialog.title')} onClose={onClose} testId="status-dialog">
      <p className="lead">
        <strong>{row.fullName}</strong> · <span className="mono">{row.bookingCode}</span>
      </p>
      <p>{t('statusDialog.current')} <StatusBadge status={row.status} /></p>
      {error !== null && <Alert tone="problem" testId="status-error">{errorMessage(t, error)}</Alert>}
      {confirming ? (
        <form onSubmit={(e) => { e.preventDefault(); void apply(confirming); }}>
          <Alert tone={confirming.to === 'cancelled' ? 'problem' : 'info'}>
            {t(`statusDialog.confirm.${confirming.to}`, { name: row.fullName, code: row.bookingCode })}
          </Alert>
          <Field id="status-reason" label={t('field.reason')}>
            <textarea id="status-reason" data-testid="status-reason" autoFocus rows={2} maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="actions">
            <button type="submit" className={`btn ${confirming.to === 'cancelled' ? 'btn-danger' : 'btn-primary'}`} disabled={busy} data-testid="status-confirm">
              {t(`statusDialog.confirmButton.${confirming.to}`)} <Kbd keys="Enter" />
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(null)}>{t('action.back')} <Kbd keys="Esc" /></button>
          </div>
        </form>
      ) : (
        <>
          {steps.length === 0 && <p data-testid="status-no-steps">{t('statusDialog.noSteps')}</p>}
          <div className="actions actions-column">
            {steps.map((s, i) => (
              <button
                key={s.to} type="button" autoFocus={i === 0} disabled={busy}
                className={`btn ${s.to === 'cancelled' ? 'btn-danger-quiet' : i === 0 ? 'btn-primary' : ''}`}
                onClick={() => void apply(s)} data-testid={`status-step-${s.to}`}
              >
                <span aria-hidden="true">{STATUS_LOOK[s.to].icon} </span>{t(actionKey(row.status, s.to))}
                {i === 0 && <> <Kbd keys="Enter" /></>}
              </button>
            ))}
            <button type="button" className="btn btn-quiet" onClick={onClose} autoFocus={steps.length === 0}>
              {t('action.close')} <Kbd keys="Esc" />
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
