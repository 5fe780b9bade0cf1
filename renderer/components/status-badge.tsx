import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../../electron/contract';
import { STATUS_LOOK } from '../lib/statuses';

/** Appointment status as colour + icon + word. */
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <span className={`badge tone-${look.tone}`} data-testid="status-badge" data-status={status}>
      <span aria-hidden="true">{look.icon}</span> {t(`status.${status}`)}
    </span>
  );
}
