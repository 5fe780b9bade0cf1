// The mobile unit's trip (issue 12), for the technician or administrator who readies the
// unit's laptop and brings it back. Before leaving, while on the office's network: the
// trip's days → "Prepare the trip" pulls their bookings and the office's backup key. On the
// road: how much waits for the office, the last backup, a drive to write the next one to.
// Back at the office: "Finish the trip" writes a backup first (when a drive is chosen),
// then sends everything; a link that breaks off is said so, and pressing again resumes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TripView } from '../../../electron/trip-types';
import { Alert } from '../../components/alert';
import { Field } from '../../components/field';
import { Kbd } from '../../components/kbd';
import { errorMessage } from '../../i18n/errors';
import { ApiError } from '../../api';
import { useSession } from '../../lib/session';
import { call, on } from '../../lib/station';
import { tripChanged } from '../../lib/trip-events';
import { useHotkeys } from '../../lib/use-hotkeys';
import { DrivePicker } from './drive-picker';

/** A trip's default span: today and the six days after it. */
function plusDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A backup's file name without its folder: the folder is the drive the officer picked. */
const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** The office could not be reached, or stopped answering part-way: pressing again resumes. */
const LINK_BROKE = new Set(['office_unreachable', 'office_failed']);

type Busy = null | 'prepare' | 'backup' | 'finish';
type Message = { tone: 'ready' | 'problem' | 'info'; text: string } | null;

