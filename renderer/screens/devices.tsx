// Every device of this station with its state and, when something is wrong, what to do.
// The technician's main screen; the same slots are in the status bar for everyone.
import { useTranslation } from 'react-i18next';
import { DeviceBadge } from '../components/device-badge';
import { useDevices } from '../lib/use-devices';

export function DevicesScreen() {
  const { t } = useTranslation();
  const devices = useDevices();
  return (
    <section className="card">
      <h1>{t('device.title')}</h1>
      {devices.length === 0 && <p className="muted" data-testid="devices-empty">{t('device.none')}</p>}
      <ul className="device-list" data-testid="device-list">
        {devices.map((d) => (
          <li key={d.id}>
            <DeviceBadge slot={d} wide />
            <span className="muted"> {t(`device.kind.${d.kind}`)} · {d.driver}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
