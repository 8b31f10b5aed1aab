import { describe, expect, it, vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { LOCALES, resolveLocale, t } from '../../lib/i18n';
import { PLURAL_BASES } from './plural-messages';

describe('i18n', () => {
  it('resolves admin and browser language tags', () => {
    expect(resolveLocale('fr-CA')).toBe('fr');
    expect(resolveLocale('de_DE')).toBe('de');
    expect(resolveLocale('NL')).toBe('nl');
    expect(resolveLocale('ja')).toBe('ja');
    expect(resolveLocale('pt-BR')).toBe('pt_BR');
    expect(resolveLocale('pt-PT')).toBe('pt_PT');
    expect(resolveLocale('pt')).toBe('pt_BR');
    expect(resolveLocale('no')).toBe('nb');
    expect(resolveLocale('nb-NO')).toBe('nb');
    expect(resolveLocale('ko')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });
  it('fills placeholders and falls back to English', () => {
    expect(t('en', 'extName')).toBe('Proxy Mail Guard');
    expect(t('fr', 'no_such_key')).toBe('no_such_key');
  });
  it.each(LOCALES)('%s has every English key, with the same placeholders, and no $ (Chrome reserves it)', async (locale) => {
    const catalogue: Record<string, { message: string }> = (await import(`../../public/_locales/${locale}/messages.json`)).default;
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    const english = en as Record<string, { message: string }>;
    // Count sentences have the forms their own language needs (plurals.test.ts), not English's.
    const isPluralForm = (key: string) => PLURAL_BASES.some((base) => key.startsWith(`${base}_`) && /^(zero|one|two|few|many|other)$/.test(key.slice(base.length + 1)));
    for (const [key, entry] of Object.entries(english)) {
      if (isPluralForm(key)) continue;
      expect(catalogue[key], `${locale}:${key}`).toBeDefined();
      expect(placeholders(catalogue[key]!.message), `${locale}:${key}`).toEqual(placeholders(entry.message));
    }
    for (const [key, entry] of Object.entries(catalogue)) {
      expect(key in english || isPluralForm(key), `${locale}:${key} is not an English key`).toBe(true);
      expect(entry.message.includes('$'), `${locale}:${key}`).toBe(false);
    }
  });

  it('speaks a language only once its catalogue is loaded (English until then, and always as the fallback)', async () => {
    // A fresh copy of the module: the test setup has loaded every catalogue into the shared one.
    vi.resetModules();
    const fresh = await import('../../lib/i18n');
    expect(fresh.isLocaleLoaded('en')).toBe(true);
    expect(fresh.isLocaleLoaded('fr')).toBe(false);
    expect(fresh.t('fr', 'card_undo')).toBe('Undo');
    await fresh.loadLocale('fr');
    expect(fresh.isLocaleLoaded('fr')).toBe(true);
    expect(fresh.t('fr', 'card_undo')).toBe('Annuler');
    expect(fresh.isLocaleLoaded('de')).toBe(false); // one language at a time
    expect(fresh.t('fr', 'no_such_key')).toBe('no_such_key');
  });
});
