// The receipt printer end to end through the real stack: our ESC/POS driver on real
// serialport, a socat PTY pair, the simulator rendering each cut receipt to a PNG, and
// Debian's zbarimg reading the QR code and the Code 128 back off that PNG — the booking
// code must come back from both. Faults (paper out, cover open, near end) reach the
// driver through DLE EOT as the real printer reports them, and stop nothing but the print.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolmentReceipt } from '../../../domain/receipt-layout';
import type { EnrolmentReceiptData } from '../../../domain/receipt-layout';
import { EscPosPrinter } from '../../../native/drivers/escpos/driver';
import { renderReceipt } from '../../../native/drivers/escpos/escpos-document';
import { ESCPOS_KEYS } from '../../../native/drivers/escpos/escpos-keys';
import { DeviceFileTransport } from '../../../native/drivers/escpos/file-transport';
import { EscPosSimulator } from '../../../native/sim/escpos-sim';
import type { SimReceipt } from '../../../native/sim/escpos-sim';
import { startEscPosPtySim } from '../../../native/sim/pty-sim';
import type { PtySim } from '../../../native/sim/pty-sim';
import { socatAvailable } from '../../../native/sim/socat-pair';
import { SerialTransport } from '../../../native/transport/serial';
import { zbarimg, zbarimgAvailable } from '../../helpers/zbarimg';

const ready = socatAvailable() && zbarimgAvailable();
if (!ready) console.warn('skipping ESC/POS PTY tests: socat and zbar-tools must be installed (apt-get install socat zbar-tools)');

const receipt = (bookingCode: string): EnrolmentReceiptData => ({
  officeName: 'Kantor Imigrasi Kelas I TPI Jakarta Selatan',
  applicantName: 'José Müller Siregar',
  bookingCode,
  service: 'Paspor elektronik — penggantian',
  interviewDate: '2026-03-17',
  collectionDate: '2026-03-31',
  collectionHours: ['Senin–Jumat 13.00–15.00'],
  printedAt: '2026-03-17T10:42:00',
});

describe.skipIf(!ready)('ESC/POS receipt printer on a PTY (serialport ⇄ socat ⇄ simulator ⇄ zbarimg)', () => {
  let dir: string;
  let host: PtySim<EscPosSimulator>;
  let transport: SerialTransport;
  const printer = new EscPosPrinter({ statusTimeoutMs: 1000 });

  const nextReceipt = (): Promise<SimReceipt> =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no receipt cut within 5 s')), 5000);
      host.sim.once('receipt', (r: SimReceipt) => {
        clearTimeout(t);
        resolve(r);
      });
    });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loket-escpos-'));
    host = await startEscPosPtySim(path.join(dir, 'ttyRECEIPT'), { paperMm: 80, pngDir: path.join(dir, 'png'), baudRate: 115_200 });
    transport = new SerialTransport({ path: host.path, baudRate: 115_200 });
    await transport.open();
    printer.attach(transport);
  });
  afterAll(async () => {
    printer.detach();
    await transport?.close();
    await host?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports an idle printer as ready', async () => {
    const s = await printer.status();
    expect(s.ok && s.value).toMatchObject({ problems: [], message: { key: ESCPOS_KEYS.ready } });
  });

  it('prints a receipt whose QR code and Code 128 read back as the booking code', async () => {
    const cut = nextReceipt();
    const r = await printer.print(renderReceipt(enrolmentReceipt(receipt('LKT7Q2M9XA'), 80), 80));
    expect(r.ok).toBe(true);
    const paper = await cut;
    expect(paper.file).toMatch(/receipt-001\.png$/);
    const png = PNG.sync.read(readFileSync(paper.file!));
    expect(png.width).toBe(576); // 80 mm at 203 dpi
    expect(zbarimg(paper.file!)).toEqual(['CODE-128:LKT7Q2M9XA', 'QR-Code:LKT7Q2M9XA']);
    // the accented name went out in WPC1252 and came back as the same letters
    expect(paper.text).toContain('José Müller Siregar');
    expect(paper.text).toContain('Selasa, 31 Maret 2026');
    expect(host.sim.unknown).toEqual([]);
  });

  it('paper out: the status says so, the print is refused with that sentence, and nothing is printed', async () => {
    host.sim.inject('paper-out');
    const s = await printer.status();
    expect(s.ok && s.value.problems).toEqual(['paperOut']);
    const before = host.sim.receipts.length;
    const r = await printer.print(renderReceipt(enrolmentReceipt(receipt('LKT0000001'), 80), 80));
    expect(!r.ok && r.error).toMatchObject({ code: 'rejected', key: ESCPOS_KEYS.paperOut });
    host.sim.clearFaults();
    await new Promise((res) => setTimeout(res, 100));
    expect(host.sim.receipts.length).toBe(before);
  });

  it('cover open is its own sentence; near end prints with a warning', async () => {
    host.sim.inject('cover-open');
    const open = await printer.status();
    expect(open.ok && open.value.message.key).toBe(ESCPOS_KEYS.coverOpen);
    host.sim.clearFaults();
    host.sim.inject('paper-near-end');
    const cut = nextReceipt();
    const r = await printer.print(renderReceipt(enrolmentReceipt(receipt('LKTNEAR01'), 80), 80));
    expect(r.ok && r.value.problems).toEqual(['paperNearEnd']);
    expect(zbarimg((await cut).file!)).toContain('QR-Code:LKTNEAR01');
    host.sim.clearFaults();
  });

  it('a pulled cable is an error value, not a hang', async () => {
    await host.unplug();
    await new Promise((res) => setTimeout(res, 400));
    const s = await printer.status();
    expect(s.ok).toBe(false);
    expect(!s.ok && s.error.code).toBe('disconnected');
    await host.replug();
    await transport.open();
    const again = await printer.status();
    expect(again.ok).toBe(true);
  });
});

describe.skipIf(!zbarimgAvailable())('ESC/POS over a file transport (USB printer class / spooler queue)', () => {
  it('writes the job as it is, reports no status, and the bytes print the same receipt on 58 mm paper', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-lp-'));
    try {
      // A regular file stands in for /dev/usb/lp0: the usblp node takes the same writes.
      const lp = path.join(dir, 'lp0');
      writeFileSync(lp, '');
      const t = new DeviceFileTransport(lp);
      await t.open();
      const printer = new EscPosPrinter({ bidirectional: false });
      printer.attach(t);
      const job = renderReceipt(enrolmentReceipt(receipt('LKT58MM01'), 58), 58);
      const r = await printer.print(job);
      expect(r.ok && r.value.message).toEqual({ key: ESCPOS_KEYS.noStatus, params: { address: lp } });
      await t.close();
      expect(readFileSync(lp).equals(job)).toBe(true);
      const sim = new EscPosSimulator({ paperMm: 58, pngDir: path.join(dir, 'png') });
      sim.receive(readFileSync(lp));
      expect(sim.receipts[0]!.widthDots).toBe(384);
      expect(zbarimg(sim.receipts[0]!.file!)).toEqual(['CODE-128:LKT58MM01', 'QR-Code:LKT58MM01']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a printer node that is not there fails to open, and creates no file', async () => {
    const missing = path.join(tmpdir(), `loket-no-lp-${process.pid}`);
    await expect(new DeviceFileTransport(missing).open()).rejects.toThrow(/ENOENT/);
  });
});
