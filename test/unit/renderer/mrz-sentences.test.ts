// The check-digit and field sentences of an MRZ read, rendered the way the enrolment screen
// renders them (keyedText with the real i18n files), for every field in both languages:
// each names its field as a phrase that sits naturally inside the sentence.
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import id from '../../../renderer/i18n/id.json';
import en from '../../../renderer/i18n/en.json';
import type { keyedText as KeyedText } from '../../../renderer/lib/device-text';
import { mrzDomainMessages } from '../../../domain/mrz/messages';
import type { MrzFieldName } from '../../../domain/mrz/mrz-types';

const ALL: MrzFieldName[] = ['documentType', 'issuingState', 'documentNumber', 'primaryIdentifier', 'secondaryIdentifier',
  'nationality', 'birthDate', 'sex', 'expiryDate', 'optionalData', 'composite'];
/** The fields ICAO 9303 protects with a check digit. */
const CHECKED: MrzFieldName[] = ['documentNumber', 'birthDate', 'expiryDate', 'optionalData', 'composite'];

let keyedText: typeof KeyedText;
beforeAll(async () => {
  // The screens' API client binds to the Electron bridge when loaded; a stand-in bridge is
  // enough here, since no call is made.
  (globalThis as { window?: unknown }).window = { loket: { invoke: () => undefined, on: () => () => undefined }, addEventListener: () => undefined };
  ({ keyedText } = await import('../../../renderer/lib/device-text'));
  await i18next.init({ resources: { id: { translation: id }, en: { translation: en } }, lng: 'id', interpolation: { escapeValue: false } });
});

const say = async (lang: 'id' | 'en', key: string, field: MrzFieldName) => {
  await i18next.changeLanguage(lang);
  return keyedText(i18next.t, { key, params: { field, found: '7', expected: '6' } });
};

describe('MRZ check-digit sentences', () => {
  it('read as written for the published examples', async () => {
    expect(await say('en', 'mrz.field.checkDigit', 'documentNumber')).toBe(
      'The check digit of the passport number does not match (read 7, expected 6). Scan again; if it stays wrong, inspect the document visually.');
    expect(await say('en', 'mrz.field.checkDigit', 'composite')).toBe(
      'The overall check digit of the MRZ (the last character of line 2) does not match (read 7, expected 6). Scan again; if it stays wrong, inspect the document visually.');
    expect(await say('id', 'mrz.field.checkDigit', 'birthDate')).toBe(
      'Digit periksa tanggal lahir tidak cocok (terbaca 7, seharusnya 6). Pindai ulang; jika tetap salah, periksa dokumen secara visual.');
    expect(await say('id', 'mrz.field.checkDigit', 'composite')).toBe(
      'Digit periksa gabungan MRZ (karakter terakhir baris 2) tidak cocok (terbaca 7, seharusnya 6). Pindai ulang; jika tetap salah, periksa dokumen secara visual.');
  });

  for (const lang of ['id', 'en'] as const) {
    const phrase = lang === 'en' ? /check digit/gi : /digit periksa/gi;
    for (const field of CHECKED) {
      it(`${lang}: the check digit of ${field} is named once, in lower case, inside the sentence`, async () => {
        const s = await say(lang, 'mrz.field.checkDigit', field);
        expect(s.match(phrase)?.length, s).toBe(1);
        // No label with a capital in the middle of a sentence ("for Passport number").
        expect(s, s).not.toMatch(/[a-z,] (?!MRZ)[A-Z]/);
        expect(s).not.toContain(field);
        if (field !== 'composite') expect(s).toContain(i18next.t(`mrz.fieldInSentence.${field}`));
      });
    }
    for (const field of ALL.filter((f) => f !== 'composite')) {
      it(`${lang}: an invalid ${field} field is named in lower case inside the sentence`, async () => {
        const s = await say(lang, 'mrz.field.format', field);
        expect(s, s).not.toMatch(/[a-z,] (?!MRZ)[A-Z]/);
        expect(s).toContain(i18next.t(`mrz.fieldInSentence.${field}`));
      });
    }
  }

  it('the MRZ domain\'s own copy of the sentences says the same as the screens', () => {
    for (const lang of ['id', 'en'] as const) {
      const tree = (lang === 'id' ? id : en) as unknown as { mrz: { field: Record<string, string> } };
      for (const k of ['checkDigit', 'checkDigit_composite', 'format']) {
        expect((mrzDomainMessages[lang] as Record<string, string>)[`mrz.field.${k}`], `${lang} ${k}`).toBe(tree.mrz.field[k]);
      }
    }
  });
});
