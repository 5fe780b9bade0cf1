// The guard rail on the counter screens: past the configured number of enrolments awaiting
// approval (settings, default 50), one line in the status bar says so, so a backlog is seen
// before the print room runs dry. Read again whenever the queue changes.
import { useTranslation } from 'react-i18next';
import { call, on } from '../lib/station';
import { useStationRead } from '../lib/use-station-read';

export function BacklogLine() {
  const { t } = useTranslation();
  const b = useStationRead(() => call('review.backlog', {}), (again) => [on('queue.changed', again)]);
  if (!b?.over) return null;
  return (
    <div className="backlog-line tone-waiting" role="status" data-testid="backlog-line" data-waiting={b.waiting}>
      <span aria-hidden="true">◑ </span>{t('review.backlog.line', { waiting: b.waiting, limit: b.limit })}
    </div>
  );
}
