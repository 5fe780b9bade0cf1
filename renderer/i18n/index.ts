// i18next for the renderer. Bahasa Indonesia is the default; each officer's language comes
// from their session, and before login the choice made at this screen is remembered locally.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { SessionInfo } from '../../electron/contract-types';
import id from './id.json';
import en from './en.json';

export type Language = SessionInfo['language'];
export const LANGUAGES = ['id', 'en'] as const satisfies readonly Language[];

const STORAGE_KEY = 'loket.language';

export function storedLanguage(): Language {
  const v = localStorage.getItem(STORAGE_KEY);
  return v === 'en' ? 'en' : 'id';
}

export function rememberLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'id';
}

export async function applyLanguage(lang: Language): Promise<void> {
  document.documentElement.lang = lang;
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}

export function initI18n(): void {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng,
    fallbackLng: 'id',
    supportedLngs: [...LANGUAGES],
    // React escapes on render; escaping twice would show "&amp;" in names.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
}

export default i18next;
