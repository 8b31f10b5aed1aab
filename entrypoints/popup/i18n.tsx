import { createContext, useContext, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { resolveLocale, translator, type Locale, type Translate } from '@/lib/i18n';

/** The popup speaks the browser's language (the admin tab may speak another; the card follows that one). */
export function browserLocale(): Locale {
  try {
    return resolveLocale(browser.i18n.getUILanguage());
  } catch {
    return 'en';
  }
}

const LocaleContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translator('en') });

export function LocaleProvider(props: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={{ locale: props.locale, t: translator(props.locale) }}>{props.children}</LocaleContext.Provider>;
}

export function useT(): Translate {
  return useContext(LocaleContext).t;
}

export function useLocale(): Locale {
  return useContext(LocaleContext).locale;
}
