// The MRZ reader driver through the real serialport stack on a socat PTY pair, with the
// MRZ reader simulator on the other end (serial framings: OCR lines and 3M RTE frames).
// Also the serial booking-code scanner, which shares the line handling.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MrzReader } from '../../../native/drivers/mrz/mrz-reader';
import type { MrzDocumentEvent, MrzDroppedEvent, MrzFraming } from '../../../native/drivers/mrz/mrz-reader';
import { BarcodeScanner } from '../../../native/drivers/barcode/barcode-scanner';
import type { BarcodeScan } from '../../../native/drivers/barcode/barcode-scanner';
import { MRZ_SPECIMENS, MrzReaderSim } from '../../../native/sim/mrz-sim';
import { BarcodeScannerSim } from '../../../native/sim/barcode-sim';
import { SerialTransport } from '../../../native/transport/serial';
import type { DeviceError } from '../../../native/result';

const hasSocat = spawnSync('socat', ['-V']).status === 0;
if (!hasSocat) console.warn('PTY tests skipped: socat is not installed');

interface Pty {
  a: string;
  b: string;
  proc: ChildProcess;
  dir: string;
}
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function ptyPair(): Promise<Pty> {
  const dir = mkdtempSync(path.join(tmpdir(), 'loket-pty-'));
  const a = path.join(dir, 'host');
  const b = path.join(dir, 'device');
  const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(existsSync(a) && existsSync(b)); i++) await new Promise((r) => setTimeout(r, 20));
  const pty = { a, b, proc, dir };
  cleanups.push(() => {
    proc.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  return pty;
}
const settle = (ms = 250) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasSocat)('MRZ reader on a socat PTY pair', () => {
  for (const framing of ['lines', 'rte'] as MrzFraming[]) {
    it(`${framing}: specimens through serialport, in small chunks, with faults named`, async () => {
      const pty = await ptyPair();
      const reader = new MrzReader(new SerialTransport({ path: pty.a, baudRate: 9600 }), { framing, idleFlushMs: 150 });
      const docs: MrzDocumentEvent[] = [];
      const errors: DeviceError[] = [];
      reader.on('document', (d) => docs.push(d));
      reader.on('error', (e) => errors.push(e));
      expect((await reader.open()).ok).toBe(true);
      const sim = new MrzReaderSim(new SerialTransport({ path: pty.b, baudRate: 9600 }), { framing, chunkSize: 11, gapMs: 2, lineEnding: '\r\n' });
      await sim.open();
      cleanups.push(() => sim.close(), () => reader.close());

      await sim.present(MRZ_SPECIMENS.TD3);
      await sim.present(MRZ_SPECIMENS.TD1);
      await settle();
      expect(docs.map((d) => [d.format, d.framing])).toEqual([['TD3', framing], ['TD1', framing]]);
      expect(docs[0]!.lines).toEqual(MRZ_SPECIMENS.TD3);
      expect(errors).toEqual([]);

      await sim.present(MRZ_SPECIMENS.TD3, framing === 'rte' ? 'badBccAndCheckDigit' : 'truncated');
      await settle();
      expect(errors.map((e) => e.key)).toEqual([framing === 'rte' ? 'device.mrz.frameCorrupt' : 'mrz.lineTooShort']);
    });
  }

  it('lines: stray bytes between documents (NUL, power-up byte, half-read swipe) cost no document', async () => {
    const pty = await ptyPair();
    const reader = new MrzReader(new SerialTransport({ path: pty.a, baudRate: 9600 }), { framing: 'lines', idleFlushMs: 150 });
    const docs: MrzDocumentEvent[] = [];
    const errors: DeviceError[] = [];
    const dropped: MrzDroppedEvent[] = [];
    reader.on('document', (d) => docs.push(d));
    reader.on('error', (e) => errors.push(e));
    reader.on('dropped', (d) => dropped.push(d));
    expect((await reader.open()).ok).toBe(true);
    const sim = new MrzReaderSim(new SerialTransport({ path: pty.b, baudRate: 9600 }), { framing: 'lines', chunkSize: 5, gapMs: 1 });
    await sim.open();
    cleanups.push(() => sim.close(), () => reader.close());

    await sim.present(MRZ_SPECIMENS.TD3);
    await sim.present(MRZ_SPECIMENS.TD1, 'strayBytes');
    await sim.present(MRZ_SPECIMENS.TD2, 'strayBytes');
    await sim.sendRaw(Buffer.from([0x00, 0x00]));
    await settle(); // the reader falls silent after stray bytes: the idle flush sees them
    await sim.present(MRZ_SPECIMENS.TD3, 'strayBytes');
    await settle();
    expect(docs.map((d) => d.lines)).toEqual([MRZ_SPECIMENS.TD3, MRZ_SPECIMENS.TD1, MRZ_SPECIMENS.TD2, MRZ_SPECIMENS.TD3]);
    expect(errors).toEqual([]);
    // Each fault: 2 NUL + 0xFF, then XOFF + 9 letters of a half swipe; plus the lone NULs.
    expect(dropped.reduce((n, d) => n + d.count, 0)).toBe(3 * 13 + 2);
  });

  it('reports the port going away when socat dies', async () => {
    const pty = await ptyPair();
    const reader = new MrzReader(new SerialTransport({ path: pty.a }), { framing: 'lines' });
    const errors: DeviceError[] = [];
    reader.on('error', (e) => errors.push(e));
    await reader.open();
    cleanups.push(() => reader.close());
    pty.proc.kill();
    await settle(500);
    expect(errors.map((e) => e.code)).toContain('disconnected');
  });
});

describe.skipIf(!hasSocat)('serial booking-code scanner on a socat PTY pair', () => {
  it('reads codes line by line with AIM prefixes', async () => {
    const pty = await ptyPair();
    const scanner = new BarcodeScanner(new SerialTransport({ path: pty.a, baudRate: 9600 }), { framing: 'lines' });
    const scans: BarcodeScan[] = [];
    scanner.on('scan', (s) => scans.push(s));
    await scanner.open();
    const sim = new BarcodeScannerSim(new SerialTransport({ path: pty.b, baudRate: 9600 }), { framing: 'lines', aimPrefix: true });
    await sim.open();
    cleanups.push(() => sim.close(), () => scanner.close());
    await sim.scan('LKT-2026-000123', ']C0');
    await sim.scan('LKT-2026-000124', ']Q1');
    await settle();
    expect(scans.map((s) => [s.code, s.symbology])).toEqual([['LKT-2026-000123', 'Code 128'], ['LKT-2026-000124', 'QR Code']]);
  });
});
