// The plain text inside a mobile unit's encrypted backup of its unsynced work (before age
// encryption; see electron/services/trip-backup.ts and office/restore.ts): newline-
// separated JSON — one header, then one line per change, then one line per image blob with
// its bytes in base64. Lines, not one document, so a backup of hundreds of enrolments is
// written and read as a stream.
import { z } from 'zod';

export const TRIP_BACKUP_KIND = 'loket-unsynced-backup';
export const TRIP_BACKUP_VERSION = 1;

export const tripBackupHeader = z.object({
  kind: z.literal(TRIP_BACKUP_KIND),
  version: z.literal(TRIP_BACKUP_VERSION),
  stationId: z.string().min(1).max(64),
  officeId: z.string().min(1).max(64),
  createdAt: z.string(),
  changes: z.number().int().nonnegative(),
  blobs: z.number().int().nonnegative(),
}).strict();
export type TripBackupHeader = z.infer<typeof tripBackupHeader>;

export const tripBackupBlob = z.object({
  id: z.string().min(1).max(64), ownerType: z.string(), ownerId: z.string(), kind: z.string(), mime: z.string(),
  /** The image's bytes, base64 (plain inside the encrypted file). */
  data: z.string(),
}).strict();
export type TripBackupBlob = z.infer<typeof tripBackupBlob>;

/** One line after the header: a change (read by the change format's own reader) or a blob. */
export type TripBackupLine = { change: unknown } | { blob: TripBackupBlob };
