import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';
import type { CheckInResult } from '../lib/use-checkin-scan';
import { Alert } from './alert';

/** The outcome of a scanned booking code, large and with the applicant's name. */
export function CheckInBanner({ result, onDismiss }: { result: CheckInResult; onDismiss: () => void }) {
  const { t } = useTranslation();
  const status = (s: string): string => t(`status.${s}`, { defaultValue: s });
  let tone: 'ready' | 'problem' | 'waiting' | 'info' = 'info';
  let text: string;
  switch (result.kind) {
    case 'busy': tone = 'waiting'; text = t('checkIn.busy', { code: result.code }); break;
    case 'checked_in': tone = 'ready'; text = t('checkIn.done', { name: result.row.fullName, code: result.code, slot: result.row.timeSlot }); break;
    case 'unknown': tone = 'problem'; text = t('checkIn.unknown', { code: result.code }); break;
    case 'used':
      tone = 'problem';
      text = result.row
        ? t('checkIn.used', { name: result.row.fullName, code: result.code, status: status(result.status) })
        : t('checkIn.usedNoName', { code: result.code, status: status(result.status) });
      break;
    case 'failed': tone = 'problem'; text = errorMessage(t, result.error); break;
  }
  return (
    <div className="notice-row checkin-banner" data-testid="checkin-banner" data-result={result.kind} data-code={result.code}>
      <Alert tone={tone}>{text}</Alert>
      <button type="button" className="btn btn-quiet" onClick={onDismiss} aria-label={t('action.dismiss')}>✕</button>
    </div>
  );
}
