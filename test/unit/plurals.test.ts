/**
 * Count sentences in every language: each count picks its language's plural form (Intl.PluralRules),
 * that form exists, and nothing is left unfilled. The French, Polish and Czech sentences at the end
 * are written here by hand, not read from the catalogues, so a wrong form cannot agree with itself.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, languageTag, renderMessage, t, type Locale } from '../../lib/i18n';
import { PLURAL_BASES } from './plural-messages';

const COUNTS = [0, 1, 2, 3, 5, 21, 22, 25, 101];

const catalogue = async (locale: Locale): Promise<Record<string, { message: string }>> =>
  (await import(`../../public/_locales/${locale}/messages.json`)).default;

/** The other placeholders of a count sentence, filled with a marker so a leftover `{…}` shows. */
function paramsFor(text: string, count: number): Record<string, string | number> & { count: number } {
  const names = (text.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1)).filter((n) => n !== 'count');
  return { ...Object.fromEntries(names.map((n) => [n, `«${n}»`])), count };
}

describe('count sentences', () => {
  it('are found (the catalogues have some, and every one has an English _one and _other)', async () => {
    expect(PLURAL_BASES.length).toBeGreaterThanOrEqual(20);
    expect(PLURAL_BASES).toContain('list_bulk_title');
    const en = await catalogue('en');
    for (const base of PLURAL_BASES) expect(en[`${base}_one`], base).toBeDefined();
  });

  it('every English sentence with a {count} is a count sentence, but for labels where the number stands alone', async () => {
    // "Marketplace rules: 3" and "3 by Shopify Flow" read right for any number in every language.
    const LABELS = ['popup_import_summary', 'dash_count_by_flow'];
    const en = await catalogue('en');
    const plain = Object.entries(en).filter(([key, { message }]) => message.includes('{count}') && !PLURAL_BASES.some((b) => key.startsWith(`${b}_`)));
    expect(plain.map(([key]) => key).sort()).toEqual(LABELS.sort());
  });

  it.each(LOCALES)('%s: a key that ends like a plural form (_zero, _one, _two, _few, _many, _other) is one', async (locale) => {
    // `t(…, 'x')` reads `x_one` as x's singular: a plain message named `…_one` would be taken for a
    // count sentence's form as soon as a `…_other` appeared beside it (and misleads readers now).
    const en = await catalogue('en');
    const texts = await catalogue(locale);
    const strays = Object.keys(texts).filter((key) => {
      const form = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
      return form !== null && en[`${form[1]}_other`] === undefined;
    });
    expect(strays, `${locale}: keys named like a plural form of a sentence that has no _other`).toEqual([]);
  });

  it.each(LOCALES)('%s: every count sentence has the form each count needs, with every placeholder filled', async (locale) => {
    const texts = await catalogue(locale);
    const rules = new Intl.PluralRules(languageTag(locale));
    const written = new Intl.NumberFormat(languageTag(locale));
    for (const base of PLURAL_BASES) {
      // Every category the language uses for whole numbers, and `_other`, which stands in for the rest.
      const needed = new Set(['other', ...Array.from({ length: 1001 }, (_, n) => rules.select(n))]);
      for (const category of needed) expect(texts[`${base}_${category}`], `${locale}:${base}_${category}`).toBeDefined();
      // No form for a category the language does not have (a Polish `_two` would never be read).
      for (const key of Object.keys(texts).filter((k) => new RegExp(`^${base}_(zero|one|two|few|many|other)$`).test(k))) {
        expect(rules.resolvedOptions().pluralCategories, `${locale}:${key} is not a category of this language`).toContain(key.slice(base.length + 1));
      }
      for (const count of COUNTS) {
        const form = texts[`${base}_${rules.select(count)}`];
        expect(form, `${locale}:${base} for ${count}`).toBeDefined();
        const params = paramsFor(form!.message, count);
        const sentence = t(locale, base, params);
        expect(sentence, `${locale}:${base} for ${count}`).toBe(renderMessage(locale, `${base}_${rules.select(count)}`, params, (k) => texts[k]?.message));
        expect(sentence, `${locale}:${base} for ${count}`).not.toMatch(/\{\w+\}/);
        expect(sentence, `${locale}:${base} for ${count}`).toContain(written.format(count));
      }
    }
  });
});

