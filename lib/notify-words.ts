/**
 * Recognises the admin's "notify the customer" checkboxes from their label text, in en, fr, de, es,
 * it and nl. Pure text logic: lib/admin-dom/ finds the boxes and their labels, this decides.
 *
 * Why word families and not exact labels: Shopify publishes no translation of the fulfil page's
 * "Send shipment details to your customer now" nor of the tracking dialog's box
 * (/work/shared/shopify/admin-labels.json), and its wording changes between releases. A label is a
 * notify box when it speaks of sending/notifying AND of the customer (or of the shipment), and is
 * none of the boxes we must never touch (restock, marketing consent).
 *
 * Families are stems matched at the start of a word after folding case and accents, so "client"
 * covers client/cliente/clients and "kund" covers Kunde/Kunden/Kundin.
 */

export const NOTIFY_LANGS = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;
export type NotifyLang = (typeof NOTIFY_LANGS)[number];

interface Families {
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
}

// Stems are written folded (lower case, no accents). Multi-word entries match as a phrase.
const FAMILIES: Record<NotifyLang, Families> = {
  en: {
    notify: ['notif', 'send', 'email', 'alert', 'message', 'tell'],
    strongNotify: ['notif'],
    recipient: ['customer', 'buyer', 'client', 'recipient', 'purchaser'],
    subject: ['ship', 'tracking', 'deliver', 'fulfil', 'dispatch', 'parcel', 'package', 'invoice', 'refund', 'cancel'],
    restock: ['restock', 'stock', 'inventor', 'return items to'],
    marketing: ['marketing', 'newsletter', 'news', 'offer', 'promo', 'subscri', 'consent'],
    notAMessage: ['send me', 'email me', 'notify me', 'copy to me', 'staff', 'myself', 'profile'],
  },
  fr: {
    notify: ['notif', 'envoy', 'envoi', 'avert', 'preven', 'informer', 'courriel', 'email', 'aviser', 'message'],
    strongNotify: ['notif', 'avert', 'preven', 'aviser'],
    recipient: ['client', 'acheteu', 'destinataire'],
    subject: ['expedi', 'envoi', 'livr', 'suivi', 'colis', 'factur', 'rembours', 'annul'],
    restock: ['reapprovision', 'restock', 'stock', 'inventaire', 'remettre en'],
    marketing: ['marketing', 'newsletter', 'infolettre', 'actualit', 'offre', 'promo', 'abonn', 'publicit', 'consent'],
    notAMessage: ['m envoyer', 'me l envoyer', 'moi meme', 'profil'],
  },
  de: {
    notify: ['benachrichtig', 'send', 'schick', 'informier', 'email', 'mitteil', 'nachricht', 'verstandig'],
    strongNotify: ['benachrichtig', 'verstandig', 'mitteil'],
    recipient: ['kund', 'kaufer', 'empfanger'],
    subject: ['versand', 'sendung', 'liefer', 'tracking', 'paket', 'rechnung', 'erstatt', 'storn'],
    restock: ['lager', 'bestand', 'inventar', 'zuruckfuhren', 'wieder einlager'],
    marketing: ['marketing', 'newsletter', 'angebot', 'werbung', 'abonn', 'neuigkeit', 'einwillig', 'promo'],
    notAMessage: ['an mich', 'mir senden', 'mitarbeit', 'profil'],
  },
  es: {
    notify: ['notific', 'envi', 'avis', 'informar', 'correo', 'email', 'mensaje'],
    strongNotify: ['notific', 'avis'],
    recipient: ['client', 'comprador', 'destinatari'],
    subject: ['envio', 'seguimiento', 'entrega', 'rastreo', 'paquete', 'factura', 'reembols', 'cancel'],
    restock: ['repon', 'reabastec', 'inventari', 'existencia', 'stock'],
    marketing: ['marketing', 'boletin', 'novedad', 'oferta', 'promo', 'suscri', 'publicidad', 'consentimiento'],
    notAMessage: ['enviarme', 'a mi mismo', 'perfil'],
  },
  it: {
    notify: ['notific', 'invi', 'avvis', 'informare', 'email', 'messaggio', 'comunic'],
    strongNotify: ['notific', 'avvis'],
    recipient: ['client', 'acquirent', 'destinatari'],
    subject: ['spedi', 'traccia', 'tracking', 'consegn', 'pacco', 'fattura', 'rimbors', 'annull'],
    restock: ['rifornir', 'riassort', 'magazzin', 'scorte', 'inventari', 'stock', 'giacenz'],
    marketing: ['marketing', 'newsletter', 'novita', 'offert', 'promo', 'iscri', 'pubblicit', 'consenso'],
    notAMessage: ['inviami', 'a me stesso', 'profil'],
  },
  nl: {
    notify: ['meld', 'verzend', 'verstu', 'stuur', 'sturen', 'informe', 'op de hoogte', 'email', 'bericht', 'notific'],
    strongNotify: ['meld', 'op de hoogte', 'notific'],
    recipient: ['klant', 'koper', 'ontvanger'],
    subject: ['verzend', 'zending', 'lever', 'track', 'pakket', 'factuur', 'terugbetal', 'annuler'],
    restock: ['voorraad', 'aanvull', 'restock', 'inventaris'],
    marketing: ['marketing', 'nieuwsbrief', 'nieuws', 'aanbieding', 'promo', 'abonneer', 'reclame', 'toestemming'],
    notAMessage: ['naar mij', 'mezelf', 'personeel', 'profiel'],
  },
};

