// Getting an appointment file to the station: a file over the station's limit is refused
// here before it is read (the station refuses it too); a small one travels inline with the
// preview; a big one goes in chunks far below the WebSocket message limit.
import { IMPORT_CHUNK_CHARS, IMPORT_MAX_BYTES, megabytes } from '../../domain/import-limits';
import { call } from './station';

/** How the preview and the commit name the file: its bytes inline, or a finished upload of them. */
export type ImportSource = { contentBase64: string } | { uploadId: string };

/** The sentence's numbers when a file is over the limit, or null when it may be sent. */
export function oversize(bytes: number): { sizeMb: number; maxMb: number } | null {
  return bytes > IMPORT_MAX_BYTES ? { sizeMb: megabytes(bytes), maxMb: megabytes(IMPORT_MAX_BYTES) } : null;
}

/** Sends the file's bytes as base64 (in chunks when big); onProgress gets 0–100 while chunks
 *  go out. Chunks are IMPORT_CHUNK_CHARS long, a multiple of 4, so each is whole base64. */
export async function sendImportBytes(fileName: string, size: number, base64: string, onProgress: (percent: number) => void): Promise<ImportSource> {
  if (base64.length <= IMPORT_CHUNK_CHARS) return { contentBase64: base64 };
  const { uploadId } = await call('import.begin', { fileName, size });
  for (let index = 0, start = 0; start < base64.length; index++) {
    const end = Math.min(start + IMPORT_CHUNK_CHARS, base64.length);
    await call('import.chunk', { uploadId, index, data: base64.slice(start, end), last: end === base64.length });
    start = end;
    onProgress(Math.round((start / base64.length) * 100));
  }
  return { uploadId };
}
