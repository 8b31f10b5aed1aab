/**
 * The pages' catalogues (popup, dashboard, tests): English in the bundle, every other language a chunk
 * of its own, fetched by `loadLocale` (a page needs one language, and 16 catalogues tripled the popup's
 * shared chunk). The background reads the extension's files instead (lib/platform/i18n.ts).
 */
import en from '../public/_locales/en/messages.json';
import { createCatalogues, LOCALES, type Catalogue, type Locale } from './i18n-core';

export { LOCALES, hasOwnTexts, languageTag, renderMessage, resolveLocale } from './i18n-core';
export type { Locale, MessageParams, Translate } from './i18n-core';

/**
 * Explicit imports rather than a glob, so a missing folder is a build error. `?raw`: the chunk is the
 * JSON text itself, not a module with one named export per key (≈ 30% more, and nothing can shake it).
 */
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<{ default: string }>> = {
  fr: () => import('../public/_locales/fr/messages.json?raw'),
  de: () => import('../public/_locales/de/messages.json?raw'),
  es: () => import('../public/_locales/es/messages.json?raw'),
  it: () => import('../public/_locales/it/messages.json?raw'),
  nl: () => import('../public/_locales/nl/messages.json?raw'),
  pl: () => import('../public/_locales/pl/messages.json?raw'),
  cs: () => import('../public/_locales/cs/messages.json?raw'),
  sv: () => import('../public/_locales/sv/messages.json?raw'),
  da: () => import('../public/_locales/da/messages.json?raw'),
  fi: () => import('../public/_locales/fi/messages.json?raw'),
  nb: () => import('../public/_locales/nb/messages.json?raw'),
  pt_BR: () => import('../public/_locales/pt_BR/messages.json?raw'),
  pt_PT: () => import('../public/_locales/pt_PT/messages.json?raw'),
  ja: () => import('../public/_locales/ja/messages.json?raw'),
  tr: () => import('../public/_locales/tr/messages.json?raw'),
};

const pages = createCatalogues(
  async (locale) => JSON.parse((await LOADERS[locale as Exclude<Locale, 'en'>]()).default) as Catalogue,
  { en },
);

/** Until it resolves, `t` answers in English, so pages await it before the first render. */
export const loadLocale = pages.loadLocale;
export const isLocaleLoaded = pages.isLocaleLoaded;
export const messageKeys = pages.messageKeys;
export const t = pages.t;
export const translator = pages.translator;

/** Every catalogue (tests, and whatever needs to compare languages). */
export async function loadAllLocales(): Promise<void> {
  await Promise.all(LOCALES.map(loadLocale));
}
