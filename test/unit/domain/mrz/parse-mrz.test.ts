import { describe, expect, it } from 'vitest';
import { parseMrz, mrzCheckDigitsHold } from '../../../../domain/mrz/parse-mrz';
import { mrzCheckDigit } from '../../../../domain/mrz/check-digit';
import type { MrzParseResult, MrzRead } from '../../../../domain/mrz/mrz-types';

const today = new Date('2026-06-01T00:00:00Z');
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

function read(r: MrzParseResult): MrzRead {
  if (!r.ok) throw new Error(`expected a read, got ${r.error.key}`);
  return r.read;
}
const withChar = (line: string, i: number, ch: string): string => line.slice(0, i) + ch + line.slice(i + 1);

describe('check digits', () => {
  it('follows the 7-3-1 weights of ICAO 9303 on the specimen fields', () => {
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzCheckDigit('740812')).toBe(2);
    expect(mrzCheckDigit('120415')).toBe(9);
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe(1);
  });
});

describe('parseMrz: the ICAO specimens', () => {
  it('reads the TD3 specimen into the normalised shape', () => {
    expect(read(parseMrz(TD3, { today }))).toMatchObject({
      format: 'TD3', documentType: 'P', issuingState: 'UTO', documentNumber: 'L898902C3',
      primaryIdentifier: 'ERIKSSON', secondaryIdentifier: 'ANNA MARIA', nationality: 'UTO',
      birthDate: '1974-08-12', sex: 'F', expiryDate: '2012-04-15', optionalData: 'ZE184226B',
      valid: true, fieldErrors: [],
    });
  });
  it('reads the TD2 specimen', () => {
    expect(read(parseMrz(TD2, { today }))).toMatchObject({ format: 'TD2', documentType: 'I', documentNumber: 'D23145890', birthDate: '1974-08-12', expiryDate: '2012-04-15', valid: true });
  });
  it('reads the TD1 specimen', () => {
    expect(read(parseMrz(TD1, { today }))).toMatchObject({ format: 'TD1', documentNumber: 'D23145890', primaryIdentifier: 'ERIKSSON', secondaryIdentifier: 'ANNA MARIA', nationality: 'UTO', valid: true });
  });
  it('reads a TD1 whose long document number overflows into the optional data', () => {
    const r = read(parseMrz(['I<UTOD23145890<1233<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'], { today }));
    expect(r).toMatchObject({ documentNumber: 'D23145890123', optionalData: '', valid: true });
  });
  it('accepts raw reader text with CR LF and a trailing blank line', () => {
    expect(read(parseMrz(TD3.join('\r\n') + '\r\n\r\n', { today })).valid).toBe(true);
  });
});

describe('parseMrz: check digits name the field they protect', () => {
  const cases: [string, number, string, string[]][] = [
    ['documentNumber', 9, '7', ['documentNumber', 'composite']],
    ['birthDate', 19, '3', ['birthDate', 'composite']],
    ['expiryDate', 27, '0', ['expiryDate', 'composite']],
    ['optionalData', 42, '2', ['optionalData', 'composite']],
    ['composite', 43, '1', ['composite']],
  ];
  for (const [name, pos, ch, fields] of cases) {
    it(`wrong ${name} check digit`, () => {
      const r = read(parseMrz([TD3[0]!, withChar(TD3[1]!, pos, ch)], { today }));
      expect(r.valid).toBe(false);
      expect(r.fieldErrors.map((e) => e.field)).toEqual(fields);
      const e = r.fieldErrors[0]!;
      expect(e).toMatchObject({ kind: 'checkDigit', key: 'mrz.field.checkDigit', params: { field: name, found: ch } });
      expect(e.params.expected).toMatch(/^\d$/);
    });
  }
  it('mrzCheckDigitsHold tells a good zone from a bad one', () => {
    expect(mrzCheckDigitsHold(TD3)).toBe(true);
    expect(mrzCheckDigitsHold([TD3[0]!, withChar(TD3[1]!, 19, '3')])).toBe(false);
  });
  it('flags an impossible calendar date as a format error', () => {
    // 30 February with a matching check digit: only our calendar check catches it.
    const birth = '740230';
    let line2 = TD3[1]!.slice(0, 13) + birth + mrzCheckDigit(birth) + TD3[1]!.slice(20);
    const c = mrzCheckDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43));
    line2 = line2.slice(0, 43) + c;
    const r = read(parseMrz([TD3[0]!, line2], { today }));
    expect(r.birthDate).toBeNull();
    expect(r.fieldErrors).toEqual([expect.objectContaining({ field: 'birthDate', kind: 'format' })]);
  });
  it('flags an unknown sex letter', () => {
    const line2 = withChar(TD3[1]!, 20, 'Q');
    expect(read(parseMrz([TD3[0]!, line2], { today })).fieldErrors.map((e) => e.field)).toContain('sex');
  });
});

