// `benches.issuance.handover_keys`: the keys and clicks a print operator spends from the
// receipt's scan to "handed over", scripted in Chromium at 1366 × 768 against a real station
// (the same path test/e2e/handover.spec.ts walks): the applicant's finger already on the
// simulated reader, the receipt scanned on the simulated handheld scanner (a device, not a
// key), then whatever the screen asks. The page counts trusted key and mouse events itself.
// A count, not a time: one run is the figure. Goal < 5.
import { chromium } from 'playwright-core';
import { expect } from '@playwright/test';
import { rmSync } from 'node:fs';
import { launchStation } from '../e2e/fixtures';
import { ADMIN, captureStationSocket, createFirstAdmin, login, logout } from '../e2e/helpers';
import { inputSeen, watchInput } from '../e2e/renewal-script';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/chromium-args';
import { bringToPrinted } from '../helpers/printed';
import { connectHandoverDevices, okCall } from '../e2e/handover-devices';

/** Fills `benches.issuance` together with issuance.bench.ts (run.ts merges them). */
export const bench = 'issuance';

const ok = okCall;

export default async function handoverKeys(): Promise<Record<string, unknown>> {
  // Outside the test runner, expect's default 5 s is short for a login on a loaded machine.
  const slow = { timeout: 30_000 };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const station = await launchStation(false);
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' })).newPage();
    // tsx names the functions it compiles (__name(fn, 'name')); the page has no such helper.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await watchInput(page);
    await captureStationSocket(page);
    await createFirstAdmin(page, station.url);
    const me = await ok(page, 'auth.session', {}) as { officerId: string };
    await ok(page, 'officers.update', { id: me.officerId, roles: ['admin', 'print', 'technician'] });
    await connectHandoverDevices(page);
    const applicant = bringToPrinted(station.dataDir, { bookingCode: 'HOBENCH01', fullName: 'Budi Santoso', fingers: { right_thumb: 'budi-thumb', right_index: 'budi-index' } });
    await logout(page);
    await login(page, ADMIN);
    await page.keyboard.press('Shift+F11');
    await expect(page.getByTestId('handover-code')).toBeFocused(slow);

    // From here every key and click counts.
    const before = await inputSeen(page);
    await ok(page, 'devices.simulate', { id: 'fp-sim', action: 'place_finger', code: 'budi-index', variant: 'clean' });
    await ok(page, 'devices.simulate', { id: 'scan-sim', action: 'scan_code', code: applicant.bookingCode });
    await expect(page.getByTestId('handover-finger')).toHaveAttribute('data-state', 'matched', slow);
    // What the screen offers next has the focus; the operator presses Enter on it.
    await expect(page.getByTestId('handover-give')).toBeFocused(slow);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('handover-done')).toContainText('Budi Santoso', slow);
    const seen = await inputSeen(page);
    const keys = seen.keys - before.keys;
    const clicks = seen.clicks - before.clicks;
    return { handover_keys: keys + clicks, handover_clicks: clicks, handover_keys_note: 'receipt scanned, finger matched on the simulated reader, one Enter on "Serahkan paspor"' };
  } finally {
    await station.stop();
    await browser.close();
    rmSync(station.dataDir, { recursive: true, force: true });
  }
}
