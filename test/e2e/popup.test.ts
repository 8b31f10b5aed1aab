/**
 * The popup in real Chromium against the sandbox: connect from the order card's "Connect" link, see
 * the shop's name, change the default fix, and see the order card follow. Screenshots in English and
 * German (test-results/screenshots/popup-*.png).
 *
 * A test cannot click the toolbar button, so the popup page is opened as a tab. Two addresses make
 * that behave like the real popup (entrypoints/popup/target.ts):
 *   popup.html#connect?store=<handle>   what the card's Connect button opens (the real path)
 *   popup.html?tab=<tabId>              "be the popup of that tab" — the status of the order tab
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { SANDBOX_EXTENSION_DIR, launchBrowser, type LaunchOptions, type LaunchedBrowser } from './harness';

const POPUP_VIEWPORT = { width: 400, height: 600 }; // Chrome's popups are at most 800×600

/** Screenshot of the whole popup: the viewport grows to the content so nothing is cut or scrolled. */
async function shot(browser: LaunchedBrowser, page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: POPUP_VIEWPORT.width, height });
  await browser.screenshot(page, name);
  await page.setViewportSize(POPUP_VIEWPORT);
}

async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (wanted) => {
    const tabs: Array<{ id?: number; url?: string }> = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab for ${url}`);
  return id;
}

async function openPopupFor(browser: LaunchedBrowser, tabId: number): Promise<Page> {
  const popup = await browser.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/**
 * Chromium loads a private copy of the sandbox build, taken when the test starts, so another build
 * writing .output/ meanwhile (a developer's, another test run's) cannot swap files under it.
 */
async function launchWithCopy(options: LaunchOptions = {}): Promise<LaunchedBrowser & { copy: string }> {
  const copy = await mkdtemp(join(tmpdir(), 'pmg-popup-ext-'));
  await cp(SANDBOX_EXTENSION_DIR, copy, { recursive: true });
  const launched = await launchBrowser({ ...options, extensionDir: copy });
  return {
    ...launched,
    copy,
    async close() {
      await launched.close();
      await rm(copy, { recursive: true, force: true });
    },
  };
}

const primaryFix = (order: Page) => order.locator('pmg-order-card button.primary');

describe('popup (English)', () => {
  let sandbox: Sandbox;
  let browser: LaunchedBrowser & { copy: string };

  const app = { clientId: 'pmg-e2e-app', clientSecret: `shpss_${'e'.repeat(32)}` };

  beforeAll(async () => {
    sandbox = await startSandbox({
      clientApps: [{ ...app, scopes: ['read_orders', 'write_orders', 'read_customers', 'write_customers', 'read_merchant_managed_fulfillment_orders'] }],
    });
    browser = await launchWithCopy();
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('connects from the card, shows the shop, and the card follows a new default fix', async () => {
    const orderUrl = sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId);
    const order = await browser.newPage();
    await order.goto(orderUrl);

    // Not connected: the card's main button is "Connect", which opens the popup's connect step in a tab.
    const connectButton = order.locator('pmg-order-card button[data-action="connect"]');
    await connectButton.waitFor({ timeout: 20_000 });
    const [connectPage] = await Promise.all([browser.context.waitForEvent('page'), connectButton.click()]);
    await connectPage.setViewportSize(POPUP_VIEWPORT);
    await connectPage.waitForLoadState();
    expect(connectPage.url()).toContain(`/popup.html#connect?store=${sandbox.handle}`);
    await connectPage.getByRole('heading', { name: 'Connect this store' }).waitFor();
    await shot(browser, connectPage, 'popup-connect-en');

    // A wrong token is refused with a sentence, and nothing is saved.
    await connectPage.getByLabel('Access token', { exact: true }).fill('shpat_00000000000000000000000000000000');
    await connectPage.getByRole('button', { name: 'Connect and test' }).click();
    const refusal = connectPage.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Not connected');

    await connectPage.getByLabel('Access token', { exact: true }).fill(sandbox.api.token);
    await connectPage.getByRole('button', { name: 'Connect and test' }).click();
    await connectPage.getByTestId('shop-name').waitFor({ timeout: 20_000 });
    expect(await connectPage.getByTestId('shop-name').textContent()).toBe('Demo Store');
    expect(await connectPage.locator('#connection').textContent()).toContain('All needed permissions are granted.');
    await shot(browser, connectPage, 'popup-connected-en');
    await connectPage.close();

    // Connected, default settings: the card's main fix is the recommended "Remove the email".
    await order.reload();
    await order.locator('pmg-order-card button.primary[data-action="fix-strip"]').waitFor({ timeout: 20_000 });

    // The popup of the order tab: status first.
    const tabId = await tabIdOf(browser.serviceWorker!, orderUrl);
    const popup = await openPopupFor(browser, tabId);
    await popup.getByText('Amazon order', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await popup.getByText(`${sandbox.handle}.myshopify.com`).count()).toBe(1);
    await shot(browser, popup, 'popup-status-en');

    // Change the default fix to the blocking prefix and save.
    await popup.getByRole('tab', { name: 'Settings' }).click();
    await popup.getByRole('radio', { name: /Add blocking prefix/ }).check();
    expect(await popup.getByTestId('preview-amazon').textContent()).toBe('blacklisted-c4dc1kt7abtb7qr@marketplace.amazon.com');
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByText(/^Saved\./).waitFor();
    await shot(browser, popup, 'popup-settings-en');

    // The open order card follows at once, and after a reload too.
    await order.locator('pmg-order-card button.primary[data-action="fix-prefix"]').waitFor({ timeout: 10_000 });
    await order.reload();
    await order.locator('pmg-order-card button.primary[data-action="fix-prefix"]').waitFor({ timeout: 20_000 });
    expect(await primaryFix(order).count()).toBe(1);
  });

  it('reads the active tab\'s address on the admin only, without the "tabs" permission', async () => {
    // What the toolbar popup relies on (target.ts): host permissions reveal admin URLs, nothing else.
    const manifest = JSON.parse(await readFile(join(browser.copy, 'manifest.json'), 'utf8')) as { permissions?: string[] };
    expect(manifest.permissions ?? []).not.toContain('tabs');
    const activeTab = () =>
      browser.serviceWorker!.evaluate(async () => {
        const [tab] = await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return (tab?.url as string | undefined) ?? null;
      });
    const orderUrl = sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId);
    const order = await browser.newPage();
    await order.goto(orderUrl);
    const elsewhere = await browser.newPage();
    await elsewhere.goto('data:text/html,<title>Somewhere else</title>');
    await order.bringToFront();
    expect(await activeTab()).toBe(orderUrl);
    await elsewhere.bringToFront();
    expect(await activeTab()).toBeNull();
    await Promise.all([order.close(), elsewhere.close()]);
  });

  it('off the admin, says so and lists the connected store', async () => {
    // Opened on its own, the popup page is itself the active tab: not an admin page.
    const popup = await browser.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByText('Not a Shopify admin page').waitFor();
    const row = popup.locator('.pmg-stores li', { hasText: `${sandbox.handle}.myshopify.com` });
    expect(await row.textContent()).toContain('Connected');
    // The sandbox store's admin link points at the sandbox origin kept with its credentials.
    expect(await row.getByRole('link', { name: `Open the admin of ${sandbox.handle}` }).getAttribute('href')).toBe(sandbox.orderListUrl());
    await shot(browser, popup, 'popup-off-admin-en');
    await popup.close();
  });

  it('disconnects (credentials wiped), then connects with a Dev Dashboard app', async () => {
    const worker = browser.serviceWorker!;
    const stored = () =>
      worker.evaluate(async (key) => ((await (globalThis as any).chrome.storage.local.get(key)) as Record<string, unknown>)[key] ?? null, `credentials:${sandbox.handle}`);
    expect(await stored()).not.toBeNull();

    const popup = await openPopupFor(browser, await tabIdOf(worker, sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId)));
    await popup.getByRole('tab', { name: 'Connection' }).click();
    await popup.getByTestId('shop-name').waitFor({ timeout: 20_000 });
    await popup.getByRole('button', { name: 'Disconnect' }).click();
    await popup.getByText(/The saved token or secret is deleted/).waitFor();
    await popup.getByRole('button', { name: 'Disconnect' }).first().click();
    await popup.getByRole('heading', { name: 'Connect this store' }).waitFor();
    expect(await stored()).toBeNull();

    await popup.getByRole('radio', { name: 'Dev Dashboard app' }).check();
    await popup.getByLabel('Client ID', { exact: true }).fill(app.clientId);
    await popup.getByLabel('Client secret', { exact: true }).fill(app.clientSecret);
    await popup.getByRole('button', { name: 'Connect and test' }).click();
    await popup.getByTestId('shop-name').waitFor({ timeout: 20_000 });
    expect(await popup.locator('#connection').textContent()).toContain('Dev Dashboard app');
    expect(JSON.stringify(await stored())).toContain('client-credentials');
    await popup.close();
  });

  it('keeps a bad setting out and says why, by keyboard alone', async () => {
    const tabId = await tabIdOf(browser.serviceWorker!, sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId));
    const popup = await openPopupFor(browser, tabId);
    await popup.getByRole('tab', { name: 'This page' }).waitFor();
    await popup.getByRole('tab', { name: 'This page' }).focus();
    await popup.keyboard.press('ArrowRight'); // → Settings
    await popup.getByRole('radio', { name: /Switch to my domain/ }).focus();
    await popup.keyboard.press('Space');
    await popup.getByLabel('Your domain', { exact: true }).focus();
    await popup.keyboard.type('marketplace.amazon.com');
    await popup.keyboard.press('Enter'); // submits the form
    const domain = popup.getByLabel('Your domain', { exact: true });
    expect(await domain.getAttribute('aria-invalid')).toBe('true');
    expect(await popup.locator('#' + (await domain.getAttribute('aria-describedby'))!.split(' ')[0]).textContent()).toBe(
      'This domain belongs to a marketplace relay. Use a domain you own.',
    );
    expect(await popup.getByRole('alert').textContent()).toContain('Nothing was saved');
    // The focus ring is visible on the focused field (box-shadow from --pmg-focus-ring).
    const ring = await domain.evaluate((el) => getComputedStyle(el).boxShadow);
    expect(ring).not.toBe('none');
    await shot(browser, popup, 'popup-invalid-en');
  });
});

