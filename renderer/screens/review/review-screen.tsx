// The supervisor's review (F12): the enrolments awaiting approval, oldest first, with the
// day's counts; Enter opens one with everything the decision needs on one screen (images at
// full size on demand). Approve (Enter) works inside a batch the supervisor's password opens
// (50 approvals, 15 minutes) and only on the content shown; Return (Alt+R) asks for a
// reason from the list. After a decision the next oldest opens, so a batch flows.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchGrantView, ReviewQueue, ReviewView } from '../../../electron/contract-types';
import type { GrantProblem } from '../../../domain/review';
import { ApiError } from '../../api';
import { Alert } from '../../components/alert';
import { Kbd } from '../../components/kbd';
import { StatusBadge } from '../../components/status-badge';
import { errorMessage } from '../../i18n/errors';
import { useSession } from '../../lib/session';
import { call, on } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';
import { BatchDialog } from './batch-dialog';
import { FullSize } from './full-size';
import { ReturnDialog } from './return-dialog';
import { REVIEW_SECTIONS } from './review-sections';

const GRANT_PROBLEMS: readonly string[] = ['batch_needed', 'batch_expired', 'batch_used_up'] satisfies GrantProblem[];

/** Whether the batch the screen knows of can still approve (the station decides in the end). */
function localProblem(b: BatchGrantView | null): GrantProblem | null {
  if (!b) return 'batch_needed';
  if (Date.parse(b.expiresAt) <= Date.now()) return 'batch_expired';
  return b.remaining > 0 ? null : 'batch_used_up';
}

const minutesSince = (iso: string): number => Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 60_000));