describe('count sentences read right (expectations written by hand)', () => {
  it('French: 0 and 1 are singular, the question about selected orders included', () => {
    expect(t('fr', 'list_bulk_title', { count: 1, marketplaces: 'Amazon' })).toBe('1 des commandes sélectionnées a une adresse de marketplace (Amazon)');
    expect(t('fr', 'list_bulk_title', { count: 3, marketplaces: 'Amazon, eBay' })).toBe('3 des commandes sélectionnées ont une adresse de marketplace (Amazon, eBay)');
    expect(t('fr', 'dash_exported', { count: 0 })).toBe('0 ligne exportée.');
    expect(t('fr', 'dash_exported', { count: 1 })).toBe('1 ligne exportée.');
    expect(t('fr', 'dash_exported', { count: 2 })).toBe('2 lignes exportées.');
    expect(t('fr', 'list_relay', { count: 1 })).toBe('1 commande de cette page a encore une adresse de marketplace');
    expect(t('fr', 'popup_connection_missing_title', { count: 2 })).toBe('2 autorisations manquantes');
    // Numbers are written the French way (narrow no-break space between thousands).
    expect(t('fr', 'dash_apply', { count: 1234 })).toBe('Corriger 1\u202f234 commandes');
  });

  it('Polish: one (1), few (2–4, 22–24 but not 12–14), many (0, 5–21, 25…)', () => {
    const fix = (count: number) => t('pl', 'dash_apply', { count });
    expect(fix(1)).toBe('Popraw 1 zamówienie');
    expect(fix(2)).toBe('Popraw 2 zamówienia');
    expect(fix(4)).toBe('Popraw 4 zamówienia');
    expect(fix(22)).toBe('Popraw 22 zamówienia');
    expect(fix(0)).toBe('Popraw 0 zamówień');
    expect(fix(5)).toBe('Popraw 5 zamówień');
    expect(fix(12)).toBe('Popraw 12 zamówień');
    expect(fix(21)).toBe('Popraw 21 zamówień');
    expect(fix(25)).toBe('Popraw 25 zamówień');
    expect(t('pl', 'dash_exported', { count: 1 })).toBe('Wyeksportowano 1 wiersz.');
    expect(t('pl', 'dash_exported', { count: 3 })).toBe('Wyeksportowano 3 wiersze.');
    expect(t('pl', 'dash_exported', { count: 25 })).toBe('Wyeksportowano 25 wierszy.');
    expect(t('pl', 'list_relay', { count: 1 })).toBe('1 zamówienie na tej stronie wciąż ma adres z marketplace’u');
    expect(t('pl', 'list_relay', { count: 2 })).toBe('2 zamówienia na tej stronie wciąż mają adres z marketplace’u');
    expect(t('pl', 'list_relay', { count: 5 })).toBe('5 zamówień na tej stronie wciąż ma adres z marketplace’u');
  });

  it('Czech: one (1), few (2–4), other (0, 5 and up, 22 too)', () => {
    const fix = (count: number) => t('cs', 'dash_apply', { count });
    expect(fix(1)).toBe('Opravit 1 objednávku');
    expect(fix(3)).toBe('Opravit 3 objednávky');
    expect(fix(0)).toBe('Opravit 0 objednávek');
    expect(fix(5)).toBe('Opravit 5 objednávek');
    expect(fix(22)).toBe('Opravit 22 objednávek');
    expect(t('cs', 'list_undone', { count: 1 })).toBe('Obnovena 1 původní adresa.');
    expect(t('cs', 'list_undone', { count: 2 })).toBe('Obnoveny 2 původní adresy.');
    expect(t('cs', 'list_undone', { count: 5 })).toBe('Obnoveno 5 původních adres.');
  });

  it('English and Japanese: singular only for 1 in English, one form in Japanese', () => {
    expect(t('en', 'list_bulk_title', { count: 1, marketplaces: 'Amazon' })).toBe('1 of the selected orders has a marketplace address (Amazon)');
    expect(t('en', 'dash_apply', { count: 0 })).toBe('Fix 0 orders');
    expect(t('ja', 'dash_apply', { count: 1 })).toBe('1 件の注文を修正');
  });

  it('a count sentence without a count reads its _other form; other keys are left alone', () => {
    expect(t('en', 'dash_apply')).toBe('Fix {count} orders');
    expect(t('en', 'card_undo', { count: 1 })).toBe('Undo');
  });
});
