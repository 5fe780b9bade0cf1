// `npm run datapage` as a technician runs it: the sample page and the calibration page are
// written as 125 × 88 mm PDFs (poppler reads them back), --print sends the page to an IPP
// printer and follows the job, and bad options end with a sentence and a non-zero exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startIppSim } from '../../../native/sim/ipp-sim';
import { POPPLER_MISSING, hasPoppler, pageSizeMm, text, words } from '../../helpers/poppler';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'loket-datapage-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
if (!hasPoppler) console.warn(`datapage CLI tests skipped: ${POPPLER_MISSING}`);

function datapage(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'electron/cli/datapage.ts'), ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe.skipIf(!hasPoppler)('npm run datapage', () => {
  it('--sample --out writes the sample data page', async () => {
    const file = path.join(dir, 'page.pdf');
    const r = await datapage(['--sample', '--out', file]);
    expect(r.code, r.out).toBe(0);
    const pdf = new Uint8Array(readFileSync(file));
    expect(pageSizeMm(pdf)).toMatchObject({ pages: 1 });
    expect(words(pdf).map((w) => w.text)).toContain('P<IDNRAHAYU<<SITI<NURHALIZA<<<<<<<<<<<<<<<<<');
    expect(r.out).toContain('C1234567<0IDN9008179F3501069<<<<<<<<<<<<<<<4');
  });

  it('--calibration writes the calibration page with the offsets on it', async () => {
    const file = path.join(dir, 'cal.pdf');
    const r = await datapage(['--calibration', '--offset-x', '0.5', '--offset-y=-1', '--label', 'Counter 3', '--out', file]);
    expect(r.code, r.out).toBe(0);
    expect(text(new Uint8Array(readFileSync(file)))).toContain('Offset X +0.5 mm · Y −1.0 mm · Counter 3');
  });

  it('--print sends the page to an IPP printer and waits until it is printed', async () => {
    const sim = await startIppSim({ printMs: 20 });
    try {
      const r = await datapage(['--sample', '--print', sim.url]);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(/printed on ipp:\/\/127\.0\.0\.1:\d+\/ipp\/print as job 1/);
      expect(sim.jobs[0]?.name).toBe('C1234567');
    } finally {
      await sim.close();
    }
  });

  it('refuses offsets beyond ±5 mm and an unreachable printer, with a sentence', async () => {
    const far = await datapage(['--sample', '--offset-x', '7', '--out', path.join(dir, 'x.pdf')]);
    expect(far.code).toBe(2);
    expect(far.out).toContain('offsets are millimetres between -5 and 5');
    const gone = await datapage(['--sample', '--print', 'ipp://127.0.0.1:9/ipp/print']);
    expect(gone.code).toBe(1);
    expect(gone.out).toContain('The passport printer cannot be reached (ipp://127.0.0.1:9/ipp/print)');
  });
});
