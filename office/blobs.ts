// The sealed bytes of biometric and document blobs at the office: uploaded by their station
// in chunks (a weak link resumes at the first byte the office lacks; a chunk sent twice is
// stored once), checked against the SHA-256 the station declared, and read back by any
// station of the office in ranges. The bytes arrive sealed under the office data key and
// leave as they came: the service never opens them.
import { createHash } from 'node:crypto';
import { inTransaction, type Pool } from './db';
import { OfficeError } from './errors';

/** Bigger than any photo, fingerprint set or document scan a station keeps. */
export const MAX_BLOB_BYTES = 64 * 1024 * 1024;
export const MAX_CHUNK_BYTES = 1024 * 1024;

export interface BlobState { id: string; total: number; received: number; complete: boolean }

interface Row { station_id: string; total: number; sha256: Buffer; received: number; completed_at: Date | null }

const stateOf = (id: string, r: Row): BlobState => ({ id, total: r.total, received: r.received, complete: r.completed_at !== null });

export async function blobState(pool: Pool, id: string): Promise<BlobState | null> {
  const { rows } = await pool.query<Row>('SELECT station_id, total, sha256, received, completed_at FROM office_blobs WHERE id = $1', [id]);
  return rows[0] ? stateOf(id, rows[0]) : null;
}

export interface ChunkIn { id: string; stationId: string; total: number; sha256: string; offset: number; bytes: Buffer }

/**
 * Stores one chunk if it starts where the upload stands; otherwise stores nothing. Either
 * way answers where the upload stands, so the station sends from there.
 */
export async function putChunk(pool: Pool, chunk: ChunkIn): Promise<BlobState> {
  const sha = Buffer.from(chunk.sha256, 'hex');
  return inTransaction(pool, async (c) => {
    // Only the station the blob's own record names may send its bytes, and only after the
    // record itself arrived (a station pushes its changes before its images).
    const owner = (await c.query<{ s: string | null }>(
      "SELECT vals->>'station_id' AS s FROM merged_rows WHERE tbl = 'blobs' AND row_id = $1 AND deleted_hlc IS NULL", [chunk.id],
    )).rows[0];
    if (!owner) throw new OfficeError(409, 'blob_unknown', 'The office has not received the record of this image yet; the station sends its changes first, then the image.');
    if (owner.s !== chunk.stationId) throw new OfficeError(403, 'blob_other_station', 'Another station sends the bytes of this blob; a station sends only the blobs it made.');
    await c.query(
      'INSERT INTO office_blobs (id, station_id, total, sha256) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
      [chunk.id, chunk.stationId, chunk.total, sha],
    );
    const row = (await c.query<Row>('SELECT station_id, total, sha256, received, completed_at FROM office_blobs WHERE id = $1 FOR UPDATE', [chunk.id])).rows[0]!;
    if (row.station_id !== chunk.stationId) {
      throw new OfficeError(403, 'blob_other_station', 'Another station sends the bytes of this blob; a station sends only the blobs it made.');
    }
    if (row.completed_at) return stateOf(chunk.id, row);
    if (row.total !== chunk.total || !row.sha256.equals(sha)) {
      // The station sealed the blob anew (it cannot have: the sealed form is fixed by its
      // bytes): what it sent before is not part of what it sends now, so start over.
      await c.query('DELETE FROM office_blob_chunks WHERE blob_id = $1', [chunk.id]);
      await c.query('UPDATE office_blobs SET total = $2, sha256 = $3, received = 0 WHERE id = $1', [chunk.id, chunk.total, sha]);
      row.total = chunk.total; row.sha256 = sha; row.received = 0;
    }
    if (chunk.offset !== row.received || chunk.bytes.length === 0 || row.received + chunk.bytes.length > row.total) return stateOf(chunk.id, row);
    await c.query('INSERT INTO office_blob_chunks (blob_id, "offset", bytes) VALUES ($1, $2, $3)', [chunk.id, chunk.offset, chunk.bytes]);
    row.received += chunk.bytes.length;
    if (row.received === row.total) {
      const all = await c.query<{ bytes: Buffer }>('SELECT bytes FROM office_blob_chunks WHERE blob_id = $1 ORDER BY "offset"', [chunk.id]);
      const h = createHash('sha256');
      for (const r of all.rows) h.update(r.bytes);
      if (!h.digest().equals(row.sha256)) {
        await c.query('DELETE FROM office_blob_chunks WHERE blob_id = $1', [chunk.id]);
        await c.query('UPDATE office_blobs SET received = 0 WHERE id = $1', [chunk.id]);
        throw new OfficeError(422, 'blob_corrupt', 'The bytes of this blob arrived damaged; the office dropped them and the station sends them again.');
      }
      await c.query('UPDATE office_blobs SET received = $2, completed_at = now() WHERE id = $1', [chunk.id, row.received]);
      row.completed_at = new Date();
    } else {
      await c.query('UPDATE office_blobs SET received = $2 WHERE id = $1', [chunk.id, row.received]);
    }
    return stateOf(chunk.id, row);
  });
}

/** Up to `length` bytes of a complete blob from `offset`. */
export async function readRange(pool: Pool, id: string, offset: number, length: number): Promise<{ total: number; bytes: Buffer }> {
  const state = await blobState(pool, id);
  if (!state?.complete) {
    throw new OfficeError(404, 'blob_not_at_office', 'The office does not hold these bytes yet: the station that took them has not sent them. Try again once it is online.');
  }
  const end = Math.min(state.total, offset + length);
  if (offset >= end) return { total: state.total, bytes: Buffer.alloc(0) };
  const { rows } = await pool.query<{ offset: number; bytes: Buffer }>(
    `SELECT "offset", bytes FROM office_blob_chunks WHERE blob_id = $1 AND "offset" < $3 AND "offset" + length(bytes) > $2 ORDER BY "offset"`,
    [id, offset, end],
  );
  const parts = rows.map((r) => r.bytes.subarray(Math.max(0, offset - r.offset), Math.min(r.bytes.length, end - r.offset)));
  return { total: state.total, bytes: Buffer.concat(parts) };
}
