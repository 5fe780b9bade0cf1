// A mobile unit's backup of its unsynced work, written before it syncs on return (or any
// time on the road) to a directory the officer picks — a USB drive. Everything the office
// has not acknowledged: the changes, and the bytes of the images those changes name. The
// file is encrypted with age (https://age-encryption.org/v1) to the office's backup key
// (office/backup-key.ts), whose public half the unit fetched over its pinned link when the
// trip was prepared: the drive alone, or with the laptop, cannot be read; the office opens
// it with `npm run office -- restore`, or with Debian's `age -d -i office-backup-key.txt`.
// Written to a hidden .part file, flushed to the drive, then renamed: a drive pulled out
// mid-write leaves no file that looks complete.
import { accessSync, closeSync, constants, createWriteStream, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Encrypter } from 'age-encryption';
import { TRIP_BACKUP_KIND, TRIP_BACKUP_VERSION, type TripBackupHeader, type TripBackupLine } from '../../domain/trip-backup-format';
import type { Store } from '../store/store';
import { StationError } from './errors';

export interface TripBackupResult { file: string; changes: number; blobs: number; bytes: number }

/** A directory the station can write to, or a sentence for the officer. */
function checkDir(dir: string): void {
  if (!path.isAbsolute(dir)) throw new StationError('office', { reason: 'trip_backup_dir_invalid' });
  let st;
  try { st = statSync(dir); } catch { throw new StationError('office', { reason: 'trip_backup_dir_missing' }); }
  if (!st.isDirectory()) throw new StationError('office', { reason: 'trip_backup_dir_invalid' });
  // A drive mounted read-only (or its write switch on) says so before anything is encrypted.
  try { accessSync(dir, constants.W_OK); } catch { throw new StationError('office', { reason: 'trip_backup_dir_readonly' }); }
}

/** Why a write to the drive failed, as the officer's reason: full, read-only, or otherwise. */
function writeFailure(err: unknown): StationError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new StationError('office', { reason: 'trip_backup_full' });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new StationError('office', { reason: 'trip_backup_dir_readonly' });
  return new StationError('office', { reason: 'trip_backup_failed' });
}

export async function writeTripBackup(store: Store, recipient: string, officeId: string, dir: string, now: Date): Promise<TripBackupResult> {
  checkDir(dir);
  const changes = store.changes.unsent(Number.MAX_SAFE_INTEGER);
  const blobIds = [...new Set(changes.filter((c) => c.table === 'blobs' && c.op === 'upsert').map((c) => c.rowId))];
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const name = `loket-backup-${store.stationId}-${stamp}.age`;
  const header: TripBackupHeader = { kind: TRIP_BACKUP_KIND, version: TRIP_BACKUP_VERSION, stationId: store.stationId, officeId, createdAt: now.toISOString(), changes: changes.length, blobs: blobIds.length };
  let blobs = 0;
  const enc = new TextEncoder();
  async function* lines(): AsyncGenerator<Uint8Array> {
    yield enc.encode(JSON.stringify(header) + '\n');
    for (const change of changes) yield enc.encode(JSON.stringify({ change } satisfies TripBackupLine) + '\n');
    for (const id of blobIds) {
      const b = store.blobs.get(id);
      // A blob removed since (its delete is among the changes) has no bytes to keep.
      if (!b) continue;
      blobs++;
      yield enc.encode(JSON.stringify({ blob: { id, ownerType: b.info.ownerType, ownerId: b.info.ownerId, kind: b.info.kind, mime: b.info.mime, data: b.data.toString('base64') } } satisfies TripBackupLine) + '\n');
    }
  }
  const e = new Encrypter();
  e.addRecipient(recipient);
  const encrypted = await e.encrypt(Readable.toWeb(Readable.from(lines())) as unknown as ReadableStream<Uint8Array>);
  const part = path.join(dir, `.${name}.part`);
  const file = path.join(dir, name);
  try {
    await pipeline(Readable.fromWeb(encrypted as unknown as WebReadableStream<Uint8Array>), createWriteStream(part, { mode: 0o600 }));
    const fd = openSync(part, 'r+');
    try { fsyncSync(fd); } finally { closeSync(fd); }
    renameSync(part, file);
  } catch (err) {
    if (err instanceof StationError) throw err;
    // The half-written file goes, so a full drive keeps no part of it.
    try { rmSync(part, { force: true }); } catch { /* the drive is gone: nothing to tidy */ }
    throw writeFailure(err);
  }
  return { file, changes: changes.length, blobs, bytes: statSync(file).size };
}
