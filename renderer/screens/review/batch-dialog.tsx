// The supervisor's password again, before a batch of approvals: the station opens a batch of
// at most 50 approvals within 15 minutes (review.unlockBatch) and refuses approvals without
// one, so a screen left unlocked cannot be used to approve.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchGrantView } from '../../../electron/contract-types';
import { BATCH_MAX_APPROVALS, BATCH_MINUTES } from '../../../domain/review';
import { Alert } from '../../components/alert';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Kbd } from '../../components/kbd';
import { errorCode, errorMessage } from '../../i18n/errors';
import { call } from '../../lib/station';
import { usePasswordAttempt } from '../../lib/use-password-attempt';

interface Props {
  /** Why the password is asked (first batch, or the last one ran out). */
  reason: 'batch_needed' | 'batch_expired' | 'batch_used_up';
  onUnlocked: (batch: BatchGrantView) => void;
  onClose: () => void;
}

export function BatchDialog({ reason, onUnlocked, onClose }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const { busy, error, attempt } = usePasswordAttempt(setPassword);

  const submit = async (): Promise<void> => {
    if (!password || busy) return;
    await attempt(async () => onUnlocked(await call('review.unlockBatch', { password })));
  };

  return (
    <Dialog title={t('review.batch.title')} onClose={onClose} testId="review-batch-dialog">
      <Alert tone="info">{t(`review.batch.why.${reason}`, { max: BATCH_MAX_APPROVALS, minutes: BATCH_MINUTES })}</Alert>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Field id="review-batch-password" label={t('field.password')} error={error === null ? undefined : errorCode(error) === 'bad_credentials' ? t('review.batch.wrong') : errorMessage(t, error)}>
          <input
            id="review-batch-password" data-testid="review-batch-password" type="password" autoComplete="current-password" autoFocus
            value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={error !== null}
          />
        </Field>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !password} data-testid="review-batch-unlock">
            {t('review.batch.unlock')} <Kbd keys="Enter" />
          </button>
          <button type="button" className="btn" onClick={onClose}>{t('action.back')} <Kbd keys="Esc" /></button>
        </div>
      </form>
    </Dialog>
  );
}
