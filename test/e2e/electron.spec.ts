// The product shell: the same screens in Electron, through the preload bridge. Runs where the
// Electron runtime is installed; elsewhere (CI containers without it) it skips and says why.
import { _electron as electron } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    // The electron package exports the path of its downloaded binary (or throws without it).
    const bin = require('electron') as unknown;
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const hasElectron = binary !== null && existsSync(path.join(ROOT, 'dist/main.mjs'));
const reason = binary === null
  ? 'Electron runtime not installed: node_modules/electron/dist is missing (`npm start` fetches it where the download is reachable, or run `node node_modules/electron/install.js`)'
  : 'Electron runtime not installed: dist/main.mjs is not built (run `npm run build`)';
if (!hasElectron) console.log(`electron.spec.ts skipped: ${reason}`);

test('the Electron shell opens the first-run screen through the preload bridge', async () => {
  // Runs only where the Electron runtime is installed; elsewhere it says why (printed above).
  test.skip(!hasElectron, reason);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-electron-'));
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [path.join(ROOT, 'dist/main.mjs'), '--data-dir', dataDir, '--no-sandbox'],
    cwd: ROOT,
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('first-run-form')).toBeVisible();
    // The bridge is the only way out of the sandboxed renderer: no Node in the page.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { loket?: unknown }).loket)).toBe('object');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
