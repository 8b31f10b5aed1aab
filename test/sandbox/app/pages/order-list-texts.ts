/**
 * The order list's own texts in the sandbox's three languages (written independently of the
 * extension's word lists, so the bulk-fulfil guard is proven on labels it was not built from).
 */
import type { SandboxLang } from '../i18n';

const TEXTS = {
  en: {
    searchLabel: 'Search orders', searchPlaceholder: 'Search all orders', sortNewest: 'Newest first', sortOldest: 'Oldest first', sortLabel: 'Sort',
    previous: 'Previous', next: 'Next', pageOf: 'Page {page}', selectAll: 'Select all orders', selectRow: 'Select order {name}',
    selected: '{n} selected', bulkFulfil: 'Fulfill orders', bulkMark: 'Mark as fulfilled', bulkDialogTitle: 'Fulfill {n} orders',
    bulkNotify: 'Send shipment details to your customers now', bulkConfirm: 'Fulfill orders', cancel: 'Cancel',
    noResults: 'No orders found', items: '{n} items', fulfilledToast: '{n} orders fulfilled',
  },
  fr: {
    searchLabel: 'Rechercher des commandes', searchPlaceholder: 'Rechercher dans toutes les commandes', sortNewest: 'Les plus récentes', sortOldest: 'Les plus anciennes', sortLabel: 'Trier',
    previous: 'Précédent', next: 'Suivant', pageOf: 'Page {page}', selectAll: 'Sélectionner toutes les commandes', selectRow: 'Sélectionner la commande {name}',
    selected: '{n} sélectionnée(s)', bulkFulfil: 'Traiter les commandes', bulkMark: 'Marquer comme traitées', bulkDialogTitle: 'Traiter {n} commandes',
    bulkNotify: 'Envoyer dès maintenant les détails de l’expédition à vos clients', bulkConfirm: 'Traiter les commandes', cancel: 'Annuler',
    noResults: 'Aucune commande trouvée', items: '{n} articles', fulfilledToast: '{n} commandes traitées',
  },
  de: {
    searchLabel: 'Bestellungen durchsuchen', searchPlaceholder: 'Alle Bestellungen durchsuchen', sortNewest: 'Neueste zuerst', sortOldest: 'Älteste zuerst', sortLabel: 'Sortieren',
    previous: 'Zurück', next: 'Weiter', pageOf: 'Seite {page}', selectAll: 'Alle Bestellungen auswählen', selectRow: 'Bestellung {name} auswählen',
    selected: '{n} ausgewählt', bulkFulfil: 'Bestellungen ausführen', bulkMark: 'Als ausgeführt markieren', bulkDialogTitle: '{n} Bestellungen ausführen',
    bulkNotify: 'Versanddetails jetzt an deine Kunden senden', bulkConfirm: 'Bestellungen ausführen', cancel: 'Abbrechen',
    noResults: 'Keine Bestellungen gefunden', items: '{n} Artikel', fulfilledToast: '{n} Bestellungen ausgeführt',
  },
} satisfies Record<'en' | 'fr' | 'de', Record<string, string>>;

export type ListTextKey = keyof (typeof TEXTS)['en'];

export function listText(lang: SandboxLang, key: ListTextKey, params?: Record<string, string | number>): string {
  // The sandbox's other languages show the list in English (test/sandbox/app/i18n-more.ts).
  const table: Partial<Record<ListTextKey, string>> | undefined = (TEXTS as Partial<Record<SandboxLang, Record<ListTextKey, string>>>)[lang];
  const text: string = table?.[key] ?? TEXTS.en[key];
  return params ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w)) : text;
}
