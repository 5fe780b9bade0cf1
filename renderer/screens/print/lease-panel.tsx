// The blank books this print station holds from the office (a paired station prints only on
// those): how many are left under each lease, asking the office for more, extending the
// leases while printing, and giving one back. Hidden on a station that is not paired.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaseView } from '../../../electron/lease-types';
import { Alert } from '../../components/alert';
import { enrolmentError } from '../../lib/device-text';
import { call } from '../../lib/station';

export function LeasePanel({ series }: { series: string[] }) {
  const { t } = useTranslation();
  const [v, setV] = useState<LeaseView | null>(null);
  const [msg, setMsg] = useState<{ tone: 'ready' | 'problem'; text: string } | null>(null);
  const [form, setForm] = useState({ series: '', count: 25 });
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try { setV(await call('stock.lease', {})); } catch (err) { setMsg({ tone: 'problem', text: enrolmentError(t, err) }); }
  }, [t]);
  useEffect(() => { void load(); }, [load]);

  const act = async (work: () => Promise<LeaseView>, done: (next: LeaseView) => string) => {
    setBusy(true);
    try { const next = await work(); setV(next); setMsg({ tone: 'ready', text: done(next) }); } catch (err) {
      setMsg({ tone: 'problem', text: enrolmentError(t, err) });
    } finally { setBusy(false); }
  };
  const request = (e: FormEvent) => {
    e.preventDefault();
    void act(() => call('stock.leaseRequest', { series: form.series || series[0] || '', count: form.count }), (next) => t('bookLease.granted', { count: next.left }));
  };

  if (!v?.paired) return null;
  return (
    <section className="lease-panel" data-testid="lease-panel">
      <h2>{t('bookLease.title')}</h2>
      {msg && <Alert tone={msg.tone} testId="lease-message">{msg.text}</Alert>}
      {v.left === 0 && <Alert tone="problem" testId="lease-empty">{t('bookLease.empty')}</Alert>}
      {v.leases.length > 0 && (
        <table className="table" data-testid="lease-table">
          <thead><tr><th>{t('issuance.series')}</th><th>{t('bookLease.range')}</th><th>{t('bookLease.left')}</th><th>{t('bookLease.until')}</th><th /></tr></thead>
          <tbody>
            {v.leases.map((l) => (
              <tr key={l.id} data-testid="lease-row">
                <td>{l.series}</td><td>{l.firstSerial}–{l.lastSerial}</td><td>{t('bookLease.leftOf', { left: l.left, total: l.total })}</td>
                <td>{new Date(l.expiresAt).toLocaleDateString()}</td>
                <td><button type="button" className="btn" disabled={busy} onClick={() => void act(() => call('stock.leaseReturn', { leaseId: l.id }), () => t('bookLease.returned'))}>{t('bookLease.return')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={request} data-testid="lease-request">
        <label className="inline-field">{t('issuance.series')}
          <select value={form.series || series[0] || ''} onChange={(e) => setForm((f) => ({ ...f, series: e.target.value }))} data-testid="lease-series">
            {series.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="inline-field">{t('bookLease.count')}
          <input type="number" min={1} max={500} value={form.count} onChange={(e) => setForm((f) => ({ ...f, count: Number(e.target.value) }))} data-testid="lease-count" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="lease-submit">{t('bookLease.request')}</button>
        {v.leases.length > 0 && <button type="button" className="btn" disabled={busy} onClick={() => void act(() => call('stock.leaseExtend', {}), () => t('bookLease.extended'))}>{t('bookLease.extend')}</button>}
      </form>
    </section>
  );
}
