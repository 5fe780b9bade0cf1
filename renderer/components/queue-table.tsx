// The day's applicants as a virtualized table: only the rows in view are in the DOM, so a
// day of a thousand appointments scrolls as smoothly as ten. One line per applicant, so at
// 1366×768 a dozen and more are in view; another day's applicant shows that day.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentRow } from '../../electron/contract-types';
import { formatQueueNumber } from '../../domain/queue-number';
import { PriorityFlags } from './priority-flags';
import { StatusBadge } from './status-badge';

/** One line of text and a small button: 12 rows and more fit the queue at 1366×768. */
const ROW_HEIGHT = 34;

interface Props {
  rows: readonly AppointmentRow[];
  selected: number;
  onSelect: (index: number) => void;
  onAct: (row: AppointmentRow) => void;
  query: string;
  /** Whether this officer may change statuses at all; otherwise no action button. */
  canAct: boolean;
  /** Start or resume the enrolment of a checked-in, returned or in-enrolment row. */
  onEnrol?: ((row: AppointmentRow) => void) | undefined;
  /** The queue's day: rows of another day show their date. */
  today: string;
}

const ENROLLABLE: ReadonlySet<string> = new Set(['checked_in', 'returned', 'in_enrolment']);

export function QueueTable({ rows, selected, onSelect, onAct, query, canAct, onEnrol, today }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });

  // Keep the row picked with the arrow keys in view.
  useEffect(() => {
    if (selected >= 0 && selected < rows.length) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, rows.length, virtualizer]);

  return (
    <div className="qt" role="table" aria-label={t('queue.title')} aria-rowcount={rows.length + 1} data-testid="queue-table" data-query={query} data-rows={rows.length}>
      <div className="qt-row qt-head" role="row">
        <span role="columnheader">{t('queueCall.number')}</span>
        <span role="columnheader">{t('field.bookingCode')}</span>
        <span role="columnheader">{t('field.fullName')}</span>
        <span role="columnheader">{t('field.nik')}</span>
        <span role="columnheader">{t('field.timeSlot')}</span>
        <span role="columnheader">{t('field.service')}</span>
        <span role="columnheader">{t('field.passportType')}</span>
        <span role="columnheader">{t('field.status')}</span>
        <span role="columnheader">{t('field.priority')}</span>
        <span role="columnheader"><span className="sr-only">{t('queue.actions')}</span></span>
      </div>
      <div ref={scrollRef} className="qt-scroll" role="rowgroup">
        {rows.length === 0 && <p className="qt-empty" data-testid="queue-empty">{t('queue.empty')}</p>}
        <div className="qt-space" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const isSel = item.index === selected;
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSel}
                className={`qt-row${isSel ? ' qt-selected' : ''}${row.priority.length ? ' qt-priority' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => onSelect(item.index)}
                onDoubleClick={() => { if (canAct) onAct(row); }}
                data-testid="queue-row"
                data-booking-code={row.bookingCode}
                data-status={row.status}
                data-date={row.appointmentDate}
              >
                <span role="cell" className="mono" data-testid="queue-number">{row.queueNumber === null ? '' : formatQueueNumber(row.queueNumber)}</span>
                <span role="cell" className="mono">{row.bookingCode}</span>
                <span role="cell" className="qt-name">
                  {row.fullName}
                  {row.walkIn && <span className="tag">{t('queue.walkIn')}</span>}
                </span>
                <span role="cell" className="mono">{row.nik}</span>
                <span role="cell" title={row.appointmentDate !== today ? t('queueCall.otherDay') : undefined}>
                  {row.appointmentDate !== today
                    ? <span className="qt-other-day" data-testid="row-other-day">{row.appointmentDate}</span>
                    : row.timeSlot}
                </span>
                <span role="cell">{t(`service.${row.service}`, { defaultValue: row.service })}</span>
                <span role="cell">{t(`passportType.${row.passportType}`)}</span>
                <span role="cell"><StatusBadge status={row.status} /></span>
                <span role="cell"><PriorityFlags flags={row.priority} /></span>
                <span role="cell" className="qt-actions">
                  {onEnrol && ENROLLABLE.has(row.status) && <button
                    type="button" className="btn btn-small btn-primary" data-testid="row-enrol"
                    onClick={(e) => { e.stopPropagation(); onSelect(item.index); onEnrol(row); }}
                  >
                    {t('queue.startEnrolment')}
                  </button>}
                  {canAct && <button
                    type="button" className="btn btn-small" data-testid="row-action"
                    aria-label={t('queue.changeStatus')} title={t('queue.changeStatus')}
                    onClick={(e) => { e.stopPropagation(); onSelect(item.index); onAct(row); }}
                  >
                    {onEnrol && ENROLLABLE.has(row.status) ? <span aria-hidden="true">⋯</span> : t('queue.changeStatus')}
                  </button>}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
