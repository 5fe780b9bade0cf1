// Getting an appointment file to the station: a file over the station's limit is refused
// here before it is read (the station refuses it too); a small one travels inline with the
// preview; a big one goes in chunks far below the WebSocket message limit.
import { IMPORT_CHUNK_CHARS, IMPORT_MAX_BYTES, megabytes } from '../../domain/import-limits';
import { call } from './station';

/** How the preview and the commit name the file's text. */
export type ImportSource = { content: string } | { uploadId: string };

/** The sentence's numbers when a file is over the limit, or null when it may be sent. */
export function oversize(bytes: number): { sizeMb: number; maxMb: number } | null {
  return bytes > IMPORT_MAX_BYTES ? { sizeMb: megabytes(bytes), maxMb: megabytes(IMPORT_MAX_BYTES) } : null;
}

/** Sends the text (in chunks when big); onProgress gets 0–100 while chunks go out. */
export async function sendImportText(fileName: string, size: number, text: string, onProgress: (percent: number) => void): Promise<ImportSource> {
  if (text.length <= IMPORT_CHUNK_CHARS) return { content: text };
  const { uploadId } = await call('import.begin', { fileName, size });
  let start = 0;
  for (let index = 0; start < text.length; index++) {
    let end = Math.min(start + IMPORT_CHUNK_CHARS, text.length);
    // Never split a surrogate pair between two chunks.
    const before = text.charCodeAt(end - 1);
    if (end < text.length && before >= 0xd800 && before <= 0xdbff) end--;
    await call('import.chunk', { uploadId, index, data: text.slice(start, end), last: end === text.length });
    start = end;
    onProgress(Math.round((start / text.length) * 100));
  }
  return { uploadId };
}
