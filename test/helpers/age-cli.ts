// Opens a trip backup with Debian's own `age` and the office's key file, as an office
// administrator would (`age -d -i office-backup-key.txt`): proof the file is a real age file,
// independent of the age-encryption library that wrote it. Returns the decrypted JSON lines.
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

export function openWithAgeCli(keyFile: string, file: string): Record<string, unknown>[] {
  const opened = spawnSync('age', ['-d', '-i', keyFile, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(opened.status, opened.stderr).toBe(0);
  return opened.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}
