// Settings → Book stock (administrators): the series of blank books with the pattern their
// numbers follow (the passport number printed is the book's number, and its format differs
// between series), which passport type each series is for, and after how many days a printed
// passport not collected is listed for a reminder. The station checks every pattern against
// its example and refuses the whole list with the first problem named.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockConfig } from '../../../electron/issuance-types';
import { Alert } from '../../components/alert';
import { enrolmentError } from '../../lib/device-text';
import { call } from '../../lib/station';

type Series = StockConfig['series'][number];
type Note = { tone: 'ready' | 'problem'; text: string };

const EMPTY: Series = { id: '', passportType: 'electronic', pattern: '', example: '' };

export function StockConfigPanel() {
  const { t } = useTranslation();
  const [series, setSeries] = useState<Series[] | null>(null);
  const [days, setDays] = useState('');
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (c: StockConfig) => { setSeries(c.series); setDays(String(c.uncollectedDays)); };
  useEffect(() => { call('stock.overview', {}).then(show, (err: unknown) => setNote({ tone: 'problem', text: enrolmentError(t, err) })); }, [t]);

  const edit = (i: number, patch: Partial<Series>) => setSeries((list) => list && list.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!series) return;
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 365) { setNote({ tone: 'problem', text: t('stockAdmin.daysRange') }); return; }
    setBusy(true);
    try {
      const saved = await call('stock.setConfig', { series: series.map((s) => ({ ...s, id: s.id.trim(), pattern: s.pattern.trim(), example: s.example.trim().toUpperCase() })), uncollectedDays: n });
      show(saved);
      setNote({ tone: 'ready', text: t('stockAdmin.configSaved') });
    } catch (err) {
      setNote({ tone: 'problem', text: enrolmentError(t, err) });
    } finally { setBusy(false); }
  };

  return (
    <section className="stock-config-panel" data-testid="stock-config-panel" aria-labelledby="stock-config-title">
      <h2 id="stock-config-title">{t('stockAdmin.configTitle')}</h2>
      <p className="hint">{t('stockAdmin.configHint')}</p>
      {note && <Alert tone={note.tone} testId="stock-config-message">{note.text}</Alert>}
      {series && (
        <form onSubmit={(e) => void save(e)} data-testid="stock-config-form">
          <table className="table">
            <thead><tr><th>{t('stockAdmin.seriesId')}</th><th>{t('field.passportType')}</th><th>{t('stockAdmin.pattern')}</th><th>{t('stockAdmin.example')}</th><th /></tr></thead>
            <tbody>
              {series.map((s, i) => (
                <tr key={i} data-testid={`series-row-${i}`}>
                  <td><input value={s.id} onChange={(e) => edit(i, { id: e.target.value })} required maxLength={30} size={10} aria-label={t('stockAdmin.seriesId')} data-testid={`series-id-${i}`} /></td>
                  <td>
                    <select value={s.passportType} onChange={(e) => edit(i, { passportType: e.target.value as Series['passportType'] })} aria-label={t('field.passportType')} data-testid={`series-type-${i}`}>
                      {(['ordinary', 'electronic'] as const).map((p) => <option key={p} value={p}>{t(`passportType.${p}`)}</option>)}
                    </select>
                  </td>
                  <td><input className="mono" value={s.pattern} onChange={(e) => edit(i, { pattern: e.target.value })} required maxLength={100} size={12} aria-label={t('stockAdmin.pattern')} data-testid={`series-pattern-${i}`} /></td>
                  <td><input className="mono" value={s.example} onChange={(e) => edit(i, { example: e.target.value })} required maxLength={9} size={10} aria-label={t('stockAdmin.example')} data-testid={`series-example-${i}`} /></td>
                  <td>
                    <button type="button" className="btn btn-quiet" disabled={series.length <= 1} onClick={() => setSeries(series.filter((_, j) => j !== i))} data-testid={`series-remove-${i}`}>
                      {t('stockAdmin.removeSeries')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="btn" disabled={series.length >= 20} onClick={() => setSeries([...series, { ...EMPTY }])} data-testid="series-add">{t('stockAdmin.addSeries')}</button>
          <label className="inline-field">{t('stockAdmin.uncollectedDays')}
            <input type="number" inputMode="numeric" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} data-testid="stock-uncollected-days" />
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="stock-config-save">{t('action.save')}</button>
        </form>
      )}
    </section>
  );
}
