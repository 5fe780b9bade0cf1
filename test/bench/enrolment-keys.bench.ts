// `benches.enrolment.renewal_keys_and_clicks` and `renewal_clicks`: the keys and clicks a
// counter officer spends on a standard renewal with a reader, scripted in Chromium at
// 1366 × 768 on a demo station (test/e2e/renewal-script.ts — the same script the keyboard
// e2e checks). Every key and click counts; scans and document swipes (devices) do not. The
// page counts trusted key and mouse events itself; the figure is that count, and the
// script's own tally must agree. A count, not a time: one run is the figure (the wall time of
// that run is beside it, for information — under a loaded machine it says little).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { launchStation } from '../e2e/fixtures';
import { openDemoQueue } from '../e2e/enrolment-helpers';
import { COUNTER_SCREEN, Keys } from '../e2e/enrolment-flow-helpers';
import { captureStationSocket } from '../e2e/helpers';
import { inputSeen, keyboardRenewal, renewalApplicant, watchInput } from '../e2e/renewal-script';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/chromium-args';
import { writeFakePortrait } from '../helpers/fake-portrait';
import { round } from './stats';

/** Fills `benches.enrolment` together with enrolment.bench.ts (run.ts merges them). */
export const bench = 'enrolment';

export default async function enrolmentKeys() {
  const dir = mkdtempSync(path.join(tmpdir(), 'loket-keys-'));
  const portrait = writeFakePortrait(path.join(dir, 'portrait.y4m'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${portrait}`] });
  const station = await launchStation(true);
  try {
    const context = await browser.newContext({ viewport: COUNTER_SCREEN, locale: 'id-ID' });
    // tsx names the functions it compiles (__name(fn, 'name')); the page has no such helper.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await context.newPage();
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await watchInput(page);
    await captureStationSocket(page);
    await openDemoQueue(page, station.url);
    const a = await renewalApplicant(page);
    const before = await inputSeen(page);
    const keys = new Keys(page);
    const t0 = performance.now();
    await keyboardRenewal(page, keys, a);
    const wall = performance.now() - t0;
    const seen = await inputSeen(page);
    const pressed = seen.keys - before.keys;
    const clicks = seen.clicks - before.clicks;
    if (pressed !== keys.presses) throw new Error(`the page saw ${pressed} keys, the script pressed ${keys.presses}`);
    await context.close();
    return {
      renewal_keys_and_clicks: pressed + clicks, renewal_clicks: clicks, renewal_keys: pressed,
      renewal_keys_log: keys.log, renewal_wall_ms: round(wall, 0),
      renewal_goal_keys_and_clicks: 10, renewal_meets_goal: pressed + clicks <= 10 && clicks === 0,
      renewal_note: 'standard renewal (expired book, paid) with the demo simulators: barcode scan, MRZ reader, eSCL scanner, fingerprint reader, a portrait on the fake camera; devices are not keys',
    };
  } finally {
    await station.stop();
    await browser.close();
    rmSync(station.dataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
