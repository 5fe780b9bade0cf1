// The store's file name, on its own so the browser host's small start-up bundle can check
// for the file (the crash policy) without pulling in SQLite and the repositories.
export const DB_FILE_NAME = 'loket.sqlite';
