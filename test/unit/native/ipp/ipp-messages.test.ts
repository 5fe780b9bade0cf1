// The IPP printer's sentences exist in both languages, name the same placeholders, and are
// the very sentences the renderer shows (renderer/i18n device.ipp.*), so the technician's
// command line and the screens never say different things.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ippMessages } from '../../../../native/drivers/ipp/messages';
import { IPP_KEYS } from '../../../../native/drivers/ipp/ipp-keys';

const i18n = (lang: string) => (JSON.parse(readFileSync(path.join(import.meta.dirname, `../../../../renderer/i18n/${lang}.json`), 'utf8')) as { device: { ipp: Record<string, string> } }).device.ipp;
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('IPP printer sentences', () => {
  it('cover every key the driver uses, in Indonesian and English, with the same placeholders', () => {
    for (const key of Object.values(IPP_KEYS)) {
      expect(ippMessages.id[key], key).toBeTruthy();
      expect(vars(ippMessages.en[key])).toEqual(vars(ippMessages.id[key]));
    }
    expect(Object.keys(ippMessages.en).sort()).toEqual(Object.keys(ippMessages.id).sort());
  });
  it('are the sentences the screens show', () => {
    for (const lang of ['id', 'en'] as const) {
      const screen = i18n(lang);
      for (const [key, text] of Object.entries(ippMessages[lang])) expect(screen[key.replace('device.ipp.', '')], `${lang} ${key}`).toBe(text);
    }
  });
});
