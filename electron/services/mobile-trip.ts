// A mobile unit's trip (issue 12): before leaving, the unit syncs and pulls the bookings of
// the trip's days from the office (office/trip.ts) and the office's backup key, and marks
// itself on trip; on the road it works alone, as any station does; on return it first writes
// an encrypted backup of its unsynced work to a drive the officer picks (trip-backup.ts),
// then syncs. A sync over a weak link that breaks off is simply started again: every batch
// the office acknowledged stays acknowledged and the pull's watermark moves with each page
// applied, so the next attempt goes on where the last one stopped.
import type { Change } from '../../domain/change-format';
import type { Store } from '../store/store';
import type { TripState } from '../store/trip-repo';
import { StationError } from './errors';
import { OfficeLink, OfficeLinkError, officeRequest } from './office-link';
import { writeTripBackup, type TripBackupResult } from './trip-backup';

export interface TripStatus {
  onTrip: boolean;
  trip: TripState | null;
  /** Changes the office has not acknowledged yet. */
  waiting: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class MobileTripService {
  private readonly link: OfficeLink;

  constructor(private readonly store: Store, private readonly now: () => Date = () => new Date()) {
    this.link = new OfficeLink(store, now);
  }

  status(): TripStatus {
    const trip = this.store.trip.current();
    return { onTrip: trip !== null, trip, waiting: this.store.changes.count() };
  }

  /** Before leaving: everything synced, the trip's bookings and the office's backup key here. */
  async prepare(officerId: string, from: string, to: string): Promise<TripStatus> {
    if (!DATE.test(from) || !DATE.test(to) || to < from) throw new StationError('office', { reason: 'trip_dates_invalid' });
    const cfg = this.store.officeLink.link();
    if (!cfg) throw new StationError('office', { reason: 'not_paired' });
    try {
      await this.link.sync();
      const page = await officeRequest<{ bookings: number; changes: Change[]; more: boolean }>(
        cfg.url, cfg.certSha256, 'GET', `/v1/trip?from=${from}&to=${to}`, undefined, cfg.credential);
      const { recipient } = await officeRequest<{ recipient: string }>(cfg.url, cfg.certSha256, 'GET', '/v1/backup-recipient', undefined, cfg.credential);
      if (!/^age1[0-9a-z]{20,}$/.test(recipient)) throw new OfficeLinkError('office_bad_answer', 'The office sent no usable backup key.');
      const at = this.now().toISOString();
      this.store.tx(() => {
        this.store.remote.apply(page.changes);
        this.store.trip.set({ from, to, bookings: page.bookings, leftAt: at, backupRecipient: recipient, lastBackup: null });
        this.store.audit.append(officerId, 'trip.start', { from, to, bookings: page.bookings }, at);
      });
    } catch (err) {
      throw toStationError(err);
    }
    return this.status();
  }

  /** Writes the encrypted backup of what the office has not acknowledged to `dir` (a USB drive). */
  async backup(officerId: string, dir: string): Promise<TripBackupResult> {
    const trip = this.store.trip.current();
    const cfg = this.store.officeLink.link();
    if (!trip || !cfg) throw new StationError('office', { reason: 'trip_not_started' });
    const at = this.now();
    const out = await writeTripBackup(this.store, trip.backupRecipient, cfg.officeId, dir, at);
    this.store.tx(() => {
      this.store.trip.set({ ...trip, lastBackup: { file: out.file, at: at.toISOString(), changes: out.changes, blobs: out.blobs } });
      // The file's name and counts only: what it holds stays in it.
      this.store.audit.append(officerId, 'trip.backup', { file: out.file, changes: out.changes, blobs: out.blobs }, at.toISOString());
    });
    return out;
  }

  /**
   * Back at the office (or on any link): a backup to `backupDir` first when given, then a
   * sync. Called again after a broken link, it goes on where it stopped. The trip ends once
   * the office has acknowledged everything.
   */
  async finish(officerId: string, backupDir?: string): Promise<TripStatus> {
    if (!this.store.trip.current()) throw new StationError('office', { reason: 'trip_not_started' });
    if (backupDir) await this.backup(officerId, backupDir);
    try {
      await this.link.sync();
    } catch (err) {
      throw toStationError(err);
    }
    if (this.store.changes.count() === 0) {
      const trip = this.store.trip.current()!;
      this.store.tx(() => {
        this.store.trip.end();
        this.store.audit.append(officerId, 'trip.end', { from: trip.from, to: trip.to }, this.now().toISOString());
      });
    }
    return this.status();
  }
}

function toStationError(err: unknown): StationError {
  if (err instanceof StationError) return err;
  if (err instanceof OfficeLinkError) return new StationError('office', { reason: err.code });
  return new StationError('office', { reason: 'office_failed' });
}
