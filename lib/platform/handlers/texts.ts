/**
 * Translations for the content script, in the ADMIN's language. The content script runs on every
 * admin page and must stay small (≤ 30 KB gzip), so it does not bundle the catalogues (popup and
 * dashboard texts included); it asks the background for the few prefixes it shows (card_, guard_,
 * err_, strategy_) in one locale — and, with them, the notify-guard words of the admin's language
 * (lib/notify-words/languages.ts), so adding an admin language costs the content script nothing.
 */
import type { Locale } from '../../i18n-core';
import { loadLocale, messageKeys, resolveLocale, t } from '../i18n';
import { onMessage } from '../../messaging';
import { notifyLangOf, type NotifyLang, type WordBook } from '../../notify-words';
import { WORD_BOOKS } from '../../notify-words/languages';
import { ok, type Result } from '../../result';

declare module '../../messages' {
  interface ProtocolMap {
    // ── content-script texts (ORDER-PAGE; used by every admin.content feature) ──
    getTexts(data: { locale: string; prefixes: string[] }, from: 'admin-tab'): Result<TextsAnswer>;
  }
}

const ALLOWED_PREFIXES = ['card_', 'guard_', 'err_', 'strategy_', 'list_'];

export interface TextsAnswer {
  locale: Locale;
  texts: Record<string, string>;
  /** The admin language's notify words (absent for English, which the content script bundles, and for languages we have none for). */
  words?: { lang: NotifyLang; book: WordBook };
}

export async function getTexts({ locale, prefixes }: { locale: string; prefixes: string[] }): Promise<Result<TextsAnswer>> {
  const resolved = resolveLocale(locale);
  await loadLocale(resolved);
  const wordsLang = notifyLangOf(locale);
  const wanted = (Array.isArray(prefixes) ? prefixes : []).filter((p) => ALLOWED_PREFIXES.includes(p));
  const texts: Record<string, string> = {};
  for (const key of messageKeys(resolved)) {
    if (wanted.some((p) => key.startsWith(p))) texts[key] = t(resolved, key);
  }
  const words = wordsLang && wordsLang !== 'en' ? { lang: wordsLang, book: WORD_BOOKS[wordsLang] } : undefined;
  return ok({ locale: resolved, texts, ...(words ? { words } : {}) });
}

export function registerTextHandlers(): void {
  onMessage('getTexts', 'admin-tab', getTexts);
}

