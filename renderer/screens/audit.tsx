// The audit trail (administrator, head of office; the supervisor may read it): every
// officer action the station recorded, filtered by officer, action and days; the chain
// checked with one button (naming the first broken row); the filtered rows exported as CSV.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChoices, AuditRow, AuditVerifyResult } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { Kbd } from '../components/kbd';
import { errorMessage } from '../i18n/errors';
import { useSession } from '../lib/session';
import { call } from '../lib/station';
import { useHotkeys } from '../lib/use-hotkeys';
import { downloadText } from '../lib/download';

const PAGE = 100;

interface Filter { officerId: string; action: string; fromDay: string; toDay: string }
const NO_FILTER: Filter = { officerId: '', action: '', fromDay: '', toDay: '' };

/** The filter as the contract takes it: local days become the instants that bound them. */
function toQuery(f: Filter): { officerId?: string; action?: string; from?: string; to?: string } {
  const startOf = (day: string): string => new Date(`${day}T00:00:00`).toISOString();
  const dayAfter = (day: string): string => { const d = new Date(`${day}T00:00:00`); d.setDate(d.getDate() + 1); return d.toISOString(); };
  return {
    ...(f.officerId ? { officerId: f.officerId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.fromDay ? { from: startOf(f.fromDay) } : {}),
    ...(f.toDay ? { to: dayAfter(f.toDay) } : {}),
  };
}

/** Action families (`login` for `login.failed` too) followed by the exact actions. */
function actionOptions(actions: string[]): string[] {
  const families = [...new Set(actions.filter((a) => a.includes('.')).map((a) => a.split('.')[0]!))];
  return [...new Set([...families, ...actions])].sort();
}

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const { session, hasRole, notify } = useSession();
  const [choices, setChoices] = useState<AuditChoices>({ actions: [], officers: [] });
  // Filters apply as they change: each is one pick, and the rows come from an index.
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | 'running' | null>(null);
  const canVerify = hasRole('admin', 'head');
  const active = session.state === 'active';

  const load = useCallback(async (f: Filter, before?: number) => {
    try {
      const page = await call('audit.list', { ...toQuery(f), limit: PAGE, ...(before ? { before } : {}) });
      setRows((prev) => (before && prev ? [...prev, ...page] : page));
      setMore(page.length === PAGE);
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(() => {
    if (!active) return;
    void load(filter);
    call('audit.choices', {}).then(setChoices, () => undefined);
  }, [active, filter, load]);

  const runVerify = async (): Promise<void> => {
    setVerify('running');
    try { setVerify(await call('audit.verify', {})); } catch (err) { setVerify(null); notify({ tone: 'problem', text: errorMessage(t, err) }); }
  };

  const runExport = async (): Promise<void> => {
    try {
      const x = await call('audit.export', toQuery(filter));
      downloadText(x.fileName, x.csv, 'text/csv;charset=utf-8');
      notify({ tone: 'ready', text: t('audit.exported', { count: x.rows, file: x.fileName }) });
    } catch (err) {
      notify({ tone: 'problem', text: errorMessage(t, err) });
    }
  };

  useHotkeys({ F5: () => void load(filter), ...(canVerify ? { 'Alt+V': () => void runVerify(), 'Alt+E': () => void runExport() } : {}) }, active);

  const fmt = (iso: string): string => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');
  const actionLabel = (a: string): string => t(`audit.action.${a.replace(/\./g, '_')}`, { defaultValue: a });

  return (
    <section className="card audit-screen">
      <div className="heading-row">
        <h1>{t('audit.title')}</h1>
        {canVerify && (
          <div className="row-actions">
            <button type="button" className="btn" onClick={() => void runVerify()} disabled={verify === 'running'} data-testid="audit-verify">
              {t('audit.verify')} <Kbd keys="Alt+V" />
            </button>
            <button type="button" className="btn" onClick={() => void runExport()} data-testid="audit-export">
              {t('audit.export')} <Kbd keys="Alt+E" />
            </button>
          </div>
        )}
      </div>

      {verify && verify !== 'running' && (
        verify.ok
          ? <Alert tone="ready" testId="audit-verify-result">{t('audit.intact', { count: verify.rows })}</Alert>
          : <Alert tone="problem" testId="audit-verify-result">{t('audit.broken', { seq: verify.brokenAt ?? '?', count: verify.rows })}</Alert>
      )}

      <form className="toolbar" onSubmit={(e) => e.preventDefault()} data-testid="audit-filter">
        <label className="inline-field">
          {t('audit.officer')}
          <select value={filter.officerId} onChange={(e) => setFilter({ ...filter, officerId: e.target.value })} data-testid="audit-officer" autoFocus>
            <option value="">{t('audit.anyone')}</option>
            {choices.officers.map((o) => <option key={o.id} value={o.id}>{o.name} ({o.nip})</option>)}
          </select>
        </label>
        <label className="inline-field">
          {t('audit.actionLabel')}
          <select value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })} data-testid="audit-action">
            <option value="">{t('audit.anyAction')}</option>
            {actionOptions(choices.actions).map((a) => <option key={a} value={a}>{actionLabel(a)}</option>)}
          </select>
        </label>
        <label className="inline-field">
          {t('audit.from')}
          <input type="date" value={filter.fromDay} onChange={(e) => setFilter({ ...filter, fromDay: e.target.value })} data-testid="audit-from" />
        </label>
        <label className="inline-field">
          {t('audit.to')}
          <input type="date" value={filter.toDay} min={filter.fromDay || undefined} onChange={(e) => setFilter({ ...filter, toDay: e.target.value })} data-testid="audit-to" />
        </label>
        <button type="button" className="btn btn-quiet" onClick={() => setFilter(NO_FILTER)} data-testid="audit-clear">{t('audit.clear')}</button>
      </form>

      {error !== null && <Alert tone="problem" testId="audit-error">{errorMessage(t, error)}</Alert>}
      <div className="table-wrap">
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.officer')}</th>
              <th scope="col">{t('audit.actionLabel')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((r) => {
              const detail = JSON.stringify(r.detail);
              return (
                <tr key={r.seq} data-testid="audit-row" data-action={r.action}>
                  <td className="mono">{r.seq}</td>
                  <td>{fmt(r.at)}</td>
                  <td>{r.officerName ? `${r.officerName} (${r.officerNip ?? ''})` : t('audit.noOfficer')}</td>
                  <td>{actionLabel(r.action)}</td>
                  <td className="mono audit-detail" title={detail}>{detail === '{}' ? '' : detail}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows && rows.length === 0 && <p data-testid="audit-empty">{t('audit.empty')}</p>}
      </div>
      {more && rows && (
        <button type="button" className="btn" onClick={() => void load(filter, rows[rows.length - 1]!.seq)} data-testid="audit-more">
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
