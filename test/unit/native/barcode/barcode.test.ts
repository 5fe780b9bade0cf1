import { afterEach, describe, expect, it } from 'vitest';
import { HidPosDecoder, encodeHidPosReports } from '../../../../native/drivers/barcode/hid-pos-codec';
import { SerialScanDecoder } from '../../../../native/drivers/barcode/serial-scan-codec';
import { symbologyName } from '../../../../native/drivers/barcode/symbology';
import { BarcodeScanner } from '../../../../native/drivers/barcode/barcode-scanner';
import type { BarcodeFraming, BarcodeScan } from '../../../../native/drivers/barcode/barcode-scanner';
import { BarcodeScannerSim } from '../../../../native/sim/barcode-sim';
import { createMemoryPair } from '../../../../native/transport/memory-pair';
import { HidReplayTransport } from '../../../../native/transport/hid-replay';
import type { DeviceError } from '../../../../native/result';

const LONG = 'https://antrian.imigrasi.go.id/booking/verify?code=LKT-2026-000123&office=JKT-SEL&sig=9f86d081884c7d65';

describe('HID POS codec (report id 2 vendor layout)', () => {
  it('lays out length, AIM id, data and the more-follows flag', () => {
    const [r] = encodeHidPosReports('LKT123', ']C0');
    expect(r).toHaveLength(64);
    expect([r![0], r![1]]).toEqual([2, 6]);
    expect(r!.subarray(2, 5).toString()).toBe(']C0');
    expect(r!.subarray(5, 11).toString()).toBe('LKT123');
    expect(r![63]).toBe(0);
  });
  it('reassembles a code spread over continued reports', () => {
    const reports = encodeHidPosReports(LONG);
    expect(reports.length).toBe(2);
    expect(reports[0]![63]).toBe(1);
    const d = new HidPosDecoder();
    expect(d.pushReport(reports[0]!)).toEqual([]);
    expect(d.pushReport(reports[1]!)).toEqual([{ kind: 'scan', data: Buffer.from(LONG), aim: ']Q1' }]);
  });
  it('reports malformed reports without throwing', () => {
    const d = new HidPosDecoder();
    expect(d.pushReport(Buffer.from([5, 1, 2]))[0]).toMatchObject({ kind: 'malformed', reason: 'reportId' });
    expect(d.pushReport(Buffer.from([2, 200, 0x5d, 0x51, 0x31]))[0]).toMatchObject({ kind: 'malformed', reason: 'length' });
    expect(d.pushReport(Buffer.alloc(0))[0]).toMatchObject({ kind: 'malformed' });
  });
  it('works without report ids when the stack strips them', () => {
    const d = new HidPosDecoder(undefined);
    expect(d.pushReport(encodeHidPosReports('ABC', ']E0', undefined)[0]!)).toEqual([{ kind: 'scan', data: Buffer.from('ABC'), aim: ']E0' }]);
  });
});

describe('serial scan codec and symbologies', () => {
  it('one code per line, AIM prefix taken off when present', () => {
    const d = new SerialScanDecoder();
    expect(d.push(Buffer.from(']Q1LKT-1\r\nLKT-2\r'))).toEqual([{ code: 'LKT-1', aim: ']Q1' }, { code: 'LKT-2' }]);
  });
  it('names symbologies by AIM id', () => {
    expect([symbologyName(']Q1'), symbologyName(']C1'), symbologyName(']C0'), symbologyName(']d2'), symbologyName(undefined), symbologyName(']k9')]).toEqual([
      'QR Code', 'GS1-128', 'Code 128', 'GS1 DataMatrix', 'unknown', ']k9',
    ]);
  });
});

const scanners: BarcodeScanner[] = [];
afterEach(async () => {
  for (const s of scanners.splice(0)) await s.close();
});
const settle = (ms = 80) => new Promise((r) => setTimeout(r, ms));

async function rig(framing: BarcodeFraming, aimPrefix = false) {
  const [host, device] = createMemoryPair('scanner');
  const scanner = new BarcodeScanner(host, { framing, idleMs: 50 });
  scanners.push(scanner);
  const scans: BarcodeScan[] = [];
  const errors: DeviceError[] = [];
  scanner.on('scan', (s) => scans.push(s));
  scanner.on('error', (e) => errors.push(e));
  await scanner.open();
  const sim = new BarcodeScannerSim(device, { framing, aimPrefix });
  await sim.open();
  return { sim, scans, errors };
}

describe('BarcodeScanner driver over the simulator', () => {
  it('HID POS: short and long codes with their symbology', async () => {
    const { sim, scans, errors } = await rig('hid-pos');
    await sim.scan('LKT-2026-000123', ']C0');
    await sim.scan(LONG, ']Q1');
    await settle();
    expect(errors).toEqual([]);
    expect(scans.map((s) => [s.code, s.symbology, s.aim, s.framing])).toEqual([
      ['LKT-2026-000123', 'Code 128', ']C0', 'hid-pos'],
      [LONG, 'QR Code', ']Q1', 'hid-pos'],
    ]);
  });
  it('HID POS: a lost continuation report is reported, and the next scan reads', async () => {
    const { sim, scans, errors } = await rig('hid-pos');
    await sim.scan(LONG, ']Q1', 'lostContinuation');
    await settle(120);
    expect(errors.map((e) => e.key)).toEqual(['device.barcode.incomplete']);
    await sim.scan('LKT-1');
    await settle();
    expect(scans.map((s) => s.code)).toEqual(['LKT-1']);
  });
  it('HID POS: noise is malformed', async () => {
    const { sim, errors } = await rig('hid-pos');
    await sim.scan('X', ']Q1', 'noise');
    await settle();
    expect(errors.map((e) => e.key)).toEqual(['device.barcode.malformed']);
  });
  it('serial lines: codes with and without AIM prefix', async () => {
    const a = await rig('lines', true);
    await a.sim.scan('LKT-7', ']Q1');
    const b = await rig('lines', false);
    await b.sim.scan('LKT-8');
    await settle();
    expect(a.scans.map((s) => [s.code, s.symbology])).toEqual([['LKT-7', 'QR Code']]);
    expect(b.scans.map((s) => [s.code, s.symbology])).toEqual([['LKT-8', 'unknown']]);
  });
  it('serial lines: a missing terminator and control-character noise are reported', async () => {
    const { sim, scans, errors } = await rig('lines');
    await sim.scan('LKT-9', ']Q1', 'noTerminator');
    await settle(120);
    await sim.scan('', ']Q1', 'noise');
    await settle();
    expect(scans).toEqual([]);
    expect(errors.map((e) => e.key)).toEqual(['device.barcode.noTerminator', 'device.barcode.unreadable']);
  });
  it('HID POS from replayed reports (a recorded two-report QR scan)', async () => {
    const script = encodeHidPosReports(LONG).map((r) => `<= ${r.toString('hex')}`).join('\n') + '\n-- close\n';
    const t = new HidReplayTransport(script);
    const scanner = new BarcodeScanner(t, { framing: 'hid-pos' });
    scanners.push(scanner);
    const scans: BarcodeScan[] = [];
    const errors: DeviceError[] = [];
    scanner.on('scan', (s) => scans.push(s));
    scanner.on('error', (e) => errors.push(e));
    await scanner.open();
    await settle();
    expect(scans.map((s) => s.code)).toEqual([LONG]);
    expect(errors.map((e) => e.code)).toEqual(['disconnected']);
  });
});
