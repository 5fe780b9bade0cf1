// The day in numbers (supervisor, head of office): who came, how long enrolment took, where
// fingers needed retries, why enrolments went back, how the approval backlog grew over the
// day, and who enrolled. Figures come from the station (SQL over the store); this screen only
// draws them — as tiles, Chart.js charts and tables that print and export as CSV.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, Line } from 'react-chartjs-2';
import type { DayNumbers, DurationFigures } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { Kbd } from '../components/kbd';
import { errorMessage } from '../i18n/errors';
import { SERIES_COLOURS } from '../lib/charts';
import { downloadText } from '../lib/download';
import { useSession } from '../lib/session';
import { call } from '../lib/station';
import { useHotkeys } from '../lib/use-hotkeys';

function Tile({ label, value, hint, testId }: { label: string; value: string | number; hint?: string; testId: string }) {
  return (
    <div className="tile" data-testid={testId}>
      <div className="tile-value">{value}</div>
      <div className="tile-label">{label}</div>
      {hint && <div className="tile-hint">{hint}</div>}
    </div>
  );
}

export function NumbersScreen() {
  const { t } = useTranslation();
  const { session, today, notify } = useSession();
  const [day, setDay] = useState(today);
  const [n, setN] = useState<DayNumbers | null>(null);
  const [error, setError] = useState<unknown>(null);
  const active = session.state === 'active';

  const load = useCallback(async () => {
    try { setN(await call('numbers.day', { day })); setError(null); } catch (err) { setError(err); }
  }, [day]);
  useEffect(() => { if (active) void load(); }, [active, load]);

  const exportCsv = async (): Promise<void> => {
    try {
      const x = await call('numbers.export', { day });
      downloadText(x.fileName, x.csv, 'text/csv;charset=utf-8');
    } catch (err) {
      notify({ tone: 'problem', text: errorMessage(t, err) });
    }
  };
  useHotkeys({ F5: () => void load(), 'Alt+E': () => void exportCsv(), 'Alt+P': () => window.print() }, active);

  const minutes = (d: DurationFigures): string =>
    d.median === null ? '–' : t('numbers.minutesMedianP90', { median: d.median, p90: d.p90 });

  const served = useMemo(() => {
    if (!n) return null;
    const services = [...new Set(n.served.map((s) => s.service))];
    const types = [...new Set(n.served.map((s) => s.passportType))];
    return {
      labels: services.map((s) => t(`service.${s}`)),
      datasets: types.map((pt, i) => ({
        label: t(`passportType.${pt}`),
        data: services.map((s) => n.served.find((x) => x.service === s && x.passportType === pt)?.count ?? 0),
        backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
      })),
    };
  }, [n, t]);

  const stacked = { responsive: true, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } };
  const counts = { responsive: true, indexAxis: 'y' as const, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } };

  return (
    <section className="card numbers-screen">
      <div className="heading-row">
        <h1>{t('numbers.title')}</h1>
        <div className="row-actions no-print">
          <label className="inline-field">
            {t('numbers.day')}
            <input type="date" value={day} max={today} onChange={(e) => e.target.value && setDay(e.target.value)} data-testid="numbers-day" />
          </label>
          <button type="button" className="btn" onClick={() => window.print()} data-testid="numbers-print">{t('numbers.print')} <Kbd keys="Alt+P" /></button>
          <button type="button" className="btn" onClick={() => void exportCsv()} data-testid="numbers-export">{t('numbers.export')} <Kbd keys="Alt+E" /></button>
        </div>
      </div>
      {error !== null && <Alert tone="problem" testId="numbers-error">{errorMessage(t, error)}</Alert>}
      {n && (
        <>
          <div className="tiles" data-testid="numbers-tiles">
            <Tile testId="numbers-booked" label={t('numbers.booked')} value={n.booked} />
            <Tile testId="numbers-checked-in" label={t('numbers.checkedIn')} value={n.checkedIn} />
            <Tile testId="numbers-not-arrived" label={t(day === today ? 'numbers.notYetArrived' : 'numbers.noShows')} value={n.notArrived} />
            <Tile testId="numbers-walk-ins" label={t('numbers.walkIns')} value={n.walkIns} hint={t('numbers.priorityCount', { count: n.priority })} />
            <Tile testId="numbers-served" label={t('numbers.served')} value={n.servedTotal} />
            <Tile testId="numbers-enrolment-time" label={t('numbers.enrolmentTime')} value={minutes(n.enrolmentMinutes)} />
            <Tile testId="numbers-checkin-to-submit" label={t('numbers.checkInToSubmit')} value={minutes(n.checkInToSubmitMinutes)} />
          </div>
          <div className="charts">
            <figure className="chart" data-testid="numbers-chart-served">
              <figcaption>{t('numbers.servedByService')}</figcaption>
              <div className="chart-box">{served && <Bar data={served} options={stacked} aria-label={t('numbers.servedByService')} role="img" />}</div>
            </figure>
            <figure className="chart" data-testid="numbers-chart-backlog">
              <figcaption>{t('numbers.backlog')}</figcaption>
              <div className="chart-box">
                <Line
                  data={{ labels: n.backlog.map((b) => b.hour), datasets: [{ label: t('numbers.waiting'), data: n.backlog.map((b) => b.waiting), borderColor: SERIES_COLOURS[0], backgroundColor: SERIES_COLOURS[0] }] }}
                  options={{ responsive: true, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }}
                  aria-label={t('numbers.backlog')} role="img"
                />
              </div>
            </figure>
            <figure className="chart" data-testid="numbers-chart-fingers">
              <figcaption>{t('numbers.fingers')}</figcaption>
              <div className="chart-box">
                <Bar
                  data={{
                    labels: n.fingers.map((f) => t(`enrolment.finger.${f.finger}`)),
                    datasets: [
                      { label: t('numbers.retries'), data: n.fingers.map((f) => f.retries), backgroundColor: SERIES_COLOURS[1] },
                      { label: t('numbers.exceptions'), data: n.fingers.map((f) => f.exceptions), backgroundColor: SERIES_COLOURS[4] },
                    ],
                  }}
                  options={counts} aria-label={t('numbers.fingers')} role="img"
                />
              </div>
            </figure>
            <figure className="chart" data-testid="numbers-chart-officers">
              <figcaption>{t('numbers.perOfficer')}</figcaption>
              <div className="chart-box">
                <Bar
                  data={{ labels: n.perOfficer.map((o) => o.officerName), datasets: [{ label: t('numbers.served'), data: n.perOfficer.map((o) => o.count), backgroundColor: SERIES_COLOURS[2] }] }}
                  options={counts} aria-label={t('numbers.perOfficer')} role="img"
                />
              </div>
            </figure>
          </div>
          <table className="table" data-testid="numbers-returns">
            <caption>{t('numbers.returns')}</caption>
            <thead><tr><th scope="col">{t('numbers.reason')}</th><th scope="col">{t('numbers.count')}</th></tr></thead>
            <tbody>
              {n.returns.length === 0 && <tr><td colSpan={2}>{t('numbers.noReturns')}</td></tr>}
              {n.returns.map((r) => <tr key={r.reason}><td>{t(`review.returnReason.${r.reason}`, { defaultValue: r.reason })}</td><td>{r.count}</td></tr>)}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
