/**
 * The admin's language, read from `<html lang>`. Two views of it: the notify guard's (any language
 * lib/notify-words has words for) and the order page's (the languages its card labels cover).
 */

import { notifyLangOf, type NotifyLang } from '../notify-words';

/** The admin's language as our word lists know it (null = a language we have no words for). */
export function adminLang(doc: Document): NotifyLang | null {
  return notifyLangOf(doc.documentElement?.getAttribute('lang'));
}

export const ORDER_PAGE_LANGS = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'cs', 'sv', 'da', 'fi', 'nb', 'pt', 'ja', 'tr'] as const;
export type OrderPageLang = (typeof ORDER_PAGE_LANGS)[number];

/** The admin's language from `<html lang>` as one the card labels cover (pt-BR/pt-PT → pt, no/nn → nb), or null. */
export function orderPageLang(doc: Document): OrderPageLang | null {
  const base = (doc.documentElement?.getAttribute('lang') ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const lang = base === 'no' || base === 'nn' ? 'nb' : base;
  return (ORDER_PAGE_LANGS as readonly string[]).includes(lang) ? (lang as OrderPageLang) : null;
}
