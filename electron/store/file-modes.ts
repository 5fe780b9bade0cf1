// The store's files hold a day of applicants' personal data: the directory is created 0700
// and loket.sqlite, its -wal and -shm 0600, and the station refuses to start when any of
// them could be read by another local user (as it refuses such a key file). Windows has no
// POSIX mode bits (ACLs apply there), so only the file type is checked on Windows.
import fs from 'node:fs';
import path from 'node:path';

export class StoreFileError extends Error {
  override name = 'StoreFileError';
}

const isWindows = process.platform === 'win32';
/** The database and the two files SQLite keeps beside it in WAL mode. */
export const storeFiles = (dbFile: string): string[] => [dbFile, `${dbFile}-wal`, `${dbFile}-shm`];

const modeText = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

function assertOwned(p: string, st: fs.Stats): void {
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new StoreFileError(`${p} belongs to uid ${st.uid}, not to this user (uid ${uid}); refusing to use it.`);
  }
}

/** Creates the data directory 0700, or refuses an existing one that others could enter or list. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.lstatSync(dir);
  if (!st.isDirectory()) throw new StoreFileError(`${dir} is not a directory; refusing to keep the station's data there.`);
  if (isWindows) return;
  assertOwned(dir, st);
  if ((st.mode & 0o077) !== 0) {
    throw new StoreFileError(
      `The data directory ${dir} is open to other users (mode ${modeText(st.mode)}); refusing to start. ` +
      `Check who could have copied its files, then run: chmod 700 '${dir}'`,
    );
  }
}

/** Refuses any of the store's files that exists and is not a private regular file of ours. */
export function assertPrivateStoreFiles(dbFile: string): void {
  for (const file of storeFiles(dbFile)) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    if (!st.isFile()) throw new StoreFileError(`${file} is not a regular file; refusing to open the store.`);
    if (isWindows) continue;
    assertOwned(file, st);
    if ((st.mode & 0o077) !== 0) {
      throw new StoreFileError(
        `${file} is readable by other users (mode ${modeText(st.mode)}); refusing to start. ` +
        `Check who could have copied it, then run: chmod 600 '${path.join(path.dirname(file), path.basename(dbFile))}'*`,
      );
    }
  }
}

/**
 * Runs fn (which opens the database) so that every file it creates is private from the
 * first byte: an empty database file is made 0600 first (SQLite gives its -wal and -shm the
 * database's own mode), the umask is 077 while fn runs, and every store file is chmod 0600
 * afterwards in case a file appeared another way.
 */
export function withPrivateStoreFiles<T>(dbFile: string, fn: () => T): T {
  ensurePrivateDir(path.dirname(dbFile));
  assertPrivateStoreFiles(dbFile);
  if (!fs.existsSync(dbFile)) {
    // 'wx': a second process creating it at the same moment makes us stop, not share.
    fs.closeSync(fs.openSync(dbFile, 'wx', 0o600));
  }
  let oldMask: number | null = null;
  try {
    // The umask is process-wide: it is put back straight after the synchronous open.
    // Worker threads may not change it; the 0600 file and the chmod below still hold there.
    oldMask = process.umask(0o077);
  } catch { /* a worker thread */ }
  let result: T;
  try {
    result = fn();
  } finally {
    if (oldMask !== null) process.umask(oldMask);
  }
  if (!isWindows) for (const file of storeFiles(dbFile)) if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  assertPrivateStoreFiles(dbFile);
  return result;
}
