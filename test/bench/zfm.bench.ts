// ZFM fingerprint reader benchmark.
//  - Image transfer time ÷ wire time, through the paced simulator on a socat PTY and the
//    real serialport stack, at 57,600 and 115,200 baud (goal ≤ 1.03; 3 runs each, median).
//    Wire time = every byte of the exchange (UpImage command, acknowledge, data packets
//    with their framing) × 10 bits ÷ baud. A 57,600 transfer takes ≈ 7 s, so runs are few.
//  - CPU time to unpack a 4-bit image and compute its quality score (goal < 20 ms, median
//    of 200), and, for information, the PNG encoding time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZfmDriver } from '../../native/drivers/zfm/driver';
import { pack4bpp, unpack4bpp } from '../../native/imaging/fingerprint-image';
import { encodeGrayPng } from '../../native/imaging/png';
import { fingerprintQuality } from '../../native/imaging/quality';
import { startPtySim } from '../../native/sim/pty-sim';
import { socatAvailable } from '../../native/sim/socat-pair';
import { syntheticFingerprint } from '../../native/sim/synthetic-finger';
import { SerialTransport } from '../../native/transport/serial';
import { median, round } from './stats';

const RUNS = 3;
const PACKET_BYTES = 128;
const IMAGE_BYTES = (256 * 288) / 2;

function wireMs(baud: number): number {
  const packets = Math.ceil(IMAGE_BYTES / PACKET_BYTES);
  const bytes = 12 /* UpImage */ + 12 /* ack */ + IMAGE_BYTES + packets * 11 /* header + checksum */;
  return (bytes * 10 * 1000) / baud;
}

async function transferRatio(dir: string, baud: number): Promise<object> {
  const host = await startPtySim(path.join(dir, `tty${baud}`), { baud, pace: true, packetBytes: PACKET_BYTES });
  const transport = new SerialTransport({ path: host.path, baudRate: baud });
  await transport.open();
  const driver = new ZfmDriver({ led: 'none' });
  driver.attach(transport);
  try {
    const id = await driver.identify();
    if (!id.ok) throw new Error(`identify failed: ${id.error.key}`);
    host.sim.placeFinger('bench');
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const g = await driver.genImg();
      if (!g.ok || !g.value) throw new Error('no image in the simulator');
      const t0 = performance.now();
      const img = await driver.upImage();
      const t = performance.now() - t0;
      if (!img.ok) throw new Error(`UpImage failed: ${img.error.key}`);
      ms.push(t);
    }
    const wire = wireMs(baud);
    return {
      baud,
      runs: RUNS,
      wire_ms: round(wire, 1),
      transfer_ms_median: round(median(ms), 1),
      ratio_median: round(median(ms) / wire, 4),
      ratio_runs: ms.map((m) => round(m / wire, 4)),
      goal: '≤ 1.03',
    };
  } finally {
    driver.detach();
    await transport.close().catch(() => undefined);
    await host.stop();
  }
}

function cpuPerImage(): object {
  const packed = pack4bpp(syntheticFingerprint({ seed: 7, quality: 'clean' }));
  const N = 200;
  const wall: number[] = [];
  let score = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    score = fingerprintQuality(unpack4bpp(packed, 256, 288)).score;
    wall.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const png: number[] = [];
  const gray = unpack4bpp(packed, 256, 288);
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    encodeGrayPng(gray);
    png.push(performance.now() - t0);
  }
  return {
    runs: N,
    unpack_and_score_ms_median: round(median(wall), 3),
    unpack_and_score_cpu_ms_mean: round((cpu.user + cpu.system) / 1000 / N, 3),
    score,
    goal: '< 20 ms',
    png_encode_ms_median: round(median(png), 2),
  };
}

export default async function zfmBench(): Promise<object> {
  const cpu = cpuPerImage();
  if (!socatAvailable()) return { cpu, transfer: { skipped: 'socat is not installed (apt-get install socat)' } };
  const dir = mkdtempSync(path.join(tmpdir(), 'loket-bench-'));
  try {
    const transfer = [];
    for (const baud of [57_600, 115_200]) transfer.push(await transferRatio(dir, baud));
    return { cpu, transfer };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
