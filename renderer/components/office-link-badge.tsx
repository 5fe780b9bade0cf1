// The office link in the status bar, only on a station paired with an office: whether the
// office answers and how many of this station's changes wait to be sent. A station that
// works alone by design shows nothing here.
import { useTranslation } from 'react-i18next';
import { useOfficeStatus } from '../lib/use-office-status';

const TONE = { online: 'ready', offline: 'waiting', error: 'problem', not_paired: 'done' } as const;
const ICON = { online: '⇅', offline: '⇣', error: '⚠', not_paired: '' } as const;

export function OfficeLinkBadge() {
  const { t } = useTranslation();
  const [status] = useOfficeStatus();
  if (!status?.paired) return null;
  const label = t(`office.state.${status.state}`);
  const waiting = status.waiting > 0 ? ` · ${t('office.waiting', { count: status.waiting })}` : '';
  return (
    <div
      className={`link office-link tone-${TONE[status.state]}`} data-testid="office-link" data-state={status.state} data-waiting={status.waiting}
      role="status" title={status.lastError ? t(`error.reason.${status.lastError.code}`, { defaultValue: status.lastError.message }) : status.officeUrl ?? ''}
    >
      <span aria-hidden="true">{ICON[status.state]} </span>{label}{waiting}
    </div>
  );
}
