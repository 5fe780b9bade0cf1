// The day's queue: search as you type (booking code, NIK or name), filter by status and time
// slot, counts per status, and a status change for the selected row on Enter.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../../electron/contract';
import type { AppointmentRow, QueueView } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { CheckInBanner } from '../components/checkin-banner';
import { Kbd } from '../components/kbd';
import { QueueTable } from '../components/queue-table';
import { StatusDialog } from '../components/status-dialog';
import { StatusFilter } from '../components/status-filter';
import { errorMessage } from '../i18n/errors';
import { useSession } from '../lib/session';
import { call, on } from '../lib/station';
import { useCheckInScan } from '../lib/use-checkin-scan';
import { useDebounced } from '../lib/use-debounced';
import { useHotkeys } from '../lib/use-hotkeys';

const SEARCH_DEBOUNCE_MS = 80;
/** Rows whose enrolment can be started or resumed from the queue (Enter, "Mulai perekaman"). */
const ENROLLABLE: ReadonlySet<AppointmentStatus> = new Set<AppointmentStatus>(['checked_in', 'returned', 'in_enrolment']);

export function QueueScreen({ onEnrol }: { onEnrol?: (row: AppointmentRow) => void }) {
  const { t } = useTranslation();
  const { session, today, notify, hasRole } = useSession();
  const canAct = hasRole('counter', 'supervisor');
  const active = session.state === 'active';
  const [query, setQuery] = useState('');
  const [statuses, setStatuses] = useState<AppointmentStatus[]>([]);
  const [slot, setSlot] = useState('');
  const [view, setView] = useState<(QueueView & { query: string }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState(0);
  const [acting, setActing] = useState<AppointmentRow | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const settledQuery = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS);
  const scan = useCheckInScan({ enabled: active && canAct, today, searchRef });
  const enrol = canAct && onEnrol ? (row: AppointmentRow) => { if (ENROLLABLE.has(row.status)) onEnrol(row); } : undefined;

  const load = useCallback(async () => {
    if (!active) return;
    // Answers can overtake each other while the officer types: only the latest one counts.
    const mine = ++seq.current;
    try {
      const v = await call('queue.view', { date: today, query: settledQuery, statuses, ...(slot ? { slot } : {}), limit: 500 });
      if (mine !== seq.current) return;
      setView({ ...v, query: settledQuery });
      setError(null);
      setSelected((s) => Math.min(s, Math.max(0, v.rows.length - 1)));
    } catch (err) {
      if (mine === seq.current) setError(err);
    }
  }, [active, today, settledQuery, statuses, slot]);

  useEffect(() => { void load(); }, [load]);

  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => on('queue.changed', (p) => { if (p.date === today) void loadRef.current(); }), [today]);

  useEffect(() => { if (active) searchRef.current?.focus(); }, [active]);

  const rows = view?.rows ?? [];

  // After a check-in by scan, the applicant just checked in is the selected row, focus in the
  // search box: Enter opens their enrolment (the next thing the officer does).
  const scanned = scan.result?.kind === 'checked_in' ? scan.result.code : null;
  useEffect(() => {
    if (!scanned) return;
    const i = rows.findIndex((r) => r.bookingCode === scanned);
    if (i >= 0) { setSelected(i); searchRef.current?.focus(); }
  }, [scanned, rows]);

  const toggleStatus = (s: AppointmentStatus): void => {
    setStatuses((prev) => (prev.includes(s) ? prev.filter((x) => x !== s) : [...prev, s]));
    setSelected(0);
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setSelected((s) => Math.min(s + 1, rows.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setSelected((s) => Math.max(s - 1, 0)); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      const row = rows[selected];
      if (row && enrol && ENROLLABLE.has(row.status)) enrol(row);
      else if (row && canAct) setActing(row);
    }
  };

  useHotkeys({
    F5: () => void load(),
    'Alt+S': () => { const row = rows[selected]; if (row && canAct) setActing(row); },
    Escape: () => { setQuery(''); searchRef.current?.focus(); },
  }, active);

  const closeDialog = (): void => {
    setActing(null);
    searchRef.current?.focus();
  };

  return (
    <section className="queue">
      <div className="toolbar">
        <label className="search">
          <span className="sr-only">{t('queue.search')}</span>
          <span aria-hidden="true" className="search-icon">⚲</span>
          <input
            ref={searchRef} type="search" value={query} data-testid="queue-search" autoComplete="off"
            placeholder={t('queue.searchPlaceholder')} aria-label={t('queue.search')}
            onChange={(e) => { setQuery(e.target.value); setSelected(0); }} onKeyDown={onSearchKey}
          />
        </label>
        <label className="inline-field">
          {t('field.timeSlot')}
          <select value={slot} onChange={(e) => { setSlot(e.target.value); setSelected(0); }} data-testid="slot-select">
            <option value="">{t('queue.allSlots')}</option>
            {(view?.slots ?? []).map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => void load()} data-testid="queue-refresh">
          {t('action.refresh')} <Kbd keys="F5" />
        </button>
      </div>
      <StatusFilter selected={statuses} counts={view?.counts ?? {}} onToggle={toggleStatus} onClear={() => setStatuses([])} />
      {scan.result && <CheckInBanner result={scan.result} onDismiss={scan.dismiss} />}
      {error !== null && <Alert tone="problem" testId="queue-error">{errorMessage(t, error)}</Alert>}
      <p className="muted" data-testid="queue-summary">
        {t('queue.summary', { shown: rows.length, matched: view?.matched ?? 0, total: view?.total ?? 0, date: today })}
        {canAct && <>{' · '}{t('queue.hint')}</>}
      </p>
      <QueueTable rows={rows} selected={selected} onSelect={setSelected} onAct={setActing} query={view?.query ?? ''} canAct={canAct} onEnrol={enrol} />
      {acting && (
        <StatusDialog
          row={acting}
          roles={session.roles}
          onClose={closeDialog}
          onChanged={(r) => {
            notify({ tone: 'ready', text: t('queue.statusChanged', { name: r.fullName, status: t(`status.${r.status}`) }) });
            closeDialog();
            void load();
          }}
        />
      )}
    </section>
  );
}
