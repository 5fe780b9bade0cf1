// Real drives that go wrong, as tmpfs mounts (Linux's own filesystem, mounted here as root):
// a drive nearly full and one mounted read-only. The trip's backup to each says which, in
// a reason the screen turns into a sentence, and leaves nothing half-written; the drive
// list reads them from the real /proc/mounts with the free space df reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { writeTripBackup } from '../../../electron/services/trip-backup';
import { listTripDrives } from '../../../electron/services/trip-drives';
import { StationError } from '../../../electron/services/errors';
import { applicantAtCounter } from '../../helpers/office-stations';
import { openStore, removeTempDirs, tempDir, type TestStore } from '../../helpers/stores';

const asRoot = process.getuid?.() === 0;
const root = asRoot ? tempDir('loket-media-') : '';
const full = path.join(root, 'PENUH');
const readOnly = path.join(root, 'ARSIP');
let s: TestStore;
let recipient: string;

function mount(dir: string, opts: string): void {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mount ${dir}: ${r.stderr}`);
}

async function reason(p: Promise<unknown>): Promise<string> {
  try { await p; return 'written'; } catch (err) {
    if (!(err instanceof StationError)) throw err;
    return String(err.params?.reason);
  }
}

describe.skipIf(!asRoot)('trip backup to a full or read-only drive (mounts tmpfs: needs root)', () => {
  beforeAll(async () => {
    mount(full, 'size=256k,mode=0777');
    mount(readOnly, 'size=256k,ro');
    // The nearly full drive: a few kilobytes left, less than the backup needs.
    const free = Number(spawnSync('df', ['-B1', '--output=avail', full], { encoding: 'utf8' }).stdout.trim().split('\n')[1]);
    writeFileSync(path.join(full, 'foto-liburan.bin'), Buffer.alloc(free - 4096));
    s = openStore();
    for (let i = 0; i < 3; i++) applicantAtCounter(s, i, '2026-12-07T08:00:00.000Z');
    recipient = await identityToRecipient(await generateX25519Identity());
  });
  afterAll(() => {
    s?.store.close();
    for (const dir of [full, readOnly]) spawnSync('umount', [dir]);
    removeTempDirs();
  });

  it('a full drive: trip_backup_full, and no half-written file stays on it', async () => {
    expect(await reason(writeTripBackup(s.store, recipient, 'office-1', full, new Date()))).toBe('trip_backup_full');
    expect(readdirSync(full)).toEqual(['foto-liburan.bin']);
  });

  it('a read-only drive: trip_backup_dir_readonly before anything is written', async () => {
    expect(await reason(writeTripBackup(s.store, recipient, 'office-1', readOnly, new Date()))).toBe('trip_backup_dir_readonly');
  });

  it('the drive list reads both from /proc/mounts, the read-only one not writable, free space as df says', () => {
    const drives = listTripDrives(undefined, [`${root}/`]);
    expect(drives.map((d) => [d.label, d.fsType, d.writable]).sort()).toEqual([['ARSIP', 'tmpfs', false], ['PENUH', 'tmpfs', true]]);
    const df = spawnSync('df', ['-B1', '--output=avail,size', full], { encoding: 'utf8' }).stdout.trim().split('\n')[1]!.trim().split(/\s+/).map(Number);
    const penuh = drives.find((d) => d.label === 'PENUH')!;
    expect([penuh.freeBytes, penuh.totalBytes]).toEqual(df);
  });
});
