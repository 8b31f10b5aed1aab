/**
 * Recognises the admin's "notify the customer" checkboxes from their label text. Pure text logic:
 * lib/admin-dom finds the boxes and their labels, this decides.
 *
 * Why word families and not exact labels: Shopify publishes no translation of the fulfil page's
 * "Send shipment details to your customer now" nor of the tracking dialog's box
 * (test/facts/admin-labels.json), and its wording changes between releases. A label is a
 * notify box when it speaks of sending/notifying AND of the customer (or of the shipment), and is
 * none of the boxes we must never touch (restock, marketing consent).
 *
 * Families are stems matched at the start of a word after folding case and accents, so "client"
 * covers client/cliente/clients and "kund" covers Kunde/Kunden/Kundin (Japanese, written without
 * spaces, matches anywhere).
 *
 * Which languages are known is a registry: English always (./english.ts); the others are loaded
 * for the admin's language only (the content script gets that book from the background with its
 * texts) — ./languages.ts holds them all for the background and the tests.
 */
import { ENGLISH } from './english';
import { NOTIFY_LANGS, type DialogKind, type NotifyLang, type WordBook } from './types';

export { type DialogKind, type NotifyLang, type WordBook } from './types';

const books = new Map<NotifyLang, WordBook>([['en', ENGLISH]]);

/** Adds (or replaces) one language's words; stems are folded here so they match folded labels. */
export function registerWordBook(lang: NotifyLang, book: WordBook): void {
  const fold = (stems: string[]) => stems.map(foldText).filter(Boolean);
  books.set(lang, {
    notify: fold(book.notify),
    strongNotify: fold(book.strongNotify),
    recipient: fold(book.recipient),
    subject: fold(book.subject),
    restock: fold(book.restock),
    marketing: fold(book.marketing),
    notAMessage: fold(book.notAMessage),
    dialogs: {
      tracking: fold(book.dialogs.tracking),
      cancel: fold(book.dialogs.cancel),
      fulfil: fold(book.dialogs.fulfil),
      refund: fold(book.dialogs.refund),
      'order-edit': fold(book.dialogs['order-edit']),
    },
    ...(book.anywhere ? { anywhere: true } : {}),
  });
}

/** Back to English only, as a fresh content script starts (tests). */
export function resetWordBooks(): void {
  for (const lang of [...books.keys()]) if (lang !== 'en') books.delete(lang);
}

export function hasWordBook(lang: NotifyLang): boolean {
  return books.has(lang);
}

/** Lower case, Latin accents (and ł ø æ ı) folded, "e-mail" → "email", punctuation → spaces, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    // Recompose what is not a Latin accent (Japanese voiced kana: が = か + ゙).
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    // Letters with no decomposition: ł (pl), ø æ (da, nb), ı (tr) would otherwise never meet their plain forms.
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ı/g, 'i')
    .replace(/\be[-\u2010\u2011]\s?mail/g, 'email')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

function hasStem(folded: string, stem: string, anywhere = false): boolean {
  // Word-start match: " kund" matches "kunden"; phrases match as written.
  return anywhere ? folded.includes(stem) : ` ${folded}`.includes(` ${stem}`);
}

function anyStem(folded: string, stems: readonly string[], anywhere = false): string | null {
  for (const stem of stems) if (hasStem(folded, stem, anywhere)) return stem;
  return null;
}

function booksFor(lang: NotifyLang | null): WordBook[] {
  // The page's language first, then every other loaded one: admins mix English words into
  // translations, and a page's `lang` can lag behind a language switch.
  const order = lang ? [lang, ...NOTIFY_LANGS.filter((l) => l !== lang)] : [...NOTIFY_LANGS];
  return order.map((l) => books.get(l)).filter((b): b is WordBook => b !== undefined);
}

function familyHit(folded: string, lang: NotifyLang | null, pick: (b: WordBook) => string[]): string | null {
  for (const b of booksFor(lang)) {
    const hit = anyStem(folded, pick(b), b.anywhere);
    if (hit) return hit;
  }
  return null;
}

export type NotifyVerdict =
  | { notify: true; why: 'recipient' | 'subject'; words: string[] }
  | { notify: false; why: 'empty' | 'restock' | 'marketing' | 'not-a-message' | 'no-notify-word' | 'no-recipient-or-subject' };

/** Is this label text the label of a box that makes Shopify email the customer? */
export function classifyNotifyLabel(text: string, lang: NotifyLang | null = null): NotifyVerdict {
  const folded = foldText(text);
  if (!folded) return { notify: false, why: 'empty' };
  if (familyHit(folded, lang, (b) => b.marketing)) return { notify: false, why: 'marketing' };
  if (familyHit(folded, lang, (b) => b.restock)) return { notify: false, why: 'restock' };
  if (familyHit(folded, lang, (b) => b.notAMessage)) return { notify: false, why: 'not-a-message' };
  const notifyWord = familyHit(folded, lang, (b) => b.notify);
  if (!notifyWord) return { notify: false, why: 'no-notify-word' };
  const recipient = familyHit(folded, lang, (b) => b.recipient);
  if (recipient) return { notify: true, why: 'recipient', words: [notifyWord, recipient] };
  // "Send shipment details now", "Versandbenachrichtigung senden": no recipient named, but a notification
  // about the shipment can only go to the customer. A bare "send" + "shipment" is not enough when the
  // shipment word is the notify word itself (es "envío", nl "verzending", tr "gönderi").
  const subject = familyHit(folded, lang, (b) => b.subject);
  if (subject) {
    const strong = familyHit(folded, lang, (b) => b.strongNotify);
    if (strong || hasDistinctWords(folded, notifyWord, subject)) {
      return { notify: true, why: 'subject', words: [strong ?? notifyWord, subject] };
    }
  }
  return { notify: false, why: 'no-recipient-or-subject' };
}

