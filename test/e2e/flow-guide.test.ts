/**
 * The Shopify Flow guide in the built extension, real Chromium, English and German browser: the
 * guide opens from the popup's status tab, copy works, "the workflow is on" is recorded; then the
 * fake Shopify runs the pasted workflow on a connector's order and the popup shows that it fixed it.
 * Screenshots: test-results/screenshots/flow-guide-{en,de}.png, flow-status-en.png, flow-dashboard-en.png.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFlowWorkflow } from '../../lib/flow';
import { defaultSettings } from '../../lib/settings';
import { gql } from '../fake-admin-api/http.ts';
import { ALL_SCOPES } from '../fake-admin-api/index.ts';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { connectStore, launchBrowser, type LaunchedBrowser } from './harness';
import { connectedShopDomains } from '../api/bulk-worker';

const POPUP = { width: 400, height: 600 };
const CONNECTOR = { token: 'shpat_connector_e2e_flow', scopes: ALL_SCOPES, app: { id: 4383523, name: 'CedCommerce Multichannel' } };

async function shot(browser: LaunchedBrowser, page: Page, name: string, width = POPUP.width): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height });
  await browser.screenshot(page, name);
  await page.setViewportSize({ width, height: POPUP.height });
}

async function popupOfOrder(browser: LaunchedBrowser, sandbox: Sandbox): Promise<Page> {
  const url = sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId);
  const order = await browser.newPage();
  await order.goto(url);
  await order.locator('pmg-order-card').waitFor({ timeout: 20_000 });
  const tabId = await browser.serviceWorker!.evaluate(async (wanted) => {
    const tabs: Array<{ id?: number; url?: string }> = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? null;
  }, url);
  const popup = await browser.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

describe.each([
  { lang: 'en', setUp: 'Set up Shopify Flow', on: 'The workflow is on', runCode: /Add the action “Run code”/, copied: 'Copied', lastFixed: /Last order fixed by the workflow: #\d+/ },
  { lang: 'de', setUp: 'Shopify Flow einrichten', on: 'Der Workflow ist eingeschaltet', runCode: /Fügen Sie die Aktion „Code ausführen“ hinzu/, copied: 'Kopiert', lastFixed: /Zuletzt vom Workflow korrigiert: #\d+/ },
])('Shopify Flow guide, $lang browser', ({ lang, setUp, on, runCode, copied, lastFixed }) => {
  let sandbox: Sandbox;
  let browser: LaunchedBrowser;
  const previousLanguage = process.env.LANGUAGE;
  // The extension's settings once connected: defaults plus the shop's own domains read at connect.
  const connectedSettings = () => ({ ...defaultSettings(), shopDomains: connectedShopDomains(sandbox.api) });

  beforeAll(async () => {
    // Store time = real time, so orders the connector creates now are "since the workflow was turned on".
    sandbox = await startSandbox({ dataAnchor: Date.now(), tokens: [CONNECTOR] });
    if (lang !== 'en') process.env.LANGUAGE = lang; // Chromium on Linux takes its UI language from the environment
    browser = await launchBrowser({ lang });
    await connectStore(browser, sandbox);
  });
  afterAll(async () => {
    if (previousLanguage === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = previousLanguage;
    await browser?.close();
    await sandbox?.close();
  });

  it('guide with copy buttons; turned on; the workflow run by Shopify shows as "last fixed"', async () => {
    if (lang !== 'en') expect(existsSync(`/usr/lib/chromium/locales/${lang}.pak`), 'needs Debian chromium-l10n').toBe(true);
    const popup = await popupOfOrder(browser, sandbox);
    await popup.getByRole('button', { name: setUp }).click();
    await popup.getByText(runCode).waitFor();
    expect(await popup.locator('[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).toEqual(['inputQuery', 'outputSdl', 'code', 'condition', 'mutation', 'mutationInputs']);
    const code = popup.locator('[data-field="code"]');
    expect(await code.locator('pre').textContent()).toBe(buildFlowWorkflow(connectedSettings()).code);
    await code.getByRole('button').click();
    await code.getByRole('button', { name: copied }).waitFor();
    const help = await popup.locator('a[href*="help.shopify.com"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(help.every((href) => href!.startsWith(`https://help.shopify.com/${lang}/manual/shopify-flow`))).toBe(true);
    await shot(browser, popup, `flow-guide-${lang}`);

    await popup.getByRole('button', { name: on }).click();
    // The merchant pasted the parts into Flow: the fake Shopify runs them on the connector's next order.
    sandbox.api.flow.install(buildFlowWorkflow(connectedSettings()));
    const { body } = await gql(sandbox.api, `mutation($o: OrderCreateOrderInput!) { orderCreate(order: $o) { order { id name } } }`, { o: { email: 'c4dc1kt7abtb7qr@marketplace.amazon.de', sourceName: 'amazon' } }, { token: CONNECTOR.token });
    await sandbox.api.flow.settled();
    expect(sandbox.api.store.orderById(Number(body.data.orderCreate.order.id.split('/').pop()))!.email).toBeNull();
    await popup.reload();
    await popup.getByTestId('flow-last-fixed').getByText(lastFixed).waitFor({ timeout: 20_000 });
    if (lang === 'en') {
      await shot(browser, popup, 'flow-status-en');
      const dashboard = await browser.newPage();
      await dashboard.setViewportSize({ width: 1100, height: 800 });
      await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html?store=${sandbox.handle}&origin=${encodeURIComponent(sandbox.origin)}`);
      await dashboard.locator('#flow').getByText(lastFixed).waitFor({ timeout: 20_000 });
      await dashboard.locator('#flow').getByRole('button', { name: 'Show the steps' }).click();
      await shot(browser, dashboard, 'flow-dashboard-en', 1100);
    }
  });
});
