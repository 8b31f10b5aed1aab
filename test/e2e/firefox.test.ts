/**
 * The Firefox build, really run: Debian's firefox-esr over WebDriver BiDi (./firefox-harness.ts) with
 * the Firefox sandbox build installed, against the sandbox admin and the fake Admin API.
 *   - the order card on an Amazon order from the page alone, its Connect button → the popup's
 *     connect step (wrong token refused, right token connects);
 *   - connected: the configured fix, then Undo, checked in the fake store;
 *   - the popup of the order tab: status, then a new default fix that the open card follows;
 *   - the notify guard on the fulfil page: the Amazon buyer gets nothing, and the control run (same
 *     Firefox without the extension) does email the relay, so the scenario can fail;
 *   - a bulk job over 200 marketplace orders in the dashboard.
 * Screenshots: test-results/screenshots/firefox-*.png
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxText } from '../sandbox/app/i18n';
import { surfaceText } from '../sandbox/app/surfaces/common';
import { connectedShopDomains, expectedRelayIds } from '../api/bulk-worker';
import { defaultSettings } from '../../lib/settings';
import { EXTENSION_ORIGIN, byLabel, bySelector, byText, hrefOf, launchFirefox, typeInto, until, type LaunchedFirefox } from './firefox-harness';

const amazon = DEMO_ORDERS.amazon;

/** The card's state and text, read through its open shadow root. */
const card = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('pmg-order-card');
    const section = host?.shadowRoot?.querySelector<HTMLElement>('section');
    const buttons = Array.from(host?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? []).map((b) => ({
      action: b.dataset.action ?? '',
      primary: b.classList.contains('primary'),
      disabled: b.disabled,
    }));
    return { state: host?.dataset.state ?? null, text: section?.innerText ?? '', buttons };
  });

const cardButton = (page: Page, action: string) => bySelector(page, `pmg-order-card >>> button[data-action="${action}"]:not([disabled])`);

const orderOf = (sandbox: Sandbox, legacyId: string) => sandbox.api.store.orderById(Number(legacyId))!;
const originalMetafield = (sandbox: Sandbox, legacyId: string) =>
  orderOf(sandbox, legacyId).metafields.find((m) => m.namespace === 'proxy_mail_guard' && m.key === 'original_email')?.value ?? null;

/** The fulfil page of an order, reached the way a merchant does; returns what the box looked like before submitting. */
async function fulfil(page: Page, sandbox: Sandbox, legacyId: string, withExtension: boolean, shot?: () => Promise<unknown>) {
  await page.goto(sandbox.orderUrl(legacyId));
  await (await byText(page, sandboxText('en', 'fulfillItems'))).click();
  await until(() => hrefOf(page), (href) => /\/fulfill(\?|$)/.test(href), 15_000, 'fulfil page');
  const box = (await byLabel(page, surfaceText('en', 'notifyFulfil'))) as ElementHandle<HTMLInputElement>;
  await typeInto(await byLabel(page, surfaceText('en', 'trackingNumber')), '1Z999AA10123456784');
  if (withExtension) {
    await bySelector(page, '[data-pmg="notify-label"]', 15_000);
    await until(() => box.evaluate((b) => b.checked), (checked) => checked === false, 15_000, 'notify box turned off');
  }
  const seen = {
    labelled: await page.evaluate(() => document.querySelectorAll('[data-pmg="notify-label"]').length > 0),
    checkedAtSubmit: await box.evaluate((b) => b.checked),
  };
  await shot?.();
  await (await byText(page, surfaceText('en', 'fulfilButton'))).click();
  await until(() => hrefOf(page), (href) => new URL(href).pathname.endsWith(`/orders/${legacyId}`), 15_000, 'back on the order');
  return seen;
}

const outboxFor = (sandbox: Sandbox, gid: string) => sandbox.api.outbox.filter((m) => m.orderId === gid).map((m) => m.to);