function hasDistinctWords(folded: string, a: string, b: string): boolean {
  // Two different words must carry the two meanings: "Envío" alone is not "send" + "shipment".
  // Text without spaces (Japanese) has its words apart when the two stems do not overlap.
  const words = folded.split(' ');
  const ia = words.findIndex((w) => w.startsWith(a) || (w.includes(a) && !/[a-z]/.test(a)));
  const ib = words.findIndex((w, i) => (i !== ia && w.startsWith(b)) || (!/[a-z]/.test(b) && w.includes(b) && !w.includes(a)));
  if (ia >= 0 && ib >= 0) return true;
  return !/[a-z]/.test(a) && !/[a-z]/.test(b) && folded.includes(a) && folded.includes(b) && !a.includes(b) && !b.includes(a);
}

/**
 * Does this text use any word we know in any loaded language? A label that does but is not a
 * notify box is some other box we understood (and must leave alone); one that does not is in a
 * language we have no words for, where only the page's structure can tell.
 */
export function mentionsKnownWords(text: string): boolean {
  const folded = foldText(text);
  if (!folded) return false;
  return booksFor(null).some((b) =>
    [b.notify, b.recipient, b.subject, b.restock, b.marketing, b.notAMessage].some((stems) => anyStem(folded, stems, b.anywhere) !== null),
  );
}

/** Is this label text a restock / inventory box (the refund page's structural anchor)? @public word-list API beside classifyNotifyLabel */
export function isRestockLabel(text: string, lang: NotifyLang | null = null): boolean {
  return familyHit(foldText(text), lang, (b) => b.restock) !== null;
}

/** Is this label text a marketing-consent box (never touched)? @public word-list API beside classifyNotifyLabel */
export function isMarketingLabel(text: string, lang: NotifyLang | null = null): boolean {
  return familyHit(foldText(text), lang, (b) => b.marketing) !== null;
}

// ── Dialog kinds ──────────────────────────────────────────────────────────────────────────────────
// Dialogs open on the order page without a URL change, so what a dialog is for comes from its title.

/** What a dialog is for, from its title. Tracking is checked first: "Edit tracking" is not an order edit. */
export function classifyDialogTitle(title: string, lang: NotifyLang | null = null): DialogKind {
  const folded = foldText(title);
  if (!folded) return 'other';
  const known = booksFor(lang);
  for (const kind of ['tracking', 'cancel', 'refund', 'order-edit', 'fulfil'] as const) {
    for (const b of known) if (anyStem(folded, b.dialogs[kind], b.anywhere)) return kind;
  }
  return 'other';
}

/**
 * Page `lang` attribute → one of our languages, or null when we have no words for it.
 * Shopify writes pt-BR / pt-PT (one family: pt) and nb; no and nn are Norwegian too.
 */
export function notifyLangOf(tag: string | null | undefined): NotifyLang | null {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const lang = base === 'no' || base === 'nn' ? 'nb' : base;
  return (NOTIFY_LANGS as readonly string[]).includes(lang) ? (lang as NotifyLang) : null;
}
