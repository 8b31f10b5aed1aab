/**
 * Word families of every admin language but English. Not bundled in the every-page content script:
 * the background hands the admin's language's book to it with its texts (getTexts), so each new
 * language costs the content script nothing. Tests register them all (registerAllWordBooks).
 *
 * Sources: Shopify's published labels where admin-labels.json has them (en fr de es it nl), and the
 * ordinary words of each language for notify / send / customer / shipment; none of the ten newer
 * languages' admin labels is published, so they are families of words, tested on labels written
 * independently (test/fixtures/admin/notify-*.{pl,cs,sv,da,fi,nb,pt-BR,pt-PT,ja,tr}.html).
 */
import { registerWordBook } from './index';
import { NOTIFY_LANGS, type NotifyLang, type WordBook } from './types';

export const WORD_BOOKS: Record<Exclude<NotifyLang, 'en'>, WordBook> = {
  fr: {
    notify: ['notif', 'envoy', 'envoi', 'avert', 'preven', 'informer', 'courriel', 'email', 'aviser', 'message'],
    strongNotify: ['notif', 'avert', 'preven', 'aviser'],
    recipient: ['client', 'acheteu', 'destinataire'],
    subject: ['expedi', 'envoi', 'livr', 'suivi', 'colis', 'factur', 'rembours', 'annul'],
    restock: ['reapprovision', 'restock', 'stock', 'inventaire', 'remettre en'],
    marketing: ['marketing', 'newsletter', 'infolettre', 'actualit', 'offre', 'promo', 'abonn', 'publicit', 'consent'],
    notAMessage: ['m envoyer', 'me l envoyer', 'moi meme', 'profil'],
    dialogs: { tracking: ['suivi'], cancel: ['annul'], fulfil: ['trait', 'expedi', 'marquer comme'], refund: ['rembours'], 'order-edit': ['modifier la commande'] },
  },
  de: {
    notify: ['benachrichtig', 'send', 'schick', 'informier', 'email', 'mitteil', 'nachricht', 'verstandig'],
    strongNotify: ['benachrichtig', 'verstandig', 'mitteil'],
    recipient: ['kund', 'kaufer', 'empfanger'],
    subject: ['versand', 'sendung', 'liefer', 'tracking', 'paket', 'rechnung', 'erstatt', 'storn'],
    restock: ['lager', 'bestand', 'inventar', 'zuruckfuhren', 'wieder einlager'],
    marketing: ['marketing', 'newsletter', 'angebot', 'werbung', 'abonn', 'neuigkeit', 'einwillig', 'promo'],
    notAMessage: ['an mich', 'mir senden', 'mitarbeit', 'profil'],
    dialogs: {
      tracking: ['sendungsverfolgung', 'sendungsnummer', 'tracking'],
      cancel: ['storn'],
      fulfil: ['ausfuhr', 'ausgefuhrt', 'abwickl', 'erfull'],
      refund: ['erstatt', 'ruckerstatt'],
      'order-edit': ['bestellung bearbeiten'],
    },
  },
  es: {
    notify: ['notific', 'envi', 'avis', 'informar', 'correo', 'email', 'mensaje'],
    strongNotify: ['notific', 'avis'],
    recipient: ['client', 'comprador', 'destinatari'],
    subject: ['envio', 'seguimiento', 'entrega', 'rastreo', 'paquete', 'factura', 'reembols', 'cancel'],
    restock: ['repon', 'reabastec', 'inventari', 'existencia', 'stock'],
    marketing: ['marketing', 'boletin', 'novedad', 'oferta', 'promo', 'suscri', 'publicidad', 'consentimiento'],
    notAMessage: ['enviarme', 'a mi mismo', 'perfil'],
    dialogs: { tracking: ['seguimiento', 'rastreo'], cancel: ['cancel', 'anular'], fulfil: ['prepar', 'cumpl', 'gestionad'], refund: ['reembols'], 'order-edit': ['editar pedido'] },
  },
  it: {
    notify: ['notific', 'invi', 'avvis', 'informare', 'email', 'messaggio', 'comunic'],
    strongNotify: ['notific', 'avvis'],
    recipient: ['client', 'acquirent', 'destinatari'],
    subject: ['spedi', 'traccia', 'tracking', 'consegn', 'pacco', 'fattura', 'rimbors', 'annull'],
    restock: ['rifornir', 'riassort', 'magazzin', 'scorte', 'inventari', 'stock', 'giacenz'],
    marketing: ['marketing', 'newsletter', 'novita', 'offert', 'promo', 'iscri', 'pubblicit', 'consenso'],
    notAMessage: ['inviami', 'a me stesso', 'profil'],
    dialogs: {
      tracking: ['tracciamento', 'tracking', 'traccia'],
      cancel: ['annull'],
      fulfil: ['evad', 'evas', 'gestisc'],
      refund: ['rimbors'],
      'order-edit': ['modifica ordine', 'modifica l ordine'],
    },
  },
  nl: {
    notify: ['meld', 'verzend', 'verstu', 'stuur', 'sturen', 'informe', 'op de hoogte', 'email', 'bericht', 'notific'],
    strongNotify: ['meld', 'op de hoogte', 'notific'],
    recipient: ['klant', 'koper', 'ontvanger'],
    subject: ['verzend', 'zending', 'lever', 'track', 'pakket', 'factuur', 'terugbetal', 'annuler'],
    restock: ['voorraad', 'aanvull', 'restock', 'inventaris'],
    marketing: ['marketing', 'nieuwsbrief', 'nieuws', 'aanbieding', 'promo', 'abonneer', 'reclame', 'toestemming'],
    notAMessage: ['naar mij', 'mezelf', 'personeel', 'profiel'],
    dialogs: {
      tracking: ['tracking', 'track', 'volgnummer', 'traceer'],
      cancel: ['annuleer', 'annuler'],
      fulfil: ['afhandel', 'afgehandeld', 'uitvoer'],
      refund: ['terugbetal', 'restitu'],
      'order-edit': ['bestelling bewerken'],
    },
  },
  // Polish: wyślij/wysłać, powiadom, poinformuj; klient (klienta, klientowi); wysyłka, przesyłka, śledzenie.
  pl: {
    notify: ['wysl', 'przeslij', 'powiadom', 'poinformuj', 'informuj', 'zawiadom', 'email', 'wiadomosc'],
    strongNotify: ['powiadom', 'poinformuj', 'informuj', 'zawiadom'],
    recipient: ['klient', 'kupuj', 'odbiorc', 'nabywc'],
    subject: ['wysylk', 'przesylk', 'sledzen', 'dostaw', 'paczk', 'faktur', 'zwrot', 'anulow', 'realizac'],
    restock: ['magazyn', 'zapas', 'uzupeln', 'stan magazyn'],
    marketing: ['marketing', 'newsletter', 'subskryp', 'promoc', 'ofert', 'zgod', 'reklam', 'nowosc'],
    notAMessage: ['do mnie', 'mnie kopie', 'personel', 'pracownik', 'profil'],
    dialogs: { tracking: ['sledzen', 'sledz', 'numer przesylki'], cancel: ['anul'], fulfil: ['zrealiz', 'realiz'], refund: ['zwrot', 'zwroc'], 'order-edit': ['edytuj zamowienie', 'edycja zamowienia'] },
  },
  // Czech: odeslat, poslat, zaslat, upozornit, informovat, oznámení; zákazník (-a, -ovi), kupující; zásilka.
  cs: {
    notify: ['odesl', 'posl', 'zasl', 'upozorn', 'informov', 'oznamen', 'uvedom', 'email', 'zprav'],
    strongNotify: ['upozorn', 'oznamen', 'informov', 'uvedom'],
    recipient: ['zakazn', 'kupujic', 'prijemc'],
    subject: ['zasilk', 'odeslan', 'sledov', 'doruc', 'dodan', 'balik', 'faktur', 'vracen', 'zrusen', 'vyrizen'],
    restock: ['sklad', 'naskladn', 'zasob'],
    marketing: ['marketing', 'newsletter', 'zpravodaj', 'nabid', 'propagac', 'odber', 'souhlas', 'reklam', 'novink'],
    notAMessage: ['mne', 'sobe', 'zamestnan', 'personal', 'profil'],
    dialogs: { tracking: ['sledov'], cancel: ['zrus'], fulfil: ['vyrid', 'vyrizen'], refund: ['vracen', 'vratit', 'refundac'], 'order-edit': ['upravit objednavku', 'uprava objednavky'] },
  },
  // Swedish: skicka, meddela, avisera, underrätta; kund, köpare; leverans, försändelse, frakt, spårning.
  sv: {
    notify: ['skicka', 'meddela', 'avisera', 'avisering', 'underratt', 'informera', 'e post', 'epost', 'email', 'notifi', 'notis'],
    strongNotify: ['meddela', 'avisera', 'avisering', 'underratt', 'informera', 'notifi', 'notis'],
    recipient: ['kund', 'kopar', 'mottagar'],
    subject: ['leverans', 'forsandel', 'frakt', 'sparning', 'paket', 'faktura', 'aterbetal', 'avbok', 'avbryt'],
    restock: ['lager', 'lagret', 'fyll pa'],
    marketing: ['marknadsfor', 'nyhetsbrev', 'nyheter', 'erbjudand', 'kampanj', 'prenumer', 'samtycke', 'reklam'],
    notAMessage: ['till mig', 'mig sjalv', 'personal', 'profil'],
    dialogs: { tracking: ['sparning'], cancel: ['avbryt', 'avbok'], fulfil: ['fullgor', 'fullgjord', 'hantera'], refund: ['aterbetal'], 'order-edit': ['redigera bestallning'] },
  },
  // Danish: send, underret, giv besked, notifikation; kunde, køber; forsendelse, levering, sporing.
  da: {
    notify: ['send', 'underret', 'besked', 'notifikation', 'notific', 'mail', 'email', 'informer', 'meddel'],
    strongNotify: ['underret', 'besked', 'notifikation', 'notific', 'informer', 'meddel'],
    recipient: ['kunde', 'køber', 'modtager'],
    subject: ['forsendelse', 'levering', 'sporing', 'pakke', 'faktura', 'refusion', 'annuller'],
    restock: ['lager', 'genopfyld'],
    marketing: ['markedsføring', 'nyhedsbrev', 'nyheder', 'tilbud', 'kampagne', 'abonn', 'samtykke', 'reklame'],
    notAMessage: ['til mig', 'mig selv', 'personale', 'medarbejder', 'profil'],
    dialogs: { tracking: ['sporing'], cancel: ['annuller'], fulfil: ['gennemfør', 'behandl'], refund: ['refusion', 'refunder'], 'order-edit': ['rediger ordre'] },
  },
  // Finnish: lähetä, ilmoita, kerro; asiakas (asiakkaalle), ostaja; lähetys, toimitus, seuranta.
  // "lähetys" (shipment) is not the verb "lähetä": the verb stems are written so they cannot match it.
  fi: {
    notify: ['laheta', 'lahett', 'ilmoit', 'kerro', 'sahkopost', 'viesti'],
    strongNotify: ['ilmoit', 'kerro'],
    recipient: ['asiak', 'ostaj', 'vastaanottaj'],
    subject: ['lahetys', 'lahetyks', 'toimitu', 'seurant', 'paketti', 'lasku', 'hyvity', 'peruut'],
    restock: ['varasto', 'taydenna'],
    marketing: ['markkinoin', 'uutiskirje', 'tarjou', 'kampanj', 'suostumu', 'mainos'],
    notAMessage: ['minulle', 'itselleni', 'henkilokun', 'profiil'],
    dialogs: { tracking: ['seurant'], cancel: ['peruut', 'peruu'], fulfil: ['toimitetu', 'toimita'], refund: ['hyvit'], 'order-edit': ['muokkaa tilausta'] },
  },
  // Norwegian (Bokmål): send, varsle, gi beskjed; kunde, kjøper; forsendelse, levering, sporing.
  nb: {
    notify: ['send', 'varsl', 'varsel', 'beskjed', 'e post', 'epost', 'email', 'informer', 'melding'],
    strongNotify: ['varsl', 'varsel', 'beskjed', 'informer'],
    recipient: ['kunde', 'kjøper', 'mottaker'],
    subject: ['forsendelse', 'levering', 'sporing', 'pakke', 'faktura', 'refusjon', 'kanseller'],
    restock: ['lager', 'fyll pa'],
    marketing: ['markedsføring', 'nyhetsbrev', 'nyheter', 'tilbud', 'kampanje', 'abonn', 'samtykke', 'reklame'],
    notAMessage: ['til meg', 'meg selv', 'ansatt', 'personale', 'profil'],
    dialogs: { tracking: ['sporing'], cancel: ['kanseller', 'avbestill'], fulfil: ['fullfør', 'fullført'], refund: ['refusjon', 'refunder'], 'order-edit': ['rediger bestilling'] },
  },
  // Portuguese (Brazil and Portugal): enviar, notificar, avisar, informar; cliente, comprador;
  // envio, remessa, expedição, entrega, rastreamento (BR) / seguimento (PT).
  pt: {
    notify: ['notific', 'envi', 'avis', 'inform', 'email', 'mensag', 'comunic'],
    strongNotify: ['notific', 'avis', 'inform'],
    recipient: ['client', 'comprador', 'destinatari'],
    subject: ['envio', 'remessa', 'expedic', 'entrega', 'rastre', 'seguimento', 'encomenda', 'fatura', 'reembols', 'cancel'],
    restock: ['estoque', 'stock', 'invent', 'repor', 'reabastec'],
    marketing: ['marketing', 'newsletter', 'novidad', 'oferta', 'promoc', 'inscri', 'assin', 'publicidad', 'consentimento'],
    notAMessage: ['para mim', 'a mim mesmo', 'equipe', 'equipa', 'funcionari', 'perfil'],
    dialogs: { tracking: ['rastre', 'seguimento'], cancel: ['cancel'], fulfil: ['process', 'atend', 'concluid'], refund: ['reembols'], 'order-edit': ['editar pedido', 'editar encomenda'] },
  },
  // Japanese: 通知 (notify), 送信/送る (send), メール, 知らせる; お客様/顧客/購入者; 発送, 配送, 追跡.
  ja: {
    anywhere: true,
    notify: ['通知', '送信', '送る', 'メール', '知らせ', '連絡'],
    strongNotify: ['通知', '知らせ'],
    recipient: ['お客様', 'お客さま', '顧客', '購入者'],
    subject: ['発送', '配送', '出荷', '追跡', '配達', '荷物', '請求書', '返金', 'キャンセル'],
    restock: ['在庫', '再入荷'],
    marketing: ['マーケティング', 'ニュースレター', 'メルマガ', 'キャンペーン', '購読', '同意', '広告'],
    notAMessage: ['自分', 'スタッフ', 'プロフィール'],
    dialogs: { tracking: ['追跡'], cancel: ['キャンセル'], fulfil: ['発送', '出荷'], refund: ['返金'], 'order-edit': ['注文を編集', '注文の編集'] },
  },
  // Turkish: gönder, bildir, bilgilendir; müşteri, alıcı; gönderi, kargo, teslimat, takip.
  tr: {
    notify: ['gonder', 'bildir', 'bilgilendir', 'bilgi ver', 'haber ver', 'e posta', 'eposta', 'email', 'mesaj'],
    strongNotify: ['bildir', 'bilgilendir', 'bilgi ver', 'haber ver'],
    recipient: ['musteri', 'alıcı', 'alici'],
    subject: ['gonderi', 'kargo', 'teslimat', 'takip', 'paket', 'fatura', 'iade', 'iptal'],
    restock: ['stok', 'stog', 'envanter'],
    marketing: ['pazarlama', 'bulten', 'kampanya', 'teklif', 'abone', 'izin', 'reklam', 'promosyon', 'fırsat'],
    notAMessage: ['bana', 'kendime', 'personel', 'calısan', 'profil'],
    dialogs: { tracking: ['takip'], cancel: ['iptal'], fulfil: ['gonderildi', 'gonder', 'hazırla'], refund: ['iade'], 'order-edit': ['siparisi duzenle', 'siparis duzenle'] },
  },
};

/** Every language's words (background and tests; never the content script's bundle). */
export function registerAllWordBooks(): void {
  for (const lang of NOTIFY_LANGS) if (lang !== 'en') registerWordBook(lang, WORD_BOOKS[lang]);
}