/** Lower case, accents removed, "e-mail" → "email", punctuation → spaces, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\be[-\u2010\u2011]\s?mail/g, 'email')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function hasStem(folded: string, stem: string): boolean {
  // Word-start match: " kund" matches "kunden"; phrases match as written.
  return ` ${folded}`.includes(` ${stem}`);
}

function anyStem(folded: string, stems: readonly string[]): string | null {
  for (const stem of stems) if (hasStem(folded, stem)) return stem;
  return null;
}

function families(lang: NotifyLang | null): Families[] {
  // The page's language first, then every other: admins mix English words into translations, and a
  // page's `lang` can lag behind a language switch.
  const order = lang ? [lang, ...NOTIFY_LANGS.filter((l) => l !== lang)] : [...NOTIFY_LANGS];
  return order.map((l) => FAMILIES[l]);
}

function familyHit(folded: string, lang: NotifyLang | null, pick: (f: Families) => string[]): string | null {
  for (const f of families(lang)) {
    const hit = anyStem(folded, pick(f));
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
  if (familyHit(folded, lang, (f) => f.marketing)) return { notify: false, why: 'marketing' };
  if (familyHit(folded, lang, (f) => f.restock)) return { notify: false, why: 'restock' };
  if (familyHit(folded, lang, (f) => f.notAMessage)) return { notify: false, why: 'not-a-message' };
  const notifyWord = familyHit(folded, lang, (f) => f.notify);
  if (!notifyWord) return { notify: false, why: 'no-notify-word' };
  const recipient = familyHit(folded, lang, (f) => f.recipient);
  if (recipient) return { notify: true, why: 'recipient', words: [notifyWord, recipient] };
  // "Send shipment details now", "Versandbenachrichtigung senden": no recipient named, but a notification
  // about the shipment can only go to the customer. A bare "send" + "shipment" is not enough when the
  // shipment word is the notify word itself (es "envío", nl "verzending").
  const subject = familyHit(folded, lang, (f) => f.subject);
  if (subject) {
    const strong = familyHit(folded, lang, (f) => f.strongNotify);
    if (strong || hasDistinctWords(folded, notifyWord, subject)) {
      return { notify: true, why: 'subject', words: [strong ?? notifyWord, subject] };
    }
  }
  return { notify: false, why: 'no-recipient-or-subject' };
}

function hasDistinctWords(folded: string, a: string, b: string): boolean {
  // Two different words must carry the two meanings: "Envío" alone is not "send" + "shipment".
  const words = folded.split(' ');
  const ia = words.findIndex((w) => w.startsWith(a));
  const ib = words.findIndex((w, i) => i !== ia && w.startsWith(b));
  return ia >= 0 && ib >= 0;
}

/**
 * Does this text use any word we know in any of our languages? A label that does but is not a
 * notify box is some other box we understood (and must leave alone); one that does not is in a
 * language we have no words for, where only the page's structure can tell.
 */
