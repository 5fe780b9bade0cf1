// The drive picker's list: /proc/mounts lines (proc(5) layout, octal escapes) under the
// removable roots, each with its free space — checked against Debian's own `df`.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { listTripDrives, parseMounts } from '../../../electron/services/trip-drives';
import { tempDir } from '../../helpers/stores';

describe('trip drives', () => {
  it('reads /proc/mounts lines with their escapes', () => {
    const text = [
      'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
      '/dev/sdb1 /media/petugas/FLASH\\040DISK vfat rw,nosuid,nodev,relatime,uid=1000 0 0',
      '/dev/sdc1 /run/media/petugas/ARSIP exfat ro,nosuid 0 0',
      '',
    ].join('\n');
    expect(parseMounts(text)).toEqual([
      { device: 'proc', mountPoint: '/proc', fsType: 'proc', options: ['rw', 'nosuid', 'nodev', 'noexec', 'relatime'] },
      { device: '/dev/sdb1', mountPoint: '/media/petugas/FLASH DISK', fsType: 'vfat', options: ['rw', 'nosuid', 'nodev', 'relatime', 'uid=1000'] },
      { device: '/dev/sdc1', mountPoint: '/run/media/petugas/ARSIP', fsType: 'exfat', options: ['ro', 'nosuid'] },
    ]);
  });

  it('lists the mounts under the removable roots with the free space df reports; read-only mounts are not writable', () => {
    const root = tempDir('loket-media-');
    const flash = path.join(root, 'petugas', 'FLASH DISK');
    const arsip = path.join(root, 'petugas', 'ARSIP');
    mkdirSync(flash, { recursive: true });
    mkdirSync(arsip, { recursive: true });
    const esc = (p: string) => p.replace(/ /g, '\\040');
    const text = [
      '/dev/sda1 / ext4 rw,relatime 0 0',
      `/dev/sdb1 ${esc(flash)} vfat rw,nosuid 0 0`,
      `/dev/sdc1 ${esc(arsip)} exfat ro,nosuid 0 0`,
      `/dev/sdd1 ${esc(path.join(root, 'pulled-out'))} vfat rw 0 0`,
    ].join('\n');
    const drives = listTripDrives(text, [`${root}/`]);
    expect(drives.map((d) => [d.label, d.device, d.fsType, d.writable])).toEqual([['FLASH DISK', '/dev/sdb1', 'vfat', true], ['ARSIP', '/dev/sdc1', 'exfat', false]]);
    const df = spawnSync('df', ['-B1', '--output=avail,size', flash], { encoding: 'utf8' });
    expect(df.status, df.stderr).toBe(0);
    const [avail, size] = df.stdout.trim().split('\n')[1]!.trim().split(/\s+/).map(Number) as [number, number];
    expect(drives[0]!.totalBytes).toBe(size);
    // Free space moves as other tests write: within a few megabytes of df's answer.
    expect(Math.abs(drives[0]!.freeBytes - avail)).toBeLessThan(64 * 1024 * 1024);
    expect(drives[0]!.path).toBe(flash);
  });
});
