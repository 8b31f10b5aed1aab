/**
 * Pieces shared by the notify-guard surfaces (fulfil, tracking, refund, cancel): their texts in the
 * sandbox's three languages and a Polaris-like React-controlled checkbox.
 *
 * The checkbox labels are written here independently of lib/notify-words.ts, and each surface wires
 * its label differently (wrapping <label> with shadow-root text, <label for>, aria-labelledby), so the
 * guard is proven on several shapes the real admin may use.
 */
import { useId, type ReactNode } from 'react';
import type { SandboxLang } from '../i18n';
import { MORE_SURFACE_TEXTS } from '../i18n-more';
import { is2026 } from '../layout';
import { cx } from '../styles';
import { Checkbox2026, EmailValue } from '../ui';

const TEXTS = {
  en: {
    fulfilTitle: 'Fulfill items', markTitle: 'Mark as fulfilled', unfulfilled: 'Unfulfilled', quantity: 'Quantity',
    trackingSection: 'Tracking information', trackingNumber: 'Tracking number', carrier: 'Shipping carrier', otherCarrier: 'Other',
    notifyHeading: 'Notify customer of shipment', notifyFulfil: 'Send shipment details to your customer now',
    fulfilButton: 'Fulfill items', markButton: 'Mark as fulfilled', summary: 'Summary', fulfilling: 'Fulfilling from {location}',
    customer: 'Customer', shippingAddress: 'Shipping address', noEmail: 'No email address',
    addTracking: 'Add tracking', editTracking: 'Edit tracking', notifyTracking: 'Notify customer of the tracking update',
    save: 'Save', cancel: 'Cancel', close: 'Close', saving: 'Saving…',
    refundTitle: 'Refund', restockItems: 'Restock items', refundReason: 'Reason for refund', refundReasonHelp: 'Only you and other staff can see this reason.',
    notifyRefund: 'Send a notification to the customer', refundButton: 'Refund {amount}', refundAmount: 'Refund amount',
    cancelTitle: 'Cancel order {name}?', cancelReason: 'Reason for canceling', refundPayment: 'Refund payment', restockInventory: 'Restock inventory',
    notifyCancel: 'Send a notification to the customer', keepOrder: 'Keep order', cancelOrder: 'Cancel order',
    reasonCustomer: 'Customer changed or canceled order', reasonInventory: 'Items unavailable', reasonFraud: 'Fraudulent order', reasonOther: 'Other',
    done: 'Done', error: 'Something went wrong: {message}', alreadyFulfilled: 'These items are already fulfilled.', copyEmail: 'Copy email',
  },
  fr: {
    fulfilTitle: 'Traiter les articles', markTitle: 'Marquer comme traité', unfulfilled: 'Non traité', quantity: 'Quantité',
    trackingSection: 'Informations de suivi', trackingNumber: 'Numéro de suivi', carrier: 'Transporteur', otherCarrier: 'Autre',
    notifyHeading: 'Informer le client de l’expédition', notifyFulfil: 'Envoyer dès maintenant les détails de l’expédition à votre client',
    fulfilButton: 'Traiter les articles', markButton: 'Marquer comme traité', summary: 'Résumé', fulfilling: 'Traitement depuis {location}',
    customer: 'Client', shippingAddress: 'Adresse d’expédition', noEmail: 'Aucune adresse e-mail',
    addTracking: 'Ajouter un suivi', editTracking: 'Modifier le suivi', notifyTracking: 'Informer le client de la mise à jour du suivi',
    save: 'Enregistrer', cancel: 'Annuler', close: 'Fermer', saving: 'Enregistrement…',
    refundTitle: 'Rembourser', restockItems: 'Réapprovisionner les articles', refundReason: 'Motif du remboursement', refundReasonHelp: 'Seuls vous et votre personnel pouvez voir ce motif.',
    notifyRefund: 'Envoyer une notification au client', refundButton: 'Rembourser {amount}', refundAmount: 'Montant du remboursement',
    cancelTitle: 'Annuler la commande {name} ?', cancelReason: 'Motif de l’annulation', refundPayment: 'Rembourser le paiement', restockInventory: 'Remettre les articles en stock',
    notifyCancel: 'Envoyer une notification au client', keepOrder: 'Conserver la commande', cancelOrder: 'Annuler la commande',
    reasonCustomer: 'Le client a modifié ou annulé la commande', reasonInventory: 'Articles indisponibles', reasonFraud: 'Commande frauduleuse', reasonOther: 'Autre',
    done: 'Terminé', error: 'Une erreur est survenue : {message}', alreadyFulfilled: 'Ces articles sont déjà traités.', copyEmail: 'Copier l’e-mail',
  },
  de: {
    fulfilTitle: 'Artikel ausführen', markTitle: 'Als ausgeführt markieren', unfulfilled: 'Nicht ausgeführt', quantity: 'Menge',
    trackingSection: 'Sendungsinformationen', trackingNumber: 'Sendungsnummer', carrier: 'Versanddienstleister', otherCarrier: 'Andere',
    notifyHeading: 'Kunden über den Versand benachrichtigen', notifyFulfil: 'Versanddetails jetzt an deinen Kunden senden',
    fulfilButton: 'Artikel ausführen', markButton: 'Als ausgeführt markieren', summary: 'Übersicht', fulfilling: 'Ausführung von {location}',
    customer: 'Kunde', shippingAddress: 'Lieferadresse', noEmail: 'Keine E-Mail-Adresse',
    addTracking: 'Sendungsverfolgung hinzufügen', editTracking: 'Sendungsverfolgung bearbeiten', notifyTracking: 'Kunden über die Aktualisierung informieren',
    save: 'Speichern', cancel: 'Abbrechen', close: 'Schließen', saving: 'Wird gespeichert…',
    refundTitle: 'Rückerstattung', restockItems: 'Artikel wieder auf Lager legen', refundReason: 'Grund für die Rückerstattung', refundReasonHelp: 'Nur du und deine Mitarbeiter sehen diesen Grund.',
    notifyRefund: 'Eine Benachrichtigung an den Kunden senden', refundButton: '{amount} erstatten', refundAmount: 'Erstattungsbetrag',
    cancelTitle: 'Bestellung {name} stornieren?', cancelReason: 'Grund für die Stornierung', refundPayment: 'Zahlung erstatten', restockInventory: 'Artikel zum Lagerbestand zurückführen',
    notifyCancel: 'Benachrichtigung an Kunden senden', keepOrder: 'Bestellung behalten', cancelOrder: 'Bestellung stornieren',
    reasonCustomer: 'Kunde hat die Bestellung geändert oder storniert', reasonInventory: 'Artikel nicht verfügbar', reasonFraud: 'Betrügerische Bestellung', reasonOther: 'Andere',
    done: 'Fertig', error: 'Etwas ist schiefgelaufen: {message}', alreadyFulfilled: 'Diese Artikel sind bereits ausgeführt.', copyEmail: 'E-Mail kopieren',
  },
} satisfies Record<'en' | 'fr' | 'de', Record<string, string>>;

