// SerialTransport on a socat PTY pair: bytes both ways, baud change, modem lines refused
// without harm (PTYs answer ENOTTY), and 'close' when socat goes away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socatAvailable, socatPair } from '../../../native/sim/socat-pair';
import type { SocatPair } from '../../../native/sim/socat-pair';
import { SerialTransport } from '../../../native/transport/serial';

const haveSocat = socatAvailable();
if (!haveSocat) console.warn('skipping SerialTransport PTY tests: socat is not installed (apt-get install socat)');

describe.skipIf(!haveSocat)('SerialTransport on a PTY pair', () => {
  let dir: string;
  let pair: SocatPair;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loket-serial-'));
    pair = socatPair(path.join(dir, 'a'), path.join(dir, 'b'));
    await pair.start();
  });
  afterAll(async () => {
    await pair.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves bytes both ways, changes baud, refuses modem lines but keeps working, closes when socat dies', async () => {
    const a = new SerialTransport({ path: pair.hostPath, baudRate: 57_600, presenceCheckMs: 100 });
    const b = new SerialTransport({ path: pair.devicePath, baudRate: 57_600 });
    await a.open();
    await b.open();
    const got: Buffer[] = [];
    b.on('data', (d) => got.push(d));
    const received = async (text: string): Promise<string> => {
      const t0 = Date.now();
      while (Buffer.concat(got).toString() !== text && Date.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 5));
      return Buffer.concat(got).toString();
    };
    await a.write(Buffer.from('hello'));
    // A baud change flushes what is still buffered: change it once the line is quiet.
    expect(await received('hello')).toBe('hello');
    await a.setBaudRate(115_200);
    await expect(a.setModemLines({ dtr: true, rts: false })).rejects.toThrow();
    await a.write(Buffer.from(' world'));
    expect(await received('hello world')).toBe('hello world');
    const closed = new Promise<number>((resolve) => a.once('close', () => resolve(Date.now())));
    const killedAt = Date.now();
    await pair.stop();
    expect((await closed) - killedAt).toBeLessThan(1000);
    expect(a.isOpen).toBe(false);
    await expect(a.write(Buffer.from('x'))).rejects.toThrow(/not open/);
    await b.close();
  });
});
