// The browser host's start (issue 7, start-up): it listens and prints its address while the
// station opens its store in a worker thread, so Chromium loads the screens meanwhile; the
// screens' first calls wait for the station. The bundles keep the heavy parts off that path: the host's own code
// does not load SQLite, and the station does not load the PDF writer until a page is printed.
// The times themselves are in `npm run bench` (cold-start), not here.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');

/** The bundle files a module loads before it runs: its static imports, transitively. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(DIST, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.mjs)"/g)) visit(m[1]!);
  };
  visit(entry);
  return [...seen];
}
const contents = (files: string[]) => files.map((f) => readFileSync(path.join(DIST, f), 'utf8')).join('\n');

test('the bundles keep SQLite off the listening path and the PDF writer off the station start', () => {
  const host = contents(staticClosure('host.mjs'));
  const sqlite = /["']better-sqlite3["']/;
  expect(sqlite.test(host), 'dist/host.mjs (and what it imports statically) loads better-sqlite3').toBe(false);
  // The station is the entry of the host's worker thread (electron/station-thread.ts), not
  // a module of the host's own thread.
  const station = 'station-worker.mjs';
  expect(readdirSync(DIST), 'dist/station-worker.mjs, the station thread').toContain(station);
  expect(host.includes('"station-worker.mjs"'), 'dist/host.mjs starts the station worker').toBe(true);
  expect(host.includes('createStation'), 'dist/host.mjs carries the station itself').toBe(false);
  const started = contents(staticClosure(station));
  expect(sqlite.test(started), 'the station chunk loads better-sqlite3').toBe(true);
  expect(started.includes('"PDFDocument"'), 'the station chunk loads pdfkit at start').toBe(false);
  // libphonenumber-js (its metadata a fifth of the station) loads with the first import.
  expect(started.includes('INVALID_COUNTRY'), 'the station chunk loads libphonenumber-js at start').toBe(false);
  const lazy = [...started.matchAll(/import\("\.\/([^"]+\.mjs)"\)/g)].map((m) => m[1]!);
  expect(lazy.some((f) => readFileSync(path.join(DIST, f), 'utf8').includes('INVALID_COUNTRY')), 'libphonenumber-js is a chunk the station imports when needed').toBe(true);
  // zod's translations are left out (scripts/build.mjs), its English default stays: Dutch's
  // "Ongeldige invoer" and English's "Invalid input: more than one option matched" are each
  // in one locale file of zod.
  expect(started.includes('Ongeldige invoer'), 'the station chunk carries zod\'s other languages').toBe(false);
  expect(started.includes('Invalid input: more than one option matched'), 'the station chunk lost zod\'s English messages').toBe(true);
});

test('the host prints its address before the station is ready, and the page waits for the station', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-e2e-start-'));
  const child = spawn(process.execPath, [path.join(DIST, 'host.mjs'), '--data-dir', dataDir, '--port', '0', '--no-simulators'], { cwd: ROOT });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => { const m = /^LOKET_URL=(\S+)$/m.exec(out); if (m) resolve(m[1]!); });
      child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${out}`)));
    });
    await page.goto(url);
    // A fresh data directory: the first-run form, reached through calls the station answered.
    await expect(page.getByTestId('first-run-form')).toBeVisible();
    await expect.poll(() => out).toMatch(/Loket station \S+/);
    expect(out.indexOf('LOKET_URL='), out).toBeLessThan(out.indexOf('Loket station'));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
