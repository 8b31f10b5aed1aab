/**
 * The sandbox admin's own texts: en, fr, de in full, ten more languages for what merchants go
 * through (./i18n-more.ts). The admin's language is what the extension must speak, so the switch
 * sets `<html lang>` like the real admin does (`pt-BR`, `pt-PT`, `nb` as Shopify writes them).
 * Language: `?lang=fr` (wins) → localStorage 'sandbox:lang' → 'en'.
 */
import { MORE_LANGS, MORE_LANG_NAMES, MORE_PAGE_TEXTS } from './i18n-more';

export const SANDBOX_LANGS = ['en', 'fr', 'de', ...MORE_LANGS] as const;
export type SandboxLang = (typeof SANDBOX_LANGS)[number];
export const LANG_NAMES: Record<SandboxLang, string> = { en: 'English', fr: 'Français', de: 'Deutsch', ...MORE_LANG_NAMES };

const TEXTS = {
  en: {
    home: 'Home', orders: 'Orders', products: 'Products', customers: 'Customers', analytics: 'Analytics', settings: 'Settings',
    search: 'Search', language: 'Language',
    order: 'Order', date: 'Date', customer: 'Customer', channel: 'Channel', total: 'Total',
    paymentStatus: 'Payment status', fulfillmentStatus: 'Fulfillment status', items: 'Items',
    contactInformation: 'Contact information', noEmail: 'No email address', noPhone: 'No phone number',
    shippingAddress: 'Shipping address', editContact: 'Edit contact information', editShipping: 'Edit shipping address',
    moreActions: 'More actions', refund: 'Refund', edit: 'Edit', duplicate: 'Duplicate', cancelOrder: 'Cancel order', print: 'Print',
    fulfillItems: 'Fulfill items', markAsFulfilled: 'Mark as fulfilled', addTracking: 'Add tracking', editTracking: 'Edit tracking',
    unfulfilled: 'Unfulfilled', fulfilled: 'Fulfilled', paid: 'Paid', payment: 'Payment', subtotal: 'Subtotal',
    notes: 'Notes', noNotes: 'No notes from customer', tags: 'Tags', timeline: 'Timeline', ordersCount: '{n} orders',
    email: 'Email', phone: 'Phone', save: 'Save', cancel: 'Cancel', close: 'Close', loading: 'Loading…',
    notFound: 'This order does not exist.', from: 'from {source}', previous: 'Previous order', next: 'Next order',
    tracking: 'Tracking number', cancelled: 'Canceled', notAvailable: 'This page is not available in the sandbox.',
    orderEdit: 'Edit order', buyer: 'Buyer',
  },
  fr: {
    home: 'Accueil', orders: 'Commandes', products: 'Produits', customers: 'Clients', analytics: 'Statistiques', settings: 'Paramètres',
    search: 'Rechercher', language: 'Langue',
    order: 'Commande', date: 'Date', customer: 'Client', channel: 'Canal', total: 'Total',
    paymentStatus: 'Statut du paiement', fulfillmentStatus: 'Statut du traitement', items: 'Articles',
    contactInformation: 'Coordonnées', noEmail: 'Aucune adresse e-mail', noPhone: 'Aucun numéro de téléphone',
    shippingAddress: 'Adresse d’expédition', editContact: 'Modifier les coordonnées', editShipping: 'Modifier l’adresse d’expédition',
    moreActions: 'Plus d’actions', refund: 'Rembourser', edit: 'Modifier', duplicate: 'Dupliquer', cancelOrder: 'Annuler la commande', print: 'Imprimer',
    fulfillItems: 'Traiter les articles', markAsFulfilled: 'Marquer comme traité', addTracking: 'Ajouter un suivi', editTracking: 'Modifier le suivi',
    unfulfilled: 'Non traité', fulfilled: 'Traité', paid: 'Payé', payment: 'Paiement', subtotal: 'Sous-total',
    notes: 'Remarques', noNotes: 'Aucune remarque du client', tags: 'Balises', timeline: 'Chronologie', ordersCount: '{n} commandes',
    email: 'E-mail', phone: 'Téléphone', save: 'Enregistrer', cancel: 'Annuler', close: 'Fermer', loading: 'Chargement…',
    notFound: 'Cette commande n’existe pas.', from: 'depuis {source}', previous: 'Commande précédente', next: 'Commande suivante',
    tracking: 'Numéro de suivi', cancelled: 'Annulée', notAvailable: 'Cette page n’existe pas dans le bac à sable.',
    orderEdit: 'Modifier la commande', buyer: 'Acheteur',
  },
  de: {
    home: 'Startseite', orders: 'Bestellungen', products: 'Produkte', customers: 'Kunden', analytics: 'Analysen', settings: 'Einstellungen',
    search: 'Suchen', language: 'Sprache',
    order: 'Bestellung', date: 'Datum', customer: 'Kunde', channel: 'Kanal', total: 'Gesamt',
    paymentStatus: 'Zahlungsstatus', fulfillmentStatus: 'Ausführungsstatus', items: 'Artikel',
    contactInformation: 'Kontaktinformationen', noEmail: 'Keine E-Mail-Adresse', noPhone: 'Keine Telefonnummer',
    shippingAddress: 'Lieferadresse', editContact: 'Kontaktinformationen bearbeiten', editShipping: 'Lieferadresse bearbeiten',
    moreActions: 'Weitere Aktionen', refund: 'Rückerstattung', edit: 'Bearbeiten', duplicate: 'Duplizieren', cancelOrder: 'Bestellung stornieren', print: 'Drucken',
    fulfillItems: 'Artikel ausführen', markAsFulfilled: 'Als ausgeführt markieren', addTracking: 'Sendungsverfolgung hinzufügen', editTracking: 'Sendungsverfolgung bearbeiten',
    unfulfilled: 'Nicht ausgeführt', fulfilled: 'Ausgeführt', paid: 'Bezahlt', payment: 'Zahlung', subtotal: 'Zwischensumme',
    notes: 'Notizen', noNotes: 'Keine Notizen vom Kunden', tags: 'Tags', timeline: 'Verlauf', ordersCount: '{n} Bestellungen',
    email: 'E-Mail', phone: 'Telefon', save: 'Speichern', cancel: 'Abbrechen', close: 'Schließen', loading: 'Wird geladen…',
    notFound: 'Diese Bestellung existiert nicht.', from: 'von {source}', previous: 'Vorherige Bestellung', next: 'Nächste Bestellung',
    tracking: 'Sendungsnummer', cancelled: 'Storniert', notAvailable: 'Diese Seite gibt es in der Sandbox nicht.',
    orderEdit: 'Bestellung bearbeiten', buyer: 'Käufer',
  },
} satisfies Record<'en' | 'fr' | 'de', Record<string, string>>;

export type SandboxTextKey = keyof (typeof TEXTS)['en'];

export function sandboxText(lang: SandboxLang, key: SandboxTextKey, params?: Record<string, string | number>): string {
  const table: Partial<Record<SandboxTextKey, string>> = lang === 'en' || lang === 'fr' || lang === 'de' ? TEXTS[lang] : MORE_PAGE_TEXTS[lang];
  const text: string = table[key] ?? TEXTS.en[key];
  return params ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w)) : text;
}

export function isSandboxLang(value: unknown): value is SandboxLang {
  return typeof value === 'string' && (SANDBOX_LANGS as readonly string[]).includes(value);
}

export function initialLang(): SandboxLang {
  const fromUrl = new URL(location.href).searchParams.get('lang');
  if (isSandboxLang(fromUrl)) {
    localStorage.setItem('sandbox:lang', fromUrl);
    return fromUrl;
  }
  const stored = localStorage.getItem('sandbox:lang');
  return isSandboxLang(stored) ? stored : 'en';
}

export function applyLang(lang: SandboxLang): void {
  localStorage.setItem('sandbox:lang', lang);
  document.documentElement.lang = lang;
}
