// Every test gets its own station: a fresh data directory and its own `node dist/host.mjs`
// process on a free port. The host prints LOKET_URL=… when it is ready; the fixture waits for
// that line, hands the URL to the test, and stops the process (and removes the data) after.
// An address works once (its one-time code); `station.url` gives a fresh one at every read,
// asked from the running station the way an officer does (`dist/address.mjs`).
import { test as base, expect as baseExpect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HOST = path.join(ROOT, 'dist/host.mjs');
const ADDRESS = path.join(ROOT, 'dist/address.mjs');
const START_TIMEOUT_MS = 20_000;

export interface StationProcess {
  /** A fresh address (a new one-time code) at every read. */
  readonly url: string;
  dataDir: string;
  /** Everything the host wrote so far, for failure reports. */
  output(): string;
  /** Stops the station early (the fixture would otherwise stop it after the test). */
  stop(): Promise<void>;
}

function waitForUrl(child: ChildProcessWithoutNullStreams, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`station did not print LOKET_URL within ${START_TIMEOUT_MS} ms:\n${log.join('')}`)), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /^LOKET_URL=(\S+)$/m.exec(buffer);
      if (m?.[1]) { clearTimeout(timer); resolve(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`station exited (${code}) before it was ready:\n${log.join('')}`)); });
  });
}

async function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(forced);
}

// Network noise from a station a test stopped on purpose; anything else is a real problem.
const EXPECTED_CONSOLE = /WebSocket connection|Failed to load resource|ERR_CONNECTION_REFUSED/;

/**
 * Starts one station (`node dist/host.mjs`) on a fresh data directory; the caller stops it
 * and removes its directory. The fixture below gives each test one; a test that needs a
 * second station (another counter of the same office) starts it with this.
 */
export async function launchStation(demo = false, opts: { simulators?: boolean } = {}): Promise<StationProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-e2e-'));
  const log: string[] = [];
  // Without --demo a station starts with no devices at all, as the tests of 'not configured' need;
  // `simulators` gives it the simulated devices without the demo's booked day.
  const args = [HOST, '--data-dir', dataDir, '--port', '0', ...(demo ? ['--demo'] : opts.simulators ? [] : ['--no-simulators'])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env } });
  child.stdout.on('data', (c: Buffer) => log.push(c.toString()));
  child.stderr.on('data', (c: Buffer) => log.push(c.toString()));
  try {
    let first: string | null = await waitForUrl(child, log);
    const fresh = (): string => {
      if (first) { const u = first; first = null; return u; }
      const r = spawnSync(process.execPath, [ADDRESS, '--data-dir', dataDir], { encoding: 'utf8' });
      const m = /^LOKET_URL=(\S+)$/m.exec(r.stdout);
      if (!m?.[1]) throw new Error(`station:address gave no address: ${r.stderr}`);
      return m[1];
    };
    return { get url() { return fresh(); }, dataDir, output: () => log.join(''), stop: () => stop(child) };
  } catch (err) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Collects the page's uncaught errors and console errors or warnings (React warnings too) as
 * they happen; a test with more pages than the fixture's checks the list at its end.
 */
export function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !EXPECTED_CONSOLE.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  return problems;
}

export const test = base.extend<{ station: StationProcess; stationDemo: boolean }>({
  // `test.use({ stationDemo: true })` starts the station with --demo: 60 booked applicants
  // today and an in-process eSCL scanner simulator with 50 sheets in its feeder.
  stationDemo: [false, { option: true }],
  // Every page fails its test on an uncaught error or a console error (React warnings too).
  page: async ({ page }, use) => {
    const problems = consoleProblems(page);
    await use(page);
    expect(problems, 'errors or warnings in the browser console').toEqual([]);
  },
  station: async ({ stationDemo }, use, testInfo) => {
    const station = await launchStation(stationDemo);
    try {
      await use(station);
    } finally {
      await station.stop();
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('station-output', { body: station.output(), contentType: 'text/plain' });
      rmSync(station.dataDir, { recursive: true, force: true });
    }
  },
});

/**
 * The runner's expect, with the config's timeout written here too: the benches drive the same
 * scripts outside the runner, where expect would otherwise wait only its default 5 s.
 */
export const expect = baseExpect.configure({ timeout: 10_000 });
