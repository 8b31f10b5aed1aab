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

export const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

type Catalogue = Record<string, { message: string; description?: string }>;
const CATALOGUES: Record<Locale, Catalogue> = { en, fr, de, es, it, nl };

export type MessageKey = keyof typeof en;

/** 'fr-CA', 'de_DE', 'NL' → a supported locale; anything else → 'en'. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
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
