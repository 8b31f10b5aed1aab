import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import '@/components/styles.css';
import './dashboard.css';
import { languageTag, loadLocale, resolveLocale } from '@/lib/i18n';
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
// Only this language's catalogue is fetched (its own chunk); t() then reads it synchronously. If the
// chunk cannot load, the dashboard renders in English (t's fallback) rather than not at all.
void loadLocale(locale)
  .catch(() => undefined)
  .then(() => {
    if (root) createRoot(root).render(<App locale={locale} handle={isValidHandle(handle) ? handle : null} />);
  });
