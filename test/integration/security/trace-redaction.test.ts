// The technician's device trace keeps no personal data: through the real serialport stack on
// socat PTY pairs against the simulators, a ZFM and a GT-521 image upload and template leave
// only frame names, lengths and a SHA-256 prefix; an MRZ read leaves its structure (line
// lengths, character classes, which check digits hold) and none of its characters — in the
// live list and in the saved trace file alike.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceManager } from '../../../native/manager';
import { zfmDriverFactory } from '../../../native/drivers/zfm/zfm-device';
import { gt521DriverFactory } from '../../../native/drivers/gt521/gt521-device';
import { mrzDriverFactory } from '../../../native/drivers/mrz/mrz-device';
import type { FingerprintReader } from '../../../native/drivers/fingerprint-reader';
import { startGt521PtySim, startPtySim } from '../../../native/sim/pty-sim';
import { socatAvailable } from '../../../native/sim/socat-pair';
import { MRZ_SPECIMENS, MrzReaderSim } from '../../../native/sim/mrz-sim';
import { SerialTransport } from '../../../native/transport/serial';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

// socat is a declared test package (scripts/ensure-setup.mjs): without it this fails, not skips.
if (!socatAvailable()) throw new Error('socat is needed for the PTY tests (apt-get install socat)');

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

const until = async (test: () => boolean, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Every 12-byte run of `data` (with some variety: not a flat background) as hex. */
function runs(data: Uint8Array, width = 12): string[] {
  const out = new Set<string>();
  for (let i = 0; i + width <= data.length; i += 3) {
    const w = data.subarray(i, i + width);
    if (new Set(w).size >= 3) out.add(Buffer.from(w).toString('hex'));
  }
  return [...out];
}

async function traceOf(manager: DeviceManager, dir: string): Promise<string> {
  const file = path.join(dir, 'trace.txt');
  await manager.trace('fp')!.save(file);
  return readFileSync(file, 'utf8');
}

describe('fingerprint uploads in the trace', () => {
  it.each([
    ['ZFM', 'zfm', (p: string) => startPtySim(p, { baud: 115_200, packetBytes: 256 }), 115_200,
      // ZFM sends 4 bits a pixel, two pixels a byte, the upper nibble first (datasheet, UpImage).
      (px: Uint8Array) => { const b = Buffer.alloc(px.length / 2); for (let i = 0; i < b.length; i++) b[i] = (px[2 * i]! & 0xf0) | (px[2 * i + 1]! >> 4); return b; }],
    ['GT-521', 'gt521', (p: string) => startGt521PtySim(p, { baud: 9_600 }), 9_600, (px: Uint8Array) => Buffer.from(px)],
  ] as const)('%s: the image and the template leave only name, length and hash', async (_n, driver, start, baud, onWire) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-redact-'));
    const host = await start(path.join(dir, 'tty'));
    const manager = new DeviceManager({ drivers: [zfmDriverFactory, gt521DriverFactory], backoff: { initialMs: 100, maxMs: 400 }, probeMs: 500, presenceCheckMs: 200 });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => host.stop(), () => manager.stop());
    await manager.start([{ id: 'fp', kind: 'fingerprint', driver, label: 'fp', port: { kind: 'path', path: host.path, baudRate: baud }, settings: {} }]);
    await until(() => manager.status('fp')?.state === 'connected');
    const reader = manager.driver<FingerprintReader>('fp')!;
    host.sim.placeFinger('right_thumb', 'clean');
    const image = await reader.capture();
    expect(image.ok).toBe(true);
    const template = await reader.extractTemplate();
    expect(template.ok).toBe(true);
    if (!image.ok || !template.ok) return;

    const text = await traceOf(manager, dir);
    const live = manager.trace('fp')!.list().map((e) => e.hex).join('\n');
    const leaks = [...runs(onWire(image.value.pixels)), ...runs(template.value.data)].filter((r) => text.includes(r) || live.includes(r));
    expect(leaks).toEqual([]);
    // What a technician still reads: each data transfer by name, length and hash.
    expect(text).toMatch(/, \d{3,} B, sha256 [0-9a-f]{12}…, contents withheld/);
  }, 180_000);
});

describe('an MRZ read in the trace', () => {
  it('keeps line lengths, character classes and which check digits hold, never the characters', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-redact-mrz-'));
    const a = path.join(dir, 'host'), b = path.join(dir, 'device');
    const socat = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => socat.kill());
    await until(() => existsSync(a) && existsSync(b));
    const manager = new DeviceManager({ drivers: [mrzDriverFactory('mrz-lines', 'lines')], backoff: { initialMs: 100, maxMs: 400 }, probeMs: 500, presenceCheckMs: 200 });
    cleanups.push(() => manager.stop());
    await manager.start([{ id: 'fp', kind: 'mrz', driver: 'mrz-lines', label: 'mrz', port: { kind: 'path', path: a, baudRate: 9600 }, settings: {} }]);
    await until(() => manager.status('fp')?.state === 'connected');
    const sim = new MrzReaderSim(new SerialTransport({ path: b, baudRate: 9600 }), { framing: 'lines', chunkSize: 11, gapMs: 2, lineEnding: '\r\n' });
    await sim.open();
    cleanups.push(() => sim.close());
    await sim.present(MRZ_SPECIMENS.TD3);
    await until(() => manager.trace('fp')!.list().some((e) => e.name.startsWith('mrz-document')));

    const text = await traceOf(manager, dir);
    const live = manager.trace('fp')!.list();
    const all = `${text}\n${live.map((e) => `${e.name} ${e.hex} ${Buffer.from(e.hex, 'hex').toString('latin1')}`).join('\n')}`;
    // Name, document number, birth and expiry dates, personal number: none of it, as text or hex.
    for (const secret of ['ERIKSSON', 'ANNA', 'MARIA', 'L898902C3', '740812', '120415', 'ZE184226B']) {
      expect(all).not.toContain(secret);
      expect(all).not.toContain(Buffer.from(secret).toString('hex'));
    }
    const doc = live.find((e) => e.name.startsWith('mrz-document'))!;
    expect(doc.name).toContain('2 lines (44+44 chars)');
    expect(doc.name).toContain('check digits: documentNumber ok, birthDate ok, expiryDate ok, optionalData ok, composite ok');
    expect(Buffer.from(doc.hex, 'hex').toString('latin1')).toBe(
      'A<AAAAAAAAAAA<<AAAA<AAAAA<<<<<<<<<<<<<<<<<<<\rA999999A99AAA9999999A9999999AA999999A<<<<<99');
  }, 60_000);
});
