import { createContext, useContext, type ReactNode } from 'react';
import { languageTag, translator, type Locale, type Translate } from '@/lib/i18n';
import type { AppError } from '@/lib/result';

const Ctx = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translator('en') });

export function LocaleProvider(props: { locale: Locale; children: ReactNode }) {
  return <Ctx.Provider value={{ locale: props.locale, t: translator(props.locale) }}>{props.children}</Ctx.Provider>;
}

export const useT = (): Translate => useContext(Ctx).t;
export const useLocale = (): Locale => useContext(Ctx).locale;

/** The merchant's sentence for an error code (`err_<code>`), else the English fallback message. */
export function errorText(t: Translate, error: AppError): string {
  const key = `err_${error.code}`;
  const text = t(key, error.params);
  return text === key ? error.message : text;
}

export function useFormat() {
  const locale = languageTag(useLocale());
  const number = new Intl.NumberFormat(locale);
  return {
    n: (v: number) => number.format(v),
    when: (iso: string) => (iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : ''),
    day: (iso: string) => (iso ? new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' }) : ''),
  };
}
