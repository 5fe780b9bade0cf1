// GT-521Fxx fingerprint reader benchmark.
//  - Image transfer time ÷ wire time at 115,200 baud, through the paced simulator on a socat
//    PTY and the real serialport stack (goal ≤ 1.03; 3 runs, median), as
//    `transfer_ratio_115200_median`. Wire time = every byte of the exchange (GetImage
//    command 12, response 12, the data packet 6 + 52,116) × 10 bits ÷ baud ≈ 4.5 s.
//  - CPU time to score a 258 × 202 image at 450 ppi (for information, goal < 20 ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Gt521Driver } from '../../native/drivers/gt521/driver';
import { IMAGE_BYTES } from '../../native/drivers/gt521/constants';
import { fingerprintQuality } from '../../native/imaging/quality';
import { startGt521PtySim } from '../../native/sim/pty-sim';
import { socatAvailable } from '../../native/sim/socat-pair';
import { syntheticFingerprint } from '../../native/sim/synthetic-finger';
import { SerialTransport } from '../../native/transport/serial';
import { median, round } from './stats';

const RUNS = 3;
const BAUD = 115_200;
const WIRE_MS = ((12 + 12 + 6 + IMAGE_BYTES) * 10 * 1000) / BAUD;

async function transferRatio(dir: string): Promise<{ ratio: number; runs: number[]; transferMs: number }> {
  // The module boots at 9600; identify moves it and the line to 115,200 as the station does.
  const host = await startGt521PtySim(path.join(dir, 'ttyGT521'), { baud: 9600, pace: true });
  const transport = new SerialTransport({ path: host.path, baudRate: 9600 });
  await transport.open();
  const driver = new Gt521Driver({ dataTimeoutMs: 3000 });
  driver.attach(transport);
  try {
    const id = await driver.identify();
    if (!id.ok) throw new Error(`identify failed: ${id.error.key}`);
    if (id.value.baudRate !== BAUD) throw new Error(`line at ${id.value.baudRate} baud`);
    host.sim.placeFinger('bench');
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c = await driver.captureFinger(true);
      if (!c.ok) throw new Error(`CaptureFinger failed: ${c.error.key}`);
      const t0 = performance.now();
      const img = await driver.getImage();
      const t = performance.now() - t0;
      if (!img.ok) throw new Error(`GetImage failed: ${img.error.key}`);
      ms.push(t);
    }
    return { ratio: median(ms) / WIRE_MS, runs: ms.map((m) => m / WIRE_MS), transferMs: median(ms) };
  } finally {
    driver.detach();
    await transport.close().catch(() => undefined);
    await host.stop();
  }
}

function scoring(): object {
  const img = syntheticFingerprint({ seed: 7, quality: 'clean', width: 258, height: 202, ppi: 450 });
  const wall: number[] = [];
  let score = 0;
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    score = fingerprintQuality(img, { ppi: 450 }).score;
    wall.push(performance.now() - t0);
  }
  return { runs: 200, score_ms_median: round(median(wall), 3), score, goal: '< 20 ms' };
}

export default async function gt521Bench(): Promise<object> {
  const cpu = scoring();
  if (!socatAvailable()) return { cpu, transfer: { skipped: 'socat is not installed (apt-get install socat)' } };
  const dir = mkdtempSync(path.join(tmpdir(), 'loket-bench-gt521-'));
  try {
    const t = await transferRatio(dir);
    return {
      transfer_ratio_115200_median: round(t.ratio, 4),
      transfer: { baud: BAUD, runs: RUNS, wire_ms: round(WIRE_MS, 1), transfer_ms_median: round(t.transferMs, 1), ratio_runs: t.runs.map((r) => round(r, 4)), goal: '≤ 1.03' },
      cpu,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
