// The OS-spooler print path for real: Electron prints the composed data page silently to a
// CUPS queue whose printer is Debian's ippeveprinter, and the job that arrives has the data
// page's size, 125 × 88 mm (Electron releases have ignored pageSize in silent jobs). Runs
// where the Electron runtime and a CUPS scheduler exist; elsewhere it skips and says why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { test, expect } from '@playwright/test';
import { composeDataPage } from '../../electron/datapage/compose-data-page';
import { sampleApplicant } from '../../electron/datapage/sample-applicant';
import { ippeveprinterMissing, startIppEvePrinter } from '../helpers/ippeveprinter';
import { pageSizeMm } from '../helpers/poppler';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const QUEUE = 'loket-print-test';

function electronBinary(): string | null {
  try {
    const bin = require('electron') as unknown;
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function whyNot(): string | null {
  if (!electronBinary()) return 'Electron runtime not installed (node_modules/electron/dist is missing)';
  if (!existsSync(path.join(ROOT, 'dist/renderer/print.html'))) return 'dist/renderer is not built (run `npm run build`)';
  const cups = spawnSync('lpstat', ['-r'], { encoding: 'utf8' });
  if (cups.status !== 0 || !/scheduler is running/.test(cups.stdout)) return 'no CUPS scheduler is running (apt-get install cups, and start it) to give Electron a system printer';
  return ippeveprinterMissing();
}

const reason = whyNot();
if (reason) console.log(`electron-print.spec.ts skipped: ${reason}`);

test('a silent Electron print job reaches the printer as a 125 × 88 mm page', async () => {
  test.skip(reason !== null, reason ?? '');
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'loket-electron-print-'));
  const eve = await startIppEvePrinter();
  try {
    const added = spawnSync('lpadmin', ['-p', QUEUE, '-E', '-v', eve.url, '-m', 'everywhere'], { encoding: 'utf8' });
    expect(added.status, added.stderr).toBe(0);
    const page = await composeDataPage(sampleApplicant());
    if (!page.ok) throw new Error('compose failed');
    writeFileSync(path.join(dir, 'page.pdf'), page.pdf);
    await build({ entryPoints: [path.join(import.meta.dirname, 'electron-print-main.ts')], outfile: path.join(dir, 'main.mjs'), bundle: true, platform: 'node', format: 'esm', external: ['electron'], logLevel: 'warning' });
    const out = await new Promise<string>((resolve) => {
      const child = spawn(electronBinary()!, [path.join(dir, 'main.mjs'), '--no-sandbox', '--pdf', path.join(dir, 'page.pdf'), '--printer', QUEUE, '--renderer', path.join(ROOT, 'dist/renderer')]);
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d));
      child.stderr.on('data', (d: Buffer) => (text += d));
      child.on('close', () => resolve(text));
    });
    expect(out).toMatch(/RESULT \{"ok":true/);
    await expect.poll(() => eve.documents().length, { timeout: 60_000 }).toBeGreaterThan(0);
    const size = pageSizeMm(new Uint8Array(eve.documents()[0]!.bytes));
    const [short, long] = [size.width, size.height].sort((a, b) => a - b);
    expect(long).toBeCloseTo(125, 0);
    expect(short).toBeCloseTo(88, 0);
  } finally {
    spawnSync('lpadmin', ['-x', QUEUE]);
    await eve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
