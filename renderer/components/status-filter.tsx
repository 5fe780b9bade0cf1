// Filter chips, one per status, each with the day's count. Toggling a chip narrows the
// table; no chip on means every status.
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../../electron/contract';
import type { QueueView } from '../../electron/contract-types';
import { STATUSES, STATUS_LOOK } from '../lib/statuses';

interface Props {
  selected: readonly AppointmentStatus[];
  counts: QueueView['counts'];
  onToggle: (s: AppointmentStatus) => void;
  onClear: () => void;
}

export function StatusFilter({ selected, counts, onToggle, onClear }: Props) {
  const { t } = useTranslation();
  return (
    <div className="chips" role="group" aria-label={t('queue.filterStatus')}>
      <button
        type="button" className={`chip${selected.length === 0 ? ' chip-on' : ''}`} aria-pressed={selected.length === 0}
        onClick={onClear} data-testid="status-chip-all"
      >
        {t('queue.allStatuses')}
      </button>
      {STATUSES.map((s) => {
        const on = selected.includes(s);
        const look = STATUS_LOOK[s];
        return (
          <button
            key={s} type="button" className={`chip tone-${look.tone}${on ? ' chip-on' : ''}`} aria-pressed={on}
            onClick={() => onToggle(s)} data-testid={`status-chip-${s}`}
          >
            <span aria-hidden="true">{look.icon}</span> {t(`status.${s}`)}{' '}
            <span className="chip-count" data-testid={`queue-count-${s}`}>{counts[s] ?? 0}</span>
          </button>
        );
      })}
    </div>
  );
}
