// In the status bar while the station is a mobile unit on its trip: one small word, so every
// officer at this laptop sees that it works away from the office.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TripView } from '../../electron/trip-types';
import { call, on, onLinkChange } from '../lib/station';
import { onTripChanged } from '../lib/trip-events';

export function TripBadge() {
  const { t } = useTranslation();
  const [view, setView] = useState<TripView | null>(null);
  useEffect(() => {
    let alive = true;
    const load = (): void => { call('trip.status', {}).then((v) => { if (alive) setView(v); }, () => undefined); };
    load();
    // A sync (the trip's finish among them) announces itself with the office status.
    const offs = [on('office.status', load), onTripChanged(load), onLinkChange((online) => { if (online) load(); })];
    return () => { alive = false; offs.forEach((off) => off()); };
  }, []);
  if (!view?.trip) return null;
  return (
    <span className="trip-badge tone-waiting" data-testid="trip-badge" role="status" title={t('trip.badgeTitle', { from: view.trip.from, to: view.trip.to })}>
      <span aria-hidden="true">⇢ </span>{t('trip.badge')}
    </span>
  );
}
