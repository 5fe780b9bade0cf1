// One line after a submit: whether the applicant's receipt came out, the collection date,
// and — when it did not print (no printer, paper out, cover open, unplugged) — the reason
// and a "Reprint" button (Alt+R). The enrolment is already submitted either way.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptOutcome } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { Kbd } from '../components/kbd';
import { useHotkeys } from '../lib/use-hotkeys';
import { errorMessage } from '../i18n/errors';
import { call } from '../lib/station';

export interface SubmittedReceipt {
  appointmentId: string;
  outcome: ReceiptOutcome;
}

export function ReceiptNotice({ receipt, onDismiss }: { receipt: SubmittedReceipt; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const [outcome, setOutcome] = useState(receipt.outcome);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const reprint = (): void => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    call('receipts.reprint', { appointmentId: receipt.appointmentId })
      .then(setOutcome, (err: unknown) => setFailure(errorMessage(t, err)))
      .finally(() => setBusy(false));
  };
  useHotkeys({ 'Alt+R': reprint }, true, 'global');

  const date = outcome.collectionDate
    ? new Date(`${outcome.collectionDate}T12:00:00`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    : '';
  const reason = outcome.message ? t(outcome.message.key, { ...outcome.message.params, defaultValue: t('receipts.failed') }) : '';
  const text = outcome.printed
    ? [t('receipts.printed'), date && t('receipts.collection', { date }), reason].filter(Boolean).join(' ')
    : [t('receipts.notPrinted'), reason].filter(Boolean).join(' ');
  return (
    <div className="notice-row" data-testid="receipt-notice" data-printed={outcome.printed}>
      <Alert tone={failure || !outcome.printed ? 'problem' : 'ready'} testId="receipt-outcome">{failure ?? text}</Alert>
      {!outcome.printed && (
        <button type="button" className="btn" onClick={reprint} disabled={busy} data-testid="receipt-reprint">
          {busy ? t('receipts.reprinting') : t('receipts.reprint')} <Kbd keys="Alt+R" />
        </button>
      )}
      <button type="button" className="btn btn-quiet" onClick={onDismiss} aria-label={t('action.dismiss')}>✕</button>
    </div>
  );
}
