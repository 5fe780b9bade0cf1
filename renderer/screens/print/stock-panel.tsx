// Book stock: how many books are in each state, the next ones in the pile, receiving a
// delivery from headquarters (a range of serials of one series with its delivery note), and
// the actions outside a print job (a damaged blank book, a range back to headquarters).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockOverview } from '../../../electron/issuance-types';
import { Alert } from '../../components/alert';
import { enrolmentError } from '../../lib/device-text';
import { call } from '../../lib/station';
import { LeasePanel } from './lease-panel';
import { StockActions } from './stock-actions';

const STATES = ['in_stock', 'assigned', 'printed', 'issued', 'spoiled', 'returned'] as const;

export function StockPanel() {
  const { t } = useTranslation();
  const [o, setO] = useState<StockOverview | null>(null);
  const [msg, setMsg] = useState<{ tone: 'ready' | 'problem'; text: string } | null>(null);
  const [form, setForm] = useState({ reference: '', series: '', first: '', last: '' });
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const next = await call('stock.overview', {});
      setO(next);
      setForm((f) => (f.series ? f : { ...f, series: next.series[0]?.id ?? '' }));
    } catch (err) { setMsg({ tone: 'problem', text: enrolmentError(t, err) }); }
  }, [t]);
  useEffect(() => { void load(); }, [load]);

  const receive = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const d = await call('stock.receive', form);
      setMsg({ tone: 'ready', text: t('issuance.received', { count: d.count, first: d.firstSerial, last: d.lastSerial }) });
      setForm((f) => ({ ...f, reference: '', first: '', last: '' }));
      await load();
    } catch (err) {
      setMsg({ tone: 'problem', text: enrolmentError(t, err) });
    } finally { setBusy(false); }
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  return (
    <div className="stock-panel" data-testid="stock-panel">
      {msg && <Alert tone={msg.tone} testId="stock-message">{msg.text}</Alert>}
      <h2>{t('issuance.stockCounts')}</h2>
      {o && (
        <div className="tiles">
          {STATES.map((s) => (
            <div key={s} className="tile" data-testid={`stock-count-${s}`}>
              <div className="tile-value">{o.counts[s]}</div>
              <div className="tile-label">{t(`issuance.state.${s}`)}</div>
            </div>
          ))}
        </div>
      )}
      {o?.next.map((n) => n.serials[0] && (
        <p key={n.series} className="hint">{n.series}: {t('issuance.nextInStock', { serial: n.serials.join(', ') })}</p>
      ))}
      {o && <LeasePanel series={o.series.map((s) => s.id)} />}
      <h2>{t('issuance.receiveTitle')}</h2>
      <form className="inline-form" onSubmit={(e) => void receive(e)} data-testid="stock-receive">
        <label className="inline-field">{t('issuance.reference')}<input value={form.reference} onChange={set('reference')} required minLength={3} maxLength={60} data-testid="receive-reference" /></label>
        <label className="inline-field">{t('issuance.series')}
          <select value={form.series} onChange={set('series')} data-testid="receive-series">
            {o?.series.map((s) => <option key={s.id} value={s.id}>{s.id} ({s.example})</option>)}
          </select>
        </label>
        <label className="inline-field">{t('issuance.first')}<input value={form.first} onChange={set('first')} required maxLength={20} data-testid="receive-first" /></label>
        <label className="inline-field">{t('issuance.last')}<input value={form.last} onChange={set('last')} required maxLength={20} data-testid="receive-last" /></label>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="receive-submit">{t('issuance.receive')}</button>
      </form>
      <StockActions onChanged={load} onNote={setMsg} />
    </div>
  );
}