describe('parseMrz: structure errors', () => {
  it('truncated line', () => {
    expect(parseMrz([TD3[0]!, TD3[1]!.slice(0, 40)])).toEqual({ ok: false, error: { key: 'mrz.lineTooShort', params: { line: 2, found: 40, expected: 44 } } });
  });
  it('overlong line', () => {
    expect(parseMrz([TD3[0]! + '<<', TD3[1]!])).toMatchObject({ ok: false, error: { key: 'mrz.lineTooLong', params: { line: 1, found: 46, expected: 44 } } });
  });
  it('wrong line count', () => {
    expect(parseMrz([TD3[0]!])).toMatchObject({ ok: false, error: { key: 'mrz.lineCount', params: { found: 1 } } });
    expect(parseMrz(TD1.slice(0, 2))).toMatchObject({ ok: false, error: { key: 'mrz.lineCount', params: { found: 2, expected: 3 } } });
    expect(parseMrz([...TD3, TD3[1]!])).toMatchObject({ ok: false, error: { key: 'mrz.lineCount' } });
  });
  it('bad characters, naming line, position and character', () => {
    expect(parseMrz([TD3[0]!, withChar(TD3[1]!, 5, 'é')])).toMatchObject({ ok: false, error: { key: 'mrz.badCharacter', params: { line: 2, position: 6, char: 'é' } } });
    expect(parseMrz([withChar(TD3[0]!, 2, '\u0007'), TD3[1]!])).toMatchObject({ ok: false, error: { params: { char: '0x07' } } });
  });
  it('unknown document code (a visa in a passport-sized zone, or an X)', () => {
    expect(parseMrz([withChar(TD3[0]!, 0, 'V'), TD3[1]!])).toMatchObject({ ok: false, error: { key: 'mrz.unknownDocumentCode', params: { code: 'V<', format: 'TD3' } } });
    expect(parseMrz([withChar(TD1[0]!, 0, 'X'), TD1[1]!, TD1[2]!])).toMatchObject({ ok: false, error: { key: 'mrz.unknownDocumentCode', params: { code: 'X<' } } });
  });
});

describe('parseMrz: centuries', () => {
  it('puts birth dates in the past and expiry dates in the future', () => {
    const compose = (birth: string, expiry: string): string[] => {
      let l2 = 'L898902C36UTO' + birth + mrzCheckDigit(birth) + 'F' + expiry + mrzCheckDigit(expiry) + 'ZE184226B<<<<<1';
      l2 += mrzCheckDigit(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43));
      return [TD3[0]!, l2];
    };
    const r1 = read(parseMrz(compose('250101', '360101'), { today }));
    expect([r1.birthDate, r1.expiryDate]).toEqual(['2025-01-01', '2036-01-01']);
    const r2 = read(parseMrz(compose('300101', '980101'), { today }));
    expect([r2.birthDate, r2.expiryDate]).toEqual(['1930-01-01', '1998-01-01']);
    expect(r2.valid).toBe(true);
  });
});
