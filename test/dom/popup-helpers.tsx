import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Locale } from '../../lib/i18n';
import { LocaleProvider } from '../../entrypoints/popup/i18n';

export function renderIn(locale: Locale, ui: ReactElement) {
  return render(<LocaleProvider locale={locale}>{ui}</LocaleProvider>);
}

/** The text a screen reader reads as the element's description (its aria-describedby targets). */
export function description(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => el.ownerDocument.getElementById(id)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

export const isInvalid = (el: HTMLElement) => el.getAttribute('aria-invalid') === 'true';
export const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
