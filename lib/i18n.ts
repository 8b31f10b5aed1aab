/**
 * Translations for every string the merchant reads (popup, dashboard, order card, guard, errors).
 * The catalogues are the extension's own `_locales/<lang>/messages.json`, so the browser's i18n and
 * this module read the same files. The content script must speak the *admin's* language (read from
 * the page), which can differ from the browser's, so it translates with `t()` instead of
 * `browser.i18n.getMessage`.
 *
 * Placeholders are written `{name}` in the message text.
 */
import en from '../public/_locales/en/messages.json';

/**
 * Our languages, named as their `_locales` folders (Chrome's and Firefox's names; Norwegian Bokmål
 * is `nb`, which the Chrome build also ships as `no` — see wxt.config.ts).
 */
export const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'cs', 'sv', 'da', 'fi', 'nb', 'pt_BR', 'pt_PT', 'ja', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];

type Catalogue = Record<string, { message: string; description?: string }>;

/**
 * Only English (the fallback) is bundled; every other catalogue is its own chunk, fetched by
 * `loadLocale` (a page needs one language, and 16 catalogues tripled the popup's shared chunk).
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

const CATALOGUES: Partial<Record<Locale, Catalogue>> = { en };

/**
 * Makes `t(locale, …)` speak that locale. Until it resolves, `t` answers in English, so callers await
 * it before the first render (pages) or before translating (background). Loading twice is free.
 */
export async function loadLocale(locale: Locale): Promise<void> {
  if (CATALOGUES[locale]) return;
  CATALOGUES[locale] = JSON.parse((await LOADERS[locale as Exclude<Locale, 'en'>]()).default) as Catalogue;
}

/** Every catalogue (tests, and whatever needs to compare languages). */
export async function loadAllLocales(): Promise<void> {
  await Promise.all(LOCALES.map(loadLocale));
}

/** Has `loadLocale` finished for this locale? */
export function isLocaleLoaded(locale: Locale): boolean {
  return CATALOGUES[locale] !== undefined;
}

export type MessageKey = keyof typeof en;

/**
 * 'fr-CA', 'de_DE', 'NL', 'pt-BR', 'no' → a supported locale; anything else → 'en'.
 * Portuguese without a region (or from Brazil) is pt_BR, from Portugal pt_PT; no, nn and nb are nb.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const [base = '', region = ''] = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (base === 'pt') return region === 'pt' ? 'pt_PT' : 'pt_BR';
  if (base === 'no' || base === 'nn') return 'nb';
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

/** The BCP 47 tag of a locale, for Intl formatting ('pt_BR' → 'pt-BR'). */
export function languageTag(locale: Locale): string {
  return locale.replace('_', '-');
}

/** Is this admin language one we have texts for (not the English fallback)? */
export function hasOwnTexts(tag: string | null | undefined): boolean {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return base === 'en' || resolveLocale(tag) !== 'en';
}

export function t(locale: Locale, key: MessageKey | string, params?: Record<string, string | number>): string {
  const entry = CATALOGUES[locale]?.[key] ?? CATALOGUES.en?.[key];
  const text = entry?.message ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey | string, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}
