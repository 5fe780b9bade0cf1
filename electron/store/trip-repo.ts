// A mobile unit's trip, kept in the store's local meta (never replicated: it describes this
// laptop): the days whose bookings were pulled before leaving, when it left, and the
// office's backup recipient (the public key its unsynced-work backups are encrypted to).
import type { Db } from './db';

export interface TripState {
  from: string;
  to: string;
  bookings: number;
  leftAt: string;
  /** age1… recipient of the office's backup key, fetched over the pinned link when the trip was prepared. */
  backupRecipient: string;
  lastBackup: { file: string; at: string; changes: number; blobs: number } | null;
}

const TRIP = 'mobile_trip';

export class TripRepo {
  constructor(private readonly db: Db) {}

  current(): TripState | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(TRIP) as { value: string } | undefined;
    return row ? JSON.parse(row.value) as TripState : null;
  }

  set(state: TripState): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(TRIP, JSON.stringify(state));
  }

  end(): void {
    this.db.prepare('DELETE FROM meta WHERE key = ?').run(TRIP);
  }
}
