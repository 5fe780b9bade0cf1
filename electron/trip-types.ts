// What the mobile unit's trip screen reads through the contract (issue 12, trip.* methods).
// Kept apart from contract-types.ts, which is big enough.
import type { TripState } from './store/trip-repo';

export interface TripView {
  onTrip: boolean;
  trip: TripState | null;
  /** Changes the office has not acknowledged yet. */
  waiting: number;
  /** Whether the station is paired with an office (a trip needs one). */
  paired: boolean;
  /**
   * The office's backup key as the officer can compare it with the office's key file
   * ("# public key: age1…"): its start and end. Null when no trip holds one.
   */
  backupKey: string | null;
}

/** A mounted removable drive the officer may write the trip's backup to. */
export interface TripDrive {
  /** Where it is mounted (the directory the backup goes into). */
  path: string;
  /** The name the officer knows it by: the last part of the mount point (the volume label). */
  label: string;
  /** The device node, e.g. /dev/sdb1. */
  device: string;
  fsType: string;
  freeBytes: number;
  totalBytes: number;
  /** Mounted read-write and writable by the station's user. */
  writable: boolean;
}

export interface TripBackupView { file: string; changes: number; blobs: number; bytes: number }
