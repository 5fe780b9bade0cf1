// A big appointment file arrives in chunks (import.begin / import.chunk) rather than as one
// WebSocket message, and is assembled here with a cap on its total size. An upload belongs
// to the session and officer that began it; each session has at most one, the station keeps
// a few at a time, and one left untouched for a while is dropped.
import { randomUUID } from 'node:crypto';
import { IMPORT_MAX_BYTES, IMPORT_MAX_CHUNKS, megabytes } from '../../domain/import-limits';
import { StationError } from './errors';

interface Upload {
  owner: object;
  officerId: string;
  fileName: string;
  parts: string[];
  bytes: number;
  /** The whole text once the last chunk is in. */
  content: string | null;
  touched: number;
}

const MAX_UPLOADS = 4;
const IDLE_MS = 15 * 60_000;

export const tooLarge = (bytes: number) =>
  new StationError('import_invalid', { reason: 'import_too_large', sizeMb: megabytes(bytes), maxMb: megabytes(IMPORT_MAX_BYTES) });
const gone = () => new StationError('not_found', { reason: 'import_upload_gone' });

export class ImportUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly clock: () => number) {}

  begin(owner: object, officerId: string, fileName: string, size: number): { uploadId: string } {
    if (size > IMPORT_MAX_BYTES) throw tooLarge(size);
    this.sweep();
    // One upload per session: choosing another file replaces the one before.
    for (const [id, u] of this.uploads) if (u.owner === owner) this.uploads.delete(id);
    while (this.uploads.size >= MAX_UPLOADS) {
      const oldest = [...this.uploads.entries()].sort((a, b) => a[1].touched - b[1].touched)[0]!;
      this.uploads.delete(oldest[0]);
    }
    const uploadId = randomUUID();
    this.uploads.set(uploadId, { owner, officerId, fileName, parts: [], bytes: 0, content: null, touched: this.clock() });
    return { uploadId };
  }

  chunk(owner: object, officerId: string, uploadId: string, index: number, data: string, last: boolean): { receivedBytes: number; complete: boolean } {
    const u = this.mine(owner, officerId, uploadId);
    // In order, once each: a chunk sent again after a lost answer, or out of order, ends the upload.
    if (u.content !== null || index !== u.parts.length || index >= IMPORT_MAX_CHUNKS) {
      this.uploads.delete(uploadId);
      throw gone();
    }
    // Chunks are base64 of the file's bytes; a chunk that is not (or not whole) ends the upload.
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || (data.length % 4 !== 0)) {
      this.uploads.delete(uploadId);
      throw new StationError('bad_input', { reason: 'chunk_not_base64' }, 'data');
    }
    u.bytes += Buffer.byteLength(data, 'base64');
    if (u.bytes > IMPORT_MAX_BYTES) {
      this.uploads.delete(uploadId);
      throw tooLarge(u.bytes);
    }
    u.parts.push(data);
    u.touched = this.clock();
    if (last) {
      u.content = u.parts.join('');
      u.parts = [];
    }
    return { receivedBytes: u.bytes, complete: last };
  }

  /** The assembled file (base64) of a complete upload of this session, for the file name it began with. */
  content(owner: object, officerId: string, uploadId: string, fileName: string): string {
    const u = this.mine(owner, officerId, uploadId);
    if (u.content === null || u.fileName !== fileName) throw gone();
    u.touched = this.clock();
    return u.content;
  }

  /** The file was imported: its text is no longer needed. */
  done(uploadId: string): void {
    this.uploads.delete(uploadId);
  }

  private mine(owner: object, officerId: string, uploadId: string): Upload {
    this.sweep();
    const u = this.uploads.get(uploadId);
    // Another session's upload looks exactly like one that does not exist.
    if (!u || u.owner !== owner || u.officerId !== officerId) throw gone();
    return u;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [id, u] of this.uploads) if (now - u.touched > IDLE_MS) this.uploads.delete(id);
  }
}
