/**
 * The sandbox admin in the ten further languages merchants on Allegro, the Nordic and Central
 * European marketplaces, Amazon Japan and Mercado Livre work in. Only what the pages a merchant
 * goes through show (order page, fulfil, tracking, refund, cancel); anything else falls back to
 * English, as a partly translated admin does.
 *
 * Written as an admin would word them, independently of lib/notify-words (the guard must find its
 * boxes from families of words, not from these exact strings).
 */
export const MORE_LANGS = ['pl', 'cs', 'sv', 'da', 'fi', 'nb', 'pt-BR', 'pt-PT', 'ja', 'tr'] as const;
export type MoreLang = (typeof MORE_LANGS)[number];

export const MORE_LANG_NAMES: Record<MoreLang, string> = {
  pl: 'Polski', cs: 'Čeština', sv: 'Svenska', da: 'Dansk', fi: 'Suomi', nb: 'Norsk (bokmål)',
  'pt-BR': 'Português (Brasil)', 'pt-PT': 'Português (Portugal)', ja: '日本語', tr: 'Türkçe',
};

/** Page texts (keys of ./i18n.ts). */
export const MORE_PAGE_TEXTS: Record<MoreLang, Record<string, string>> = {
  pl: {
    home: 'Strona główna', orders: 'Zamówienia', products: 'Produkty', customers: 'Klienci', analytics: 'Analityka', settings: 'Ustawienia',
    search: 'Szukaj', language: 'Język', customer: 'Klient', contactInformation: 'Informacje kontaktowe', noEmail: 'Brak adresu e-mail',
    shippingAddress: 'Adres wysyłki', editContact: 'Edytuj informacje kontaktowe', moreActions: 'Więcej działań', refund: 'Zwrot środków',
    edit: 'Edytuj', cancelOrder: 'Anuluj zamówienie', fulfillItems: 'Zrealizuj produkty', markAsFulfilled: 'Oznacz jako zrealizowane',
    addTracking: 'Dodaj śledzenie', editTracking: 'Edytuj śledzenie', unfulfilled: 'Niezrealizowane', fulfilled: 'Zrealizowane', paid: 'Opłacone',
    tracking: 'Numer przesyłki', loading: 'Wczytywanie…', notes: 'Uwagi', tags: 'Tagi', timeline: 'Oś czasu', total: 'Suma', subtotal: 'Suma częściowa',
  },
  cs: {
    home: 'Domů', orders: 'Objednávky', products: 'Produkty', customers: 'Zákazníci', analytics: 'Analýzy', settings: 'Nastavení',
    search: 'Hledat', language: 'Jazyk', customer: 'Zákazník', contactInformation: 'Kontaktní údaje', noEmail: 'Žádná e-mailová adresa',
    shippingAddress: 'Dodací adresa', editContact: 'Upravit kontaktní údaje', moreActions: 'Další akce', refund: 'Vrátit peníze',
    edit: 'Upravit', cancelOrder: 'Zrušit objednávku', fulfillItems: 'Vyřídit položky', markAsFulfilled: 'Označit jako vyřízené',
    addTracking: 'Přidat sledování', editTracking: 'Upravit sledování', unfulfilled: 'Nevyřízeno', fulfilled: 'Vyřízeno', paid: 'Zaplaceno',
    tracking: 'Číslo zásilky', loading: 'Načítání…', notes: 'Poznámky', tags: 'Štítky', timeline: 'Časová osa', total: 'Celkem', subtotal: 'Mezisoučet',
  },
  sv: {
    home: 'Hem', orders: 'Beställningar', products: 'Produkter', customers: 'Kunder', analytics: 'Statistik', settings: 'Inställningar',
    search: 'Sök', language: 'Språk', customer: 'Kund', contactInformation: 'Kontaktuppgifter', noEmail: 'Ingen e-postadress',
    shippingAddress: 'Leveransadress', editContact: 'Redigera kontaktuppgifter', moreActions: 'Fler åtgärder', refund: 'Återbetala',
    edit: 'Redigera', cancelOrder: 'Avbryt beställning', fulfillItems: 'Fullgör artiklar', markAsFulfilled: 'Markera som fullgjord',
    addTracking: 'Lägg till spårning', editTracking: 'Redigera spårning', unfulfilled: 'Ej fullgjord', fulfilled: 'Fullgjord', paid: 'Betald',
    tracking: 'Spårningsnummer', loading: 'Läser in…', notes: 'Anteckningar', tags: 'Taggar', timeline: 'Tidslinje', total: 'Totalt', subtotal: 'Delsumma',
  },
  da: {
    home: 'Start', orders: 'Ordrer', products: 'Produkter', customers: 'Kunder', analytics: 'Analyser', settings: 'Indstillinger',
    search: 'Søg', language: 'Sprog', customer: 'Kunde', contactInformation: 'Kontaktoplysninger', noEmail: 'Ingen mailadresse',
    shippingAddress: 'Leveringsadresse', editContact: 'Rediger kontaktoplysninger', moreActions: 'Flere handlinger', refund: 'Refunder',
    edit: 'Rediger', cancelOrder: 'Annuller ordre', fulfillItems: 'Gennemfør varer', markAsFulfilled: 'Markér som gennemført',
    addTracking: 'Tilføj sporing', editTracking: 'Rediger sporing', unfulfilled: 'Ikke gennemført', fulfilled: 'Gennemført', paid: 'Betalt',
    tracking: 'Sporingsnummer', loading: 'Indlæser…', notes: 'Noter', tags: 'Tags', timeline: 'Tidslinje', total: 'I alt', subtotal: 'Subtotal',
  },
  fi: {
    home: 'Etusivu', orders: 'Tilaukset', products: 'Tuotteet', customers: 'Asiakkaat', analytics: 'Analytiikka', settings: 'Asetukset',
    search: 'Hae', language: 'Kieli', customer: 'Asiakas', contactInformation: 'Yhteystiedot', noEmail: 'Ei sähköpostiosoitetta',
    shippingAddress: 'Toimitusosoite', editContact: 'Muokkaa yhteystietoja', moreActions: 'Lisää toimintoja', refund: 'Hyvitä',
    edit: 'Muokkaa', cancelOrder: 'Peruuta tilaus', fulfillItems: 'Toimita tuotteet', markAsFulfilled: 'Merkitse toimitetuksi',
    addTracking: 'Lisää seuranta', editTracking: 'Muokkaa seurantaa', unfulfilled: 'Toimittamatta', fulfilled: 'Toimitettu', paid: 'Maksettu',
    tracking: 'Seurantanumero', loading: 'Ladataan…', notes: 'Muistiinpanot', tags: 'Tunnisteet', timeline: 'Aikajana', total: 'Yhteensä', subtotal: 'Välisumma',
  },
  nb: {
    home: 'Hjem', orders: 'Bestillinger', products: 'Produkter', customers: 'Kunder', analytics: 'Analyse', settings: 'Innstillinger',
    search: 'Søk', language: 'Språk', customer: 'Kunde', contactInformation: 'Kontaktinformasjon', noEmail: 'Ingen e-postadresse',
    shippingAddress: 'Leveringsadresse', editContact: 'Rediger kontaktinformasjon', moreActions: 'Flere handlinger', refund: 'Refunder',
    edit: 'Rediger', cancelOrder: 'Kanseller bestillingen', fulfillItems: 'Fullfør varer', markAsFulfilled: 'Merk som fullført',
    addTracking: 'Legg til sporing', editTracking: 'Rediger sporing', unfulfilled: 'Ikke fullført', fulfilled: 'Fullført', paid: 'Betalt',
    tracking: 'Sporingsnummer', loading: 'Laster inn…', notes: 'Notater', tags: 'Stikkord', timeline: 'Tidslinje', total: 'Totalt', subtotal: 'Delsum',
  },
  'pt-BR': {
    home: 'Início', orders: 'Pedidos', products: 'Produtos', customers: 'Clientes', analytics: 'Análises', settings: 'Configurações',
    search: 'Pesquisar', language: 'Idioma', customer: 'Cliente', contactInformation: 'Informações de contato', noEmail: 'Nenhum endereço de e-mail',
    shippingAddress: 'Endereço de entrega', editContact: 'Editar informações de contato', moreActions: 'Mais ações', refund: 'Reembolsar',
    edit: 'Editar', cancelOrder: 'Cancelar pedido', fulfillItems: 'Processar itens', markAsFulfilled: 'Marcar como processado',
    addTracking: 'Adicionar rastreamento', editTracking: 'Editar rastreamento', unfulfilled: 'Não processado', fulfilled: 'Processado', paid: 'Pago',
    tracking: 'Código de rastreamento', loading: 'Carregando…', notes: 'Observações', tags: 'Tags', timeline: 'Linha do tempo', total: 'Total', subtotal: 'Subtotal',
  },
  'pt-PT': {
    home: 'Início', orders: 'Encomendas', products: 'Produtos', customers: 'Clientes', analytics: 'Estatísticas', settings: 'Definições',
    search: 'Pesquisar', language: 'Idioma', customer: 'Cliente', contactInformation: 'Informações de contacto', noEmail: 'Sem endereço de e-mail',
    shippingAddress: 'Morada de envio', editContact: 'Editar informações de contacto', moreActions: 'Mais ações', refund: 'Reembolsar',
    edit: 'Editar', cancelOrder: 'Cancelar encomenda', fulfillItems: 'Processar artigos', markAsFulfilled: 'Marcar como processada',
    addTracking: 'Adicionar seguimento', editTracking: 'Editar seguimento', unfulfilled: 'Por processar', fulfilled: 'Processada', paid: 'Paga',
    tracking: 'Número de seguimento', loading: 'A carregar…', notes: 'Notas', tags: 'Etiquetas', timeline: 'Cronologia', total: 'Total', subtotal: 'Subtotal',
  },
  ja: {
    home: 'ホーム', orders: '注文管理', products: '商品管理', customers: '顧客管理', analytics: 'ストア分析', settings: '設定',
    search: '検索', language: '言語', customer: 'お客様', contactInformation: '連絡先情報', noEmail: 'メールアドレスがありません',
    shippingAddress: '配送先住所', editContact: '連絡先情報を編集する', moreActions: 'その他の操作', refund: '返金',
    edit: '編集', cancelOrder: '注文をキャンセルする', fulfillItems: 'アイテムを発送する', markAsFulfilled: '発送済みにする',
    addTracking: '追跡情報を追加', editTracking: '追跡情報を編集', unfulfilled: '未発送', fulfilled: '発送済み', paid: '支払い済み',
    tracking: '追跡番号', loading: '読み込み中…', notes: 'メモ', tags: 'タグ', timeline: 'タイムライン', total: '合計', subtotal: '小計',
  },
  tr: {
    home: 'Ana sayfa', orders: 'Siparişler', products: 'Ürünler', customers: 'Müşteriler', analytics: 'Analizler', settings: 'Ayarlar',
    search: 'Ara', language: 'Dil', customer: 'Müşteri', contactInformation: 'İletişim bilgileri', noEmail: 'E-posta adresi yok',
    shippingAddress: 'Teslimat adresi', editContact: 'İletişim bilgilerini düzenle', moreActions: 'Diğer işlemler', refund: 'Para iadesi',
    edit: 'Düzenle', cancelOrder: 'Siparişi iptal et', fulfillItems: 'Ürünleri gönder', markAsFulfilled: 'Gönderildi olarak işaretle',
    addTracking: 'Takip bilgisi ekle', editTracking: 'Takip bilgisini düzenle', unfulfilled: 'Gönderilmedi', fulfilled: 'Gönderildi', paid: 'Ödendi',
    tracking: 'Takip numarası', loading: 'Yükleniyor…', notes: 'Notlar', tags: 'Etiketler', timeline: 'Zaman çizelgesi', total: 'Toplam', subtotal: 'Ara toplam',
  },
};

