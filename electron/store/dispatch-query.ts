// The day's parcels for the dispatch manifest: applications whose enrolment records a
// dispatch by post on that date. The record lives in the enrolment's JSON (it replicates
// with it), so the manifest reads it there rather than keeping a second copy.
import type { Db } from './db';

export interface DispatchedRow { appointmentId: string; data: string }

export class DispatchQuery {
  constructor(private readonly db: Db) {}

  onDate(day: string): DispatchedRow[] {
    return (this.db.prepare(
      "SELECT appointment_id, data FROM enrolments WHERE json_extract(data, '$.dispatch.dispatchDate') = ? ORDER BY json_extract(data, '$.dispatch.at')",
    ).all(day) as { appointment_id: string; data: string }[]).map((r) => ({ appointmentId: r.appointment_id, data: r.data }));
  }
}
