// Typed text not yet confirmed, per appointment and field (migration 0011). This station's
// own: not in the change log (replication.ts names why).
import type { Db } from './db';

export interface DraftRow { field: string; text: string; updatedAt: string }

export class DraftsRepo {
  constructor(private readonly db: Db) {}

  list(appointmentId: string): DraftRow[] {
    return this.db.prepare('SELECT field, text, updated_at AS updatedAt FROM drafts WHERE appointment_id = ? ORDER BY field')
      .all(appointmentId) as DraftRow[];
  }

  /** Keeps the text (an empty text removes the draft: there is nothing to lose). */
  save(appointmentId: string, field: string, text: string, officerId: string | null, at: string): void {
    if (text.length === 0) { this.discard(appointmentId, field); return; }
    this.db.prepare(
      `INSERT INTO drafts (appointment_id, field, text, officer_id, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (appointment_id, field) DO UPDATE SET text = excluded.text, officer_id = excluded.officer_id, updated_at = excluded.updated_at`,
    ).run(appointmentId, field, text, officerId, at);
  }

  discard(appointmentId: string, field: string): void {
    this.db.prepare('DELETE FROM drafts WHERE appointment_id = ? AND field = ?').run(appointmentId, field);
  }

  discardAll(appointmentId: string): void {
    this.db.prepare('DELETE FROM drafts WHERE appointment_id = ?').run(appointmentId);
  }
}
