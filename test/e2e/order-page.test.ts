/**
 * The order-page card in real Chromium with the sandbox build of the extension, against the sandbox
 * admin and the fake Admin API (issue 4, item 6), in both sandbox admin layouts: today's and the 2026
 * markup (email as a button's text, no mailto:; test/sandbox/app/layout.ts). "Not connected" is page
 * mode: the card lives on what the page shows. Screenshots: test-results/screenshots/order-card-*.png
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectStore, disconnectStore, launchBrowser, type LaunchedBrowser } from './harness';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { LAYOUTS } from './notify-scenarios';

describe.each(LAYOUTS)('%s admin layout', (layout) => {
  const shot = (name: string) => (layout === '2026' ? `${name}-2026` : name);

  let browser: LaunchedBrowser;
  let sandbox: Sandbox;
  let page: Page;

  const card = () => page.locator('pmg-order-card');
  const cardState = () => card().getAttribute('data-state');
  /** The card's visible text (it lives in the host's shadow root, so not in the host's own innerText). */
  const cardText = () => card().locator('section').innerText().catch(() => '');

  async function openOrder(id: string, query?: Record<string, string>) {
    await page.goto(sandbox.orderUrl(id, query));
    await expect.poll(cardState, { timeout: 15_000 }).not.toBeNull();
  }

  const orderEmail = (legacyId: string) => sandbox.api.store.orderById(Number(legacyId))?.email ?? null;
  const originalMetafield = (legacyId: string) =>
    sandbox.api.store.orderById(Number(legacyId))?.metafields.find((m) => m.namespace === 'proxy_mail_guard' && m.key === 'original_email')?.value ?? null;

  beforeAll(async () => {
    // 150 ms order loads: the previous order stays on screen meanwhile, as in the admin.
    sandbox = await startSandbox({ orders: 30, orderLatencyMs: 150, layout });
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  describe('not connected: the card reads the page and offers the connect step', () => {
    it('flags the Amazon order from its contact email and opens the popup connect step', async () => {
      await openOrder(DEMO_ORDERS.amazon.legacyId);
      expect(await cardState()).toBe('warning');
      const text = await cardText();
      expect(text).toContain('Amazon order: the email is a relay address');
      expect(text).toContain(DEMO_ORDERS.amazon.email!);
      expect(text).toContain('connect this store');
      expect(await card().locator('[data-action^="fix-"]').count()).toBe(0);
      await browser.screenshot(page, shot('order-card-not-connected-en'));

      const popupOpened = browser.context.waitForEvent('page', { timeout: 10_000 });
      await card().locator('[data-action="connect"]').click();
      const popup = await popupOpened;
      expect(popup.url()).toBe(`chrome-extension://${browser.extensionId}/popup.html#connect?store=${sandbox.handle}`);
      await popup.close();
    });

    it('shows nothing for an ordinary order', async () => {
      await openOrder(DEMO_ORDERS.ordinary.legacyId);
      expect(await cardState()).toBe('none');
      expect(await card().isVisible()).toBe(false);
    });

    it('never shows the previous order\'s verdict after a client-side navigation', async () => {
      await openOrder(DEMO_ORDERS.ebay.legacyId);
      expect(await cardState()).toBe('warning');
      await page.getByRole('link', { name: 'Orders' }).first().click();
      await page.getByRole('link', { name: sandbox.api.store.orderById(Number(DEMO_ORDERS.ordinary.legacyId))!.name, exact: true }).click();
      await page.waitForURL(new RegExp(`/orders/${DEMO_ORDERS.ordinary.legacyId}$`));
      await expect.poll(cardState, { timeout: 10_000 }).toBe('none');
      await page.goBack();
      await page.goBack(); // popstate back to the eBay order
      await expect.poll(cardState, { timeout: 10_000 }).toBe('warning');
      expect(await cardText()).toContain(DEMO_ORDERS.ebay.email!);
      // Order to order directly (as the admin's previous/next arrows do): the eBay page is still on
      // screen when the URL changes, and its email must not be taken for the new order's.
      await page.evaluate((path) => {
        const seen: string[] = [];
        (window as any).__cardStates = seen;
        new MutationObserver((records) => {
          for (const r of records) {
            const cards = r.type === 'attributes' ? [r.target] : Array.from(r.addedNodes);
            for (const node of cards) {
              const el = node as HTMLElement;
              if (el.tagName === 'PMG-ORDER-CARD' && el.isConnected) seen.push(el.dataset.state ?? '');
            }
          }
        }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
        history.pushState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }, `/store/${sandbox.handle}/orders/${DEMO_ORDERS.ordinary.legacyId}`);
      await expect.poll(cardState, { timeout: 10_000 }).toBe('none');
      await page.waitForTimeout(300);
      expect(new Set(await page.evaluate(() => (window as any).__cardStates as string[]))).toEqual(new Set(['none']));
    });

    it('follows the admin\'s own edit of the contact email (page re-render)', async () => {
      await openOrder(DEMO_ORDERS.walmart.legacyId);
      expect(await cardState()).toBe('warning');
      await page.getByRole('button', { name: 'Edit contact information' }).click();
      await page.getByRole('menuitem', { name: 'Edit contact information' }).click();
      await page.getByRole('dialog').getByRole('textbox').fill('luis.ortega@example.com');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await expect.poll(cardState, { timeout: 10_000 }).toBe('none');
    });
  });

  describe('connected', () => {
    beforeAll(async () => {
      await connectStore(browser, sandbox);
    });

    it.each([
      ['amazon', 'Amazon order: the email is a relay address'],
      ['ebay', 'eBay order: the email is a relay address'],
      ['etsy', 'Etsy order: do not email this buyer'],
    ] as const)('shows the card with the configured fix first for %s', async (key, title) => {
      await openOrder(DEMO_ORDERS[key].legacyId);
      expect(await cardState()).toBe('warning');
      expect(await card().locator('h2').innerText()).toBe(title);
      const actions = await card().locator('.actions button').evaluateAll((bs) => bs.map((b) => [b.getAttribute('data-action'), b.className]));
      // Default settings: strip is the configured fix (primary), the other fixes beside it.
      expect(actions).toEqual([
        ['fix-strip', 'primary'],
        ['fix-domain', ''],
        ['fix-domain-order-id', ''],
        ['fix-prefix', ''],
        ['fix-fixed', ''],
      ]);
      if (key === 'amazon') await browser.screenshot(page, shot('order-card-amazon-en'));
    });

    it('shows nothing for an ordinary order and a calm protected state for a neutralised one', async () => {
      await openOrder(DEMO_ORDERS.ordinary.legacyId);
      expect(await cardState()).toBe('none');
      await openOrder(DEMO_ORDERS.neutralised.legacyId);
      expect(await cardState()).toBe('protected');
      expect(await cardText()).toContain('Protected from marketplace emails');
      await openOrder(DEMO_ORDERS.fixedByUs.legacyId);
      expect(await cardState()).toBe('protected');
      expect(await cardText()).toContain(DEMO_ORDERS.fixedByUs.originalEmail!);
      await browser.screenshot(page, shot('order-card-protected-en'));
    });

    it('follows client-side navigation between orders', async () => {
      await openOrder(DEMO_ORDERS.ebay.legacyId);
      expect(await card().locator('h2').innerText()).toContain('eBay');
      const loads: string[] = [];
      page.on('load', () => loads.push(page.url()));
      // Back to the list and into another order, all through pushState (no page load).
      await page.getByRole('link', { name: 'Orders' }).first().click();
      await page.waitForURL(/\/orders$/);
      await page.getByRole('link', { name: sandbox.api.store.orderById(Number(DEMO_ORDERS.ordinary.legacyId))!.name, exact: true }).click();
      await page.waitForURL(new RegExp(`/orders/${DEMO_ORDERS.ordinary.legacyId}$`));
      await expect.poll(cardState, { timeout: 10_000 }).toBe('none');
      await page.goBack(); // popstate → the list
      await page.getByRole('link', { name: sandbox.api.store.orderById(Number(DEMO_ORDERS.amazon.legacyId))!.name, exact: true }).click();
      await expect.poll(() => card().locator('h2').innerText().catch(() => ''), { timeout: 10_000 }).toContain('Amazon');
      expect(await page.locator('pmg-order-card').count()).toBe(1); // the previous cards were torn down
      expect(loads).toEqual([]);
    });

    it('Strip removes the email in Shopify, records the original, and Undo restores it', async () => {
      const id = DEMO_ORDERS.amazonDe.legacyId;
      const original = DEMO_ORDERS.amazonDe.email!;
      await openOrder(id);
      await card().locator('[data-action="fix-strip"]').click();
      await expect.poll(cardText, { timeout: 15_000 }).toContain('Done. The order has no email now');
      expect(orderEmail(id)).toBeNull();
      expect(originalMetafield(id)).toBe(original);
      expect(await cardText()).toContain(`Original saved: ${original}`);
      await browser.screenshot(page, shot('order-card-fixed-en'));

      await card().locator('[data-action="undo"]').click();
      await expect.poll(cardText, { timeout: 15_000 }).toContain(`Restored. The order email is ${original} again.`);
      expect(orderEmail(id)).toBe(original);
      expect(await cardState()).toBe('warning');
    });

    it('a fix that needs settings says what to set and changes nothing', async () => {
      const id = DEMO_ORDERS.kaufland.legacyId;
      await openOrder(id);
      await card().locator('[data-action="fix-domain"]').click();
      await expect.poll(() => card().locator('.result').innerText().catch(() => ''), { timeout: 10_000 }).toContain('Enter your own domain');
      expect(orderEmail(id)).toBe(DEMO_ORDERS.kaufland.email);
    });

    it('says "guard inactive on this page" when the layout is not recognised', async () => {
      await page.goto(sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId, { layout: 'unknown' }));
      await expect.poll(cardState, { timeout: 15_000 }).toBe('inactive');
      const text = await cardText();
      expect(text).toContain('Guard inactive on this page');
      expect(text).toContain('Amazon');
      await browser.screenshot(page, shot('order-card-inactive-en'));
    });

    it('speaks the admin language (French page, live switch to German)', async () => {
      await openOrder(DEMO_ORDERS.amazon.legacyId, { lang: 'fr' });
      await expect.poll(() => card().locator('h2').innerText(), { timeout: 10_000 }).toBe('Commande Amazon : l’e-mail est une adresse relais');
      expect(await card().locator('[data-action="fix-strip"]').innerText()).not.toBe('Remove the email');
      await browser.screenshot(page, shot('order-card-amazon-fr'));
      await page.getByLabel('Admin language').selectOption('de');
      await expect.poll(() => card().locator('h2').innerText(), { timeout: 10_000 }).toBe('Amazon-Bestellung: Die E-Mail ist eine Weiterleitungsadresse');
      await browser.screenshot(page, shot('order-card-amazon-de'));
      await page.getByLabel('Admin language').selectOption('en');
    });

    it('never blocks the admin: its own buttons still work with the card on the page', async () => {
      await openOrder(DEMO_ORDERS.amazon.legacyId);
      await page.getByRole('button', { name: 'More actions' }).click();
      await expect.poll(() => page.getByRole('menuitem', { name: 'Cancel order' }).isVisible()).toBe(true);
      await page.keyboard.press('Escape');
    });
  });

  describe('token removed again', () => {
    it('falls back to the page and the connect step', async () => {
      await disconnectStore(browser, sandbox.handle);
      await openOrder(DEMO_ORDERS.ebay.legacyId);
      expect(await card().locator('[data-action="connect"]').count()).toBe(1);
    });
  });
});
