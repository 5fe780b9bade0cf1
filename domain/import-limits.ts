// How large an appointment file the station accepts, and how it travels: the screen refuses
// a larger file before reading it, and sends a big one in chunks, each far below the
// browser host's 32 MiB WebSocket message limit. Shared by the screen and the station.

/** The largest file accepted (bytes): a day's export of an office is a few MB at most. */
export const IMPORT_MAX_BYTES = 40 * 1024 * 1024;
/** Characters per message: a file travels as its bytes in base64 (only the station can tell
 *  a Windows-1252 export from UTF-8), one chunk at most this long. A multiple of 4, so every
 *  chunk is whole base64 and the chunks joined are the file's base64. */
export const IMPORT_CHUNK_CHARS = 1_000_000;
/** base64 characters of the largest file accepted. */
export const IMPORT_MAX_BASE64_CHARS = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;
/** Chunks of one upload (a 40 MB file needs 56). */
export const IMPORT_MAX_CHUNKS = Math.ceil(IMPORT_MAX_BASE64_CHARS / IMPORT_CHUNK_CHARS) + 2;
/** Deepest nesting of arrays and objects in a JSON file (an export needs 2 or 3). */
export const IMPORT_MAX_JSON_DEPTH = 32;

/** Megabytes for a sentence, rounded up so 40.2 MB never reads as "40 MB". */
export const megabytes = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
