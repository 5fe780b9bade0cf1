// The certificate of an https eSCL scanner, pinned on first use: the technician reads the
// certificate the scanner presents, compares its SHA-256 fingerprint with the one the
// scanner shows on its own settings page or configuration printout, and trusts exactly that
// one. The station then refuses any other certificate at that address (escl-client).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScannerCertificateView } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { call } from '../lib/station';
import { enrolmentError } from '../lib/device-text';

interface Props {
  url: string;
  /** The fingerprint trusted now (stored with the device, or just confirmed). */
  pinned: string | undefined;
  onPin: (sha256: string) => void;
}

export function EsclCertPin({ url, pinned, onPin }: Props) {
  const { t } = useTranslation();
  const [cert, setCert] = useState<ScannerCertificateView | null>(null);
  const [reading, setReading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const read = async (): Promise<void> => {
    setReading(true);
    setFailure(null);
    setCert(null);
    try {
      setCert(await call('devices.scannerCertificate', { url }));
    } catch (err) {
      setFailure(err);
    } finally {
      setReading(false);
    }
  };

  const changed = cert !== null && cert.sha256 !== pinned;
  return (
    <div className="escl-cert" data-testid="escl-cert">
      {pinned && !changed && <Alert tone="ready" testId="escl-cert-pinned"><span className="mono fingerprint">{t('devices.esclCert.pinned', { sha256: pinned })}</span></Alert>}
      {!pinned && !cert && <Alert tone="waiting" testId="escl-cert-unpinned">{t('devices.esclCert.notPinned')}</Alert>}
      {failure !== null && <Alert tone="problem" testId="escl-cert-error">{enrolmentError(t, failure)}</Alert>}
      {changed && (
        <div className="escl-cert-shown" data-testid="escl-cert-shown">
          <h3>{t('devices.esclCert.title')}</h3>
          <p>{t('devices.esclCert.compare')}</p>
          <p className="mono fingerprint" data-testid="escl-cert-sha256">{cert.sha256}</p>
          <dl className="identity">
            <div><dt>{t('devices.esclCert.subject')}</dt><dd>{cert.subject || '—'}</dd></div>
            <div><dt>{t('devices.esclCert.validTo')}</dt><dd>{cert.validTo}</dd></div>
          </dl>
          <button type="button" className="btn btn-primary" onClick={() => onPin(cert.sha256)} data-testid="escl-cert-trust">
            {t('devices.esclCert.trust')}
          </button>
        </div>
      )}
      <button type="button" className="btn" disabled={reading} onClick={() => void read()} data-testid="escl-cert-check">
        {reading ? t('devices.esclCert.checking') : t('devices.esclCert.check')}
      </button>
    </div>
  );
}
