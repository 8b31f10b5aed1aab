/**
 * Translations for every string the merchant reads (popup, dashboard, order card, guard, errors).
 * The catalogues are the extension's own `_locales/<lang>/messages.json`, so the browser's i18n and
 * this module read the same files. The content script must speak the *admin's* language (read from
 * the page), which can differ from the browser's, so it translates with `t()` instead of
 * `browser.i18n.getMessage`.
 *
 * Placeholders are written `{name}` in the message text; numbers in them are written the language's way.
 * Count sentences have one form per plural category (see `pluralKey`).
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

/**
 * Every key `t(locale, …)` can read: English's and, once loaded, the locale's own — which has plural
 * forms English lacks (`_few`, `_many`) and may lack English's `_one` (Japanese).
 */
export function messageKeys(locale: Locale): string[] {
  return [...new Set([...Object.keys(en), ...Object.keys(CATALOGUES[locale] ?? {})])];
}

/** Has `loadLocale` finished for this locale? */
export function isLocaleLoaded(locale: Locale): boolean {
  return CATALOGUES[locale] !== undefined;
}

/** A catalogue key, or the name of a count sentence (`list_relay` for `list_relay_one`, `list_relay_other`…). */
export type MessageKey = keyof typeof en | (keyof typeof en extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never);

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

/** Message parameters. `count` is always a number: it picks the plural form (see `pluralKey`). */
export type MessageParams = Readonly<Record<string, string | number>> & { readonly count?: number };

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * Count sentences. A message about a number of things is written once per plural category its
 * language has for whole numbers — `<key>_one`, `<key>_few`, `<key>_many`, `<key>_other`, CLDR's
 * names as `Intl.PluralRules` gives them: English one/other, Polish one/few/many, Czech one/few/other,
 * Japanese other only. The caller asks for `<key>` with `{ count }`; this names the form to read.
 * `_other` stands in for a category the language writes like it (French "many" is for millions) and
 * for a missing count. A key that is not a count sentence is returned as it is.
 */
export function pluralKey(locale: Locale, key: string, count: number | undefined, has: (key: string) => boolean): string {
  if (has(key) || !has(`${key}_other`)) return key;
  if (count === undefined) return `${key}_other`;
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(languageTag(locale))));
  const form = `${key}_${rules.select(count)}`;
  return has(form) ? form : `${key}_other`;
}

/**
 * One message in `locale`, from whatever holds its texts (`lookup`: the catalogues here, the texts the
 * background sent in the content script): its plural form, placeholders filled. An unknown key is
 * returned as it is, so callers can tell (`errorText`).
 */
export function renderMessage(locale: Locale, key: string, params: MessageParams | undefined, lookup: (key: string) => string | undefined): string {
  const text = lookup(pluralKey(locale, key, params?.count, (k) => lookup(k) !== undefined)) ?? key;
  if (!params) return text;
  let numbers = numberFormats.get(locale);
  if (!numbers) numberFormats.set(locale, (numbers = new Intl.NumberFormat(languageTag(locale))));
  const format = numbers.format.bind(numbers);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === 'number' ? format(value) : value;
  });
}

export function t(locale: Locale, key: MessageKey | string, params?: MessageParams): string {
  return renderMessage(locale, key, params, (k) => CATALOGUES[locale]?.[k]?.message ?? CATALOGUES.en?.[k]?.message);
}

export type Translate = (key: MessageKey | string, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}
