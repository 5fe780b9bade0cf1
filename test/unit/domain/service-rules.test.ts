// The shipped rules file against the published figures (PP 45/2024's fee table, Permenkumham
// 18/2022's validity rule), and the pure functions over it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ageOn, documentChecklist, feeLines, maxValidityYears, nextDocumentType, serviceRulesSchema, total,
} from '../../../domain/service-rules';

const file = path.resolve(import.meta.dirname, '../../../resources/rules/immigration-rules.json');
const rules = serviceRulesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('the shipped service rules', () => {
  it('carry the PP 45/2024 passport fees and the same-day surcharge', () => {
    const fee = (passportType: 'ordinary' | 'electronic', years: 5 | 10, sameDay = false) => total(feeLines(rules, { passportType, years, service: 'new', sameDay }));
    expect(fee('ordinary', 5)).toBe(350_000);
    expect(fee('ordinary', 10)).toBe(650_000);
    expect(fee('electronic', 5)).toBe(650_000);
    expect(fee('electronic', 10)).toBe(950_000);
    // Same-day service is added to the passport fee, not instead of it.
    expect(fee('electronic', 10, true)).toBe(1_950_000);
  });

  it('adds the fine for a lost or damaged passport, none for a disaster or force majeure', () => {
    const lines = (service: 'replace_lost' | 'replace_damaged' | 'replace_disaster', forceMajeure = false) =>
      feeLines(rules, { passportType: 'ordinary', years: 10, service, sameDay: false, forceMajeure });
    expect(lines('replace_lost')).toEqual([{ item: 'passport', amount: 650_000 }, { item: 'fine', amount: 1_000_000 }]);
    expect(lines('replace_damaged')).toEqual([{ item: 'passport', amount: 650_000 }, { item: 'fine', amount: 500_000 }]);
    expect(lines('replace_disaster')).toEqual([{ item: 'passport', amount: 650_000 }]);
    expect(lines('replace_lost', true)).toEqual([{ item: 'passport', amount: 650_000 }]);
  });

  it('gives 10 years only from the 17th birthday, or when married', () => {
    expect(ageOn('2009-12-03', '2026-12-02')).toBe(16);
    expect(ageOn('2009-12-02', '2026-12-02')).toBe(17);
    expect(maxValidityYears(rules, { birthDate: '2009-12-03', married: false }, '2026-12-02')).toBe(5);
    expect(maxValidityYears(rules, { birthDate: '2009-12-02', married: false }, '2026-12-02')).toBe(10);
    expect(maxValidityYears(rules, { birthDate: '2010-01-01', married: true }, '2026-12-02')).toBe(10);
    // Born on 29 February: 17 on 1 March of a non-leap year.
    expect(maxValidityYears(rules, { birthDate: '2008-02-29', married: false }, '2025-02-28')).toBe(5);
    expect(maxValidityYears(rules, { birthDate: '2008-02-29', married: false }, '2025-03-01')).toBe(10);
  });

  it('lists the documents per service and picks the next one to scan in checklist order', () => {
    const none = new Set<never>();
    expect(documentChecklist(rules, 'new', none).map((l) => l.anyOf)).toEqual([['ktp'], ['kk'], ['birth_certificate', 'diploma', 'marriage_book']]);
    expect(documentChecklist(rules, 'replace_expired', none).map((l) => l.anyOf)).toEqual([['ktp'], ['old_passport']]);
    expect(documentChecklist(rules, 'replace_lost', none).map((l) => l.anyOf)).toEqual([['ktp'], ['police_report']]);
    const scanned = new Set(['ktp', 'diploma'] as const);
    const lines = documentChecklist(rules, 'new', scanned);
    expect(lines.map((l) => l.satisfiedBy)).toEqual(['ktp', null, 'diploma']);
    expect(nextDocumentType(lines)).toBe('kk');
    expect(nextDocumentType(documentChecklist(rules, 'replace_lost', new Set(['ktp', 'police_report'] as const)))).toBeNull();
  });

  it('refuses a rules file with a figure missing or of the wrong kind', () => {
    const broken = structuredClone(JSON.parse(readFileSync(file, 'utf8')));
    broken.fees.passport.electronic['10'] = '950000';
    expect(serviceRulesSchema.safeParse(broken).success).toBe(false);
    const noSource = structuredClone(JSON.parse(readFileSync(file, 'utf8')));
    delete noSource.fines.source;
    expect(serviceRulesSchema.safeParse(noSource).success).toBe(false);
  });
});
