// The ESC/POS receipt printer's sentences exist in both languages, name the same placeholders, and are
// the very sentences the renderer shows (renderer/i18n device.escpos.*), so the technician's
// command line and the screens never say different things.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escposMessages } from '../../../../native/drivers/escpos/messages';
import { ESCPOS_KEYS } from '../../../../native/drivers/escpos/escpos-keys';

const i18n = (lang: string) => (JSON.parse(readFileSync(path.join(import.meta.dirname, `../../../../renderer/i18n/${lang}.json`), 'utf8')) as { device: { escpos: Record<string, string> } }).device.escpos;
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('ESC/POS receipt printer sentences', () => {
  it('cover every key the driver uses, in Indonesian and English, with the same placeholders', () => {
    for (const key of Object.values(ESCPOS_KEYS)) {
      expect(escposMessages.id[key], key).toBeTruthy();
      expect(vars(escposMessages.en[key])).toEqual(vars(escposMessages.id[key]));
    }
    expect(Object.keys(escposMessages.en).sort()).toEqual(Object.keys(escposMessages.id).sort());
  });
  it('are the sentences the screens show', () => {
    for (const lang of ['id', 'en'] as const) {
      const screen = i18n(lang);
      for (const [key, text] of Object.entries(escposMessages[lang])) expect(screen[key.replace('device.escpos.', '')], `${lang} ${key}`).toBe(text);
    }
  });
});