export function TripScreen() {
  const { t, i18n } = useTranslation();
  const { today } = useSession();
  const [view, setView] = useState<TripView | null>(null);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(() => plusDays(today, 6));
  const [dir, setDir] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<Message>(null);
  const fromRef = useRef<HTMLInputElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);
  // A button is disabled while its work runs: focus goes back to it once that ends.
  const focusAfter = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (busy === null && focusAfter.current) { focusAfter.current.focus(); focusAfter.current = null; }
  }, [busy]);

  useEffect(() => { call('trip.status', {}).then(setView, (err: unknown) => setMessage({ tone: 'problem', text: errorMessage(t, err) })); }, [t]);
  // What waits for the office moves as officers work and the link syncs: read it again then.
  useEffect(() => on('office.status', () => { call('trip.status', {}).then(setView, () => undefined); }), []);
  // Focus where the officer acts next: the first day before a trip, "Finish" during one.
  useEffect(() => {
    if (!view) return;
    (view.onTrip ? finishRef.current : fromRef.current)?.focus();
  }, [view?.onTrip]);

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const problem = (err: unknown, finishing = false) => {
    const reason = err instanceof ApiError ? err.error.params?.reason : undefined;
    setMessage({ tone: 'problem', text: finishing && typeof reason === 'string' && LINK_BROKE.has(reason) ? t('trip.linkBroke') : errorMessage(t, err) });
  };

  const prepare = useCallback(async () => {
    if (busy) return;
    setBusy('prepare'); setMessage(null);
    try {
      const v = await call('trip.prepare', { from, to });
      setView(v);
      setMessage({ tone: 'ready', text: t('trip.prepared', { count: v.trip?.bookings ?? 0, from, to }) });
      tripChanged();
    } catch (err) { problem(err); focusAfter.current = fromRef.current; } finally { setBusy(null); }
  }, [busy, from, to, t]);

  const backup = useCallback(async () => {
    if (busy) return;
    if (!dir) { setMessage({ tone: 'problem', text: t('trip.chooseDrive') }); return; }
    setBusy('backup'); setMessage(null);
    try {
      const out = await call('trip.backup', { dir });
      setMessage({ tone: 'ready', text: t('trip.backupWritten', { file: fileName(out.file), changes: out.changes, blobs: out.blobs }) });
      setView(await call('trip.status', {}));
    } catch (err) { problem(err); } finally { setBusy(null); }
  }, [busy, dir, t]);

  const finish = useCallback(async () => {
    if (busy) return;
    setBusy('finish'); setMessage(null);
    try {
      const v = await call('trip.finish', dir ? { backupDir: dir } : {});
      setView(v);
      setMessage(v.onTrip ? { tone: 'info', text: t('trip.stillWaiting', { count: v.waiting }) } : { tone: 'ready', text: t('trip.finished') });
      tripChanged();
    } catch (err) {
      problem(err, true);
      // What was sent stays sent: the count of what still waits is current again.
      call('trip.status', {}).then(setView, () => undefined);
      focusAfter.current = finishRef.current;
    } finally { setBusy(null); }
  }, [busy, dir, t]);

  useHotkeys(view?.onTrip ? { 'Alt+C': () => void backup(), 'Alt+S': () => void finish() } : {});

  const trip = view?.trip ?? null;
  return (
    <section className="card trip-screen" data-testid="trip-screen" aria-labelledby="trip-title">
      <h1 id="trip-title">{t('trip.title')}</h1>
      {message && <Alert tone={message.tone} testId={message.tone === 'problem' ? 'trip-error' : 'trip-message'}>{message.text}</Alert>}
      {busy && <Alert tone="waiting" testId="trip-busy">{t(`trip.busy.${busy}`)}</Alert>}
      {view && !view.paired && !view.onTrip && <Alert tone="info" testId="trip-not-paired">{t('trip.notPaired')}</Alert>}
      {view && !trip && (
        <form className="trip-prepare" data-testid="trip-prepare-form" noValidate onSubmit={(e) => { e.preventDefault(); void prepare(); }}>
          <p className="muted">{t('trip.intro')}</p>
          <div className="trip-dates">
            <Field id="trip-from" label={t('trip.from')}>
              <input id="trip-from" ref={fromRef} type="date" data-testid="trip-from" value={from} onChange={(e) => setFrom(e.target.value)} />
            </Field>
            <Field id="trip-to" label={t('trip.to')}>
              <input id="trip-to" type="date" data-testid="trip-to" value={to} onChange={(e) => setTo(e.target.value)} />
            </Field>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy !== null || !view.paired} data-testid="trip-prepare">
            {t('trip.prepare')} <Kbd keys="Enter" />
          </button>
        </form>
      )}
      {trip && view && (
        <div className="trip-on" data-testid="trip-on">
          <div className="trip-facts">
            <p className="trip-since" data-testid="trip-since"><strong>{t('trip.onTripSince', { at: when(trip.leftAt) })}</strong></p>
            <p data-testid="trip-days">{t('trip.days', { from: trip.from, to: trip.to, count: trip.bookings })}</p>
            <p>{t('trip.key')}: <code data-testid="trip-key">{view.backupKey}</code> <span className="muted">{t('trip.keyHint')}</span></p>
            <p data-testid="trip-waiting" data-waiting={view.waiting}><strong>{t('trip.waiting', { count: view.waiting })}</strong></p>
            <p data-testid="trip-last-backup" title={trip.lastBackup?.file}>
              {trip.lastBackup
                ? t('trip.lastBackup', { file: fileName(trip.lastBackup.file), at: when(trip.lastBackup.at), changes: trip.lastBackup.changes, blobs: trip.lastBackup.blobs })
                : t('trip.noBackup')}
            </p>
          </div>
          <div className="trip-act">
            <DrivePicker value={dir} onChange={setDir} />
            <div className="actions">
              <button type="button" className="btn" disabled={busy !== null} onClick={() => void backup()} data-testid="trip-backup">
                {t('trip.backup')} <Kbd keys="Alt+C" />
              </button>
              <button type="button" ref={finishRef} className="btn btn-primary" disabled={busy !== null} onClick={() => void finish()} data-testid="trip-finish">
                {t('trip.finish')} <Kbd keys="Alt+S" />
              </button>
            </div>
            <p className="muted">{t('trip.finishHint')}</p>
          </div>
        </div>
      )}
    </section>
  );
}
