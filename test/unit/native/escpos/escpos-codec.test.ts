// ESC/POS commands byte for byte against the sequences Epson's ESC/POS command reference
// documents (and ../shared/PROTOCOLS.md repeats): a wrong byte here is a receipt printed
// wrong or not at all on a TM-T82.
import { describe, expect, it } from 'vitest';
import {
  align,
  barcodeHeight,
  barcodeHriPosition,
  barcodeModuleWidth,
  bold,
  characterSize,
  code128B,
  feedAndFullCut,
  feedAndPartialCut,
  feedLines,
  initialize,
  line,
  qrCode,
  qrErrorLevel,
  qrModel2,
  qrModuleSize,
  qrPrint,
  qrStore,
  realtimeStatus,
  selectCodePage,
} from '../../../../native/drivers/escpos/escpos-codec';

const hex = (b: Buffer) => b.toString('hex').replace(/(..)(?!$)/g, '$1 ').toUpperCase();

describe('ESC/POS basic commands', () => {
  it('ESC @ initialises: 1B 40', () => expect(hex(initialize())).toBe('1B 40'));
  it('ESC t 16 selects WPC1252, ESC t 0 PC437', () => {
    expect(hex(selectCodePage('wpc1252'))).toBe('1B 74 10');
    expect(hex(selectCodePage('pc437'))).toBe('1B 74 00');
  });
  it('ESC E n turns bold on and off', () => {
    expect(hex(bold(true))).toBe('1B 45 01');
    expect(hex(bold(false))).toBe('1B 45 00');
  });
  it('ESC a n: 0 left, 1 centre, 2 right', () => {
    expect(hex(align('left'))).toBe('1B 61 00');
    expect(hex(align('center'))).toBe('1B 61 01');
    expect(hex(align('right'))).toBe('1B 61 02');
  });
  it('GS ! n: width − 1 in the high nibble, height − 1 in the low one', () => {
    expect(hex(characterSize(1, 1))).toBe('1D 21 00');
    expect(hex(characterSize(2, 2))).toBe('1D 21 11');
    expect(hex(characterSize(2, 1))).toBe('1D 21 10');
    expect(hex(characterSize(1, 2))).toBe('1D 21 01');
    expect(hex(characterSize(8, 8))).toBe('1D 21 77');
    expect(() => characterSize(9, 1)).toThrow(RangeError);
    expect(() => characterSize(0, 1)).toThrow(RangeError);
  });
  it('a line is its text and LF; ESC d n feeds n lines', () => {
    expect(hex(line('OK'))).toBe('4F 4B 0A');
    expect(hex(feedLines(3))).toBe('1B 64 03');
  });
});

describe('QR code, GS ( k (cn 49)', () => {
  it('function 165 selects model 2: 1D 28 6B 04 00 31 41 32 00', () => expect(hex(qrModel2())).toBe('1D 28 6B 04 00 31 41 32 00'));
  it('function 167 sets the module size: 1D 28 6B 03 00 31 43 n', () => {
    expect(hex(qrModuleSize(6))).toBe('1D 28 6B 03 00 31 43 06');
    expect(() => qrModuleSize(17)).toThrow(RangeError);
  });
  it('function 169 sets the error level: 48…51 = L M Q H', () => {
    expect(hex(qrErrorLevel('L'))).toBe('1D 28 6B 03 00 31 45 30');
    expect(hex(qrErrorLevel('M'))).toBe('1D 28 6B 03 00 31 45 31');
    expect(hex(qrErrorLevel('Q'))).toBe('1D 28 6B 03 00 31 45 32');
    expect(hex(qrErrorLevel('H'))).toBe('1D 28 6B 03 00 31 45 33');
  });
  it('function 180 stores data with pL + 256·pH = length + 3', () => {
    expect(hex(qrStore(Buffer.from('ABC')))).toBe('1D 28 6B 06 00 31 50 30 41 42 43');
    // 300 bytes → 303 = 0x012F: pL 2F, pH 01
    expect(hex(qrStore(Buffer.alloc(300, 0x31)).subarray(0, 8))).toBe('1D 28 6B 2F 01 31 50 30');
  });
  it('function 181 prints: 1D 28 6B 03 00 31 51 30', () => expect(hex(qrPrint())).toBe('1D 28 6B 03 00 31 51 30'));
  it('the whole symbol is model, size, level, store, print in that order', () => {
    expect(hex(qrCode('LKT-1234', { moduleDots: 5, level: 'Q' }))).toBe(
      '1D 28 6B 04 00 31 41 32 00 ' + '1D 28 6B 03 00 31 43 05 ' + '1D 28 6B 03 00 31 45 32 ' + '1D 28 6B 0B 00 31 50 30 4C 4B 54 2D 31 32 33 34 ' + '1D 28 6B 03 00 31 51 30',
    );
  });
});

describe('Code 128, GS k 73', () => {
  it('sends n and the data with the code set B selector {B', () => {
    // Epson's example shape: GS k 73 n "{B" data — n counts the selector too.
    expect(hex(code128B('No.123'))).toBe('1D 6B 49 08 7B 42 4E 6F 2E 31 32 33');
  });
  it('doubles a literal "{" so the printer does not read it as a selector', () => {
    expect(hex(code128B('a{b'))).toBe('1D 6B 49 06 7B 42 61 7B 7B 62');
  });
  it('refuses what set B cannot carry', () => {
    expect(() => code128B('')).toThrow(RangeError);
    expect(() => code128B('é')).toThrow(RangeError);
    expect(() => code128B('x'.repeat(254))).toThrow(RangeError);
  });
  it('GS H, GS h, GS w set the readable line, height and module width', () => {
    expect(hex(barcodeHriPosition('below'))).toBe('1D 48 02');
    expect(hex(barcodeHeight(80))).toBe('1D 68 50');
    expect(hex(barcodeModuleWidth(2))).toBe('1D 77 02');
    expect(() => barcodeModuleWidth(7)).toThrow(RangeError);
  });
});

describe('cut and real-time status', () => {
  it('GS V 66 n feeds to the cutter and cuts partially; GS V 65 n cuts fully', () => {
    expect(hex(feedAndPartialCut(3))).toBe('1D 56 42 03');
    expect(hex(feedAndFullCut())).toBe('1D 56 41 00');
  });
  it('DLE EOT n: 10 04 n', () => {
    expect(hex(realtimeStatus(1))).toBe('10 04 01');
    expect(hex(realtimeStatus(2))).toBe('10 04 02');
    expect(hex(realtimeStatus(4))).toBe('10 04 04');
  });
});
