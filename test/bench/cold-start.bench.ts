// Browser host cold start: from spawning the station process until the queue screen
// answers input in Chromium (an officer's search filters the table). Chromium is already
// running and idle, as at a counter; the station, its store and the page start cold each run.
//
// The same run also measures a baseline: the same host binary serving a static page (a
// one-line HTML with an input, through --renderer-dir) until Chromium shows it. It costs
// what no change to Loket can remove (Node's own start, a listening socket, Chromium's
// navigation), so `login_form_over_static_page` reads the same on a fast or a slow machine.
// Runs alternate between the app and the baseline so both see the same machine load.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createStation } from '../../electron/station';
import { fileKeyProvider } from '../../electron/key-providers';
import { hashPassword, verifyPassword } from '../../electron/services/passwords';
import { ADMIN } from '../helpers/station';
import { median, round } from './stats';

const HOST = path.resolve('dist/host.mjs');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = 7;
const STATIC_PAGE = '<!doctype html><meta charset="utf-8"><title>static</title><input data-testid="static-input">\n';

/** `stationReady`: ms from the spawn until the host printed that its station is open, once it has. */
function startHost(dataDir: string, extra: string[]): Promise<{ url: string; stop: () => Promise<void>; stationReady: () => number | null }> {
  const t0 = epochNow();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOST, '--data-dir', dataDir, '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let ready: number | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (ready === null && /Loket station \S+/.test(out)) ready = epochNow() - t0;
      const m = /LOKET_URL=(\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => stopped(), stationReady: () => ready });
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    // The next run starts once this host has exited: a station still closing its store (or
    // still starting, after a static run) would otherwise share the CPU with the next spawn.
    const stopped = async (): Promise<void> => { child.kill('SIGTERM'); await exited; };
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
}

/**
 * The epoch time (ms) of the first animation frame in which `selector` matches an element that
 * takes input (not disabled), read from the page's own clock. Checked by the page itself on
 * every frame: Playwright's own waiting (locator.waitFor) polls at 0, 20, 70, 170, 270 ms and
 * then every 500 ms, and its answer crosses the DevTools protocol back to this process; the
 * page's clock keeps both out of the figures.
 */
async function appeared(page: Page, selector: string): Promise<number> {
  const at = await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el !== null && !(el as HTMLInputElement).disabled ? performance.timeOrigin + performance.now() : 0;
  }, selector, { polling: 'raf', timeout: 30_000 });
  return (await at.jsonValue()) as number;
}

/**
 * How long a fresh browser context is left to settle before the clock starts. Creating a
 * context and its page, and closing the last run's, keeps Chromium busy for several hundred
 * milliseconds after the calls return; started at once, a station shared two cores with that
 * teardown, which no counter sees (its browser is idle when the station starts) and which put
 * about 0.5 s of the harness into every figure, the static page's too.
 */
const SETTLE_MS = 1000;
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, SETTLE_MS));

/** This process's clock as epoch ms, comparable with the page's (same machine, same clock). */
const epochNow = (): number => performance.timeOrigin + performance.now();

/**
 * Marks the officer's own moments on the page's clock: the login form's submit, and the last
 * key typed into the queue's search. Installed before any page script runs.
 */
function markOfficerMoments(): void {
  // No named inner functions: the source runs in the page as written, without tsx's helpers.
  const w = window as unknown as { loketBench: { submit: number; lastKey: number } };
  w.loketBench = { submit: 0, lastKey: 0 };
  addEventListener('submit', () => { w.loketBench.submit = performance.timeOrigin + performance.now(); }, true);
  addEventListener('keydown', (e) => {
    if ((e.target as HTMLElement | null)?.dataset?.testid === 'queue-search') w.loketBench.lastKey = performance.timeOrigin + performance.now();
  }, true);
}

/**
 * `loginToQueue`: from the submit to the queue taking input, plus from the last key of the
 * query to its answer; the time between (Playwright delivering the keys, an officer typing)
 * is the typist's, not the station's. `afterReady`: the same, counted from the later of the
 * submit and the station being open. The login form no longer waits for the station, and this
 * bench submits the instant the form takes input (an officer types for seconds), so
 * `loginToQueue` also holds whatever remains of the station's start; `afterReady` is the
 * login's own path.
 */
interface AppRun { toUrl: number; toLogin: number; toQueue: number; loginToQueue: number; toReady: number; afterReady: number }

/** Spawn → login form accepting typing → (login) → the queue answering a typed query. */
async function appRun(browser: Browser, dataDir: string, extra: string[]): Promise<AppRun> {
  const context = await browser.newContext();
  await context.addInitScript(markOfficerMoments);
  const page = await context.newPage();
  await settle();
  const t0 = epochNow();
  const host = await startHost(dataDir, extra);
  try {
    const toUrl = epochNow() - t0;
    await page.goto(host.url, { waitUntil: 'commit' });
    const loginAt = await appeared(page, '[data-testid="login-nip"]');
    await page.getByTestId('login-nip').fill(ADMIN.nip);
    await page.getByTestId('login-password').fill(ADMIN.password);
    // Enter, as an officer submits; the submit's moment is taken by the page.
    await page.getByTestId('login-password').press('Enter');
    const queueAt = await appeared(page, '[data-testid="queue-search"]');
    await page.getByTestId('queue-search').pressSequentially('BK');
    // Answered: the table shows rows matching what was typed.
    const end = await appeared(page, '[data-testid="queue-table"][data-query="BK"] [data-testid="queue-row"]');
    const { submit, lastKey } = await page.evaluate(() => (window as unknown as { loketBench: { submit: number; lastKey: number } }).loketBench);
    if (!submit || !lastKey) throw new Error('the page did not mark the submit or the typed key');
    const ready = host.stationReady() ?? end - t0;
    const answer = end - lastKey;
    return {
      toUrl, toLogin: loginAt - t0, toQueue: end - t0,
      loginToQueue: queueAt - submit + answer, toReady: ready,
      afterReady: Math.max(0, queueAt - Math.max(submit, t0 + ready)) + answer,
    };
  } finally {
    await host.stop();
    await context.close();
  }
}

