// The day's queue: search as you type (any part of a booking code, NIK or name, and other
// days' applicants below the day's), filter by status and time slot, counts per status,
// call the next applicant to this counter (F1), and Enter on the selected row. A scanned or
// typed booking code selects that applicant, so Enter opens them and nobody else.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../../electron/contract';
import type { AppointmentRow, QueueCallResult, QueueView } from '../../electron/contract-types';
import { formatQueueNumber } from '../../domain/queue-number';
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
import { useHotkeys } from '../lib/use-hotkeys';

/** Rows whose enrolment can be started or resumed from the queue (Enter, "Mulai perekaman"). */
const ENROLLABLE: ReadonlySet<AppointmentStatus> = new Set<AppointmentStatus>(['checked_in', 'returned', 'in_enrolment']);

/** The one line above the list: the last scan, the last call, or a problem — never a stack. */
type Line = { kind: 'call'; result: QueueCallResult } | { kind: 'problem'; error: unknown };

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
  // The selected applicant by id, not by position: a list that reloads under the officer's
  // hands (another counter checks someone in) must not move Enter to someone else.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [acting, setActing] = useState<AppointmentRow | null>(null);
  const [line, setLine] = useState<Line | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  /** Enter pressed before the answer for the typed text came: acted on when it comes. */
  const pendingEnter = useRef<string | null>(null);
  // Search as you type without a call per key: at most one question is out at a time, and
  // the text typed meanwhile goes out the moment its answer comes (no timer: an 80 ms wait
  // after the last key was a quarter of the login-to-answer budget, measured in cold-start).
  const settledQuery = query.trim();
  const asking = useRef(false);
  const askAgain = useRef(false);
  const scan = useCheckInScan({ enabled: active && canAct, today, searchRef });
  const enrol = canAct && onEnrol ? (row: AppointmentRow) => { if (ENROLLABLE.has(row.status)) onEnrol(row); } : undefined;

  const rows = view?.rows ?? [];
  const found = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);
  const selected = found >= 0 ? found : 0;

  const actOnEnter = useRef<(list: readonly AppointmentRow[], typed: string) => void>(() => undefined);
  actOnEnter.current = (list, typed) => {
    // A whole booking code typed: that applicant, whatever row was selected.
    const code = typed.toUpperCase();
    const exact = code ? list.findIndex((r) => r.bookingCode === code) : -1;
    const row = list[exact >= 0 ? exact : selected];
    if (!row) return;
    setSelectedId(row.id);
    if (exact >= 0 && row.status === 'booked' && canAct && row.appointmentDate === today) { void scan.checkIn(row.bookingCode); return; }
    if (enrol && ENROLLABLE.has(row.status)) enrol(row);
    else if (canAct) setActing(row);
  };

  const load = useCallback(async () => {
    if (!active) return;
    if (asking.current) { askAgain.current = true; return; }
    asking.current = true;
    // Answers can overtake each other (a reload after a queue change): only the latest counts.
    const mine = ++seq.current;
    try {
      const v = await call('queue.view', { date: today, query: settledQuery, statuses, ...(slot ? { slot } : {}), limit: 500, scope: 'all' });
      if (mine !== seq.current) return;
      setView({ ...v, query: settledQuery });
      setError(null);
      if (pendingEnter.current !== null && pendingEnter.current === settledQuery) {
        pendingEnter.current = null;
        actOnEnter.current(v.rows, settledQuery);
      }
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      asking.current = false;
      // What changed while this question was out (more typing, a filter) is asked now.
      if (askAgain.current) { askAgain.current = false; void loadRef.current(); }
    }
  }, [active, today, settledQuery, statuses, slot]);

  useEffect(() => { void load(); }, [load]);

  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => on('queue.changed', (p) => { if (p.date === today) void loadRef.current(); }), [today]);

  useEffect(() => { if (active) searchRef.current?.focus(); }, [active]);

  /** Shows one applicant: the whole day again (no search, no filter), that row selected. */
  const showApplicant = useCallback((row: AppointmentRow): void => {
    pendingEnter.current = null;
    setQuery('');
    setStatuses([]);
    setSlot('');
    setSelectedId(row.id);
    searchRef.current?.focus();
  }, []);

  // A scan that found its applicant selects them: Enter then opens that applicant. The
  // station's answer is the row as it is now (checked in); the list shows it at once rather
  // than after its reload, so an Enter pressed before the reload answers opens the enrolment
  // instead of the status dialog of a row still shown as booked.
  const scanned = scan.result?.kind === 'checked_in' || scan.result?.kind === 'used' ? scan.result.row : null;
  useEffect(() => {
    if (!scanned) return;
    setLine(null);
    setView((v) => (v ? { ...v, rows: v.rows.map((r) => (r.id === scanned.id ? scanned : r)) } : v));
    showApplicant(scanned);
  }, [scanned, showApplicant]);

  const toggleStatus = (s: AppointmentStatus): void => {
    setStatuses((prev) => (prev.includes(s) ? prev.filter((x) => x !== s) : [...prev, s]));
    setSelectedId(null);
  };

  const move = (by: number): void => {
    const next = rows[Math.max(0, Math.min(selected + by, rows.length - 1))];
    if (next) setSelectedId(next.id);
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      // What is in the box now (held keys included), not what the list was last loaded for.
      const typed = (searchRef.current?.value ?? '').trim();
      if (!view || view.query !== typed) { pendingEnter.current = typed; return; }
      actOnEnter.current(rows, typed);
    }
  };

  const callNext = async (): Promise<void> => {
    if (!canAct) return;
    try {
      const result = await call('queue.callNext', {});
      scan.dismiss();
      setLine({ kind: 'call', result });
      showApplicant(result.row);
    } catch (err) {
      scan.dismiss();
      setLine({ kind: 'problem', error: err });
    }
  };

  useHotkeys({
    F1: () => void callNext(),
    F5: () => void load(),
    'Alt+S': () => { const row = rows[selected]; if (row && canAct) setActing(row); },
    // Esc first puts away the line above the list, then clears the search.
    Escape: () => {
      if (line || scan.result) { setLine(null); scan.dismiss(); }
      else setQuery('');
      searchRef.current?.focus();
    },
  }, active);

  const closeDialog = (): void => {
    setActing(null);
    searchRef.current?.focus();
  };

  const dismissLine = (): void => { setLine(null); scan.dismiss(); searchRef.current?.focus(); };

  return (
    <section className="queue">
      <div className="toolbar">
        <label className="search">
          <span className="sr-only">{t('queue.search')}</span>
          <span aria-hidden="true" className="search-icon">⚲</span>
          <input
            ref={searchRef} type="search" value={query} data-testid="queue-search" autoComplete="off"
            placeholder={t('queue.searchPlaceholder')} aria-label={t('queue.search')}
            onChange={(e) => { setQuery(e.target.value); setSelectedId(null); }} onKeyDown={onSearchKey}
          />
        </label>
        <label className="inline-field">
          <span className="sr-only">{t('field.timeSlot')}</span>
          <select value={slot} onChange={(e) => { setSlot(e.target.value); setSelectedId(null); }} data-testid="slot-select" aria-label={t('field.timeSlot')}>
            <option value="">{t('queue.allSlots')}</option>
            {(view?.slots ?? []).map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        {canAct && (
          <button type="button" className="btn btn-primary" onClick={() => void callNext()} data-testid="queue-call-next">
            {t('queueCall.callNext')} <Kbd keys="F1" />
          </button>
        )}
        <button type="button" className="btn" onClick={() => void load()} data-testid="queue-refresh">
          {t('action.refresh')} <Kbd keys="F5" />
        </button>
      </div>
      <StatusFilter selected={statuses} counts={view?.counts ?? {}} onToggle={toggleStatus} onClear={() => setStatuses([])} />
      <div className="queue-line" data-testid="queue-line">
        {scan.result ? <CheckInBanner result={scan.result} onDismiss={dismissLine} />
          : line ? (
            <div className="notice-row" data-testid="queue-call-line" data-kind={line.kind}
              data-number={line.kind === 'call' ? formatQueueNumber(line.result.call.queueNumber) : undefined}>
              <Alert tone={line.kind === 'call' ? 'ready' : 'problem'}>
                {line.kind === 'call'
                  ? t('queueCall.called', { number: formatQueueNumber(line.result.call.queueNumber), counter: line.result.call.counter, name: line.result.row.fullName })
                  : errorMessage(t, line.error)}
              </Alert>
              <button type="button" className="btn btn-quiet" onClick={dismissLine} aria-label={t('action.dismiss')}>✕</button>
            </div>
          )
          : error !== null ? <Alert tone="problem" testId="queue-error">{errorMessage(t, error)}</Alert>
          : (
            <p className="muted queue-summary" data-testid="queue-summary">
              {t('queue.summary', { shown: rows.length, matched: view?.matched ?? 0, total: view?.total ?? 0, date: today })}
              {canAct && <>{' · '}{t('queue.hint')}</>}
            </p>
          )}
      </div>
      <QueueTable
        rows={rows} selected={selected} onSelect={(i) => { const r = rows[i]; if (r) setSelectedId(r.id); }}
        onAct={setActing} query={view?.query ?? ''} canAct={canAct} onEnrol={enrol} today={today}
      />
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
