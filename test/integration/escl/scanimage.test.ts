// Debian's sane-airscan (through `scanimage`) is an independent eSCL client: if it scans
// from our simulator, the simulator speaks eSCL the way real clients expect.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { startEsclSim } from '../../../native/sim/escl-sim';
import type { EsclSim } from '../../../native/sim/escl-sim';

const hasScanimage = spawnSync('scanimage', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasScanimage) console.warn('scanimage tests skipped: `scanimage` (sane-utils + sane-airscan) is not installed on this machine');

let sim: EsclSim | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sim = undefined;
  dir = undefined;
});

function runScanimage(args: string[], configDir: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    // SANE_CONFIG_DIR's trailing colon keeps the system directories (dll.conf) in the search path.
    const child = spawn('scanimage', ['-d', 'airscan:e0:Sim', ...args], { cwd: configDir, env: { ...process.env, SANE_CONFIG_DIR: `${configDir}:` } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

async function setup(feederPages = 0, profile: 'wide' | 'office' = 'wide'): Promise<string> {
  sim = await startEsclSim({ feederPages, profile });
  dir = mkdtempSync(path.join(tmpdir(), 'loket-airscan-'));
  writeFileSync(path.join(dir, 'airscan.conf'), `[devices]\n"Sim" = ${sim.url}, eSCL\n[options]\ndiscovery = disable\n`);
  return dir;
}

describe.skipIf(!hasScanimage)('scanimage (sane-airscan) against the eSCL simulator', () => {
  it('scans the flatbed to a PNG of the requested size', async () => {
    const d = await setup();
    const r = await runScanimage(['--format=png', '--resolution', '150', '-x', '100', '-y', '100', '-o', 'out.png'], d);
    expect(r.code, r.stderr).toBe(0);
    const png = PNG.sync.read(readFileSync(path.join(d, 'out.png')));
    // 100 mm at 150 dpi = 590.55 px.
    expect([png.width, png.height]).toEqual([591, 591]);
    expect(sim!.requests.some((q) => /^POST \/eSCL\/ScanJobs/.test(q))).toBe(true);
    expect(sim!.requests.some((q) => /NextDocument → 200/.test(q))).toBe(true);
  });

  it('scans every sheet of the feeder in batch mode and stops at the empty feeder', async () => {
    const d = await setup(2);
    const r = await runScanimage(['--source', 'ADF', '--mode', 'Gray', '--format=png', '--resolution', '100', '-x', '50', '-y', '50', `--batch=${d}/p%d.png`], d);
    expect(r.stderr).toMatch(/2 pages scanned/);
    const pages = readdirSync(d).filter((f) => /^p\d+\.png$/.test(f)).sort();
    expect(pages).toEqual(['p1.png', 'p2.png']);
    const png = PNG.sync.read(readFileSync(path.join(d, 'p1.png')));
    expect([png.width, png.height]).toEqual([197, 197]);
  });

  it('reads the office profile as its capabilities say: 150/300 on the glass, 300 only on the feeder', async () => {
    const d = await setup(1, 'office');
    const flatbed = await runScanimage(['--source', 'Flatbed', '--help'], d);
    const feeder = await runScanimage(['--source', 'ADF', '--help'], d);
    // `--resolution 150|300dpi [300]`: the resolutions sane-airscan will offer for the source.
    expect(/--resolution ([0-9|]+)dpi/.exec(flatbed.stdout)?.[1], flatbed.stderr).toBe('150|300');
    expect(/--resolution ([0-9|]+)dpi/.exec(feeder.stdout)?.[1], feeder.stderr).toBe('300');
  });

  it('reports the empty feeder the way SANE names it', async () => {
    const d = await setup(0);
    const r = await runScanimage(['--source', 'ADF', '--format=png', '-o', 'x.png'], d);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/out of documents/i);
  });
});