describe('Firefox ESR with the Firefox sandbox build', () => {
  let sandbox: Sandbox;
  let ff: LaunchedFirefox;
  let order: Page;

  beforeAll(async () => {
    // Enough generated orders that the bulk job below has 200 marketplace orders to fix; a fast plan,
    // because the test is about Firefox running the job, not about the cost budget (benched).
    sandbox = await startSandbox({ orders: 420, plan: 'enterprise', seed: 16 });
    ff = await launchFirefox();
    order = await ff.newPage();
  });
  afterAll(async () => {
    await ff?.close();
    await sandbox?.close();
  });

  it('installs over BiDi as the gecko id the manifest declares, at the known moz-extension origin', async () => {
    expect(ff.addonId).toBe('proxy-mail-guard@proxymailguard.app');
    const page = await ff.extensionPage('popup.html');
    expect(await page.evaluate(() => (globalThis as any).browser.runtime.getURL(''))).toBe(`${EXTENSION_ORIGIN}/`);
    await page.close();
  });

  it('page mode: flags the Amazon order from the page, and Connect opens the popup\'s connect step', async () => {
    await order.goto(sandbox.orderUrl(amazon.legacyId));
    const seen = await until(() => card(order), (c) => c.state === 'warning', 20_000, 'warning card');
    expect(seen.text).toContain('Amazon order: the email is a relay address');
    expect(seen.text).toContain(amazon.email!);
    expect(seen.buttons.map((b) => b.action)).toEqual(['connect']);
    await ff.screenshot(order, 'firefox-order-card-page-mode');

    const connectTab = ff.waitForTab(`${EXTENSION_ORIGIN}/popup.html#connect`);
    await (await cardButton(order, 'connect')).click();
    const popup = await connectTab;
    expect(await hrefOf(popup)).toBe(`${EXTENSION_ORIGIN}/popup.html#connect?store=${sandbox.handle}`);
    await popup.setViewport({ width: 400, height: 600 });
    await byText(popup, 'Connect this store', 'h1, h2, h3');
    await ff.screenshot(popup, 'firefox-popup-connect', { fullPage: true });

    // A wrong token is refused with a sentence, nothing saved; the store's token connects.
    await typeInto(await byLabel(popup, 'Access token'), 'shpat_00000000000000000000000000000000');
    await (await byText(popup, 'Connect and test')).click();
    const alert = await bySelector(popup, '[role="alert"]');
    expect(await alert!.evaluate((el) => el.textContent)).toContain('Not connected');
    await typeInto(await byLabel(popup, 'Access token'), sandbox.api.token);
    await (await byText(popup, 'Connect and test')).click();
    const shop = await bySelector(popup, '[data-testid="shop-name"]');
    expect(await shop!.evaluate((el) => el.textContent)).toBe('Demo Store');
    expect(await popup.$eval('#connection', (el) => el.textContent)).toContain('All needed permissions are granted.');
    await ff.screenshot(popup, 'firefox-popup-connected', { fullPage: true });
    await popup.close();
  });

  it('connected: the configured fix removes the email (original saved first), and Undo restores it', async () => {
    await order.bringToFront();
    await order.reload();
    const ready = await until(() => card(order), (c) => c.buttons.some((b) => b.action === 'fix-strip' && b.primary), 20_000, 'connected card');
    expect(ready.state).toBe('warning');
    await ff.screenshot(order, 'firefox-order-card-connected');

    await (await cardButton(order, 'fix-strip')).click();
    await until(async () => orderOf(sandbox, amazon.legacyId).email, (email) => email === null, 20_000, 'email removed');
    expect(originalMetafield(sandbox, amazon.legacyId)).toBe(amazon.email);
    const done = await until(() => card(order), (c) => c.buttons.some((b) => b.action === 'undo' && !b.disabled), 15_000, 'undo offered');
    expect(done.text).toContain(amazon.email!); // "original saved" line
    await ff.screenshot(order, 'firefox-order-card-fixed');

    await (await cardButton(order, 'undo')).click();
    await until(async () => orderOf(sandbox, amazon.legacyId).email, (email) => email === amazon.email, 20_000, 'email restored');
    await until(() => card(order), (c) => c.state === 'warning' && c.text.includes(amazon.email!), 15_000, 'card after undo');
  });

  it('the popup of the order tab shows its status, and the card follows a new default fix', async () => {
    const tabId = await (async () => {
      const page = await ff.extensionPage('popup.html');
      try {
        const url = sandbox.orderUrl(amazon.legacyId);
        return await page.evaluate(async (wanted) => {
          const tabs: Array<{ id?: number; url?: string }> = await (globalThis as any).browser.tabs.query({});
          return tabs.find((t) => t.url === wanted)?.id ?? null;
        }, url);
      } finally {
        await page.close();
      }
    })();
    expect(tabId).not.toBeNull();
    const popup = await ff.extensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewport({ width: 400, height: 600 });
    await byText(popup, 'Amazon order', '*');
    expect(await popup.evaluate(() => document.body.innerText)).toContain(`${sandbox.handle}.myshopify.com`);
    await ff.screenshot(popup, 'firefox-popup-status', { fullPage: true });

    // The privacy policy is a page inside the extension, so the popup's link works offline.
    const privacyHref = await (await byText(popup, 'Privacy policy', 'a')).evaluate((a) => (a as HTMLAnchorElement).href);
    expect(privacyHref).toBe(`${EXTENSION_ORIGIN}/privacy.html`);
    const privacy = await ff.extensionPage('privacy.html');
    await byText(privacy, 'Privacy policy — Proxy Mail Guard', 'h1');
    expect(await privacy.evaluate(() => document.body.innerText)).toContain('We, the makers, receive nothing');
    await ff.screenshot(privacy, 'firefox-privacy-page', { fullPage: true });
    await privacy.close();
    await popup.bringToFront();

    await (await byText(popup, 'Settings')).click();
    await (await byLabel(popup, 'Add blocking prefix')).click();
    await until(() => popup.$eval('[data-testid="preview-amazon"]', (el) => el.textContent), (t) => t === `blacklisted-${amazon.email}`, 10_000, 'preview');
    await (await byText(popup, 'Save')).click();
    await until(() => popup.evaluate(() => document.body.innerText), (t) => /(^|\n)Saved\./.test(t), 10_000, 'Saved.');
    await ff.screenshot(popup, 'firefox-popup-settings', { fullPage: true });
    await popup.close();

    await until(() => card(order), (c) => c.buttons.find((b) => b.primary)?.action === 'fix-prefix', 15_000, 'card follows the new default');
  });

  it('notify guard on the fulfil page: the Amazon buyer gets no shipping email', async () => {
    const page = await ff.newPage();
    const seen = await fulfil(page, sandbox, amazon.legacyId, true, () => ff.screenshot(page, 'firefox-notify-fulfil'));
    expect(seen).toEqual({ labelled: true, checkedAtSubmit: false });
    expect(outboxFor(sandbox, amazon.id)).toEqual([]);
    await page.close();
  });

  it('bulk dashboard: scans and fixes 200 marketplace orders', async () => {
    sandbox.api.reset();
    // The store's default fix is now the blocking prefix (saved in the popup above).
    const relay = expectedRelayIds(sandbox.api, { ...defaultSettings(), defaultStrategy: 'prefix', shopDomains: connectedShopDomains(sandbox.api) });
    expect(relay.length).toBeGreaterThanOrEqual(200);
    const before = new Map(relay.map((id) => [id, sandbox.api.store.orderById(Number(id))!.email]));
    const page = await ff.extensionPage(`dashboard.html?store=${sandbox.handle}&lang=en`);
    await page.setViewport({ width: 1200, height: 1600 });
    await (await byText(page, 'Scan orders')).click();
    await bySelector(page, '[data-testid="bulk-counts"]', 60_000);
    await until(() => page.$eval('[data-testid="bulk-counts"]', (el) => el.textContent ?? ''), (t) => t.includes(`${relay.length}Marketplace address`), 30_000, 'scan counts');
    await (await byText(page, `Fix ${relay.length} orders`)).click();
    await bySelector(page, '[data-testid="bulk-progress"]');
    await until(() => page.$eval('[data-testid="bulk-progress"]', (el) => Number(el.getAttribute('aria-valuenow'))), (n) => n === relay.length, 90_000, 'progress');
    await until(() => page.evaluate(() => document.body.innerText), (t) => t.includes(`Done: ${relay.length} orders fixed.`), 15_000, 'done line');
    expect(sandbox.api.counters.mutations.orderUpdate).toBe(relay.length);
    for (const id of relay) {
      const email = sandbox.api.store.orderById(Number(id))!.email;
      if (before.get(id)) expect(email).toBe(`blacklisted-${before.get(id)}`);
    }
    await ff.screenshot(page, 'firefox-dashboard-done', { fullPage: true });
    await page.close();
  }, 180_000);
});

describe('control: the same Firefox without the extension', () => {
  let sandbox: Sandbox;
  let ff: LaunchedFirefox;

  beforeAll(async () => {
    sandbox = await startSandbox({ orders: 20 });
    ff = await launchFirefox({ extension: false });
  });
  afterAll(async () => {
    await ff?.close();
    await sandbox?.close();
  });

  it('Shopify would email the Amazon relay address from the fulfil page', async () => {
    const page = await ff.newPage();
    const seen = await fulfil(page, sandbox, amazon.legacyId, false);
    expect(seen).toEqual({ labelled: false, checkedAtSubmit: true });
    expect(outboxFor(sandbox, amazon.id)).toEqual([amazon.email]);
  });
});