export function ReviewScreen() {
  const { t } = useTranslation();
  const { session, notify } = useSession();
  const active = session.state === 'active';
  const [queue, setQueue] = useState<ReviewQueue | null>(null);
  const [selected, setSelected] = useState(0);
  const [review, setReview] = useState<ReviewView | null>(null);
  const [batch, setBatch] = useState<BatchGrantView | null>(null);
  const [asking, setAsking] = useState<GrantProblem | null>(null);
  const [returning, setReturning] = useState(false);
  const [full, setFull] = useState<{ blobId: string; caption: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const approveRef = useRef<HTMLButtonElement>(null);

  const loadQueue = useCallback(async (): Promise<ReviewQueue | null> => {
    try {
      const q = await call('review.queue', {});
      setQueue(q);
      setSelected((s) => Math.min(s, Math.max(0, q.rows.length - 1)));
      setError(null);
      return q;
    } catch (err) {
      setError(err);
      return null;
    }
  }, []);

  useEffect(() => {
    if (!active) return;
    void loadQueue();
    call('review.batch', {}).then(setBatch, () => undefined);
  }, [active, loadQueue]);
  const loadRef = useRef(loadQueue);
  loadRef.current = loadQueue;
  useEffect(() => on('queue.changed', () => { void loadRef.current(); }), []);

  const open = useCallback(async (appointmentId: string): Promise<void> => {
    try {
      const v = await call('review.view', { appointmentId });
      setReview(v);
      setBatch(v.batch);
      setRefusal(null);
    } catch (err) {
      setError(err);
    }
  }, []);

  const back = useCallback((): void => {
    setReview(null);
    setRefusal(null);
    void loadQueue();
    setTimeout(() => listRef.current?.focus(), 0);
  }, [loadQueue]);

  /** After a decision: the next oldest enrolment opens, or the (empty) queue shows. */
  const next = async (decidedId: string): Promise<void> => {
    const q = await loadQueue();
    const following = q?.rows.find((r) => r.appointment.id !== decidedId);
    if (following) await open(following.appointment.id);
    else back();
  };

  const approve = async (b: BatchGrantView | null = batch): Promise<void> => {
    if (!review || busy) return;
    const problem = localProblem(b);
    if (problem) { setAsking(problem); return; }
    const a = review.enrolment.appointment;
    setBusy(true);
    setRefusal(null);
    try {
      const done = await call('review.approve', { appointmentId: a.id, contentHash: review.enrolment.contentHash });
      setBatch(done.batch);
      notify({ tone: 'ready', text: t('review.approved', { name: a.fullName, code: a.bookingCode }) });
      await next(a.id);
    } catch (err) {
      const reason = err instanceof ApiError ? err.error.params?.reason : undefined;
      if (typeof reason === 'string' && GRANT_PROBLEMS.includes(reason)) {
        setBatch(null);
        setAsking(reason as GrantProblem);
      } else if (reason === 'changed_since_opened') {
        // Show what it holds now; the supervisor looks again before deciding.
        await open(a.id);
        setRefusal(t('review.refusal.changed'));
      } else {
        setRefusal(errorMessage(t, err));
      }
    } finally {
      setBusy(false);
    }
  };

  const rows = queue?.rows ?? [];
  const onListKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setSelected((s) => Math.min(s + 1, rows.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setSelected((s) => Math.max(s - 1, 0)); }
    else if (e.key === 'Home') { e.preventDefault(); setSelected(0); }
    else if (e.key === 'End') { e.preventDefault(); setSelected(Math.max(0, rows.length - 1)); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      const row = rows[selected];
      if (row) void open(row.appointment.id);
    }
  };

  useHotkeys(review ? {
    'Alt+A': () => void approve(),
    'Alt+R': () => setReturning(true),
    Escape: back,
    F5: () => void open(review.enrolment.appointment.id),
  } : { F5: () => void loadQueue() }, active);

  useEffect(() => { if (active && !review) listRef.current?.focus(); }, [active, review]);
  // Each enrolment that opens (the next after a decision too) has Approve ready on Enter.
  const shownId = review?.enrolment.appointment.id;
  useEffect(() => { if (active && shownId && !busy) approveRef.current?.focus(); }, [active, shownId, busy]);

  const batchLine = batch && !localProblem(batch)
    ? t('review.batch.live', { remaining: batch.remaining, max: batch.max, time: new Date(batch.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) })
    : t('review.batch.none');

  const counts = queue?.counts;
  const dialogs = (
    <>
      {asking && (
        <BatchDialog
          reason={asking}
          onClose={() => setAsking(null)}
          onUnlocked={(b) => { setBatch(b); setAsking(null); void approve(b); }}
        />
      )}
      {returning && review && (
        <ReturnDialog
          appointment={review.enrolment.appointment}
          onClose={() => setReturning(false)}
          onReturned={(row) => {
            setReturning(false);
            notify({ tone: 'ready', text: t('review.returned', { name: row.fullName, code: row.bookingCode }) });
            void next(row.id);
          }}
        />
      )}
      {full && <FullSize blobId={full.blobId} caption={full.caption} onClose={() => setFull(null)} />}
    </>
  );

  if (review) {
    const a = review.enrolment.appointment;
    const position = rows.findIndex((r) => r.appointment.id === a.id);
    const decidable = a.status === 'awaiting_approval';
    return (
      <section className="review review-detail" data-testid="review-detail" data-appointment-id={a.id} data-content-hash={review.enrolment.contentHash}>
        <header className="review-head">
          <button type="button" className="btn" onClick={back} data-testid="review-back">
            <span aria-hidden="true">← </span>{t('review.backToQueue')} <Kbd keys="Esc" />
          </button>
          <div className="review-who">
            <h1>{a.fullName}</h1>
            <span className="mono">{a.bookingCode}</span> · <span className="mono">{a.nik}</span> · <StatusBadge status={a.status} />
            {position >= 0 && <span className="muted"> · {t('review.position', { n: position + 1, total: rows.length })}</span>}
          </div>
          <div className="review-decide">
            <span className="muted" data-testid="review-batch">{batchLine}</span>
            <button
              ref={approveRef} type="button" className="btn btn-primary" autoFocus disabled={busy || !decidable}
              onClick={() => void approve()} data-testid="review-approve"
            >
              <span aria-hidden="true">✔ </span>{t('review.approve')} <Kbd keys="Enter" /> <Kbd keys="Alt+A" />
            </button>
            <button type="button" className="btn btn-warning" disabled={busy || !decidable} onClick={() => setReturning(true)} data-testid="review-return">
              <span aria-hidden="true">↩ </span>{t('review.return.button')} <Kbd keys="Alt+R" />
            </button>
          </div>
        </header>
        {refusal && <Alert tone="problem" testId="review-refusal">{refusal}</Alert>}
        {!decidable && <Alert tone="info" testId="review-decided">{t('review.alreadyDecided', { status: t(`status.${a.status}`) })}</Alert>}
        <div className="review-grid">
          {REVIEW_SECTIONS.filter((s) => !s.applies || s.applies(review)).map((s) => (
            <article key={s.id} className={`review-card${s.wide ? ' review-card-wide' : ''}`} data-testid={`review-section-${s.id}`}>
              <h2>{t(s.title)}</h2>
              <s.Body review={review} onFullSize={(blobId, caption) => setFull({ blobId, caption })} />
            </article>
          ))}
        </div>
        {dialogs}
      </section>
    );
  }

  return (
    <section className="review" data-testid="review-queue">
      <div className="toolbar">
        <h1 className="review-title">{t('review.title')}</h1>
        <p className="review-counts" data-testid="review-counts">
          {counts
            ? t('review.counts', { waiting: counts.waiting, resubmitted: counts.resubmitted, approved: counts.approvedToday, returned: counts.returnedToday })
            : t('review.loading')}
        </p>
        <span className="muted" data-testid="review-batch">{batchLine}</span>
        <button type="button" className="btn" onClick={() => void loadQueue()}>{t('action.refresh')} <Kbd keys="F5" /></button>
      </div>
      {queue && queue.counts.waiting > queue.backlogLimit && (
        <Alert tone="waiting" testId="review-backlog">{t('review.backlog.over', { waiting: queue.counts.waiting, limit: queue.backlogLimit })}</Alert>
      )}
      {error !== null && <Alert tone="problem" testId="review-error">{errorMessage(t, error)}</Alert>}
      <div
        ref={listRef} className="review-list" role="listbox" tabIndex={0} aria-label={t('review.title')}
        aria-activedescendant={rows[selected] ? `review-row-${rows[selected].appointment.id}` : undefined}
        onKeyDown={onListKey} data-testid="review-list"
      >
        <div className="review-row review-row-head" aria-hidden="true">
          <span>{t('review.col.submitted')}</span><span>{t('field.fullName')}</span><span>{t('field.bookingCode')}</span>
          <span>{t('field.service')}</span><span>{t('review.col.by')}</span><span />
        </div>
        {rows.length === 0 && <p className="qt-empty" data-testid="review-empty">{t('review.empty')}</p>}
        {rows.map((r, i) => (
          <div
            key={r.appointment.id} id={`review-row-${r.appointment.id}`} role="option" aria-selected={i === selected}
            className={`review-row${i === selected ? ' qt-selected' : ''}`} data-testid="review-row" data-appointment-id={r.appointment.id}
            onClick={() => { setSelected(i); void open(r.appointment.id); }}
          >
            <span className="mono">{new Date(r.submittedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} · {t('review.waitingMinutes', { count: minutesSince(r.submittedAt) })}</span>
            <span className="qt-name">{r.appointment.fullName}</span>
            <span className="mono">{r.appointment.bookingCode}</span>
            <span>{t(`service.${r.appointment.service}`, { defaultValue: r.appointment.service })}</span>
            <span>{r.submittedBy ?? '–'}</span>
            <span>{r.resubmitted && <span className="badge tone-waiting"><span aria-hidden="true">↻ </span>{t('review.resubmitted')}</span>}</span>
          </div>
        ))}
      </div>
      <p className="muted">{t('review.hint')}</p>
      {dialogs}
    </section>
  );
}
