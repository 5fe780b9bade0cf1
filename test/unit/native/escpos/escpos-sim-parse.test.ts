// The simulator reads a job however the line splits it (a PTY delivers arbitrary chunks),
// and the Code 128 it draws follows the standard's patterns and check character.
import { describe, expect, it } from 'vitest';
import { enrolmentReceipt } from '../../../../domain/receipt-layout';
import { renderReceipt } from '../../../../native/drivers/escpos/escpos-document';
import { CODE128_PATTERNS, code128Values } from '../../../../native/sim/code128-patterns';
import { EscPosSimulator } from '../../../../native/sim/escpos-sim';

const job = renderReceipt(
  enrolmentReceipt({ officeName: 'Kanim', applicantName: 'Ana', bookingCode: 'ABC123', service: 'Paspor', interviewDate: '2026-03-17', collectionDate: '2026-03-26', collectionHours: ['08.00–15.00'], printedAt: '2026-03-17T09:00:00' }, 80),
  80,
);

describe('ESC/POS simulator parsing', () => {
  it('prints the same receipt whether the job comes whole or one byte at a time', () => {
    const whole = new EscPosSimulator();
    whole.receive(job);
    const bytewise = new EscPosSimulator();
    for (const b of job) bytewise.receive(Buffer.from([b]));
    expect(whole.receipts).toHaveLength(1);
    expect(bytewise.receipts[0]!.png.equals(whole.receipts[0]!.png)).toBe(true);
    expect(whole.receipts[0]!.text).toContain('[QR ABC123]');
    expect(whole.receipts[0]!.text).toContain('[Code 128 ABC123]');
    expect(whole.unknown).toEqual([]);
  });

  it('holds a job while the cover is open and prints it when closed, answering status meanwhile', () => {
    const sim = new EscPosSimulator();
    sim.inject('cover-open');
    const answers: number[] = [];
    sim.on('status', (_n: number, byte: number) => answers.push(byte));
    sim.receive(Buffer.concat([Buffer.from([0x10, 0x04, 0x02]), job]));
    expect(answers).toEqual([0x16]);
    expect(sim.receipts).toHaveLength(0);
    sim.clearFaults();
    expect(sim.receipts).toHaveLength(1);
  });
});

describe('Code 128 patterns', () => {
  it('every symbol is 11 modules wide (the stop 13), 3 bars and 3 spaces', () => {
    CODE128_PATTERNS.forEach((p, v) => {
      const sum = [...p].reduce((a, d) => a + Number(d), 0);
      expect(sum, `value ${v}`).toBe(v === 106 ? 13 : 11);
    });
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
  });
  it('the check character is the start value plus each value times its position, mod 103', () => {
    // Code set B "PJJ123C": 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879; 879 mod 103 = 55.
    // (zbarimg, which verifies the check character, reads every receipt in the PTY test.)
    const r = code128Values(Buffer.from('{BPJJ123C'));
    expect('values' in r && r.values).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55]);
  });
});
