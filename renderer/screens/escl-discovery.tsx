// eSCL scanners announced on the local network (mDNS `_uscan._tcp` / `_uscans._tcp`), for
// the technician: name, address, formats, whether it speaks https; "Use" opens the device
// form filled with the scanner's name and address (an https one then asks for its
// certificate to be confirmed there).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveredScannerView } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { enrolmentError } from '../lib/device-text';
import { call } from '../lib/station';

export function EsclDiscoveryPanel({ onUse }: { onUse: (s: DiscoveredScannerView) => void }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<DiscoveredScannerView[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const search = async (): Promise<void> => {
    setSearching(true);
    setFailure(null);
    try {
      setFound(await call('devices.discoverScanners', { seconds: 3 }));
    } catch (err) {
      setFound(null);
      setFailure(err);
    } finally {
      setSearching(false);
    }
  };

  return (
    <section className="card" data-testid="escl-discovery">
      <div className="heading-row">
        <h2>{t('devices.esclDiscovery.title')}</h2>
        <button type="button" className="btn" disabled={searching} onClick={() => void search()} data-testid="escl-discover">
          {searching ? t('devices.esclDiscovery.searching') : t('devices.esclDiscovery.search')}
        </button>
      </div>
      {searching && <Alert tone="waiting" testId="escl-discovery-searching">{t('devices.esclDiscovery.searching')}</Alert>}
      {failure !== null && <Alert tone="problem" testId="escl-discovery-error">{enrolmentError(t, failure)}</Alert>}
      {found !== null && !searching && found.length === 0 && <p className="muted" data-testid="escl-discovery-none">{t('devices.esclDiscovery.none')}</p>}
      {found !== null && found.length > 0 && (
        <table className="table" data-testid="escl-discovery-table">
          <thead>
            <tr>
              <th scope="col">{t('devices.esclDiscovery.name')}</th>
              <th scope="col">{t('devices.esclDiscovery.address')}</th>
              <th scope="col">{t('devices.esclDiscovery.formats')}</th>
              <th scope="col"><span className="sr-only">{t('devices.esclDiscovery.use')}</span></th>
            </tr>
          </thead>
          <tbody>
            {found.map((s) => (
              <tr key={`${s.uuid ?? s.name}-${s.secure}`} data-testid="escl-discovered" data-url={s.url}>
                <td>{s.name}{s.model && s.model !== s.name ? <span className="muted"> · {s.model}</span> : null}</td>
                <td><span className="mono">{s.url}</span><br /><span className="muted">{t(s.secure ? 'devices.esclDiscovery.secure' : 'devices.esclDiscovery.plain')}</span></td>
                <td>{s.formats.join(', ') || '—'}</td>
                <td><button type="button" className="btn btn-small" onClick={() => onUse(s)} data-testid="escl-use">{t('devices.esclDiscovery.use')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
