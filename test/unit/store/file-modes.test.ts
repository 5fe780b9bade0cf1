// The store's files are private from their first byte, whatever the umask, and the station
// refuses to start on a database, WAL or SHM another local user could read. Modes are read
// back with coreutils' stat, not with the code under test.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import { StoreFileError } from '../../../electron/store/file-modes';

const posix = process.platform !== 'win32';
const statMode = (p: string) => execFileSync('stat', ['-c', '%a', p], { encoding: 'utf8' }).trim();

const dirs: string[] = [];
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-modes-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) rmrf(d); });
function rmrf(d: string) { fs.chmodSync(d, 0o700); fs.rmSync(d, { recursive: true, force: true }); }

function withUmask<T>(mask: number, fn: () => T): T {
  const old = process.umask(mask);
  try { return fn(); } finally { process.umask(old); }
}

describe.skipIf(!posix)('store file modes', () => {
  it('creates the directory 0700 and the database, WAL and SHM 0600 under a permissive umask', () => {
    const dataDir = path.join(tmp(), 'data');
    const store = withUmask(0, () => Store.open({ dataDir, dataKey: randomBytes(32) }));
    try {
      // Write something so SQLite has the WAL and the shared-memory index in use.
      store.tx(() => store.audit.append(null, 'test', {}, new Date().toISOString()));
      const db = path.join(dataDir, 'loket.sqlite');
      expect(fs.existsSync(`${db}-wal`)).toBe(true);
      expect(fs.existsSync(`${db}-shm`)).toBe(true);
      expect(statMode(dataDir)).toBe('700');
      expect([statMode(db), statMode(`${db}-wal`), statMode(`${db}-shm`)]).toEqual(['600', '600', '600']);
    } finally {
      store.close();
    }
  });

  it('creates them private under the usual umask too, and keeps them private on every open', () => {
    const dataDir = tmp();
    for (let i = 0; i < 2; i++) {
      const store = withUmask(0o022, () => Store.open({ dataDir, dataKey: randomBytes(32) }));
      store.tx(() => store.audit.append(null, 'test', {}, new Date().toISOString()));
      const db = path.join(dataDir, 'loket.sqlite');
      expect([statMode(db), statMode(`${db}-wal`), statMode(`${db}-shm`)]).toEqual(['600', '600', '600']);
      store.close();
    }
  });

  for (const suffix of ['', '-wal', '-shm']) {
    it(`refuses to open when loket.sqlite${suffix} is readable by others, and says how to fix it`, () => {
      const dataDir = tmp();
      Store.open({ dataDir, dataKey: randomBytes(32) }).close();
      const file = path.join(dataDir, `loket.sqlite${suffix}`);
      if (!fs.existsSync(file)) fs.writeFileSync(file, '');
      fs.chmodSync(file, 0o644);
      expect(() => Store.open({ dataDir, dataKey: randomBytes(32) })).toThrow(StoreFileError);
      expect(() => Store.open({ dataDir, dataKey: randomBytes(32) })).toThrow(/readable by other users \(mode 644\).*chmod 600/);
      // The refusal changed nothing: the owner fixes the mode and the store opens again.
      expect(statMode(file)).toBe('644');
      fs.chmodSync(file, 0o600);
      expect(() => Store.open({ dataDir, dataKey: randomBytes(32) }).close()).not.toThrow();
    });
  }

  it('refuses a data directory others can list', () => {
    const dataDir = tmp();
    fs.chmodSync(dataDir, 0o755);
    expect(() => Store.open({ dataDir, dataKey: randomBytes(32) })).toThrow(/open to other users \(mode 755\).*chmod 700/);
    expect(fs.existsSync(path.join(dataDir, 'loket.sqlite'))).toBe(false);
  });

  it('the browser host refuses to start with that sentence, and exits 1', () => {
    const dataDir = tmp();
    Store.open({ dataDir, dataKey: randomBytes(32) }).close();
    // A 0600 key so that the store's check is the one that speaks.
    fs.writeFileSync(path.join(dataDir, 'station.key'), randomBytes(32), { mode: 0o600 });
    fs.chmodSync(path.join(dataDir, 'loket.sqlite'), 0o640);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/station.ts', '--data-dir', dataDir, '--no-simulators', '--renderer-dir', dataDir], {
      encoding: 'utf8', timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Loket: .*loket\.sqlite is readable by other users \(mode 640\)/);
    expect(run.stderr).not.toMatch(/at \S+ \(/); // a sentence, not a stack trace
  });
});
