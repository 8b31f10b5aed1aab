/**
 * The background's catalogues (lib/platform/i18n.ts): read from the extension's own files when a
 * language is first needed — English and that one language, each once however many ask at once — and
 * the same texts the pages bundle. The files come from public/ as the built extension serves them
 * (test/setup/extension-files.ts); the e2e tests run the same code on the real builds.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCatalogues, type Catalogue, type Locale } from '../../lib/i18n-core';
import { LOCALES, messageKeys as pageKeys, t as pageT } from '../../lib/i18n';
import { extensionFileReads } from '../setup/extension-files';

const reads = () => Object.fromEntries([...extensionFileReads].filter(([path]) => path.startsWith('/_locales/')));

/** A fresh background (a worker just woken): nothing loaded yet. */
async function freshBackground() {
  vi.resetModules();
  extensionFileReads.clear();
  return {
    i18n: await import('../../lib/platform/i18n'),
    texts: await import('../../lib/platform/handlers/texts'),
  };
}

describe('background catalogues', () => {
  beforeEach(() => extensionFileReads.clear());

  it('a wake that translates nothing reads no catalogue', async () => {
    await freshBackground();
    expect(reads()).toEqual({});
  });

  it('reads English and the asked language once, however many ask at once', async () => {
    const { texts } = await freshBackground();
    const answers = await Promise.all([
      texts.getTexts({ locale: 'fr-CA', prefixes: ['card_'] }),
      texts.getTexts({ locale: 'fr', prefixes: ['guard_'] }),
      texts.getTexts({ locale: 'fr-FR', prefixes: ['err_'] }),
    ]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(reads()).toEqual({ '/_locales/en/messages.json': 1, '/_locales/fr/messages.json': 1 });
    await texts.getTexts({ locale: 'fr', prefixes: ['list_'] });
    await texts.getTexts({ locale: 'pt-BR', prefixes: ['list_'] });
    expect(reads()).toEqual({ '/_locales/en/messages.json': 1, '/_locales/fr/messages.json': 1, '/_locales/pt_BR/messages.json': 1 });
  });

  it.each(LOCALES)('%s: every key reads as the pages read it (the same catalogue)', async (locale) => {
    const { i18n } = await freshBackground();
    await i18n.loadLocale(locale);
    expect(i18n.messageKeys(locale).sort()).toEqual(pageKeys(locale).sort());
    for (const key of i18n.messageKeys(locale)) expect(i18n.t(locale, key, { count: 3 }), `${locale}:${key}`).toBe(pageT(locale, key, { count: 3 }));
  });
});

describe('createCatalogues (the loading rules both sets share)', () => {
  const catalogue = (text: string): Catalogue => ({ hello: { message: text } });

  it('a failed read is not kept: the next load tries again, and English answers meanwhile', async () => {
    let failures = 1;
    const asked: Locale[] = [];
    const store = createCatalogues(async (locale) => {
      asked.push(locale);
      if (locale === 'de' && failures-- > 0) throw new Error('unreadable');
      return catalogue(locale === 'de' ? 'Hallo' : 'Hello');
    });
    expect(store.t('de', 'hello')).toBe('hello'); // nothing loaded: the key itself
    await expect(store.loadLocale('de')).rejects.toThrow('unreadable');
    expect(store.isLocaleLoaded('de')).toBe(false);
    expect(store.t('de', 'hello')).toBe('Hello');
    await store.loadLocale('de');
    expect(store.t('de', 'hello')).toBe('Hallo');
    expect(asked).toEqual(['en', 'de', 'de']);
  });

  it('a bundled catalogue is never read', async () => {
    const asked: Locale[] = [];
    const store = createCatalogues(async (locale) => (asked.push(locale), catalogue('Bonjour')), { en: catalogue('Hello') });
    await store.loadLocale('en');
    await store.loadLocale('fr');
    expect(asked).toEqual(['fr']);
    expect(store.translator('fr')('hello')).toBe('Bonjour');
  });
});
