/**
 * Translations for every string the merchant reads (popup, dashboard, order card, guard, errors): the
 * part that does not care where the catalogues come from. The catalogues are the extension's own
 * `_locales/<lang>/messages.json`, so the browser's i18n and these modules read the same files. Pages
 * get them from their bundle (lib/i18n.ts), the background from the extension's files
 * (lib/platform/i18n.ts): an MV3 service worker cannot load chunks, so bundling them would make it
 * parse all 16 on every wake. The content script must speak the *admin's* language (read from the
 * page), which can differ from the browser's, so it translates with `t()` instead of
 * `browser.i18n.getMessage`.
 *
 * Placeholders are written `{name}` in the message text; numbers in them are written the language's way.
 * Count sentences have one form per plural category (see `pluralKey`).
 */
import type en from '../public/_locales/en/messages.json';

/**
 * Our languages, named as their `_locales` folders (Chrome's and Firefox's names; Norwegian Bokmål
 * is `nb`, which the Chrome build also ships as `no` — see wxt.config.ts).
 */
export const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'cs', 'sv', 'da', 'fi', 'nb', 'pt_BR', 'pt_PT', 'ja', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];

/** A `_locales/<lang>/messages.json`. */
export type Catalogue = Record<string, { message: string; description?: string }>;

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

export type Translate = (key: MessageKey | string, params?: MessageParams) => string;

/** One set of catalogues: English (the fallback) and whichever languages were loaded into it. */
export interface Catalogues {
  /**
   * Makes `t(locale, …)` speak that locale (and loads English, the fallback, if it is not there yet).
   * Callers await it before translating; until then `t` answers with what is loaded. Loading twice,
   * or twice at once, reads the catalogue once; a failed read is tried again by the next call.
   */
  loadLocale: (locale: Locale) => Promise<void>;
  /** Has `loadLocale` finished for this locale? */
  isLocaleLoaded: (locale: Locale) => boolean;
  /**
   * Every key `t(locale, …)` can read: English's and, once loaded, the locale's own — which has plural
   * forms English lacks (`_few`, `_many`) and may lack English's `_one` (Japanese).
   */
  messageKeys: (locale: Locale) => string[];
  t: (locale: Locale, key: MessageKey | string, params?: MessageParams) => string;
  translator: (locale: Locale) => Translate;
}

/** `read` gets one language's catalogue; `bundled` are the ones already at hand (English, in pages). */
export function createCatalogues(read: (locale: Locale) => Promise<Catalogue>, bundled: Partial<Record<Locale, Catalogue>> = {}): Catalogues {
  const catalogues: Partial<Record<Locale, Catalogue>> = { ...bundled };
  const reading = new Map<Locale, Promise<void>>();

  function loadOne(locale: Locale): Promise<void> {
    if (catalogues[locale]) return Promise.resolve();
    let pending = reading.get(locale);
    if (!pending) {
      pending = read(locale).then(
        (catalogue) => {
          catalogues[locale] = catalogue;
          reading.delete(locale);
        },
        (error: unknown) => {
          reading.delete(locale);
          throw error;
        },
      );
      reading.set(locale, pending);
    }
    return pending;
  }

  const t = (locale: Locale, key: MessageKey | string, params?: MessageParams): string =>
    renderMessage(locale, key, params, (k) => catalogues[locale]?.[k]?.message ?? catalogues.en?.[k]?.message);

  return {
    loadLocale: async (locale) => {
      await Promise.all([loadOne('en'), loadOne(locale)]);
    },
    isLocaleLoaded: (locale) => catalogues[locale] !== undefined,
    messageKeys: (locale) => [...new Set([...Object.keys(catalogues.en ?? {}), ...Object.keys(catalogues[locale] ?? {})])],
    t,
    translator: (locale) => (key, params) => t(locale, key, params),
  };
}
