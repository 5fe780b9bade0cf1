// Debian's ipptool runs its own tests (/usr/share/cups/ipptool) against our IPP printer
// simulator: a real IPP client accepts it as a printer, it prints a PDF, and it refuses
// a format it does not take (it claims PDF only).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIppSim } from '../../../native/sim/ipp-sim';
import type { IppSim } from '../../../native/sim/ipp-sim';
import { composeDataPage } from '../../../electron/datapage/compose-data-page';
import { sampleApplicant } from '../../../electron/datapage/sample-applicant';

const TESTS = '/usr/share/cups/ipptool';
const hasIpptool = spawnSync('ipptool', ['--version']).status === 0;
if (!hasIpptool) console.warn('ipptool tests skipped: ipptool is not installed (apt-get install cups-ipp-utils)');

function ipptool(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('ipptool', ['-T', '10', ...args]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe.skipIf(!hasIpptool)('ipptool against the IPP printer simulator', () => {
  let sim: IppSim;
  let dir: string;
  beforeAll(async () => {
    sim = await startIppSim({ printMs: 50 });
    dir = mkdtempSync(path.join(tmpdir(), 'loket-ipptool-'));
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes get-printer-attributes.test and claims PDF only, and the 125 × 88 mm medium', async () => {
    const r = await ipptool(['-tv', sim.url, path.join(TESTS, 'get-printer-attributes.test')]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/\[PASS\]/);
    expect(r.out).toMatch(/document-format-supported \(mimeMediaType\) = application\/pdf\n/);
    expect(r.out).toMatch(/media-supported \(keyword\) = om_passport_88x125mm\n/);
  });

  it('passes print-job.test with a data page PDF, which it keeps as sent', async () => {
    const page = await composeDataPage(sampleApplicant());
    if (!page.ok) throw new Error('compose failed');
    const file = path.join(dir, 'page.pdf');
    writeFileSync(file, page.pdf);
    const r = await ipptool(['-t', '-f', file, sim.url, path.join(TESTS, 'print-job.test')]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/Print file using Print-Job\s+\[PASS\]/);
    expect(Buffer.compare(Buffer.from(sim.jobs.at(-1)!.document), Buffer.from(page.pdf))).toBe(0);
  });

  it('fails print-job.test for a plain-text file: the format is not one it takes', async () => {
    const file = path.join(dir, 'note.txt');
    writeFileSync(file, 'not a passport\n');
    const r = await ipptool(['-t', '-f', file, sim.url, path.join(TESTS, 'print-job.test')]);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/got client-error-document-format-not-supported/);
  });
});
