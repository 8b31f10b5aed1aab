import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import './popup.css';
import { App } from './App';
import { languageTag } from '@/lib/i18n';
import { browserLocale } from './i18n';

const locale = browserLocale();
document.documentElement.lang = languageTag(locale);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<App locale={locale} href={location.href} sandbox={import.meta.env.MODE === 'sandbox'} />);
}
