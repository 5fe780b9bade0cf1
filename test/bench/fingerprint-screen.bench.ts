// From the last image byte to the score on screen: the station (demo mode, the simulated
// reader behind the device manager) in the browser host, the fingerprint step in Chromium.
// Measured in the page: from the moment the transfer bar reaches 100 % (the driver has the
// last data packet) until the new score is in the DOM — unpacking, scoring, PNG encoding,
// the push over the WebSocket and React's render.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createStation } from '../../electron/station';
import { fileKeyProvider } from '../../electron/key-providers';
import type { AppointmentRow, SessionInfo } from '../../electron/contract-types';
import { ADMIN } from '../helpers/station';
import { median, round } from './stats';

const HOST = path.resolve('dist/host.mjs');
const CHROMIUM = '/usr/bin/chromium';
const CAPTURES = 4;

export default async function fingerprintScreen() {
  if (!existsSync(HOST)) return { skipped: 'dist/host.mjs is not built: run `npm run build` first' };
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not installed (apt-get install chromium)` };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'loket-fpbench-'));
  const st = await createStation({ dataDir, keyProvider: fileKeyProvider(), demo: true });
  const s = st.openSession();
  const me = (await s.call('setup.createFirstAdmin', ADMIN)) as { ok: true; value: SessionInfo };
  await s.call('officers.update', { id: me.value.officerId, roles: ['admin', 'counter'] });
  const walkIn = (await s.call('queue.addWalkIn', {
    nik: '3171014508900003', fullName: 'Bench Applicant', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F',
    service: 'new', passportType: 'ordinary', priority: ['elderly'],
  })) as { ok: true; value: AppointmentRow };
  await s.call('enrolment.open', { appointmentId: walkIn.value.id });
  await st.close();

  const child = spawn(process.execPath, [HOST, '--demo', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); const m = /LOKET_URL=(\S+)/.exec(out); if (m) resolve(m[1]!); });
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const samples: number[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByTestId('login-nip').fill(ADMIN.nip);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('row-enrol').first().click();
    await page.getByTestId('step-fingerprints').click();
    await page.getByTestId('capture-start').click();
    for (let i = 0; i < CAPTURES; i++) {
      const before = await page.getByTestId('capture-score').getAttribute('data-score').catch(() => null);
      await page.evaluate((prev) => {
        // The last moment the transfer bar changed stands for the last image byte: the bar
        // moves once per data packet, the last one carries the last bytes.
        const w = window as unknown as { __fp?: { lastBar?: number; score?: number } };
        const fp: { lastBar?: number; score?: number } = {};
        w.__fp = fp;
        const obs = new MutationObserver(() => {
          if (document.querySelector('[data-testid="capture-progress"] [role="progressbar"]')) fp.lastBar = performance.now();
          const score = document.querySelector('[data-testid="capture-score"]');
          if (fp.lastBar !== undefined && score && document.querySelector('[data-testid="capture-image"]') && score.getAttribute('data-score') !== prev) {
            fp.score = performance.now();
            obs.disconnect();
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }, before);
      await page.getByTestId('capture-retry').click();
      await page.waitForFunction(() => (window as unknown as { __fp?: { score?: number } }).__fp?.score !== undefined, undefined, { timeout: 30_000 });
      const fp = await page.evaluate(() => (window as unknown as { __fp: { lastBar: number; score: number } }).__fp);
      samples.push(fp.score - fp.lastBar);
      await page.getByTestId('capture').and(page.locator('[data-state="review"],[data-state="done"],[data-state="error"]')).waitFor();
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { captures: CAPTURES, last_byte_to_score_on_screen_ms_median: round(median(samples), 1), samples_ms: samples.map((x) => round(x, 1)) };
}
