// One enrolment per appointment: a JSON document of outcomes the officer confirmed.
// Biometric images and document scans are blobs (sealed); never in this row.
import { randomUUID } from 'node:crypto';
import type { Db } from './db';
import type { ChangeLog } from './changelog';

export interface EnrolmentRecord<T> { appointmentId: string; id: string; data: T; updatedAt: string }

export class EnrolmentsRepo {
  constructor(private readonly db: Db, private readonly stationId: string, private readonly changes: ChangeLog) {}

  get<T>(appointmentId: string): EnrolmentRecord<T> | undefined {
    const r = this.db.prepare('SELECT appointment_id, id, data, updated_at FROM enrolments WHERE appointment_id = ?').get(appointmentId) as
      { appointment_id: string; id: string; data: string; updated_at: string } | undefined;
    return r && { appointmentId: r.appointment_id, id: r.id, data: JSON.parse(r.data) as T, updatedAt: r.updated_at };
  }

  /** Creates the row on first write; replaces the data document after. */
  put<T>(appointmentId: string, data: T, at: string): void {
    const json = JSON.stringify(data);
    const existing = this.get(appointmentId);
    if (existing) {
      this.changes.track('enrolments', appointmentId, () =>
        this.db.prepare('UPDATE enrolments SET data = ?, updated_at = ? WHERE appointment_id = ?').run(json, at, appointmentId));
    } else {
      const id = randomUUID();
      this.db.prepare('INSERT INTO enrolments (appointment_id, id, station_id, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(appointmentId, id, this.stationId, json, at, at);
      this.changes.created('enrolments', appointmentId);
    }
  }
}
