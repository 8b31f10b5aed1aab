import { describe, expect, it } from 'vitest';
import { classifyDialogTitle, classifyNotifyLabel, foldText, hasWordBook, mentionsKnownWords, notifyLangOf, resetWordBooks } from '../../lib/notify-words';
import { registerAllWordBooks } from '../../lib/notify-words/languages';

registerAllWordBooks();

describe('classifyNotifyLabel', () => {
  // Labels phrased by hand, not copied from the word lists.
  it.each([
    ['en', 'Send shipment details to your customer now'],
    ['en', 'Email the customer'],
    ['en', 'Notify customer'],
    ['en', 'Send shipping update'],
    ['en', 'Send invoice to customer'],
    ['fr', 'Envoyer une notification au client'],
    ['fr', 'Avertir le client'],
    ['fr', "Envoyer l'avis d'expédition maintenant"],
    ['de', 'Benachrichtigung an Kunden senden'],
    ['de', 'Versandbenachrichtigung an Käuferin schicken'],
    ['de', 'Kundin per E‑Mail informieren'],
    ['es', 'Enviar una notificación al cliente'],
    ['es', 'Avisar al comprador'],
    ['it', 'Invia una notifica al cliente'],
    ['it', "Informare l'acquirente della spedizione"],
    ['nl', 'Stuur de klant een melding'],
    ['nl', 'Klant op de hoogte brengen van de verzending'],
    ['pl', 'Wyślij kupującemu e-mail o wysyłce'],
    ['pl', 'Poinformuj klientkę'],
    ['cs', 'Informovat zákaznici e-mailem'],
    ['sv', 'Skicka fraktbekräftelse till köparen'],
    ['da', 'Send kunden en mail om leveringen'],
    ['fi', 'Ilmoita ostajalle toimituksesta'],
    ['nb', 'Send ordrebekreftelse på e-post til kunden'],
    ['pt', 'Notificar o comprador por e-mail'],
    ['ja', '購入者に発送メールを送信'],
    ['tr', 'Alıcıya kargo bildirimi gönder'],
  ] as const)('%s: "%s" is a notify box', (lang, label) => {
    expect(classifyNotifyLabel(label, lang).notify).toBe(true);
    expect(classifyNotifyLabel(label, null).notify).toBe(true);
  });

  it.each([
    ['Restock items', 'restock'],
    ['Réapprovisionner les articles', 'restock'],
    ['Reponer artículos', 'restock'],
    ['Artikel zum Lagerbestand zurückführen', 'restock'],
    ['Email me with news and offers', 'marketing'],
    ['Customer agreed to receive marketing emails', 'marketing'],
    ['Newsletter an den Kunden senden', 'marketing'],
    ['Update customer profile', 'not-a-message'],
    ['Send me a copy', 'not-a-message'],
    ['Refund shipping', 'no-notify-word'],
    ['Przywróć produkty na stan magazynowy', 'restock'],
    ['Lagerför artiklarna igen i lager', 'restock'],
    ['Zasílat zákazníkovi zpravodaj', 'marketing'],
    ['Asiakas haluaa uutiskirjeen', 'marketing'],
    ['メールマガジンの購読に同意する', 'marketing'],
    ['Müşteri pazarlama e-postalarını kabul ediyor', 'marketing'],
    ['Wyślij mi kopię do mnie', 'not-a-message'],
    ['Envío', 'no-recipient-or-subject'],
    ['Collect tax', 'no-notify-word'],
    ['', 'empty'],
  ] as const)('"%s" is not a notify box (%s)', (label, why) => {
    const verdict = classifyNotifyLabel(label);
    expect(verdict).toEqual({ notify: false, why });
  });

  it('needs two different words for "send" and "shipment" (es "envío" is both)', () => {
    expect(classifyNotifyLabel('Envío urgente').notify).toBe(false);
    expect(classifyNotifyLabel('Enviar detalles del envío').notify).toBe(true);
  });
});

describe('helpers', () => {
  it('foldText drops case, accents and e-mail hyphens', () => {
    expect(foldText('  Benachrichtigung an KÄUFER per E-Mail!  ')).toBe('benachrichtigung an kaufer per email');
    expect(foldText('Expédition — n°1')).toBe('expedition n 1');
  });

  it('mentionsKnownWords tells our languages from others', () => {
    expect(mentionsKnownWords('Restock items')).toBe(true);
    expect(mentionsKnownWords('지금 구매자에게 배송 정보 보내기')).toBe(false);
  });

  it('Japanese has no spaces between words: stems match inside a phrase, voiced kana folded alike', () => {
    expect(foldText('ギフト')).toBe('ギフト');
    expect(classifyNotifyLabel('配送の詳細を今すぐお客様に送信する', 'ja').notify).toBe(true);
  });

  it('only English is known until a language is loaded (as in a fresh content script)', () => {
    resetWordBooks();
    try {
      expect(hasWordBook('en')).toBe(true);
      expect(hasWordBook('pl')).toBe(false);
      expect(classifyNotifyLabel('Wyślij powiadomienie do klienta', 'pl').notify).toBe(false);
    } finally {
      registerAllWordBooks();
    }
    expect(classifyNotifyLabel('Wyślij powiadomienie do klienta', 'pl').notify).toBe(true);
  });

  it.each([
    ['Add tracking', 'tracking'],
    ['Edit tracking', 'tracking'],
    ['Sendungsverfolgung bearbeiten', 'tracking'],
    ['Ajouter un suivi', 'tracking'],
    ['Cancel order #1001?', 'cancel'],
    ['Bestellung stornieren', 'cancel'],
    ['Annuler la commande', 'cancel'],
    ['Mark as fulfilled', 'fulfil'],
    ['Als ausgeführt markieren', 'fulfil'],
    ['Marquer comme traité', 'fulfil'],
    ['Refund', 'refund'],
    ['Edit order', 'order-edit'],
    ['Dodaj numer przesyłki', 'tracking'],
    ['Redigera spårning', 'tracking'],
    ['追跡番号を編集', 'tracking'],
    ['Zrušit objednávku?', 'cancel'],
    ['Siparişi iptal et', 'cancel'],
    ['Peruuta tilaus', 'cancel'],
    ['Marcar como processado', 'fulfil'],
    ['Merk som fullført', 'fulfil'],
    ['Zwrot środków', 'refund'],
    ['Editar pedido', 'order-edit'],
    ['Edit contact information', 'other'],
    ['Upravit kontaktní údaje', 'other'],
    ['連絡先情報を編集', 'other'],
    ['', 'other'],
  ] as const)('dialog "%s" → %s', (title, kind) => {
    expect(classifyDialogTitle(title)).toBe(kind);
  });

  it('notifyLangOf', () => {
    expect(notifyLangOf('de-CH')).toBe('de');
    expect(notifyLangOf('ja')).toBe('ja');
    expect(notifyLangOf('pt-BR')).toBe('pt');
    expect(notifyLangOf('no')).toBe('nb');
    expect(notifyLangOf('ko')).toBeNull();
    expect(notifyLangOf(null)).toBeNull();
  });
});
