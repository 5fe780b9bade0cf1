// The browser host's process-wide policy for what escapes every try: an unhandled rejection
// or uncaught exception is logged and the station keeps serving, since one bad request or
// device reply must not end a day at the counter. It exits only on a truly fatal error — the
// store gone or broken — because then nothing it does can be written safely.
//
// The log line holds the error's class and its stack frames, never its message: messages can
// quote input (a name, an NIK, a zod issue with the value), and logs leave the computer.

export interface CrashPolicyOptions {
  log(line: string): void;
  /** The store is still there and usable (checked after each escaped error). */
  storeAlive(): boolean;
  /** Stops the process; the station is closed first where it still can be. */
  exit(code: number): void;
}

/** SQLite result codes that mean the store cannot be trusted any more. */
const FATAL_SQLITE = /^SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN|READONLY_DBMOVED|FULL)/;

/** `Name [code]` and the stack frames, without the message. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return `a thrown ${err === null ? 'null' : typeof err}`;
  const code = (err as { code?: unknown }).code;
  const head = `${err.name}${typeof code === 'string' || typeof code === 'number' ? ` ${code}` : ''}`;
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 12);
  return [head, ...frames].join('\n');
}

export function isFatal(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && FATAL_SQLITE.test(code);
}

/** Returns the handler (for tests); installs it on `process` when `target` is given. */
export function crashPolicy(opts: CrashPolicyOptions): (err: unknown, kind: 'uncaughtException' | 'unhandledRejection') => void {
  let exiting = false;
  return (err, kind) => {
    opts.log(`Loket: ${kind === 'unhandledRejection' ? 'an unhandled rejection' : 'an uncaught exception'} (${describeError(err)})`);
    if (exiting) return;
    let alive = false;
    try { alive = opts.storeAlive(); } catch { alive = false; }
    if (isFatal(err) || !alive) {
      exiting = true;
      opts.log('Loket: the store is gone or damaged, so the station stops rather than lose work. Check the data directory and start it again.');
      opts.exit(70);
      return;
    }
    opts.log('Loket: the station keeps serving.');
  };
}

export function installCrashPolicy(opts: CrashPolicyOptions): void {
  const handle = crashPolicy(opts);
  process.on('uncaughtException', (err) => handle(err, 'uncaughtException'));
  process.on('unhandledRejection', (reason) => handle(reason, 'unhandledRejection'));
}
