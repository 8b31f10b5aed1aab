import { describe, expect, it } from 'vitest';
import { getTexts, registerTextHandlers } from '../../lib/platform/handlers/texts';
import { sendMessage } from '../../lib/messaging';
import { loadTexts, errorText } from '../../entrypoints/admin.content/texts';
import { classifyNotifyLabel, hasWordBook, resetWordBooks } from '../../lib/notify-words';

describe('getTexts (content-script translations from the background)', () => {
  it('answers only the asked prefixes, in the admin language', async () => {
    const r = await getTexts({ locale: 'fr-CA', prefixes: ['card_'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.locale).toBe('fr');
    expect(r.value.texts.card_undo).toBe('Annuler');
    expect(Object.keys(r.value.texts).every((k) => k.startsWith('card_'))).toBe(true);
  });

  it('never hands out other areas (popup, dashboard) and falls back to English for unknown languages', async () => {
    const r = await getTexts({ locale: 'ko', prefixes: ['popup_', 'dash_', 'err_'] });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.locale).toBe('en');
    expect(Object.keys(r.value.texts).length).toBeGreaterThan(0);
    expect(Object.keys(r.value.texts).every((k) => k.startsWith('err_'))).toBe(true);
  });

  it('reaches the content script through messaging, with placeholders filled and errors in the admin language', async () => {
    registerTextHandlers();
    expect((await sendMessage('getTexts', { locale: 'de', prefixes: ['card_'] })).ok).toBe(true);
    const tr = await loadTexts('de');
    expect(tr('card_address', { email: 'a@b.de' })).toBe('E-Mail der Bestellung: a@b.de');
    expect(errorText(tr, { code: 'not_connected', message: 'x' })).toBe('Dieser Shop ist noch nicht verbunden. Öffnen Sie Proxy Mail Guard und verbinden Sie ihn.');
    expect(errorText(tr, { code: 'no_such_code', message: 'English fallback' })).toBe('English fallback');
  });

  it('hands over every plural form the admin language has (Polish few and many, which English lacks) and picks it by count', async () => {
    registerTextHandlers();
    const r = await getTexts({ locale: 'pl', prefixes: ['list_'] });
    if (!r.ok) throw new Error('expected ok');
    expect(Object.keys(r.value.texts)).toEqual(expect.arrayContaining(['list_relay_one', 'list_relay_few', 'list_relay_many', 'list_relay_other']));
    const tr = await loadTexts('pl');
    expect(tr('list_relay', { count: 3 })).toBe('3 zamówienia na tej stronie wciąż mają adres z marketplace’u');
    expect(tr('list_relay', { count: 12 })).toBe('12 zamówień na tej stronie wciąż ma adres z marketplace’u');
  });

  it('hands the admin language\'s notify words over with its texts (only English words are bundled)', async () => {
    resetWordBooks();
    const r = await getTexts({ locale: 'pt-BR', prefixes: ['guard_'] });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.locale).toBe('pt_BR');
    expect(r.value.words?.lang).toBe('pt');
    for (const none of ['en', 'ko']) {
      const answer = await getTexts({ locale: none, prefixes: [] });
      expect(answer.ok && answer.value.words).toBeUndefined(); // English is bundled; Korean has no words
    }

    registerTextHandlers();
    expect(hasWordBook('ja')).toBe(false);
    const tr = await loadTexts('ja');
    expect(hasWordBook('ja')).toBe(true);
    expect(tr('guard_turned_off', { marketplace: 'Amazon' })).toBe('オフにしました: マーケットプレイスの注文（Amazon）');
    expect(classifyNotifyLabel('配送の詳細を今すぐお客様に送信する', 'ja').notify).toBe(true);
  });
});