describe('popup (German browser)', () => {
  let sandbox: Sandbox;
  let browser: LaunchedBrowser & { copy: string };

  const previousLanguage = process.env.LANGUAGE;

  beforeAll(async () => {
    sandbox = await startSandbox();
    // On Linux Chromium takes its UI language from the environment (--lang is honoured on Windows
    // and ChromeOS only), and needs Debian's chromium-l10n for any language but en-US.
    process.env.LANGUAGE = 'de';
    browser = await launchWithCopy({ lang: 'de' });
  });
  afterAll(async () => {
    if (previousLanguage === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = previousLanguage;
    await browser?.close();
    await sandbox?.close();
  });

  it('follows the browser language', async () => {
    expect(existsSync('/usr/lib/chromium/locales/de.pak'), 'German browser UI needs Debian chromium-l10n (apt-get install chromium-l10n)').toBe(true);
    const orderUrl = sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId);
    const order = await browser.newPage();
    await order.goto(orderUrl);
    await order.locator('pmg-order-card').waitFor({ timeout: 20_000 });
    const popup = await openPopupFor(browser, await tabIdOf(browser.serviceWorker!, orderUrl));
    expect(await popup.evaluate(() => (globalThis as any).chrome.i18n.getUILanguage())).toMatch(/^de/);
    await popup.getByRole('tab', { name: 'Seite' }).waitFor();
    expect(await popup.locator('html').getAttribute('lang')).toBe('de');
    await popup.getByText('Amazon-Bestellung', { exact: true }).waitFor({ timeout: 15_000 });
    await shot(browser, popup, 'popup-status-de');
    await popup.getByRole('tab', { name: 'Einstellungen' }).click();
    await popup.getByRole('radio', { name: /Entfernen|E-Mail entfernen/ }).first().waitFor();
    await shot(browser, popup, 'popup-settings-de');
    await popup.getByRole('tab', { name: 'Verbindung' }).click();
    await popup.getByRole('heading', { name: 'Diesen Shop verbinden' }).waitFor();
    await popup.getByText('Wo finde ich das Token?').click(); // the illustrated steps
    await popup.getByText('read_customers').waitFor();
    await shot(browser, popup, 'popup-connect-de');

    // A token without the customer scopes connects, and the popup names each missing scope.
    const limited = 'shpat_' + 'c'.repeat(32);
    sandbox.api.addToken(limited, ['read_orders', 'write_orders', 'read_merchant_managed_fulfillment_orders']);
    await popup.getByLabel('Zugriffstoken', { exact: true }).fill(limited);
    await popup.getByRole('button', { name: 'Verbinden und testen' }).click();
    await popup.getByText('2 Berechtigungen fehlen').waitFor({ timeout: 20_000 });
    const missing = await popup.locator('#connection li code').allTextContents();
    expect(missing.sort()).toEqual(['read_customers', 'write_customers']);
    await shot(browser, popup, 'popup-missing-scopes-de');
  });
});
