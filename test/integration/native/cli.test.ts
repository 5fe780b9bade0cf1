// The technician tools as a technician runs them: the simulator on a PTY (`npm run sim`)
// and the device CLI (`npm run device`) against it, with their exit codes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPngPpi } from '../../../native/imaging/png';
import { socatAvailable } from '../../../native/sim/socat-pair';

const TSX = path.resolve('node_modules/.bin/tsx');
const device = (...args: string[]) => spawnSync(TSX, ['native/cli/device.ts', ...args], { encoding: 'utf8', timeout: 30_000 });

describe('device CLI', () => {
  it('captures from the in-process simulator, prints the quality score, writes a 500 ppi PNG', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-cli-'));
    const out = path.join(dir, 'f.png');
    const r = device('zfm', 'capture', '--port', 'sim', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Quality score \d+\/100/);
    expect(readPngPpi(readFileSync(out))).toBe(500);
    rmSync(dir, { recursive: true });
  });

  it('fails clearly: unknown driver and bad options exit 2, an unopenable port exits 1', () => {
    const unknown = device('fpx', 'identify', '--port', 'sim');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown driver "fpx" \(known: zfm, gt521, escpos\)/);
    const gtBaud = device('gt521', 'identify', '--port', 'sim', '--baud', '57601');
    expect(gtBaud.status).toBe(2);
    expect(gtBaud.stderr).toMatch(/starts at 9600/);
    const badBaud = device('zfm', 'identify', '--port', 'sim', '--baud', '12345');
    expect(badBaud.status).toBe(2);
    expect(badBaud.stderr).toMatch(/9600 × N/);
    const missing = device('zfm', 'identify', '--port', '/nonexistent/ttyUSB9');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Cannot open \/nonexistent\/ttyUSB9/);
  });

  it('captures from the in-process GT-521 simulator: a 258×202 PNG at 450 ppi with its score', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-cli-'));
    const out = path.join(dir, 'g.png');
    const r = device('gt521', 'capture', '--port', 'sim', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/258×202, 450 ppi/);
    expect(r.stdout).toMatch(/Quality score \d+\/100/);
    expect(readPngPpi(readFileSync(out))).toBe(450);
    rmSync(dir, { recursive: true });
  });

  it('lists ports without failing when a listing is unavailable', () => {
    expect(device('list').status).toBe(0);
  });
});

describe.skipIf(!socatAvailable())('sim CLI on a PTY with the device CLI against it', () => {
  let dir: string;
  let sim: ReturnType<typeof spawn>;
  let pty: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loket-sim-cli-'));
    pty = path.join(dir, 'ttyZFM');
    sim = spawn(TSX, ['native/sim/cli.ts', 'zfm', '--pty', pty, '--baud', '115200', '--finger', 'right_thumb', '--profile', 'r503'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let log = '';
    sim.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    const t0 = Date.now();
    while (!/ZFM simulator/.test(log)) {
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

  it('selftest passes, sysparams prints JSON, capture saves an image', () => {
    const self = device('zfm', 'selftest', '--port', pty, '--baud', '115200');
    expect(self.status).toBe(0);
    expect(self.stdout).toMatch(/PASS {2}led ring +present/);
    const params = device('zfm', 'sysparams', '--port', pty, '--baud', '115200');
    expect(JSON.parse(params.stdout)).toMatchObject({ librarySize: 200, baudRate: 115_200 });
    const out = path.join(dir, 'cap.png');
    const cap = device('zfm', 'capture', '--port', pty, '--baud', '115200', '--out', out, '--trace', path.join(dir, 'trace.txt'));
    expect(cap.status).toBe(0);
    expect(cap.stdout).toMatch(/192×192/);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(path.join(dir, 'trace.txt'), 'utf8')).toMatch(/^=> ef01ffffffff0100071300000000001b$/m);
  });

  it('a silent module makes identify fail with a clear message and exit 1', () => {
    sim.stdin!.write('fault no_reply 10\n');
    const r = device('zfm', 'identify', '--port', pty, '--baud', '115200');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not answer/);
    sim.stdin!.write('clear\n');
  });
});

describe.skipIf(!socatAvailable())('GT-521 sim CLI on a PTY with the device CLI against it', () => {
  let dir: string;
  let sim: ReturnType<typeof spawn>;
  let pty: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loket-gt-cli-'));
    pty = path.join(dir, 'ttyGT521');
    sim = spawn(TSX, ['native/sim/cli.ts', 'gt521', '--pty', pty, '--finger', 'right_thumb', '--profile', 'f32'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let log = '';
    sim.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    const t0 = Date.now();
    while (!/GT-521 simulator/.test(log)) {
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

  it('identify names the model, selftest passes, capture saves an image and a trace', () => {
    const id = device('gt521', 'identify', '--port', pty);
    expect(id.status).toBe(0);
    expect(id.stdout).toMatch(/GT-521F32 fingerprint module/);
    expect(id.stdout).toMatch(/115200 baud, library 0\/200/);
    const self = device('gt521', 'selftest', '--port', pty);
    expect(self.status).toBe(0);
    expect(self.stdout).toMatch(/PASS {2}scratch slot +slot 199 free/);
    const out = path.join(dir, 'cap.png');
    const cap = device('gt521', 'capture', '--port', pty, '--out', out, '--trace', path.join(dir, 'trace.txt'));
    expect(cap.status).toBe(0);
    expect(cap.stdout).toMatch(/258×202/);
    expect(readFileSync(path.join(dir, 'trace.txt'), 'utf8')).toMatch(/^=> 55aa01000100000001000201$/m);
  });

  it('a silent module makes identify fail with a clear message and exit 1', () => {
    sim.stdin!.write('fault no_reply 100\n');
    const r = device('gt521', 'identify', '--port', pty);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not answer as a GT-521/);
    sim.stdin!.write('clear\n');
  });
});
