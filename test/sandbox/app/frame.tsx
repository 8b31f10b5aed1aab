/** The admin chrome: dark top bar (with the sandbox's language switch), left navigation, main area. */
import type { ReactNode } from 'react';
import { cx } from './styles';
import { Link } from './router';
import { LANG_NAMES, SANDBOX_LANGS, sandboxText, type SandboxLang } from './i18n';

export function Frame(props: {
  handle: string;
  lang: SandboxLang;
  onLang(lang: SandboxLang): void;
  section: 'orders' | 'other';
  /** Broken-layout switch: no <main> landmark (an admin release we do not recognise). */
  broken?: boolean;
  children: ReactNode;
}) {
  const t = (k: Parameters<typeof sandboxText>[1]) => sandboxText(props.lang, k);
  const base = `/store/${props.handle}`;
  const nav: Array<[string, string, boolean]> = [
    [t('home'), `${base}`, false],
    [t('orders'), `${base}/orders`, props.section === 'orders'],
    [t('products'), `${base}/products`, false],
    [t('customers'), `${base}/customers`, false],
    [t('analytics'), `${base}/analytics`, false],
    [t('settings'), `${base}/settings`, false],
  ];
  const Main = props.broken ? 'div' : 'main';
  return (
    <div className={cx('Frame')}>
      <header className={cx('TopBar')}>
        <div className={cx('TopBarLogo')}>
          <svg width="20" height="22" viewBox="0 0 20 22" aria-hidden="true">
            <path fill="#95bf47" d="M3 5l4-1.5C7.6 1.6 8.8.5 10 .5s2.4 1.1 3 3L17 5l2 15-9 1.5L1 20z" />
            <path fill="#fff" d="M12.4 8.6l-.6 1.9s-.7-.4-1.6-.4c-1.3 0-1.3.8-1.3 1 0 1.1 2.9 1.5 2.9 4.1 0 2-1.3 3.3-3 3.3-2.1 0-3.1-1.3-3.1-1.3l.6-1.8s1.1.9 2 .9c.6 0 .9-.5.9-.9 0-1.4-2.4-1.5-2.4-3.9 0-2 1.4-3.9 4.3-3.9 1.1 0 1.3.3 1.3.3z" />
          </svg>
          <span>shopify</span>
        </div>
        <div className={cx('TopBarSearch')} role="search">
          {t('search')}
        </div>
        <label className={cx('TopBarStore')}>
          <span>{t('language')}</span>
          <select
            className={cx('LangSelect')}
            aria-label="Admin language"
            value={props.lang}
            onChange={(e) => props.onLang(e.currentTarget.value as SandboxLang)}
          >
            {SANDBOX_LANGS.map((l) => (
              <option key={l} value={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
          <span>{props.handle}</span>
        </label>
      </header>
      <nav className={cx('Navigation')} aria-label="Main">
        {nav.map(([label, href, selected]) => (
          <Link key={href} href={href} className={cx('NavItem', selected && 'NavItemSelected')} aria-current={selected ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      <Main className={cx('Main')} id={props.broken ? undefined : 'AppFrameMain'}>
        {props.children}
      </Main>
    </div>
  );
}
