// The row action: the workflow steps this officer may take for the applicant from the queue
// (exactly those the station accepts, domain/workflow.ts), and the application's history.
// A step that needs a reason asks for it (Enter sends, Shift+Enter adds a line); cancelling
// says what it takes away before it is done.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentRow, ApplicationStep } from '../../electron/contract-types';
import type { Role } from '../../domain/catalog';
import { WORKFLOW, type WorkflowActionName } from '../../domain/workflow';
import { errorMessage } from '../i18n/errors';
import { queueActions, STATUS_LOOK } from '../lib/statuses';
import { call } from '../lib/station';
import { Alert } from './alert';
import { Dialog } from './dialog';
import { Field } from './field';
import { Kbd } from './kbd';
import { StatusBadge } from './status-badge';

type QueueAction = 'checkIn' | 'undoCheckIn' | 'cancel' | 'reopen';

/** Each queue action is its own contract method. */
function takeAction(action: QueueAction, row: AppointmentRow, reason: string): Promise<AppointmentRow> {
  switch (action) {
    case 'checkIn': return call('application.checkIn', { id: row.id });
    case 'undoCheckIn': return call('application.undoCheckIn', { id: row.id });
    case 'cancel': return call('application.cancel', { id: row.id, reason });
    case 'reopen': return call('application.reopen', { id: row.id, reason });
  }
}

interface Props {
  row: AppointmentRow;
  roles: readonly Role[];
  onClose: () => void;
  onChanged: (row: AppointmentRow) => void;
}

export function StatusDialog({ row, roles, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const actions = queueActions(row.status, roles) as QueueAction[];
  const [confirming, setConfirming] = useState<QueueAction | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<ApplicationStep[]>([]);

  useEffect(() => {
    let live = true;
    call('application.history', { id: row.id }).then((h) => { if (live) setHistory(h); }, () => undefined);
    return () => { live = false; };
  }, [row.id]);

  const needsAsking = (a: WorkflowActionName): boolean => WORKFLOW[a].reason || a === 'cancel';

  const apply = async (action: QueueAction): Promise<void> => {
    if (needsAsking(action) && confirming !== action) {
      setConfirming(action);
      return;
    }
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(await takeAction(action, row, reason.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // Enter sends the reason; Shift+Enter starts a new line in it.
  const onReasonKey = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && !e.shiftKey && confirming) { e.preventDefault(); void apply(confirming); }
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
          <Alert tone={confirming === 'cancel' ? 'problem' : 'info'}>
            {t(`statusDialog.confirm.${confirming}`, { name: row.fullName, code: row.bookingCode })}
          </Alert>
          {WORKFLOW[confirming].reason && (
            <Field id="status-reason" label={t('field.reason')} hint={t('statusDialog.reasonHint')}>
              <textarea
                id="status-reason" data-testid="status-reason" autoFocus rows={2} maxLength={300} required minLength={3}
                value={reason} onChange={(e) => setReason(e.target.value)} onKeyDown={onReasonKey}
              />
            </Field>
          )}
          <div className="actions">
            <button
              type="submit" className={`btn ${confirming === 'cancel' ? 'btn-danger' : 'btn-primary'}`} data-testid="status-confirm"
              disabled={busy || (WORKFLOW[confirming].reason && reason.trim().length < 3)} autoFocus={!WORKFLOW[confirming].reason}
            >
              {t(`statusDialog.confirmButton.${confirming}`)} <Kbd keys="Enter" />
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(null)}>{t('action.back')} <Kbd keys="Esc" /></button>
          </div>
        </form>
      ) : (
        <>
          {actions.length === 0 && <p data-testid="status-no-steps">{t('statusDialog.noSteps')}</p>}
          <div className="actions actions-column">
            {actions.map((a, i) => (
              <button
                key={a} type="button" autoFocus={i === 0} disabled={busy}
                className={`btn ${a === 'cancel' ? 'btn-danger-quiet' : i === 0 ? 'btn-primary' : ''}`}
                onClick={() => void apply(a)} data-testid={`status-action-${a}`}
              >
                <span aria-hidden="true">{STATUS_LOOK[WORKFLOW[a].to].icon} </span>{t(`statusDialog.action.${a}`)}
                {i === 0 && <> <Kbd keys="Enter" /></>}
              </button>
            ))}
            <button type="button" className="btn btn-quiet" onClick={onClose} autoFocus={actions.length === 0}>
              {t('action.close')} <Kbd keys="Esc" />
            </button>
          </div>
        </>
      )}
      {history.length > 0 && (
        <details className="history" data-testid="status-history">
          <summary>{t('statusDialog.history', { count: history.length })}</summary>
          <ol>
            {history.map((h, i) => (
              <li key={i}>
                <span className="mono">{new Date(h.at).toLocaleString()}</span>{' · '}
                {h.action ? t(`statusDialog.action.${h.action}`, { defaultValue: h.action }) : t(`status.${h.to}`)}
                {h.officerName && <> · {h.officerName}</>}
                {h.reason && <> · <q>{h.reason}</q></>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </Dialog>
  );
}
