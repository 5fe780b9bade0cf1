// The guard rail on the counter screens: past the configured number of enrolments awaiting
// approval (settings, default 50), one line in the status bar says so, so a backlog is seen
// before the print room runs dry. Read again whenever the queue changes.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BacklogView } from '../../electron/contract-types';
import { call, on } from '../lib/station';

export function BacklogLine() {
  const { t } = useTranslation();
  const [b, setB] = useState<BacklogView | null>(null);
  useEffect(() => {
    let alive = true;
    const load = (): void => { call('review.backlog', {}).then((v) => { if (alive) setB(v); }, () => undefined); };
    load();
    const off = on('queue.changed', load);
    return () => { alive = false; off(); };
  }, []);
  if (!b?.over) return null;
  return (
    <div className="backlog-line tone-waiting" role="status" data-testid="backlog-line" data-waiting={b.waiting}>
      <span aria-hidden="true">◑ </span>{t('review.backlog.line', { waiting: b.waiting, limit: b.limit })}
    </div>
  );
}