/** Surface texts (keys of ./surfaces/common.tsx). */
export const MORE_SURFACE_TEXTS: Record<MoreLang, Record<string, string>> = {
  pl: {
    fulfilTitle: 'Zrealizuj produkty', markTitle: 'Oznacz jako zrealizowane', unfulfilled: 'Niezrealizowane', trackingSection: 'Informacje o śledzeniu',
    trackingNumber: 'Numer przesyłki', carrier: 'Przewoźnik', notifyHeading: 'Powiadom klienta o wysyłce',
    notifyFulfil: 'Wyślij teraz klientowi szczegóły wysyłki', fulfilButton: 'Zrealizuj produkty', markButton: 'Oznacz jako zrealizowane',
    customer: 'Klient', shippingAddress: 'Adres wysyłki', noEmail: 'Brak adresu e-mail', addTracking: 'Dodaj śledzenie', editTracking: 'Edytuj śledzenie',
    notifyTracking: 'Powiadom klienta o zmianie śledzenia', save: 'Zapisz', cancel: 'Anuluj', close: 'Zamknij', refundTitle: 'Zwrot środków',
    restockItems: 'Przywróć produkty do magazynu', notifyRefund: 'Wyślij powiadomienie do klienta', refundButton: 'Zwróć {amount}',
    cancelTitle: 'Anulować zamówienie {name}?', refundPayment: 'Zwróć płatność', restockInventory: 'Uzupełnij zapasy',
    notifyCancel: 'Wyślij klientowi powiadomienie', keepOrder: 'Zachowaj zamówienie', cancelOrder: 'Anuluj zamówienie', copyEmail: 'Kopiuj adres e-mail',
  },
  cs: {
    fulfilTitle: 'Vyřídit položky', markTitle: 'Označit jako vyřízené', unfulfilled: 'Nevyřízeno', trackingSection: 'Informace o sledování',
    trackingNumber: 'Číslo zásilky', carrier: 'Přepravce', notifyHeading: 'Informovat zákazníka o odeslání',
    notifyFulfil: 'Poslat zákazníkovi podrobnosti o zásilce hned teď', fulfilButton: 'Vyřídit položky', markButton: 'Označit jako vyřízené',
    customer: 'Zákazník', shippingAddress: 'Dodací adresa', noEmail: 'Žádná e-mailová adresa', addTracking: 'Přidat sledování', editTracking: 'Upravit sledování',
    notifyTracking: 'Upozornit zákazníka na změnu sledování', save: 'Uložit', cancel: 'Zrušit', close: 'Zavřít', refundTitle: 'Vrácení peněz',
    restockItems: 'Vrátit položky do skladu', notifyRefund: 'Odeslat zákazníkovi oznámení', refundButton: 'Vrátit {amount}',
    cancelTitle: 'Zrušit objednávku {name}?', refundPayment: 'Vrátit platbu', restockInventory: 'Naskladnit zpět',
    notifyCancel: 'Poslat oznámení zákazníkovi', keepOrder: 'Ponechat objednávku', cancelOrder: 'Zrušit objednávku', copyEmail: 'Kopírovat e-mail',
  },
  sv: {
    fulfilTitle: 'Fullgör artiklar', markTitle: 'Markera som fullgjord', unfulfilled: 'Ej fullgjord', trackingSection: 'Spårningsinformation',
    trackingNumber: 'Spårningsnummer', carrier: 'Fraktbolag', notifyHeading: 'Meddela kunden om leveransen',
    notifyFulfil: 'Skicka leveransinformation till kunden nu', fulfilButton: 'Fullgör artiklar', markButton: 'Markera som fullgjord',
    customer: 'Kund', shippingAddress: 'Leveransadress', noEmail: 'Ingen e-postadress', addTracking: 'Lägg till spårning', editTracking: 'Redigera spårning',
    notifyTracking: 'Meddela kunden om den nya spårningen', save: 'Spara', cancel: 'Avbryt', close: 'Stäng', refundTitle: 'Återbetalning',
    restockItems: 'Lägg tillbaka artiklarna i lager', notifyRefund: 'Skicka ett meddelande till kunden', refundButton: 'Återbetala {amount}',
    cancelTitle: 'Avbryta beställning {name}?', refundPayment: 'Återbetala betalningen', restockInventory: 'Fyll på lagret igen',
    notifyCancel: 'Skicka en avisering till kunden', keepOrder: 'Behåll beställningen', cancelOrder: 'Avbryt beställning', copyEmail: 'Kopiera e-post',
  },
  da: {
    fulfilTitle: 'Gennemfør varer', markTitle: 'Markér som gennemført', unfulfilled: 'Ikke gennemført', trackingSection: 'Sporingsoplysninger',
    trackingNumber: 'Sporingsnummer', carrier: 'Fragtfirma', notifyHeading: 'Giv kunden besked om forsendelsen',
    notifyFulfil: 'Send forsendelsesoplysninger til din kunde nu', fulfilButton: 'Gennemfør varer', markButton: 'Markér som gennemført',
    customer: 'Kunde', shippingAddress: 'Leveringsadresse', noEmail: 'Ingen mailadresse', addTracking: 'Tilføj sporing', editTracking: 'Rediger sporing',
    notifyTracking: 'Underret kunden om den opdaterede sporing', save: 'Gem', cancel: 'Annuller', close: 'Luk', refundTitle: 'Refusion',
    restockItems: 'Læg varerne tilbage på lager', notifyRefund: 'Send en notifikation til kunden', refundButton: 'Refunder {amount}',
    cancelTitle: 'Annuller ordre {name}?', refundPayment: 'Refunder betaling', restockInventory: 'Genopfyld lagerbeholdning',
    notifyCancel: 'Send kunden en notifikation', keepOrder: 'Behold ordre', cancelOrder: 'Annuller ordre', copyEmail: 'Kopiér mail',
  },
  fi: {
    fulfilTitle: 'Toimita tuotteet', markTitle: 'Merkitse toimitetuksi', unfulfilled: 'Toimittamatta', trackingSection: 'Seurantatiedot',
    trackingNumber: 'Seurantanumero', carrier: 'Kuljetusyhtiö', notifyHeading: 'Ilmoita asiakkaalle lähetyksestä',
    notifyFulfil: 'Lähetä toimitustiedot asiakkaallesi nyt', fulfilButton: 'Toimita tuotteet', markButton: 'Merkitse toimitetuksi',
    customer: 'Asiakas', shippingAddress: 'Toimitusosoite', noEmail: 'Ei sähköpostiosoitetta', addTracking: 'Lisää seuranta', editTracking: 'Muokkaa seurantaa',
    notifyTracking: 'Ilmoita asiakkaalle seurannan muutoksesta', save: 'Tallenna', cancel: 'Peruuta', close: 'Sulje', refundTitle: 'Hyvitys',
    restockItems: 'Palauta tuotteet varastoon', notifyRefund: 'Lähetä asiakkaalle ilmoitus', refundButton: 'Hyvitä {amount}',
    cancelTitle: 'Peruutetaanko tilaus {name}?', refundPayment: 'Hyvitä maksu', restockInventory: 'Palauta varastosaldo',
    notifyCancel: 'Lähetä ilmoitus asiakkaalle', keepOrder: 'Säilytä tilaus', cancelOrder: 'Peruuta tilaus', copyEmail: 'Kopioi sähköposti',
  },
  nb: {
    fulfilTitle: 'Fullfør varer', markTitle: 'Merk som fullført', unfulfilled: 'Ikke fullført', trackingSection: 'Sporingsinformasjon',
    trackingNumber: 'Sporingsnummer', carrier: 'Transportør', notifyHeading: 'Varsle kunden om forsendelsen',
    notifyFulfil: 'Send forsendelsesdetaljer til kunden din nå', fulfilButton: 'Fullfør varer', markButton: 'Merk som fullført',
    customer: 'Kunde', shippingAddress: 'Leveringsadresse', noEmail: 'Ingen e-postadresse', addTracking: 'Legg til sporing', editTracking: 'Rediger sporing',
    notifyTracking: 'Gi kunden beskjed om den nye sporingen', save: 'Lagre', cancel: 'Avbryt', close: 'Lukk', refundTitle: 'Refusjon',
    restockItems: 'Legg varene tilbake på lager', notifyRefund: 'Send et varsel til kunden', refundButton: 'Refunder {amount}',
    cancelTitle: 'Kansellere bestilling {name}?', refundPayment: 'Refunder betalingen', restockInventory: 'Fyll på lagerbeholdningen',
    notifyCancel: 'Send kunden et varsel', keepOrder: 'Behold bestillingen', cancelOrder: 'Kanseller bestillingen', copyEmail: 'Kopier e-post',
  },
  'pt-BR': {
    fulfilTitle: 'Processar itens', markTitle: 'Marcar como processado', unfulfilled: 'Não processado', trackingSection: 'Informações de rastreamento',
    trackingNumber: 'Código de rastreamento', carrier: 'Transportadora', notifyHeading: 'Notificar o cliente sobre o envio',
    notifyFulfil: 'Enviar agora os detalhes do envio para o cliente', fulfilButton: 'Processar itens', markButton: 'Marcar como processado',
    customer: 'Cliente', shippingAddress: 'Endereço de entrega', noEmail: 'Nenhum endereço de e-mail', addTracking: 'Adicionar rastreamento', editTracking: 'Editar rastreamento',
    notifyTracking: 'Avisar o cliente sobre a atualização do rastreamento', save: 'Salvar', cancel: 'Cancelar', close: 'Fechar', refundTitle: 'Reembolso',
    restockItems: 'Devolver itens ao estoque', notifyRefund: 'Enviar uma notificação ao cliente', refundButton: 'Reembolsar {amount}',
    cancelTitle: 'Cancelar o pedido {name}?', refundPayment: 'Reembolsar pagamento', restockInventory: 'Repor estoque',
    notifyCancel: 'Enviar notificação ao cliente', keepOrder: 'Manter pedido', cancelOrder: 'Cancelar pedido', copyEmail: 'Copiar e-mail',
  },
  'pt-PT': {
    fulfilTitle: 'Processar artigos', markTitle: 'Marcar como processada', unfulfilled: 'Por processar', trackingSection: 'Informações de seguimento',
    trackingNumber: 'Número de seguimento', carrier: 'Transportadora', notifyHeading: 'Notificar o cliente da expedição',
    notifyFulfil: 'Enviar agora os detalhes da expedição ao seu cliente', fulfilButton: 'Processar artigos', markButton: 'Marcar como processada',
    customer: 'Cliente', shippingAddress: 'Morada de envio', noEmail: 'Sem endereço de e-mail', addTracking: 'Adicionar seguimento', editTracking: 'Editar seguimento',
    notifyTracking: 'Notificar o cliente da atualização do seguimento', save: 'Guardar', cancel: 'Cancelar', close: 'Fechar', refundTitle: 'Reembolso',
    restockItems: 'Repor os artigos em stock', notifyRefund: 'Enviar uma notificação ao cliente', refundButton: 'Reembolsar {amount}',
    cancelTitle: 'Cancelar a encomenda {name}?', refundPayment: 'Reembolsar o pagamento', restockInventory: 'Repor inventário',
    notifyCancel: 'Enviar notificação ao cliente', keepOrder: 'Manter encomenda', cancelOrder: 'Cancelar encomenda', copyEmail: 'Copiar e-mail',
  },
  ja: {
    fulfilTitle: 'アイテムを発送する', markTitle: '発送済みにする', unfulfilled: '未発送', trackingSection: '追跡情報',
    trackingNumber: '追跡番号', carrier: '配送業者', notifyHeading: '発送をお客様に通知する',
    notifyFulfil: '配送の詳細を今すぐお客様に送信する', fulfilButton: 'アイテムを発送する', markButton: '発送済みにする',
    customer: 'お客様', shippingAddress: '配送先住所', noEmail: 'メールアドレスがありません', addTracking: '追跡情報を追加', editTracking: '追跡情報を編集',
    notifyTracking: '追跡情報の更新をお客様に通知する', save: '保存する', cancel: 'キャンセル', close: '閉じる', refundTitle: '返金',
    restockItems: 'アイテムを在庫に戻す', notifyRefund: 'お客様に通知を送信する', refundButton: '{amount}を返金する',
    cancelTitle: '注文{name}をキャンセルしますか?', refundPayment: '支払いを返金する', restockInventory: '在庫を補充する',
    notifyCancel: 'お客様に通知を送信する', keepOrder: '注文を保持する', cancelOrder: '注文をキャンセルする', copyEmail: 'メールをコピー',
  },
  tr: {
    fulfilTitle: 'Ürünleri gönder', markTitle: 'Gönderildi olarak işaretle', unfulfilled: 'Gönderilmedi', trackingSection: 'Takip bilgileri',
    trackingNumber: 'Takip numarası', carrier: 'Kargo firması', notifyHeading: 'Müşteriyi gönderim hakkında bilgilendir',
    notifyFulfil: 'Gönderi ayrıntılarını müşterinize şimdi gönderin', fulfilButton: 'Ürünleri gönder', markButton: 'Gönderildi olarak işaretle',
    customer: 'Müşteri', shippingAddress: 'Teslimat adresi', noEmail: 'E-posta adresi yok', addTracking: 'Takip bilgisi ekle', editTracking: 'Takip bilgisini düzenle',
    notifyTracking: 'Takip güncellemesini müşteriye bildir', save: 'Kaydet', cancel: 'İptal', close: 'Kapat', refundTitle: 'Para iadesi',
    restockItems: 'Ürünleri stoğa geri ekle', notifyRefund: 'Müşteriye bildirim gönder', refundButton: '{amount} iade et',
    cancelTitle: '{name} siparişi iptal edilsin mi?', refundPayment: 'Ödemeyi iade et', restockInventory: 'Envanteri yeniden stokla',
    notifyCancel: 'Müşteriye bir bildirim gönder', keepOrder: 'Siparişi koru', cancelOrder: 'Siparişi iptal et', copyEmail: 'E-postayı kopyala',
  },
};
