// In the status bar while the station is a mobile unit on its trip: one small word, so every
// officer at this laptop sees that it works away from the office.
import { useTranslation } from 'react-i18next';
import { call, on } from '../lib/station';
import { onTripChanged } from '../lib/trip-events';
import { useStationRead } from '../lib/use-station-read';

export function TripBadge() {
  const { t } = useTranslation();
  // A sync (the trip's finish among them) announces itself with the office status.
  const view = useStationRead(() => call('trip.status', {}), (again) => [on('office.status', again), onTripChanged(again)]);
  if (!view?.trip) return null;
  return (
    <span className="trip-badge tone-waiting" data-testid="trip-badge" role="status" title={t('trip.badgeTitle', { from: view.trip.from, to: view.trip.to })}>
      <span aria-hidden="true">⇢ </span>{t('trip.badge')}
    </span>
  );
}
