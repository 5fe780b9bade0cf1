// Restores a mobile unit's encrypted backup at the office (written by the unit's
// electron/services/trip-backup.ts): opened with the office's backup key, its changes
// stored exactly as if the unit had pushed them (the same push, in batches, under the
// unit's own station id, so a unit that later syncs after all finds them all "duplicate"),
// and the image bytes kept in restored_blobs. The unit must be one paired with this office.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Decrypter } from 'age-encryption';
import { tripBackupBlob, tripBackupHeader, type TripBackupHeader } from '../domain/trip-backup-format';
import type { Pool } from './db';
import { OfficeError } from './errors';
import { MAX_PUSH_BATCH, storePush, type PushAck } from './push';

export interface RestoreOutcome { header: TripBackupHeader; stored: number; duplicate: number; parked: number; blobs: number }

async function* linesOf(stream: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const dec = new TextDecoder();
  let rest = '';
  for await (const chunk of stream) {
    rest += dec.decode(chunk, { stream: true });
    let i;
    while ((i = rest.indexOf('\n')) >= 0) { yield rest.slice(0, i); rest = rest.slice(i + 1); }
  }
  rest += dec.decode();
  if (rest.trim()) yield rest;
}

export async function restoreBackup(pool: Pool, identity: string, file: string): Promise<RestoreOutcome> {
  const d = new Decrypter();
  d.addIdentity(identity);
  let plain: AsyncIterable<Uint8Array>;
  try {
    const web = await d.decrypt(Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>);
    plain = Readable.fromWeb(web as unknown as WebReadableStream<Uint8Array>);
  } catch (err) {
    throw new OfficeError(400, 'backup_unreadable', `This backup cannot be opened with this office's backup key (${(err as Error).message}). Check it was made by a station of this office.`);
  }
  let header: TripBackupHeader | null = null;
  const out = { stored: 0, duplicate: 0, parked: 0, blobs: 0 };
  let batch: unknown[] = [];
  const flush = async () => {
    if (!batch.length || !header) return;
    const acks: PushAck[] = await storePush(pool, header.stationId, batch);
    for (const a of acks) out[a.status === 'parked' ? 'parked' : a.status]++;
    batch = [];
  };
  try {
    for await (const line of linesOf(plain)) {
      const value = JSON.parse(line) as Record<string, unknown>;
      if (!header) {
        const h = tripBackupHeader.safeParse(value);
        if (!h.success) throw new OfficeError(400, 'backup_unreadable', 'This file is not a Loket backup of unsynced work (or of a version this office does not read).');
        header = h.data;
        const { rows } = await pool.query('SELECT 1 FROM stations WHERE id = $1', [header.stationId]);
        if (!rows.length) throw new OfficeError(403, 'backup_unknown_station', `This backup is from station ${header.stationId}, which is not paired with this office; it was not restored.`);
        continue;
      }
      if ('change' in value) {
        batch.push(value.change);
        if (batch.length >= MAX_PUSH_BATCH) await flush();
      } else if ('blob' in value) {
        await flush();
        const b = tripBackupBlob.parse(value.blob);
        const bytes = Buffer.from(b.data, 'base64');
        await pool.query(
          `INSERT INTO restored_blobs (id, station_id, owner_type, owner_id, kind, mime, bytes, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (id) DO NOTHING`,
          [b.id, header.stationId, b.ownerType, b.ownerId, b.kind, b.mime, bytes, createHash('sha256').update(bytes).digest('hex')]);
        out.blobs++;
      }
    }
    await flush();
  } catch (err) {
    if (err instanceof OfficeError) throw err;
    throw new OfficeError(400, 'backup_unreadable', `This backup is damaged or incomplete (${(err as Error).message.slice(0, 200)}); what was read before the damage is stored. Restore an earlier copy for the rest.`);
  }
  if (!header) throw new OfficeError(400, 'backup_unreadable', 'This backup is empty.');
  return { header, ...out };
}
