import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import '@/components/styles.css';
import './dashboard.css';
import { languageTag, resolveLocale } from '@/lib/i18n';
import { isValidHandle } from '@/lib/store-ref';
import { App } from './App';

function browserLocale() {
  try {
    return resolveLocale(browser.i18n.getUILanguage());
  } catch {
    return resolveLocale(navigator.language);
  }
}

// `?lang=` lets a merchant (and the tests) pick the dashboard's language; the browser's otherwise.
const params = new URLSearchParams(location.search);
const locale = params.get('lang') ? resolveLocale(params.get('lang')) : browserLocale();
const handle = params.get('store') ?? '';
document.documentElement.lang = languageTag(locale);
const root = document.getElementById('root');
if (root) createRoot(root).render(<App locale={locale} handle={isValidHandle(handle) ? handle : null} />);
