// The browser host's policy for errors that escape every try: log class and frames (never
// the message, which may quote an applicant's data), keep serving, stop only when the store
// is gone or damaged.
import { describe, expect, it } from 'vitest';
import { crashPolicy, describeError, isFatal } from '../../../electron/cli/crash-policy';

function policy(storeAlive = () => true) {
  const lines: string[] = [];
  const exits: number[] = [];
  const handle = crashPolicy({ log: (l) => lines.push(l), storeAlive, exit: (c) => exits.push(c) });
  return { handle, lines, exits };
}

describe('crash policy', () => {
  it('logs the class and stack frames but not the message, and keeps serving', () => {
    const p = policy();
    const err = new TypeError('NIK 3171234567890123 atas nama BUDI SANTOSO');
    p.handle(err, 'uncaughtException');
    p.handle(new RangeError('depth'), 'unhandledRejection');
    const text = p.lines.join('\n');
    expect(text).toMatch(/TypeError/);
    expect(text).toMatch(/RangeError/);
    expect(text).toMatch(/at .*crash-policy\.test\.ts/);
    expect(text).not.toMatch(/3171234567890123|BUDI|SANTOSO|depth/);
    expect(text).toMatch(/keeps serving/);
    expect(p.exits).toEqual([]);
  });

  it('logs thrown non-errors by their type only', () => {
    const p = policy();
    p.handle('secret password', 'unhandledRejection');
    p.handle(null, 'uncaughtException');
    expect(p.lines.join('\n')).not.toMatch(/secret/);
    expect(describeError('x')).toBe('a thrown string');
    expect(p.exits).toEqual([]);
  });

  it('stops (once) when the store is gone or SQLite says it is damaged', () => {
    const gone = policy(() => false);
    gone.handle(new Error('boom'), 'uncaughtException');
    gone.handle(new Error('boom again'), 'uncaughtException');
    expect(gone.exits).toEqual([70]);
    expect(gone.lines.join('\n')).toMatch(/store is gone or damaged/);

    const corrupt = policy();
    corrupt.handle(Object.assign(new Error('database disk image is malformed'), { name: 'SqliteError', code: 'SQLITE_CORRUPT' }), 'uncaughtException');
    expect(corrupt.exits).toEqual([70]);
    expect(isFatal({ code: 'SQLITE_IOERR_WRITE' })).toBe(true);
    expect(isFatal({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(false);
    expect(isFatal(undefined)).toBe(false);
  });
});
