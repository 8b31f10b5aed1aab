/**
 * The background's catalogues, read from the extension's own `_locales/<lang>/messages.json` when a
 * language is first needed (the files lib/i18n.ts bundles for the pages; WXT copies public/ as it is).
 * An MV3 service worker cannot load code chunks, so bundling the catalogues put all 16 (≈ 1.1 MB)
 * into background.js, parsed on every wake of the one-minute alarm; now a wake that translates reads
 * English and at most one more language.
 */
import { browser } from 'wxt/browser';
import { createCatalogues, type Catalogue, type Locale } from '../i18n-core';

export { resolveLocale } from '../i18n-core';

async function readCatalogue(locale: Locale): Promise<Catalogue> {
  const response = await fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json`));
  if (!response.ok) throw new Error(`The ${locale} texts could not be read (${response.status}).`);
  return (await response.json()) as Catalogue;
}

const background = createCatalogues(readCatalogue);

export const loadLocale = background.loadLocale;
export const messageKeys = background.messageKeys;
export const t = background.t;
export const translator = background.translator;
