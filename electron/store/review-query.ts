// The supervisor's review queue and the counters' backlog line, by SQL: the enrolments
// awaiting approval, oldest submission first, with who sent each and whether it comes back after a return.
import type { AppointmentRow } from '../contract-types';
import type { Db } from './db';
import { toRow, type DbRow } from './appointments-repo';

export interface AwaitingRow {
  appointment: AppointmentRow;
  submittedAt: string;
  submittedBy: string | null;
  /** It was returned before and comes back corrected. */
  resubmitted: boolean;
}

export class ReviewQuery {
  constructor(private readonly db: Db) {}

  awaiting(): AwaitingRow[] {
    const rows = this.db.prepare(`
      SELECT a.*, s.at AS submitted_at, o.name AS submitted_by,
             EXISTS (SELECT 1 FROM appointment_events r WHERE r.appointment_id = a.id AND r.to_status = 'returned') AS resubmitted
        FROM appointments a
        JOIN appointment_events s ON s.id = (
             SELECT e.id FROM appointment_events e
              WHERE e.appointment_id = a.id AND e.to_status = 'awaiting_approval'
              ORDER BY e.at DESC, e.rowid DESC LIMIT 1)
        LEFT JOIN officers o ON o.id = s.officer_id
       WHERE a.status = 'awaiting_approval'
       ORDER BY s.at, a.seq`).all() as (DbRow & { submitted_at: string; submitted_by: string | null; resubmitted: number })[];
    return rows.map((r) => ({ appointment: toRow(r), submittedAt: r.submitted_at, submittedBy: r.submitted_by, resubmitted: r.resubmitted === 1 }));
  }

  countAwaiting(): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM appointments WHERE status = 'awaiting_approval'`).get() as { n: number }).n;
  }

  /** Approvals and returns taken since `from` (an instant), for the queue's counts. */
  decidedSince(from: string): { approved: number; returned: number } {
    return this.db.prepare(`
      SELECT coalesce(sum(action = 'approve'), 0) AS approved, coalesce(sum(action = 'return'), 0) AS returned
        FROM appointment_events WHERE to_status IN ('approved', 'returned') AND at >= ?`).get(from) as { approved: number; returned: number };
  }
}
