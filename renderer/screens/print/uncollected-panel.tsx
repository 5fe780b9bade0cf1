// Printed passports not collected after the configured number of days, with the applicant's
// phone, for a reminder or for sending by post.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockOverview, UncollectedRow } from '../../../electron/issuance-types';
import { Alert } from '../../components/alert';
import { enrolmentError } from '../../lib/device-text';
import { call } from '../../lib/station';

export function UncollectedPanel() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<UncollectedRow[] | null>(null);
  const [days, setDays] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('stock.uncollected', {}).then(setRows, (err: unknown) => setError(enrolmentError(t, err)));
    call('stock.overview', {}).then((o: StockOverview) => setDays(o.uncollectedDays), () => undefined);
  }, [t]);
  return (
    <div data-testid="uncollected-panel">
      {error && <Alert tone="problem">{error}</Alert>}
      {days !== null && <p className="hint">{t('issuance.uncollectedHint', { days })}</p>}
      {rows?.length === 0 && <p>{t('issuance.uncollectedEmpty')}</p>}
      {rows && rows.length > 0 && (
        <table className="table" data-testid="uncollected-table">
          <thead><tr><th>{t('field.bookingCode')}</th><th>{t('field.fullName')}</th><th>{t('issuance.phone')}</th><th>{t('issuance.serial')}</th><th>{t('issuance.printedAt')}</th><th>{t('issuance.days')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.appointmentId}><td>{r.bookingCode}</td><td>{r.fullName}</td><td>{r.phone}</td><td>{r.serial}</td><td>{r.printedAt.slice(0, 10)}</td><td>{r.days}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
