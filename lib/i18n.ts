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
import fr from '../public/_locales/fr/messages.json';
import de from '../public/_locales/de/messages.json';
import es from '../public/_locales/es/messages.json';
import it from '../public/_locales/it/messages.json';
import nl from '../public/_locales/nl/messages.json';
import pl from '../public/_locales/pl/messages.json';
import cs from '../public/_locales/cs/messages.json';
import sv from '../public/_locales/sv/messages.json';
import da from '../public/_locales/da/messages.json';
import fi from '../public/_locales/fi/messages.json';
import nb from '../public/_locales/nb/messages.json';
import ptBR from '../public/_locales/pt_BR/messages.json';
import ptPT from '../public/_locales/pt_PT/messages.json';
import ja from '../public/_locales/ja/messages.json';
import tr from '../public/_locales/tr/messages.json';

/**
 * Our languages, named as their `_locales` folders (Chrome's and Firefox's names; Norwegian Bokmål
 * is `nb`, which the Chrome build also ships as `no` — see wxt.config.ts).
 */
export const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'cs', 'sv', 'da', 'fi', 'nb', 'pt_BR', 'pt_PT', 'ja', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];

type Catalogue = Record<string, { message: string; description?: string }>;
const CATALOGUES: Record<Locale, Catalogue> = { en, fr, de, es, it, nl, pl, cs, sv, da, fi, nb, pt_BR: ptBR, pt_PT: ptPT, ja, tr };

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
  const entry = CATALOGUES[locale][key] ?? CATALOGUES.en[key];
  const text = entry?.message ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey | string, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}
