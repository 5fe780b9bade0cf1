// Every refusal the apply side can give has its sentence in both languages, with the same
// placeholders as the parameters it passes (the officer sees it, not the code).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const i18n = (lang: string) => (JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../../renderer/i18n/${lang}.json`), 'utf8')) as { changelog: Record<string, string> }).changelog;
const source = readFileSync(path.resolve(import.meta.dirname, '../../../electron/store/apply-changes.ts'), 'utf8')
  + readFileSync(path.resolve(import.meta.dirname, '../../../domain/change-format.ts'), 'utf8')
  + readFileSync(path.resolve(import.meta.dirname, '../../../domain/hlc.ts'), 'utf8');

describe('refusal sentences', () => {
  it('each code the apply side gives has a sentence in id and en', () => {
    const codes = new Set([...source.matchAll(/code(?:: |\s*=\s*)'((?:change|clock)_[a-z_]+)'/g)].map((m) => m[1]!));
    codes.delete('clock_counter_full'); // a local fault, never an outcome of apply
    expect([...codes].sort()).toEqual(['change_column_unknown', 'change_conflict', 'change_format_unknown', 'change_invalid', 'change_refused', 'change_table_unknown', 'clock_ahead']);
    for (const lang of ['id', 'en']) for (const c of codes) expect(i18n(lang)[c], `${lang} changelog.${c}`).toBeTruthy();
  });
});
