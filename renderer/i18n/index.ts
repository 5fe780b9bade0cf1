// i18next for the renderer. Bahasa Indonesia is the default; each officer's language comes
// from their session, and before login the choice made at this screen is remembered locally.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { SessionInfo } from '../../electron/contract-types';
import id from './id.json';

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

// Bahasa Indonesia (the default and the fallback) comes with the entry chunk; English is its
// own chunk, fetched the first time it is chosen, so the login form does not wait for a
// language few officers use (measured in `npm run bench`, cold-start).
const loadEnglish = (): Promise<Record<string, unknown>> => import('./en.json').then((m) => m.default);

async function ensureLoaded(lang: Language): Promise<void> {
  if (lang === 'en' && !i18next.hasResourceBundle('en', 'translation')) {
    i18next.addResourceBundle('en', 'translation', await loadEnglish());
  }
}

// The language last asked for: a switch that waited for its chunk must not undo a later one.
let wanted: Language | null = null;

export async function applyLanguage(lang: Language): Promise<void> {
  wanted = lang;
  await ensureLoaded(lang);
  if (wanted !== lang) return;
  document.documentElement.lang = lang;
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}

/** Resolves once the first language is ready to render (at once for Bahasa Indonesia). */
export async function initI18n(): Promise<void> {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  const resources: Record<string, { translation: Record<string, unknown> }> = { id: { translation: id } };
  if (lng === 'en') resources.en = { translation: await loadEnglish() };
  await i18next.use(initReactI18next).init({
    resources,
    // Languages may arrive later (English, on demand).
    partialBundledLanguages: true,
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
