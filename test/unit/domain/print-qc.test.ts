// The quality check of a printed page: ICAO's TD3 specimen (Doc 9303 Part 4, Appendix A)
// read back as composed passes; a read with one character changed fails on that field.
import { describe, expect, it } from 'vitest';
import { compareMrz } from '../../../domain/print-qc';

const SPECIMEN = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const today = new Date('2010-01-01T00:00:00Z');

describe('the printed page\'s MRZ against the composed one', () => {
  it('passes when the reader sees exactly what was composed', () => {
    expect(compareMrz(SPECIMEN, SPECIMEN, today)).toEqual({ passed: true, mismatches: [] });
  });

  it('fails on a misprinted document number, naming the field and the broken check digit', () => {
    const read = [SPECIMEN[0]!, SPECIMEN[1]!.replace('L898902C3', 'L898982C3')];
    const r = compareMrz(SPECIMEN, read, today);
    expect(r.passed).toBe(false);
    expect(r.mismatches.map((m) => m.field)).toEqual(['documentNumber', 'checkDigits']);
    expect(r.mismatches[0]).toMatchObject({ expected: 'L898902C3', read: 'L898982C3' });
  });

  it('fails on a name misprinted with a valid check digit set (names carry no check digit)', () => {
    const r = compareMrz(SPECIMEN, [SPECIMEN[0]!.replace('ANNA', 'ANNE'), SPECIMEN[1]!], today);
    expect(r).toMatchObject({ passed: false, mismatches: [{ field: 'secondaryIdentifier', expected: 'ANNA MARIA', read: 'ANNE MARIA' }] });
  });

  it('fails when the page cannot be read as an MRZ at all', () => {
    expect(compareMrz(SPECIMEN, [SPECIMEN[0]!], today)).toMatchObject({ passed: false, mismatches: [{ field: 'structure' }] });
  });
});
