// A TypeScript entry point bundled once into plain JavaScript for a test that starts it as a
// child process many times (the kill -9 tests): tsx compiles it anew on every start, seconds
// each on a loaded machine. The bundle sits in a temporary directory that links to the
// project's node_modules (packages stay external) and to the migrations the entry reads
// beside its own code (office/migrations, electron/store/migrations).
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ChildBundle { file: string; remove(): void }

export async function bundleForChild(entry: string, migrations: string): Promise<ChildBundle> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-child-'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  symlinkSync(path.join(ROOT, migrations), path.join(dir, 'migrations'));
  const file = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  await build({ entryPoints: [path.join(ROOT, entry)], outfile: file, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error' });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
