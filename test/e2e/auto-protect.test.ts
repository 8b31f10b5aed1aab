/**
 * Automatic protection in real Chromium against the sandbox: offered pre-selected right after
 * connecting; on, it fixes an order the connector just created without anyone opening it; the popup
 * shows on, last check and the counts; the toolbar badge marks it; a revoked token stops it — the popup
 * says why, the badge turns to "!" with the store named in its title, the order card says it — and
 * reconnecting resumes it by itself. Screenshots: test-results/screenshots/auto-protect-*.png.
 *
 * "Check now" stands in for the one-minute alarm (same code path: checkStore); the alarm itself is
 * checked to exist with a one-minute period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ALL_SCOPES } from '../fake-admin-api/index.ts';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { connectStore, launchBrowser, type LaunchedBrowser } from './harness';

const POPUP_VIEWPORT = { width: 400, height: 600 };
const TOKEN = 'shpat_autoprotect0000000000000000000';

async function shot(browser: LaunchedBrowser, page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: POPUP_VIEWPORT.width, height });
  await browser.screenshot(page, name);
  await page.setViewportSize(POPUP_VIEWPORT);
}

async function badge(browser: LaunchedBrowser): Promise<{ text: string; title: string }> {
  return browser.serviceWorker!.evaluate(async () => {
    const action = (globalThis as any).chrome.action;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });
}

describe('automatic protection (Chromium)', () => {
  let sandbox: Sandbox;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    // Shopify's clock is the browser's (the switch-on time decides which orders are new).
    sandbox = await startSandbox({ dataAnchor: Date.now(), tokens: [{ token: TOKEN, scopes: ALL_SCOPES }] });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('offered after connecting; fixes a new order unopened; a revoked token stops it visibly; reconnecting resumes it', { timeout: 180_000 }, async () => {
    const api = sandbox.api;
    // ── Connect in the popup: the success screen offers it, pre-selected, with what it does.
    const connect = await browser.newPage();
    await connect.setViewportSize(POPUP_VIEWPORT);
    await connect.goto(`chrome-extension://${browser.extensionId}/popup.html#connect?store=${sandbox.handle}&origin=${encodeURIComponent(sandbox.origin)}`);
    await connect.getByRole('heading', { name: 'Connect this store' }).waitFor({ timeout: 20_000 });
    await connect.getByLabel('Access token', { exact: true }).fill(TOKEN);
    await connect.getByRole('button', { name: 'Connect and test' }).click();
    const offer = connect.locator('#auto-protect-offer');
    await offer.waitFor({ timeout: 20_000 });
    const offerToggle = connect.locator('#auto-protect-offer-toggle');
    expect(await offerToggle.isChecked()).toBe(true);
    expect(await offer.textContent()).toContain('It runs while this browser is open.');
    await shot(browser, connect, 'auto-protect-offer-en');
    await offer.getByRole('button', { name: 'Continue' }).click();
    await offer.waitFor({ state: 'detached', timeout: 30_000 });

    await connect.close();

    // The alarm exists, every minute.
    const alarm = await browser.serviceWorker!.evaluate(async () => (globalThis as any).chrome.alarms.get('auto-protect'));
    expect(alarm?.periodInMinutes).toBe(1);

    // ── A connector brings in a relay order; nobody opens it.
    const arrived = (await (await fetch(`${sandbox.origin}/__fake/arrive`, { method: 'POST', body: JSON.stringify({ kind: 'relay' }) })).json()) as { id: string; email: string };
    expect(arrived.email).toMatch(/@/);
    const popup = await browser.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html#?store=${sandbox.handle}&origin=${encodeURIComponent(sandbox.origin)}`);
    const card = popup.locator('#auto-protect');
    await card.waitFor({ timeout: 20_000 });
    expect(await popup.locator('#auto-protect-toggle').isChecked()).toBe(true);
    await card.getByRole('button', { name: 'Check now' }).click();
    await card.getByText('Protected today: 1 · in total: 1').waitFor({ timeout: 30_000 });
    expect(api.store.orderById(Number(arrived.id))!.email).toBeNull();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('On: new marketplace orders are fixed within a minute.');
    expect(text).toMatch(/Last check: \d+ s ago/);
    expect(text).toContain('It runs while this browser is open.');
    // The seeded store's older relay orders were left to the bulk fix.
    expect(api.store.orderById(Number(DEMO_ORDERS.amazon.legacyId))!.email).toBe(DEMO_ORDERS.amazon.email);
    expect(await badge(browser)).toEqual({ text: '✓', title: `Proxy Mail Guard\nAutomatic protection on for ${sandbox.handle}` });
    await shot(browser, popup, 'auto-protect-on-en');

    // ── The merchant uninstalls the app: the token stops working.
    api.revokeToken(TOKEN);
    await card.getByRole('button', { name: 'Check now' }).click();
    await card.getByText(/^Stopped: /).waitFor({ timeout: 30_000 });
    expect(await card.textContent()).toContain('It starts again by itself once this is fixed.');
    const stopped = await badge(browser);
    expect(stopped.text).toBe('!');
    expect(stopped.title).toContain(`Automatic protection stopped for ${sandbox.handle}`);
    await shot(browser, popup, 'auto-protect-stopped-en');

    // The order card says it too.
    const order = await browser.newPage();
    await order.goto(sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId));
    const line = order.locator('pmg-order-card').getByText(/Automatic protection of new orders is stopped for this store/);
    await line.waitFor({ timeout: 20_000 });
    await browser.screenshot(order, 'auto-protect-card-stopped-en');
    await order.close();

    // ── Reconnected with a working token: the next check resumes by itself and catches up.
    const second = (await (await fetch(`${sandbox.origin}/__fake/arrive`, { method: 'POST', body: JSON.stringify({ kind: 'relay' }) })).json()) as { id: string };
    await connectStore(browser, { origin: sandbox.origin, handle: sandbox.handle, token: api.token });
    await popup.reload();
    await popup.locator('#auto-protect').getByRole('button', { name: 'Check now' }).click();
    await popup.locator('#auto-protect').getByText('Protected today: 2 · in total: 2').waitFor({ timeout: 30_000 });
    expect(api.store.orderById(Number(second.id))!.email).toBeNull();
    expect((await badge(browser)).text).toBe('✓');
    expect(await popup.locator('#auto-protect').textContent()).toMatch(/Last problem \(.*\): The store did not accept|Last problem/);
    expect(api.counters.mutations.orderUpdate).toBe(2);
  });
});
