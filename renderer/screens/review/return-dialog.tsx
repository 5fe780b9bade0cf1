// Returning an enrolment to the counter: a reason picked from the list (domain/review.ts;
// the history and the day's numbers count by it) and the supervisor's own words, which the
// counter officer reads on the enrolment. Enter sends; Shift+Enter adds a line.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentRow } from '../../../electron/contract-types';
import { RETURN_REASONS, returnNeedsNote, type ReturnReason } from '../../../domain/review';
import { Alert } from '../../components/alert';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Kbd } from '../../components/kbd';
import { errorMessage } from '../../i18n/errors';
import { call } from '../../lib/station';

interface Props {
  appointment: AppointmentRow;
  onReturned: (row: AppointmentRow) => void;
  onClose: () => void;
}

export function ReturnDialog({ appointment, onReturned, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ReturnReason | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const noteMissing = reason !== '' && returnNeedsNote(reason) && note.trim().length === 0;
  const ready = reason !== '' && !noteMissing && !busy;

  const send = async (): Promise<void> => {
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      onReturned(await call('review.return', { appointmentId: appointment.id, reason, ...(note.trim() ? { note: note.trim() } : {}) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // Enter sends from the list and the note alike; Shift+Enter starts a new line in the note.
  const onKey = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void send(); }
  };

  return (
    <Dialog title={t('review.return.title')} onClose={onClose} testId="review-return-dialog">
      <p className="lead"><strong>{appointment.fullName}</strong> · <span className="mono">{appointment.bookingCode}</span></p>
      {error !== null && <Alert tone="problem" testId="review-return-error">{errorMessage(t, error)}</Alert>}
      <form onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <Field id="review-return-reason" label={t('review.return.reason')} hint={t('review.return.reasonHint')}>
          <select
            id="review-return-reason" data-testid="review-return-reason" autoFocus required
            value={reason} onChange={(e) => setReason(e.target.value as ReturnReason)} onKeyDown={onKey}
          >
            <option value="" disabled>{t('review.return.choose')}</option>
            {RETURN_REASONS.map((r) => <option key={r} value={r}>{t(`review.returnReason.${r}`)}</option>)}
          </select>
        </Field>
        <Field
          id="review-return-note" label={t(reason !== '' && returnNeedsNote(reason) ? 'review.return.noteRequired' : 'review.return.note')}
          hint={t('review.return.noteHint')} error={noteMissing && note.length > 0 ? t('review.return.noteMissing') : undefined}
        >
          <textarea
            id="review-return-note" data-testid="review-return-note" rows={3} maxLength={300}
            value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={onKey}
          />
        </Field>
        <div className="actions">
          <button type="submit" className="btn btn-warning" disabled={!ready} data-testid="review-return-send">
            <span aria-hidden="true">↩ </span>{t('review.return.send')} <Kbd keys="Enter" />
          </button>
          <button type="button" className="btn" onClick={onClose}>{t('action.back')} <Kbd keys="Esc" /></button>
        </div>
      </form>
    </Dialog>
  );
}
