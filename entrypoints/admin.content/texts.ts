/**
 * Texts in the ADMIN's language (from `<html lang>`), which can differ from the browser's.
 * The catalogues stay in the background (the content script must stay small); this asks once per
 * locale for the prefixes content features show and caches the answer for the page's lifetime.
 * The answer also carries the notify-guard words of that language, registered here before any
 * feature reads a label (only English words are bundled).
 */
import { renderMessage, type Locale, type MessageParams } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { registerWordBook } from '@/lib/notify-words';
import type { AppError } from '@/lib/result';

export type Translate = (key: string, params?: MessageParams) => string;

const PREFIXES = ['card_', 'guard_', 'err_', 'strategy_', 'list_'];

/** Used only when the background cannot answer (extension reloaded): better English than nothing. */
const FALLBACK: Record<string, string> = {
  card_brand: 'Proxy Mail Guard',
  card_inactive_title: 'Guard inactive on this page',
  card_inactive_body: 'Proxy Mail Guard does not recognise the layout of this order page. Check the customer’s email yourself before you fulfil.',
  err_extension_unreachable: 'Proxy Mail Guard was updated or restarted. Reload this page.',
};

const cache = new Map<string, Promise<Translate>>();

export function loadTexts(langTag: string | null | undefined): Promise<Translate> {
  const tag = (langTag ?? '').trim().toLowerCase() || 'en';
  let pending = cache.get(tag);
  if (!pending) {
    pending = sendMessage('getTexts', { locale: tag, prefixes: PREFIXES }).then((answer) => {
      const texts = answer.ok ? answer.value.texts : {};
      const locale: Locale = answer.ok ? answer.value.locale : 'en';
      if (answer.ok && answer.value.words) registerWordBook(answer.value.words.lang, answer.value.words.book);
      if (!answer.ok) cache.delete(tag); // try again on the next page
      return (key, params) => renderMessage(locale, key, params, (k) => texts[k] ?? FALLBACK[k]);
    });
    cache.set(tag, pending);
  }
  return pending;
}

/** The merchant-facing sentence for an error: `err_<code>` in the admin's language, else its English message. */
export function errorText(tr: Translate, error: AppError): string {
  const key = `err_${error.code}`;
  const text = tr(key, error.params);
  return text === key ? error.message : text;
}
