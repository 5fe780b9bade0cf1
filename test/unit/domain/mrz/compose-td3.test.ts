import { describe, expect, it } from 'vitest';
import { composeTd3 } from '../../../../domain/mrz/compose-td3';
import type { Td3Input } from '../../../../domain/mrz/compose-td3';
import { parseMrz } from '../../../../domain/mrz/parse-mrz';
import { parse as parseWithLibrary } from 'mrz';
import { composeNameField } from '../../../../domain/mrz/mrz-name-field';
import { transliterateName } from '../../../../domain/mrz/transliterate';

const today = new Date('2026-06-01T00:00:00Z');
const base: Td3Input = { documentNumber: 'X1234567', primaryIdentifier: 'Siregar', secondaryIdentifier: 'Budi Santoso', birthDate: '1990-03-15', sex: 'M', expiryDate: '2036-03-14' };

function lines(input: Td3Input): [string, string] {
  const r = composeTd3(input);
  if (!r.ok) throw new Error(r.error.key);
  return r.lines;
}

describe('composeTd3', () => {
  it('composes the ICAO 9303 specimen to its published lines', () => {
    const r = composeTd3({
      documentNumber: 'L898902C3', primaryIdentifier: 'ERIKSSON', secondaryIdentifier: 'ANNA MARIA',
      issuingState: 'UTO', nationality: 'UTO', birthDate: '1974-08-12', sex: 'F', expiryDate: '2012-04-15', optionalData: 'ZE184226B',
    });
    expect(r).toEqual({ ok: true, nameTruncated: false, lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] });
  });

  it('defaults to P, IDN, and an empty optional-data field (the 16-digit NIK does not fit 14)', () => {
    const [l1, l2] = lines(base);
    expect(l1).toBe('P<IDNSIREGAR<<BUDI<SANTOSO'.padEnd(44, '<'));
    expect(l2.slice(10, 13)).toBe('IDN');
    expect(l2.slice(28, 43)).toBe('<<<<<<<<<<<<<<<');
  });

  it('writes a mononym as the primary identifier with a secondary of fillers', () => {
    const [l1] = lines({ ...base, primaryIdentifier: 'Sukarno', secondaryIdentifier: '' });
    expect(l1).toBe('P<IDNSUKARNO'.padEnd(44, '<'));
    const r = parseMrz(lines({ ...base, primaryIdentifier: 'Sukarno', secondaryIdentifier: undefined }), { today });
    expect(r.ok && [r.read.primaryIdentifier, r.read.secondaryIdentifier, r.read.valid]).toEqual(['SUKARNO', '', true]);
  });

  it('transliterates after ICAO: apostrophes dropped, hyphens and spaces become fillers, diacritics folded', () => {
    expect(lines({ ...base, primaryIdentifier: "O'Connor", secondaryIdentifier: 'Marie-Thérèse' })[0]).toMatch(/^P<IDNOCONNOR<<MARIE<THERESE<+$/);
    expect(lines({ ...base, primaryIdentifier: 'Müller', secondaryIdentifier: 'Jürgen  Åke' })[0]).toMatch(/^P<IDNMUELLER<<JUERGEN<AAKE<+$/);
    expect(transliterateName("Ni Luh - Putu").ok && transliterateName('Ni Luh - Putu')).toEqual({ ok: true, components: ['NI', 'LUH', 'PUTU'] });
  });

  it('refuses characters it cannot transliterate and names them', () => {
    expect(composeTd3({ ...base, secondaryIdentifier: '王' })).toEqual({ ok: false, error: { key: 'mrz.compose.nameCharacter', params: { field: 'secondaryIdentifier', char: '王' } } });
    expect(composeTd3({ ...base, primaryIdentifier: " ' " })).toMatchObject({ ok: false, error: { key: 'mrz.compose.name' } });
  });

  it('refuses bad document numbers, dates, states and optional data', () => {
    expect(composeTd3({ ...base, documentNumber: 'X123456789' })).toMatchObject({ ok: false, error: { key: 'mrz.compose.documentNumber' } });
    expect(composeTd3({ ...base, birthDate: '1990-02-30' })).toMatchObject({ ok: false, error: { key: 'mrz.compose.date', params: { field: 'birthDate' } } });
    expect(composeTd3({ ...base, nationality: 'I1N' })).toMatchObject({ ok: false, error: { key: 'mrz.compose.state' } });
    expect(composeTd3({ ...base, optionalData: '3171234567890001' })).toMatchObject({ ok: false, error: { key: 'mrz.compose.optionalData' } });
  });

  it('writes sex X as a filler', () => {
    expect(lines({ ...base, sex: 'X' })[1][20]).toBe('<');
  });
});

