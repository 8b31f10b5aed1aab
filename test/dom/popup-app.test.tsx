import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/popup/App';
import { parsePopupLocation, storeFromAdminUrl } from '../../entrypoints/popup/target';
import type { PageStatus } from '../../lib/messages';
import { onMessage } from '../../lib/messaging';
import { saveCredentials } from '../../lib/platform/credentials';
import { saveStoreSettings } from '../../lib/platform/settings-storage';
import { ok } from '../../lib/result';
import { defaultSettings } from '../../lib/settings';
import { plainLine, statusLine } from '../../lib/status-line';
import { t } from '../../lib/i18n';
import { text } from './popup-helpers';

const POPUP = 'chrome-extension://abcdef/popup.html';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('which store the popup is about', () => {
  it.each([
    ['https://admin.shopify.com/store/demo-store/orders/1001', false, { handle: 'demo-store' }],
    ['https://demo-store.myshopify.com/admin/orders', false, { handle: 'demo-store' }],
    ['https://www.example.com/', false, null],
    ['http://127.0.0.1:4567/store/demo-store/orders/1', false, null],
    ['http://127.0.0.1:4567/store/demo-store/orders/1', true, { handle: 'demo-store', origin: 'http://127.0.0.1:4567' }],
    [undefined, false, null],
  ])('%s (sandbox %s)', (url, sandbox, expected) => {
    expect(storeFromAdminUrl(url, sandbox)).toEqual(expected);
  });

  it('reads the connect link and the tab hook', () => {
    expect(parsePopupLocation(`${POPUP}#connect?store=Demo-Store.myshopify.com`, false)).toEqual({
      view: 'connect',
      store: { handle: 'demo-store' },
      tabId: null,
    });
    // An origin is only taken in sandbox builds, and only a loopback one.
    expect(parsePopupLocation(`${POPUP}#connect?store=a&origin=http://127.0.0.1:9`, false).store).toEqual({ handle: 'a' });
    expect(parsePopupLocation(`${POPUP}#connect?store=a&origin=http://127.0.0.1:9`, true).store).toEqual({ handle: 'a', origin: 'http://127.0.0.1:9' });
    expect(parsePopupLocation(`${POPUP}#connect?store=a&origin=https://evil.example`, true).store).toEqual({ handle: 'a' });
    expect(parsePopupLocation(`${POPUP}?tab=12`, false)).toEqual({ view: null, store: null, tabId: 12 });
    expect(parsePopupLocation(`${POPUP}?tab=x1`, false).tabId).toBeNull();
    expect(parsePopupLocation(`${POPUP}#connect?store=bad handle!`, false).store).toBeNull();
  });
});

const flagged: PageStatus = {
  store: { handle: 'demo-store' },
  surface: 'order',
  orderId: '1001',
  flagged: { marketplace: 'amazon', label: 'Amazon', via: 'email' },
  // As the content script reports them: message keys + parameters, rendered in the popup's language.
  actions: [statusLine('card_title', { marketplace: 'Amazon' }), statusLine('guard_status_turned_off', { surface: statusLine('guard_surface_fulfil') })],
  inactive: false,
};

async function openAdminTab(url: string): Promise<number> {
  // fakeBrowser has no current window after reset, so "the active tab of the current window" is stubbed.
  const tab = await fakeBrowser.tabs.create({ url });
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (info) => (info.active && info.currentWindow ? [{ ...tab, active: true }] : [tab]));
  return tab.id!;
}

