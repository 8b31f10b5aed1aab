import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Button, Page, Spinner, Tabs } from '@/components';
import type { Locale } from '@/lib/i18n';
import { getCredentials } from '@/lib/platform/credentials';
import { dashboardPath, type StoreRef } from '@/lib/store-ref';
import { LocaleProvider, useT } from './i18n';
import { parsePopupLocation, storeFromAdminUrl } from './target';
import { BackupView } from './views/BackupView';
import { ConnectView } from './views/ConnectView';
import { SettingsView } from './views/SettingsView';
import { StatusView } from './views/StatusView';
import { FlowView } from './views/FlowView';
import { StoresView } from './views/StoresView';
import { Brand } from './views/Brand';
import { useStoreSettings } from './use-store-settings';

export interface AppProps {
  locale: Locale;
  /** The popup's own address (location.href): may carry `#connect?store=` or `?tab=`. */
  href: string;
  sandbox: boolean;
}

interface Target {
  store: StoreRef | null;
  /** The admin tab the popup reports on; null when the store was picked from the list or a link. */
  tabId: number | null;
}

type TabId = 'status' | 'settings' | 'connection' | 'backup';

export function App(props: AppProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <div className="pmg-popup">
        <PopupRoot {...props} />
        <PrivacyFooter />
      </div>
    </LocaleProvider>
  );
}

/** The privacy policy ships inside the extension (entrypoints/privacy, from PRIVACY.md): readable offline. */
function PrivacyFooter() {
  const t = useT();
  return (
    <footer className="pmg-popup__footer">
      <a href="/privacy.html" target="_blank" rel="noopener">
        {t('popup_privacy_link')}
      </a>
    </footer>
  );
}

function PopupRoot(props: AppProps) {
  const t = useT();
  const [target, setTarget] = useState<Target | null>(null);
  const [initialTab, setInitialTab] = useState<TabId>('status');

  useEffect(() => {
    void findTarget(props.href, props.sandbox).then(({ target: found, view }) => {
      setTarget(found);
      if (view === 'connect') setInitialTab('connection');
    });
  }, [props.href, props.sandbox]);

  if (!target) {
    return (
      <Page title={<Brand />}>
        <Spinner label={t('popup_loading')} />
      </Page>
    );
  }
  if (!target.store) {
    return <StoresView onPick={(store) => setTarget({ store, tabId: null })} sandbox={props.sandbox} />;
  }
  return (
    <StorePopup
      key={target.store.handle}
      store={target.store}
      tabId={target.tabId}
      initialTab={initialTab}
      onBack={target.tabId === null ? () => setTarget({ store: null, tabId: null }) : undefined}
    />
  );
}

function StorePopup(props: { store: StoreRef; tabId: number | null; initialTab: TabId; onBack?: () => void }) {
  const t = useT();
  const { store } = props;
  const [tab, setTab] = useState<TabId>(props.initialTab);
  const [connected, setConnected] = useState<boolean | null>(null);
  const settings = useStoreSettings(store.handle);

  const refreshConnected = useCallback(async () => {
    setConnected((await getCredentials(store.handle)) !== null);
  }, [store.handle]);
  useEffect(() => {
    void refreshConnected();
  }, [refreshConnected]);

  const tabs: Array<{ id: TabId; label: string }> = [
    { id: 'status', label: t('popup_tab_status') },
    { id: 'settings', label: t('popup_tab_settings') },
    { id: 'connection', label: t('popup_tab_connection') },
    { id: 'backup', label: t('popup_tab_backup') },
  ];

  return (
    <Page
      title={<Brand />}
      subtitle={`${store.handle}.myshopify.com`}
      actions={
        <>
          {props.onBack ? (
            <Button variant="plain" onClick={props.onBack}>
              {t('popup_all_stores')}
            </Button>
          ) : null}
          <Button slim onClick={() => void openDashboard(store)}>
            {t('popup_open_dashboard')}
          </Button>
        </>
      }
    >
      <Tabs tabs={tabs} selected={tab} onSelect={(id) => setTab(id as TabId)} label={t('popup_tabs_label')}>
        {tab === 'status' ? (
          <>
            <StatusView
              store={store}
              tabId={props.tabId}
              guardOn={settings.state === 'ready' ? settings.settings.guardEnabled : true}
              connected={connected}
              onGoToConnect={() => setTab('connection')}
              onGoToSettings={() => setTab('settings')}
            />
            {settings.state === 'ready' ? <FlowView store={store} settings={settings.settings} /> : null}
          </>
        ) : tab === 'settings' ? (
          <SettingsView store={store} loaded={settings} />
        ) : tab === 'connection' ? (
          <ConnectView store={store} connected={connected} onConnectedChange={(value) => setConnected(value)} />
        ) : (
          <BackupView store={store} />
        )}
      </Tabs>
    </Page>
  );
}

async function openDashboard(store: StoreRef): Promise<void> {
  // The dashboard is the bulk helper's page; it reads the store from its address.
  await browser.tabs.create({ url: browser.runtime.getURL(dashboardPath(store)) });
  // The toolbar popup would stay open over the new tab; the same page opened as a tab stays.
  if (isActionPopup()) window.close();
}

function isActionPopup(): boolean {
  try {
    return browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false;
  }
}

/** Works out the store and tab (see target.ts for the rules). */
async function findTarget(href: string, sandbox: boolean): Promise<{ target: Target; view: 'connect' | null }> {
  const location = parsePopupLocation(href, sandbox);
  let tab: { id?: number; url?: string } | undefined;
  try {
    tab =
      location.tabId !== null
        ? await browser.tabs.get(location.tabId)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  } catch {
    tab = undefined; // the tab was closed meanwhile
  }
  const fromTab = storeFromAdminUrl(tab?.url, sandbox);
  if (location.store) {
    const store = location.store.origin || !sandbox ? location.store : await withSandboxOrigin(location.store);
    const sameStore = fromTab?.handle === store.handle;
    return { target: { store, tabId: sameStore && tab?.id !== undefined ? tab.id : null }, view: location.view };
  }
  return { target: { store: fromTab, tabId: fromTab && tab?.id !== undefined ? tab.id : null }, view: location.view };
}

/**
 * The connect link names only the store; in sandbox builds the fake admin's origin is found from an
 * open tab of that store (host permission covers loopback there), else from saved credentials.
 */
async function withSandboxOrigin(store: StoreRef): Promise<StoreRef> {
  try {
    for (const tab of await browser.tabs.query({})) {
      const found = storeFromAdminUrl(tab.url, true);
      if (found?.handle === store.handle && found.origin) return found;
    }
  } catch {
    // fall through
  }
  const saved = await getCredentials(store.handle);
  return saved?.origin ? { handle: store.handle, origin: saved.origin } : store;
}