describe('name truncation (ICAO 9303 Part 3)', () => {
  it('shortens the secondary identifier from its end first, leaving the field full and ending in a letter', () => {
    const r = composeNameField(['NILAVADHANANANDA'], ['CHAYAPA', 'DEJTHAMRONG', 'KRASUANG']);
    expect(r).toEqual({ truncated: true, field: 'NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K' });
    expect(r.field).toHaveLength(39);
  });
  it('keeps at least the initial of each secondary name, then shortens the primary', () => {
    const r = composeNameField(['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'ABCDEFGHIJ'], ['MUHAMMAD', 'RIZKY', 'PRATAMA']);
    expect(r.field).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ<ABCDE<<M<R<P');
    expect(r.field).toHaveLength(39);
  });
  it('does not truncate a name that fits exactly', () => {
    const r = composeNameField(['A'.repeat(20)], ['B'.repeat(17)]);
    expect(r).toEqual({ truncated: false, field: 'A'.repeat(20) + '<<' + 'B'.repeat(17) });
  });
  it('reports truncation from composeTd3', () => {
    const r = composeTd3({ ...base, primaryIdentifier: 'Nilavadhanananda', secondaryIdentifier: 'Chayapa Dejthamrong Krasuang' });
    expect(r.ok && r.nameTruncated).toBe(true);
  });
});

describe('every composed MRZ parses back to the same fields', () => {
  const names: [string, string][] = [
    ['Siregar', 'Budi Santoso'], ['Sukarno', ''], ['Wijaya', 'Ni Luh Putu Ayu'], ['Hutapea-Simanjuntak', "D'Angelo"],
    ['Nilavadhanananda', 'Chayapa Dejthamrong Krasuang'], ['Ng', 'A'],
  ];
  const docs = ['X1234567', 'B9876543', 'A12', 'C00000001'];
  const sexes = ['M', 'F', 'X'] as const;
  let n = 0;
  for (const [primary, secondary] of names) {
    for (const doc of docs) {
      const sex = sexes[n++ % 3]!;
      it(`${primary} / ${secondary || '(mononym)'} / ${doc} / ${sex}`, () => {
        const input: Td3Input = { ...base, documentNumber: doc, primaryIdentifier: primary, secondaryIdentifier: secondary, sex, birthDate: `19${60 + n}-0${1 + (n % 9)}-1${n % 9}`, expiryDate: '2031-12-31' };
        const l = lines(input);
        expect(parseWithLibrary(l).valid).toBe(true);
        const r = parseMrz(l, { today });
        if (!r.ok) throw new Error(r.error.key);
        expect(r.read).toMatchObject({ valid: true, documentNumber: doc, birthDate: input.birthDate, expiryDate: '2031-12-31', sex, nationality: 'IDN', issuingState: 'IDN' });
        const composed = composeTd3(input);
        const p = transliterateName(primary);
        const s = transliterateName(secondary);
        if (composed.ok && !composed.nameTruncated && p.ok && s.ok) {
          expect([r.read.primaryIdentifier, r.read.secondaryIdentifier]).toEqual([p.components.join(' '), s.components.join(' ')]);
        }
      });
    }
  }
});