describe('popup on an admin tab', () => {
  it('names the store and says what the guard found and did', async () => {
    const tabId = await openAdminTab('https://admin.shopify.com/store/demo-store/orders/1001');
    const asked: number[] = [];
    onMessage('getPageStatus', 'extension', async ({ tabId: id }) => {
      asked.push(id);
      return ok(flagged);
    });
    render(<App locale="en" href={POPUP} sandbox={false} />);
    expect(await screen.findByText('demo-store.myshopify.com')).toBeTruthy();
    expect(await screen.findByText('Amazon order')).toBeTruthy();
    expect(text(document.body)).toContain('Notify box turned off (Fulfil items)');
    expect(text(document.body)).toContain('Amazon order: the email is a relay address');
    expect(asked).toEqual([tabId]);
    // Not connected yet: the popup says so and offers the way.
    expect(text(document.body)).toContain('Store not connected');
  });

  it('says what the guard did in the browser\'s language, whatever the admin\'s (a German browser on an English admin)', async () => {
    await openAdminTab('https://admin.shopify.com/store/demo-store/orders/1001');
    onMessage('getPageStatus', 'extension', async () => ok({ ...flagged, adminLang: 'en', actions: [...flagged.actions, plainLine('Shopify: Email is invalid')] }));
    render(<App locale="de" href={POPUP} sandbox={false} />);
    await screen.findByText('demo-store.myshopify.com');
    await waitFor(() => expect(text(document.body)).toContain('Benachrichtigung ausgeschaltet (Artikel ausführen)'));
    expect(text(document.body)).toContain(t('de', 'card_title', { marketplace: 'Amazon' }));
    expect(text(document.body)).not.toContain('Notify box turned off');
    // A server's own message has no key: shown as it came.
    expect(text(document.body)).toContain('Shopify: Email is invalid');
  });

  it('says plainly when the page layout was not recognised', async () => {
    await openAdminTab('https://admin.shopify.com/store/demo-store/orders/1001');
    onMessage('getPageStatus', 'extension', async () => ok({ ...flagged, flagged: null, inactive: true }));
    await saveCredentials({ handle: 'demo-store' }, { kind: 'admin-token', token: 'shpat_0123456789abcdef' });
    render(<App locale="en" href={POPUP} sandbox={false} />);
    expect(await screen.findByText('Guard inactive on this page')).toBeTruthy();
    expect(text(document.body)).not.toContain('Store not connected');
  });

  it('says when the admin is in a language we have no words or texts for (structure only, English)', async () => {
    await openAdminTab('https://admin.shopify.com/store/demo-store/orders/1001');
    onMessage('getPageStatus', 'extension', async () => ok({ ...flagged, adminLang: 'ko' }));
    render(<App locale="en" href={POPUP} sandbox={false} />);
    expect(await screen.findByText(/Your admin's language \(ko\) is not one we know/)).toBeTruthy();
  });

  it.each(['pl', 'ja', 'pt-BR', 'nb', 'en-GB'])('says nothing about the language of an admin in %s', async (lang) => {
    await openAdminTab('https://admin.shopify.com/store/demo-store/orders/1001');
    onMessage('getPageStatus', 'extension', async () => ok({ ...flagged, adminLang: lang }));
    render(<App locale="en" href={POPUP} sandbox={false} />);
    expect(await screen.findByText('Amazon order')).toBeTruthy();
    expect(text(document.body)).not.toContain('is not one we know');
  });

  it('warns when the guard is switched off for the store', async () => {
    await openAdminTab('https://admin.shopify.com/store/demo-store/orders');
    await saveStoreSettings('demo-store', { ...defaultSettings(), guardEnabled: false });
    onMessage('getPageStatus', 'extension', async () => ok({ ...flagged, orderId: null, flagged: null, surface: 'order-list', actions: [] }));
    render(<App locale="en" href={POPUP} sandbox={false} />);
    expect(await screen.findByText('The guard is off for this store')).toBeTruthy();
    expect(await screen.findByText(/No order on this page/)).toBeTruthy();
  });

  it('uses ?tab= to be the popup of another tab (browser tests), and moves between sections with arrow keys', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://demo-store.myshopify.com/admin/orders/1001' });
    onMessage('getPageStatus', 'extension', async () => ok(null));
    const user = userEvent.setup();
    render(<App locale="en" href={`${POPUP}?tab=${tab.id}`} sandbox={false} />);
    await screen.findByText(/No report from this page yet/);
    const first = screen.getByRole('tab', { name: 'This page' });
    first.focus();
    await user.keyboard('{ArrowRight}');
    const settingsTab = screen.getByRole('tab', { name: 'Settings' });
    expect(settingsTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(settingsTab);
    expect(within(screen.getByRole('tabpanel')).getByRole('radio', { name: /Remove the email/ })).toBeTruthy();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Import/export' }).getAttribute('aria-selected')).toBe('true');
  });

  it('opens straight on the connect step from the card link', async () => {
    render(<App locale="de" href={`${POPUP}#connect?store=demo-store`} sandbox={false} />);
    expect(await screen.findByRole('heading', { name: 'Diesen Shop verbinden' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Verbindung' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('popup off the admin', () => {
  it('says so and lists the configured stores', async () => {
    await openAdminTab('https://www.example.com/');
    await saveStoreSettings('shop-two', defaultSettings());
    await saveCredentials({ handle: 'shop-one' }, { kind: 'admin-token', token: 'shpat_0123456789abcdef' });
    const user = userEvent.setup();
    render(<App locale="en" href={POPUP} sandbox={false} />);
    expect(await screen.findByText('Not a Shopify admin page')).toBeTruthy();
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => text(item))).toEqual([
      expect.stringContaining('shop-one.myshopify.com'),
      expect.stringContaining('shop-two.myshopify.com'),
    ]);
    expect(text(items[0]!)).toContain('Connected');
    expect(text(items[1]!)).toContain('Not connected');
    await user.click(screen.getByRole('button', { name: 'Settings of shop-two' }));
    expect(await screen.findByText('shop-two.myshopify.com')).toBeTruthy();
    expect(text(document.body)).toContain('Open this store');
  });
});