/** Spawn the same host serving a static page → Chromium shows it. */
async function staticRun(browser: Browser, dataDir: string, staticDir: string, extra: string[]): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await settle();
  const t0 = epochNow();
  const host = await startHost(dataDir, [...extra, '--renderer-dir', staticDir]);
  try {
    await page.goto(host.url, { waitUntil: 'commit' });
    return (await appeared(page, '[data-testid="static-input"]')) - t0;
  } finally {
    await host.stop();
    await context.close();
  }
}

/** The password check's own cost: the station's scrypt parameters, on this machine. */
async function passwordHashMs(): Promise<number[]> {
  const stored = await hashPassword(ADMIN.password);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    if (!(await verifyPassword(ADMIN.password, stored))) throw new Error('password check failed');
    times.push(performance.now() - t0);
  }
  return times;
}

export default async function coldStart() {
  if (!existsSync(HOST)) return { skipped: 'dist/host.mjs is not built: run `npm run build` first' };
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not installed (apt-get install chromium)` };
  const loadBefore = os.loadavg()[0]!;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'loket-cold-'));
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'loket-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), STATIC_PAGE);
  // A station that has been used: an administrator and a demo day of applicants.
  const st = await createStation({ dataDir, keyProvider: fileKeyProvider(), demo: true });
  await st.openSession().call('setup.createFirstAdmin', ADMIN);
  await st.close();

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Two stations: one whose devices are configured (no simulators start), and the quick
  // start with nothing configured, where simulated devices (and the scanner simulator) start.
  const variants: Record<string, string[]> = { configured: ['--no-simulators'], quick_start_simulators: [] };
  const results: Record<string, { app: AppRun[]; staticPage: number[] }> = {};
  let hash: number[] = [];
  try {
    // One unmeasured start: the first spawn pays for cold disk caches, not for Loket.
    await staticRun(browser, dataDir, staticDir, variants.configured!);
    for (const [name, extra] of Object.entries(variants)) {
      const r = { app: [] as AppRun[], staticPage: [] as number[] };
      for (let run = 0; run < RUNS; run++) {
        r.staticPage.push(await staticRun(browser, dataDir, staticDir, extra));
        r.app.push(await appRun(browser, dataDir, extra));
      }
      results[name] = r;
    }
    hash = await passwordHashMs();
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  }
  const summarise = (r: { app: AppRun[]; staticPage: number[] }) => {
    const login = median(r.app.map((a) => a.toLogin));
    const staticPage = median(r.staticPage);
    return {
      spawn_to_login_form_ms_median: round(login, 0),
      spawn_to_queue_answering_ms_median: round(median(r.app.map((a) => a.toQueue)), 0),
      spawn_to_queue_answering_ms_runs: r.app.map((a) => round(a.toQueue, 0)),
      spawn_to_login_form_ms_runs: r.app.map((a) => round(a.toLogin, 0)),
      static_page_ms_runs: r.staticPage.map((x) => round(x, 0)),
      static_page_ms_median: round(staticPage, 0),
      login_form_over_static_page: round(login / staticPage, 2),
      password_hash_ms_median: round(median(hash), 0),
      login_to_queue_answering_ms_median: round(median(r.app.map((a) => a.loginToQueue)), 0),
      login_to_queue_answering_minus_hash_ms_median: round(median(r.app.map((a) => a.loginToQueue)) - median(hash), 0),
      spawn_to_address_printed_ms_median: round(median(r.app.map((a) => a.toUrl)), 0),
      spawn_to_station_ready_ms_median: round(median(r.app.map((a) => a.toReady)), 0),
      login_to_queue_answering_after_station_ready_minus_hash_ms_median: round(median(r.app.map((a) => a.afterReady)) - median(hash), 0),
    };
  };
  const configured = summarise(results.configured!);
  return {
    runs: RUNS, load_average_1m: round(loadBefore, 2), configured, quick_start_simulators: summarise(results.quick_start_simulators!),
    note: 'static page = the same host binary serving a one-line page with an input (the baseline no change to Loket can remove); every moment is read from the page\'s own clock in the first animation frame that shows it; login_to_queue = from the login form\'s submit (Enter) to the queue taking input, plus from the last key of the typed query to the table showing its rows (the typing between is the typist\'s), and includes the password check, whose own cost is password_hash_ms_median; the login form does not wait for the station, and this bench submits the instant it takes input, so login_to_queue also holds what remains of the station start (spawn_to_station_ready); …_after_station_ready_… counts from the later of submit and station ready; load_average_1m = the machine\'s load before the runs (figures from a loaded machine read high)',
    goals: { spawn_to_login_form_ms: 1000, login_to_queue_answering_minus_hash_ms: 300 },
    meets_goal: configured.spawn_to_login_form_ms_median < 1000 && configured.login_to_queue_answering_minus_hash_ms_median < 300,
  };
}
