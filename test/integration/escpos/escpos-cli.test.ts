// The technician's tools for the receipt printer as a technician runs them: the simulator
// on a PTY (`npm run sim -- escpos`), writing each receipt as a PNG, and the device CLI
// (`npm run device -- escpos status|test-page`) against it, with exit codes; the test
// page's codes read back by zbarimg.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socatAvailable } from '../../../native/sim/socat-pair';
import { zbarimg, zbarimgAvailable } from '../../helpers/zbarimg';

const TSX = path.resolve('node_modules/.bin/tsx');
const device = (...args: string[]) => spawnSync(TSX, ['native/cli/device.ts', ...args], { encoding: 'utf8', timeout: 30_000 });

describe('escpos device CLI', () => {
  it('refuses bad usage with exit 2 and an unopenable port with exit 1', () => {
    expect(device('escpos', 'status').status).toBe(2);
    const paper = device('escpos', 'status', '--port', 'sim', '--paper', '76');
    expect(paper.status).toBe(2);
    expect(paper.stderr).toMatch(/--paper must be 80 or 58/);
    expect(device('escpos', 'print', '--port', 'sim').status).toBe(2);
    const missing = device('escpos', 'status', '--port', '/nonexistent/ttyUSB9');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Cannot open \/nonexistent\/ttyUSB9/);
  });
});

describe.skipIf(!socatAvailable() || !zbarimgAvailable())('escpos sim CLI on a PTY with the device CLI against it', () => {
  let dir: string;
  let sim: ReturnType<typeof spawn>;
  let pty: string;
  let log = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loket-escpos-cli-'));
    pty = path.join(dir, 'ttyRECEIPT');
    sim = spawn(TSX, ['native/sim/cli.ts', 'escpos', '--pty', pty, '--png-dir', path.join(dir, 'png'), '--paper', '58', '--baud', '38400'], { stdio: ['pipe', 'pipe', 'pipe'] });
    sim.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    const t0 = Date.now();
    while (!/ESC\/POS receipt printer simulator/.test(log)) {
      if (Date.now() - t0 > 15_000) throw new Error(`simulator did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(async () => {
    if (sim.exitCode === null) {
      const exited = new Promise((r) => sim.once('exit', r));
      sim.stdin!.write('quit\n');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const waitFor = async (re: RegExp): Promise<void> => {
    const t0 = Date.now();
    while (!re.test(log)) {
      if (Date.now() - t0 > 10_000) throw new Error(`simulator never said ${re}: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('status says ready; test-page prints a 58 mm page whose codes read back', async () => {
    const s = device('escpos', 'status', '--port', pty, '--baud', '38400');
    expect(s.status).toBe(0);
    expect(s.stdout).toMatch(/The receipt printer is ready/);
    const t = device('escpos', 'test-page', '--port', pty, '--baud', '38400', '--paper', '58', '--trace', path.join(dir, 'trace.txt'));
    expect(t.status).toBe(0);
    await waitFor(/receipt 1: /);
    const png = path.join(dir, 'png', 'receipt-001.png');
    expect(existsSync(png)).toBe(true);
    expect(zbarimg(png)).toEqual(['CODE-128:LOKET-TEST', 'QR-Code:LOKET-TEST']);
  });

  it('cover open: status exits 1 with the sentence, test-page prints nothing', async () => {
    sim.stdin!.write('cover-open\n');
    await waitFor(/faults: cover-open/);
    const s = device('escpos', 'status', '--port', pty, '--baud', '38400');
    expect(s.status).toBe(1);
    expect(s.stdout).toMatch(/the cover is open/);
    const t = device('escpos', 'test-page', '--port', pty, '--baud', '38400');
    expect(t.status).toBe(1);
    expect(t.stderr).toMatch(/not printed[\s\S]*cover is open/);
    sim.stdin!.write('clear\n');
    await waitFor(/faults: none; receipts: 1/);
  });
});
