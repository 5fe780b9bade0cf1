// The day's close for blank books (supervisor, head of office): the arithmetic, whether it
// balances with the books on hand, the serials skipped and those used out of order; printable
// (Alt+P) and exportable as CSV (Alt+E).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reconciliation } from '../../../electron/issuance-types';
import { Alert } from '../../components/alert';
import { Kbd } from '../../components/kbd';
import { enrolmentError } from '../../lib/device-text';
import { downloadText } from '../../lib/download';
import { useSession } from '../../lib/session';
import { call } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';

export function ReconciliationPanel() {
  const { t } = useTranslation();
  const { today, session } = useSession();
  const [day, setDay] = useState(today);
  const [r, setR] = useState<Reconciliation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try { setR(await call('stock.reconciliation', { day })); setError(null); } catch (err) { setError(enrolmentError(t, err)); }
  }, [day, t]);
  useEffect(() => { void load(); }, [load]);
  const exportCsv = async () => {
    try {
      const x = await call('stock.reconciliationCsv', { day });
      downloadText(x.fileName, x.csv, 'text/csv;charset=utf-8');
    } catch (err) { setError(enrolmentError(t, err)); }
  };
  useHotkeys({ 'Alt+E': () => void exportCsv(), 'Alt+P': () => window.print() }, session.state === 'active');

  const rows: [string, number][] = r ? [
    ['issuance.opening', r.opening], ['issuance.receivedCol', r.received], ['issuance.printedCol', -r.printed],
    ['issuance.spoiledCol', -r.spoiled], ['issuance.returnedCol', -r.returned], ['issuance.closing', r.closing], ['issuance.onHand', r.onHand],
  ] : [];
  return (
    <div data-testid="reconciliation-panel">
      <div className="row-actions no-print">
        <label className="inline-field">{t('issuance.day')}
          <input type="date" value={day} max={today} onChange={(e) => e.target.value && setDay(e.target.value)} data-testid="reconciliation-day" />
        </label>
        <button type="button" className="btn" onClick={() => window.print()}>{t('issuance.printReport')} <Kbd keys="Alt+P" /></button>
        <button type="button" className="btn" onClick={() => void exportCsv()} data-testid="reconciliation-csv">{t('issuance.exportCsv')} <Kbd keys="Alt+E" /></button>
      </div>
      {error && <Alert tone="problem">{error}</Alert>}
      {r && (
        <>
          <table className="table" data-testid="reconciliation-table">
            <tbody>{rows.map(([k, v]) => <tr key={k}><th>{t(k)}</th><td data-testid={`rec-${k.split('.')[1]}`}>{v}</td></tr>)}</tbody>
          </table>
          <Alert tone={r.balanced ? 'ready' : 'problem'} testId="reconciliation-balance">
            {r.balanced ? t('issuance.balanced') : t('issuance.unbalanced', { closing: r.closing, onHand: r.onHand })}
          </Alert>
          {r.spoiledAfterPrint > 0 && <p>{t('issuance.spoiledAfterPrint', { count: r.spoiledAfterPrint })}</p>}
          {r.gaps.length > 0
            ? <Alert tone="problem" testId="reconciliation-gaps">{t('issuance.gaps')} {r.gaps.join(', ')}</Alert>
            : <p data-testid="reconciliation-no-gaps">{t('issuance.noGaps')}</p>}
          {r.outOfOrder.length > 0 && (
            <p data-testid="reconciliation-out-of-order">{t('issuance.outOfOrder')}: {r.outOfOrder.map((o) => t('issuance.outOfOrderRow', { serial: o.serial, after: o.after })).join('; ')}</p>
          )}
        </>
      )}
    </div>
  );
}
