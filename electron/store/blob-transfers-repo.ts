// Where each blob's sealed bytes stand between this station and its office
// (blob_transfers, local): which of this station's blobs the office does not hold yet,
// which blobs the office holds, and the bytes the retention rule removes once the office
// holds them. The bytes themselves stay sealed with this station's key (blobs-repo.ts).
import type { Db } from './db';

export interface BlobPlace {
  /** The sealed bytes are on this station. */
  here: boolean;
  /** When the office acknowledged holding them, or null. */
  officeHeldAt: string | null;
  /** When the retention rule removed them from this station, or null. */
  removedAt: string | null;
}

export interface RetentionCandidate { id: string; kind: string; ownerId: string; closedAt: string }

/** Statuses after which an application's images are no longer needed at a counter. */
export const CLOSED_STATUSES = ['issued', 'dispatched', 'cancelled'] as const;

export class BlobTransfersRepo {
  constructor(private readonly db: Db, private readonly stationId: string) {}

  /** Blobs made here whose bytes the office does not hold yet, oldest first. */
  pendingUpload(limit: number): string[] {
    const rows = this.db.prepare(
      `SELECT b.id FROM blobs b LEFT JOIN blob_transfers t ON t.blob_id = b.id
       WHERE b.station_id = ? AND b.sealed IS NOT NULL AND t.office_held_at IS NULL
       ORDER BY b.created_at, b.id LIMIT ?`,
    ).all(this.stationId, limit) as { id: string }[];
    return rows.map((r) => r.id);
  }

  pendingCount(): number {
    return (this.db.prepare(
      `SELECT count(*) AS n FROM blobs b LEFT JOIN blob_transfers t ON t.blob_id = b.id
       WHERE b.station_id = ? AND b.sealed IS NOT NULL AND t.office_held_at IS NULL`,
    ).get(this.stationId) as { n: number }).n;
  }

  markOfficeHeld(id: string, at: string): void {
    this.db.prepare(
      `INSERT INTO blob_transfers (blob_id, office_held_at) VALUES (?, ?)
       ON CONFLICT (blob_id) DO UPDATE SET office_held_at = COALESCE(office_held_at, excluded.office_held_at)`,
    ).run(id, at);
  }

  /** The bytes came back from the office (blobs-repo.ts restore): here again, held there. */
  markFetched(id: string, at: string): void {
    this.markOfficeHeld(id, at);
    this.db.prepare('UPDATE blob_transfers SET removed_at = NULL WHERE blob_id = ?').run(id);
  }

  place(id: string): BlobPlace | undefined {
    const r = this.db.prepare(
      `SELECT b.sealed IS NOT NULL AS here, t.office_held_at, t.removed_at FROM blobs b LEFT JOIN blob_transfers t ON t.blob_id = b.id WHERE b.id = ?`,
    ).get(id) as { here: number; office_held_at: string | null; removed_at: string | null } | undefined;
    return r ? { here: r.here === 1, officeHeldAt: r.office_held_at, removedAt: r.removed_at } : undefined;
  }

  /**
   * Blobs whose bytes are here, which the office holds, of applications that reached a
   * closed status (issued, dispatched, cancelled) at or before `closedBefore` and are still there.
   */
  retentionCandidates(closedBefore: string, limit: number): RetentionCandidate[] {
    const closed = CLOSED_STATUSES.map(() => '?').join(', ');
    return this.db.prepare(
      `SELECT b.id, b.kind, b.owner_id AS ownerId, e.closed_at AS closedAt
       FROM blobs b
       JOIN blob_transfers t ON t.blob_id = b.id AND t.office_held_at IS NOT NULL
       JOIN appointments a ON a.id = b.owner_id AND a.status IN (${closed})
       JOIN (SELECT appointment_id, max(at) AS closed_at FROM appointment_events WHERE to_status IN (${closed}) GROUP BY appointment_id) e
         ON e.appointment_id = a.id
       WHERE b.owner_type = 'appointment' AND b.sealed IS NOT NULL AND e.closed_at <= ?
       ORDER BY e.closed_at, b.id LIMIT ?`,
    ).all(...CLOSED_STATUSES, ...CLOSED_STATUSES, closedBefore, limit) as RetentionCandidate[];
  }

  /** Removes a blob's bytes from this station; its row (the metadata) stays. No change is logged: the bytes never replicate. */
  removeBytes(id: string, at: string): void {
    this.db.prepare('UPDATE blobs SET sealed = NULL WHERE id = ?').run(id);
    this.db.prepare('UPDATE blob_transfers SET removed_at = ? WHERE blob_id = ?').run(at, id);
  }
}
