/**
 * The admin's language, read from `<html lang>`. Two views of it: the notify guard's (any language
 * lib/notify-words.ts has words for) and the order page's (the six its card labels cover).
 */

import { notifyLangOf, type NotifyLang } from '../notify-words';

/** The admin's language as our word lists know it (null = a language we have no words for). */
export function adminLang(doc: Document): NotifyLang | null {
  return notifyLangOf(doc.documentElement?.getAttribute('lang'));
}

export const ORDER_PAGE_LANGS = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;
export type OrderPageLang = (typeof ORDER_PAGE_LANGS)[number];

/** The admin's language from `<html lang>` as one of our six, or null (another language). */
export function orderPageLang(doc: Document): OrderPageLang | null {
  const base = (doc.documentElement?.getAttribute('lang') ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (ORDER_PAGE_LANGS as readonly string[]).includes(base) ? (base as OrderPageLang) : null;
}
