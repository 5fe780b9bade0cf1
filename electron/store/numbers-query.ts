// The day in numbers, straight from the store by SQL: counts per appointment day, and the
// steps taken within a span of time (submissions, returns, the approval backlog), each read
// through an index so a station holding years of applications answers at once.
import type { Db } from './db';

/** The status a submitted enrolment waits in, and the one it comes from at first submission. */
const AWAITING = 'awaiting_approval';

export interface DayCounts {
  booked: number; walkIns: number; priority: number; cancelled: number; checkedIn: number; notArrived: number;
}

export interface Submission {
  appointmentId: string; service: string; passportType: string; officerId: string | null; officerName: string | null;
  submittedAt: string; openedAt: string | null; checkedInAt: string | null;
}

export interface FingerFigure { finger: string; captured: number; retries: number; exceptions: number }
export interface ReasonCount { reason: string; count: number }
export interface BacklogStep { at: string; delta: 1 | -1 }

export class NumbersQuery {
  constructor(private readonly db: Db) {}

  /** Appointments booked for the day (walk-ins apart), and how many of them came. */
  counts(day: string): DayCounts {
    return this.db.prepare(`
      SELECT
        coalesce(sum(a.walk_in = 0), 0)          AS booked,
        coalesce(sum(a.walk_in = 1), 0)          AS walkIns,
        coalesce(sum(a.priority <> ''), 0)       AS priority,
        coalesce(sum(a.status = 'cancelled'), 0) AS cancelled,
        coalesce(sum(a.walk_in = 0 AND EXISTS (SELECT 1 FROM appointment_events e
                              WHERE e.appointment_id = a.id AND e.to_status = 'checked_in')), 0) AS checkedIn,
        coalesce(sum(a.walk_in = 0 AND a.status = 'booked'), 0) AS notArrived
      FROM appointments a WHERE a.appointment_date = ?`).get(day) as DayCounts;
  }

  /** First submissions made in [from, to), with when that enrolment was opened and checked in. */
  submissions(from: string, to: string): Submission[] {
    return this.db.prepare(`
      SELECT e.appointment_id AS appointmentId, a.service, a.passport_type AS passportType,
             e.officer_id AS officerId, o.name AS officerName, e.at AS submittedAt,
             (SELECT max(x.at) FROM appointment_events x
               WHERE x.appointment_id = e.appointment_id AND x.to_status = 'in_enrolment' AND x.at <= e.at) AS openedAt,
             (SELECT max(x.at) FROM appointment_events x
               WHERE x.appointment_id = e.appointment_id AND x.to_status = 'checked_in' AND x.at <= e.at) AS checkedInAt
        FROM appointment_events e
        JOIN appointments a ON a.id = e.appointment_id
        LEFT JOIN officers o ON o.id = e.officer_id
       WHERE e.to_status = '${AWAITING}' AND e.from_status = 'in_enrolment' AND e.at >= ? AND e.at < ?
       ORDER BY e.at`).all(from, to) as Submission[];
  }

  /** Per finger, over the enrolments first submitted in [from, to): retries and exceptions. */
  fingers(from: string, to: string): FingerFigure[] {
    return this.db.prepare(`
      SELECT f.value ->> '$.finger' AS finger,
             sum(f.value ->> '$.status' IN ('captured', 'accepted_below_threshold')) AS captured,
             sum(max(coalesce(f.value ->> '$.attempts', 0) - 1, 0)) AS retries,
             sum(f.value ->> '$.status' IN ('missing', 'accepted_below_threshold')) AS exceptions
        FROM appointment_events e
        JOIN enrolments en ON en.appointment_id = e.appointment_id,
             json_each(en.data, '$.fingerprints') f
       WHERE e.to_status = '${AWAITING}' AND e.from_status = 'in_enrolment' AND e.at >= ? AND e.at < ?
       GROUP BY finger ORDER BY finger`).all(from, to) as FingerFigure[];
  }

  /** Enrolments returned to the counter in [from, to), by the reason given. */
  returns(from: string, to: string): ReasonCount[] {
    return this.db.prepare(`
      SELECT coalesce(nullif(trim(reason), ''), '-') AS reason, count(*) AS count
        FROM appointment_events WHERE to_status = 'returned' AND at >= ? AND at < ?
       GROUP BY 1 ORDER BY count DESC, reason`).all(from, to) as ReasonCount[];
  }

  /** Enrolments waiting for approval at `at`: every entry into the waiting status before it,
   *  less every exit. */
  waitingAt(at: string): number {
    const r = this.db.prepare(`
      SELECT (SELECT count(*) FROM appointment_events WHERE to_status = '${AWAITING}' AND at < ?)
           - (SELECT count(*) FROM appointment_events WHERE from_status = '${AWAITING}' AND at < ?) AS n`).get(at, at) as { n: number };
    return r.n;
  }

  /** Each entry into (+1) and exit from (-1) the waiting status in [from, to), in order. */
  backlogSteps(from: string, to: string): BacklogStep[] {
    return this.db.prepare(`
      SELECT at, 1 AS delta FROM appointment_events WHERE to_status = '${AWAITING}' AND at >= ? AND at < ?
      UNION ALL
      SELECT at, -1 AS delta FROM appointment_events WHERE from_status = '${AWAITING}' AND at >= ? AND at < ?
      ORDER BY at`).all(from, to, from, to) as BacklogStep[];
  }
}