export type SurfaceTextKey = keyof (typeof TEXTS)['en'];

export function surfaceText(lang: SandboxLang, key: SurfaceTextKey, params?: Record<string, string | number>): string {
  const table: Partial<Record<SurfaceTextKey, string>> = lang === 'en' || lang === 'fr' || lang === 'de' ? TEXTS[lang] : MORE_SURFACE_TEXTS[lang];
  const text: string = table[key] ?? TEXTS.en[key];
  return params ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w)) : text;
}

export type LabelShape = 'wrap-shadow' | 'for-id' | 'wrap' | 'labelledby';

/**
 * A Polaris-like checkbox whose checked state lives in React (controlled): only a real click (or
 * keyboard) changes it, which is what the guard must produce for the page's state to follow.
 */
export function Checkbox(props: { label: string; checked: boolean; onChange(checked: boolean): void; shape: LabelShape; disabled?: boolean; help?: ReactNode; testId?: string }) {
  const id = useId();
  // 2026 layout: one shape only, the admin's own component with its caption beside it.
  if (is2026) return <Checkbox2026 label={props.label} checked={props.checked} onChange={props.onChange} testId={props.testId} />;
  const input = (
    <input
      id={props.shape === 'for-id' ? id : undefined}
      type="checkbox"
      checked={props.checked}
      disabled={props.disabled}
      aria-labelledby={props.shape === 'labelledby' ? `${id}-label` : undefined}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
    />
  );
  switch (props.shape) {
    case 'wrap-shadow':
      return (
        <label className={cx('Checkbox')}>
          <span className={cx('CheckboxBox')}>{input}</span>
          <s-internal-text text={props.label} />
        </label>
      );
    case 'for-id':
      return (
        <div className={cx('Checkbox')}>
          <span className={cx('CheckboxBox')}>{input}</span>
          <label htmlFor={id}>{props.label}</label>
        </div>
      );
    case 'labelledby':
      return (
        <div className={cx('Checkbox')}>
          <span className={cx('CheckboxBox')}>{input}</span>
          <span id={`${id}-label`}>{props.label}</span>
        </div>
      );
    default:
      return (
        <label className={cx('Checkbox')}>
          {input}
          <span>{props.label}</span>
        </label>
      );
  }
}

/** The customer card the fulfil and refund pages show beside their form (email as a mailto link). */
export function CustomerAside(props: { lang: SandboxLang; email: string | null; name: string | null; address: string[] }) {
  const t = (k: SurfaceTextKey) => surfaceText(props.lang, k);
  return (
    <div className={cx('Card')}>
      <div className={cx('CardHeader')}>
        <s-internal-text variant="headingSm" text={t('customer')} />
      </div>
      {props.name && <div>{props.name}</div>}
      <div>{props.email ? <EmailValue email={props.email} copyLabel={t('copyEmail')} component /> : <span className={cx('Muted')}>{t('noEmail')}</span>}</div>
      <div className={cx('Section')}>
        <s-internal-text variant="headingSm" text={t('shippingAddress')} />
        <address style={{ fontStyle: 'normal' }}>
          {props.address.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </address>
      </div>
    </div>
  );
}

export function addressLines(a: { name: string | null; address1: string | null; zip: string | null; city: string | null; country: string | null } | null): string[] {
  if (!a) return [];
  return [a.name, a.address1, [a.zip, a.city].filter(Boolean).join(' '), a.country].filter((l): l is string => Boolean(l));
}

/** A mutation's userErrors as one sentence (the sandbox shows them like the admin's toast). */
export function userErrorText(errors: Array<{ message: string }> | undefined): string | null {
  return errors && errors.length ? errors.map((e) => e.message).join('; ') : null;
}
