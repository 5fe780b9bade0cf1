// The browser host's start (issue 7, start-up): it listens and prints its address while the
// station opens its store in a worker thread, so Chromium loads the screens meanwhile; the
// screens' first calls wait for the station. The bundles keep the heavy parts off that path: the host's own code
// does not load SQLite, and the station does not load the PDF writer until a page is printed.
// A station past its first run shows the login form before it answers (the officer types while
// the store opens). The times themselves are in `npm run bench` (cold-start), not here.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, launchStation } from './fixtures';
import { ADMIN, createFirstAdmin, holdStationAnswers } from './helpers';

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
  const host = await spawnHost(dataDir);
  try {
    await page.goto(host.url);
    // A fresh data directory: the first-run form, reached through calls the station answered.
    await expect(page.getByTestId('first-run-form')).toBeVisible();
    await expect.poll(host.output).toMatch(/Loket station \S+/);
    expect(host.output().indexOf('LOKET_URL='), host.output()).toBeLessThan(host.output().indexOf('Loket station'));
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Spawns `dist/host.mjs` on dataDir; resolves with its address once printed. */
async function spawnHost(dataDir: string): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(DIST, 'host.mjs'), '--data-dir', dataDir, '--port', '0', '--no-simulators'], { cwd: ROOT });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => { const m = /^LOKET_URL=(\S+)$/m.exec(out); if (m) resolve(m[1]!); });
      child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${out}`)));
    });
    return { url, output: () => out, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

test('a station past its first run shows the login form before it answers, and keeps what was typed', async ({ page }) => {
  // A station with its administrator, started again: the counter's every morning.
  const first = await launchStation();
  await createFirstAdmin(page, first.url);
  await first.stop();
  const host = await spawnHost(first.dataDir);
  try {
    const answers = await holdStationAnswers(page);
    await page.goto(host.url);
    // The form takes typing while the station's answers are held back.
    await page.getByTestId('login-nip').fill(ADMIN.nip);
    await expect(page.getByTestId('login-station')).toHaveText('\u00a0');
    await expect.poll(answers.held, 'the page asked the station its first questions').toBeGreaterThan(0);
    answers.release();
    // The answers fill in the station's name; what was typed stays.
    await expect(page.getByTestId('login-station')).toContainText('Stasiun ');
    await expect(page.getByTestId('login-nip')).toHaveValue(ADMIN.nip);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    await expect(page.getByTestId('status-officer')).toContainText(ADMIN.name);
  } finally {
    await host.stop();
    rmSync(first.dataDir, { recursive: true, force: true });
  }
});

test('a fresh station shows no login form before it answers: its first answer asks for the first-run form', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-e2e-start-'));
  const host = await spawnHost(dataDir);
  try {
    const answers = await holdStationAnswers(page);
    await page.goto(host.url);
    await expect(page.getByTestId('boot-loading')).toBeVisible();
    await expect.poll(answers.held).toBeGreaterThan(0);
    await expect(page.getByTestId('login-form')).toHaveCount(0);
    answers.release();
    await expect(page.getByTestId('first-run-form')).toBeVisible();
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
