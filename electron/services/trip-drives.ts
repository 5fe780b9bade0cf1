// The drives a mobile unit's officer may write the trip's backup to: the filesystems mounted
// under /media and /run/media (where udisks and desktop auto-mounters put USB drives on
// Debian), read from /proc/mounts (proc(5): device, mount point, type, options, each field
// with spaces and the like written as octal escapes such as \040), with their free space.
// So the officer picks a drive rather than typing a path. No npm library fitted: drivelist is
// a native module for whole disks, systeminformation a very large one for this one table.
import { accessSync, constants, readFileSync, statfsSync } from 'node:fs';
import path from 'node:path';
import type { TripDrive } from '../trip-types';

/** Where removable drives are mounted on Debian (udisks2: /media/USER/LABEL or /run/media/USER/LABEL). */
export const REMOVABLE_ROOTS = ['/media/', '/run/media/'];

/** One line of /proc/mounts, with its octal escapes undone. */
export interface MountLine { device: string; mountPoint: string; fsType: string; options: string[] }

const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));

export function parseMounts(text: string): MountLine[] {
  return text.split('\n').flatMap((line) => {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) return [];
    return [{ device: unescape(f[0]!), mountPoint: unescape(f[1]!), fsType: f[2]!, options: f[3]!.split(',') }];
  });
}

function writable(dir: string): boolean {
  try { accessSync(dir, constants.W_OK); return true; } catch { return false; }
}

/** The removable drives mounted now; a drive that cannot be read (pulled out meanwhile) is left out. */
export function listTripDrives(mountsText?: string, roots: readonly string[] = REMOVABLE_ROOTS): TripDrive[] {
  let text = mountsText;
  if (text === undefined) {
    try { text = readFileSync('/proc/mounts', 'utf8'); } catch { return []; }
  }
  return parseMounts(text)
    .filter((m) => roots.some((r) => m.mountPoint.startsWith(r)))
    .flatMap((m) => {
      try {
        const st = statfsSync(m.mountPoint);
        return [{
          path: m.mountPoint, label: path.basename(m.mountPoint), device: m.device, fsType: m.fsType,
          freeBytes: st.bavail * st.bsize, totalBytes: st.blocks * st.bsize,
          writable: !m.options.includes('ro') && writable(m.mountPoint),
        }];
      } catch {
        return [];
      }
    });
}