export function mentionsKnownWords(text: string): boolean {
  const folded = foldText(text);
  if (!folded) return false;
  return NOTIFY_LANGS.some((l) => {
    const f = FAMILIES[l];
    return [f.notify, f.recipient, f.subject, f.restock, f.marketing, f.notAMessage].some((stems) => anyStem(folded, stems) !== null);
  });
}

/** Is this label text a restock / inventory box (the refund page's structural anchor)? */
export function isRestockLabel(text: string, lang: NotifyLang | null = null): boolean {
  return familyHit(foldText(text), lang, (f) => f.restock) !== null;
}

/** Is this label text a marketing-consent box (never touched)? */
export function isMarketingLabel(text: string, lang: NotifyLang | null = null): boolean {
  return familyHit(foldText(text), lang, (f) => f.marketing) !== null;
}

// ── Dialog kinds ──────────────────────────────────────────────────────────────────────────────────
// Dialogs open on the order page without a URL change, so what a dialog is for comes from its title.

export type DialogKind = 'tracking' | 'cancel' | 'fulfil' | 'refund' | 'order-edit' | 'other';

const DIALOG_WORDS: Record<Exclude<DialogKind, 'other'>, Record<NotifyLang, string[]>> = {
  tracking: {
    en: ['tracking', 'track'],
    fr: ['suivi'],
    de: ['sendungsverfolgung', 'sendungsnummer', 'tracking'],
    es: ['seguimiento', 'rastreo'],
    it: ['tracciamento', 'tracking', 'traccia'],
    nl: ['tracking', 'track', 'volgnummer', 'traceer'],
  },
  cancel: {
    en: ['cancel'],
    fr: ['annul'],
    de: ['storn'],
    es: ['cancel', 'anular'],
    it: ['annull'],
    nl: ['annuleer', 'annuler'],
  },
  fulfil: {
    en: ['fulfil', 'mark as fulfil'],
    fr: ['trait', 'expedi', 'marquer comme'],
    de: ['ausfuhr', 'ausgefuhrt', 'abwickl', 'erfull'],
    es: ['prepar', 'cumpl', 'gestionad'],
    it: ['evad', 'evas', 'gestisc'],
    nl: ['afhandel', 'afgehandeld', 'uitvoer'],
  },
  refund: {
    en: ['refund'],
    fr: ['rembours'],
    de: ['erstatt', 'ruckerstatt'],
    es: ['reembols'],
    it: ['rimbors'],
    nl: ['terugbetal', 'restitu'],
  },
  'order-edit': {
    en: ['edit order'],
    fr: ['modifier la commande'],
    de: ['bestellung bearbeiten'],
    es: ['editar pedido'],
    it: ['modifica ordine', 'modifica l ordine'],
    nl: ['bestelling bewerken'],
  },
};

/** What a dialog is for, from its title. Tracking is checked first: "Edit tracking" is not an order edit. */
export function classifyDialogTitle(title: string, lang: NotifyLang | null = null): DialogKind {
  const folded = foldText(title);
  if (!folded) return 'other';
  const langs = lang ? [lang, ...NOTIFY_LANGS.filter((l) => l !== lang)] : [...NOTIFY_LANGS];
  for (const kind of ['tracking', 'cancel', 'refund', 'order-edit', 'fulfil'] as const) {
    for (const l of langs) if (anyStem(folded, DIALOG_WORDS[kind][l])) return kind;
  }
  return 'other';
}

/** Page `lang` attribute → one of our languages, or null when we have no words for it. */
export function notifyLangOf(tag: string | null | undefined): NotifyLang | null {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (NOTIFY_LANGS as readonly string[]).includes(base) ? (base as NotifyLang) : null;
}
