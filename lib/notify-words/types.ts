/** The admin languages we have word families for (`pt` covers pt-BR and pt-PT, `nb` also no/nn). */
export const NOTIFY_LANGS = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'cs', 'sv', 'da', 'fi', 'nb', 'pt', 'ja', 'tr'] as const;
export type NotifyLang = (typeof NOTIFY_LANGS)[number];

export type DialogKind = 'tracking' | 'cancel' | 'fulfil' | 'refund' | 'order-edit' | 'other';

/**
 * One language's words, as plain data (the background hands them to the content script). Written
 * in lower case; they are folded like the labels they meet (accents, ł ø æ ı) when registered.
 */
export interface WordBook {
  /** Verbs and nouns of sending a message: notify, send, e-mail. */
  notify: string[];
  /** Words that are about notifying even without a recipient ("Notification", "Benachrichtigung"). */
  strongNotify: string[];
  /** The person the message goes to. */
  recipient: string[];
  /** What the message is about: shipment, tracking, delivery. */
  subject: string[];
  /** Inventory boxes sitting beside the notify box (refund, cancel): never ours. */
  restock: string[];
  /** Marketing consent and newsletters: never ours, whatever else they say. */
  marketing: string[];
  /** Copies to the merchant or staff, and customer-profile updates: not a message to the customer. */
  notAMessage: string[];
  /** Words of a dialog's title that tell what it is for. */
  dialogs: Record<Exclude<DialogKind, 'other'>, string[]>;
  /** Written without spaces between words (Japanese): stems match anywhere, not at a word's start. */
  anywhere?: boolean;
}
