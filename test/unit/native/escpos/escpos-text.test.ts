// Names in WPC1252: Windows-1252 byte values (the code page's published table), accents the
// page lacks dropped, anything else a visible "?".
import { describe, expect, it } from 'vitest';
import { decodeWpc1252Byte, encodeWpc1252 } from '../../../../native/drivers/escpos/escpos-text';

describe('WPC1252 text', () => {
  it('keeps ASCII as it is', () => expect(encodeWpc1252('Budi Santoso 12').toString('latin1')).toBe('Budi Santoso 12'));
  it('maps Latin-1 letters and the page\'s own extras to their bytes', () => {
    expect([...encodeWpc1252('é')]).toEqual([0xe9]);
    expect([...encodeWpc1252('Ü')]).toEqual([0xdc]);
    expect([...encodeWpc1252('€')]).toEqual([0x80]);
    expect([...encodeWpc1252('Š')]).toEqual([0x8a]);
    expect([...encodeWpc1252('’')]).toEqual([0x92]);
  });
  it('takes decomposed accents too (e + combining acute)', () => expect([...encodeWpc1252('e\u0301')]).toEqual([0xe9]));
  it('drops accents the page lacks and marks the rest', () => {
    expect(encodeWpc1252('Şahin').toString('latin1')).toBe('Sahin');
    expect(encodeWpc1252('名').toString('latin1')).toBe('?');
    expect(encodeWpc1252('a\tb').toString('latin1')).toBe('a?b');
  });
  it('decodes the bytes back', () => {
    expect(decodeWpc1252Byte(0xe9)).toBe('é');
    expect(decodeWpc1252Byte(0x80)).toBe('€');
    expect(decodeWpc1252Byte(0x41)).toBe('A');
  });
});
