import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import './popup.css';
import { App } from './App';
import { languageTag, loadLocale } from '@/lib/i18n';
import { browserLocale } from './i18n';

const locale = browserLocale();
document.documentElement.lang = languageTag(locale);
const root = document.getElementById('root');
// Only this language's catalogue is fetched (its own chunk); t() then reads it synchronously. If the
// chunk cannot load, the popup renders in English (t's fallback) rather than not at all.
void loadLocale(locale)
  .catch(() => undefined)
  .then(() => {
    if (root) createRoot(root).render(<App locale={locale} href={location.href} sandbox={import.meta.env.MODE === 'sandbox'} />);
  });
