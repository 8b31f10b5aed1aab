/**
 * A merchant going through each notify surface of the sandbox admin, in real Chromium, for the
 * notify-guard browser tests (test/e2e/notify-*.test.ts). Each scenario opens the order page, goes
 * to the surface the way a merchant does (buttons, menus, dialogs), submits, and returns what the
 * page looked like before submitting; the tests then read the fake Admin API's outbox.
 */
import { existsSync, rmSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ORDERS, startSandbox, type DemoKey, type Sandbox } from '../sandbox/server';
import { sandboxText, type SandboxLang } from '../sandbox/app/i18n';
import { surfaceText } from '../sandbox/app/surfaces/common';
import { SANDBOX_EXTENSION_DIR, connectStore, disconnectStore, launchBrowser, type LaunchedBrowser } from './harness';
import type { SandboxLayout } from '../sandbox/app/layout';

/** The sandbox admin's two markups (test/sandbox/app/layout.ts); every outbox suite runs in both. */
export const LAYOUTS: readonly SandboxLayout[] = ['classic', '2026'];

/**
 * How a merchant (and so the test) finds things in each layout. The 2026 notify box is a bare
 * checkbox in a component's shadow root with its caption beside it: it has no accessible name, so
 * the test finds it by the sandbox's test id (the extension never reads that attribute).
 */
export function finder(layout: SandboxLayout) {
  return {
    box: (scope: Page | Locator, key: string, label: string): Locator =>
      layout === '2026' ? scope.getByTestId(key).locator('input[type="checkbox"]') : scope.getByRole('checkbox', exact(label)),
    /** A button, or the link an action is in the 2026 admin ("Fulfill items" is a link there). */
    action: (scope: Page | Locator, name: string): Locator => scope.getByRole('button', exact(name)).or(scope.getByRole('link', exact(name))).first(),
    tracking: (scope: Page | Locator, label: string): Locator =>
      layout === '2026' ? scope.locator('input[name="trackingInfoFields[0].number"]') : scope.getByLabel(label),
  };
}

export type NotifySurface = 'fulfil' | 'mark-as-fulfilled' | 'refund' | 'add-tracking' | 'edit-tracking' | 'cancel';

export interface Seen {
  /** Our "turned off" label was on the page, next to the box. */
  labelled: boolean;
  /** The notify box's state right before the merchant submitted. */
  checkedAtSubmit: boolean;
}

const T = 15_000;
const exact = (name: string) => ({ name, exact: true });

/** The guard's label, found through its (open) shadow root. */
export const guardLabel = (page: Page) => page.locator('[data-pmg="notify-label"]');

/** Notifications the fake Shopify sent (or would have sent) for one order. */
export function outboxFor(sandbox: Sandbox, orderGid: string): Array<{ kind: string; to: string }> {
  return (sandbox.api.outbox as Array<{ kind: string; to: string; orderId: string }>).filter((m) => m.orderId === orderGid);
}

/** A fulfilment made through the API without notifying (for "Add tracking" / "Edit tracking"). */
export async function fulfilViaApi(sandbox: Sandbox, fulfillmentOrderId: string, trackingNumber?: string): Promise<void> {
  const res = await fetch(sandbox.api.graphqlUrl(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': sandbox.api.token },
    body: JSON.stringify({
      query: 'mutation ($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id } userErrors { message } } }',
      variables: {
        f: {
          lineItemsByFulfillmentOrder: [{ fulfillmentOrderId }],
          notifyCustomer: false,
          ...(trackingNumber ? { trackingInfo: { number: trackingNumber, company: 'UPS' } } : {}),
        },
      },
    }),
  });
  const body = (await res.json()) as { data?: { fulfillmentCreate: { userErrors: Array<{ message: string }> } } };
  expect(body.data?.fulfillmentCreate.userErrors).toEqual([]);
}

async function settle(page: Page, box: Locator, withExtension: boolean): Promise<Seen> {
  await box.waitFor({ state: 'attached', timeout: T });
  if (withExtension) {
    await guardLabel(page).first().waitFor({ state: 'visible', timeout: T });
    await expect.poll(() => box.isChecked(), { timeout: T }).toBe(false);
  }
  return { labelled: (await guardLabel(page).count()) > 0, checkedAtSubmit: await box.isChecked() };
}

/**
 * Goes through one surface for one order and submits. `shot`: screenshot name for the labelled box.
 */
export async function runSurface(
  browser: LaunchedBrowser,
  page: Page,
  sandbox: Sandbox,
  options: { surface: NotifySurface; lang: SandboxLang; orderId: string; withExtension: boolean; shot?: string; layout?: SandboxLayout },
): Promise<Seen> {
  const { surface, lang, orderId, withExtension } = options;
  const find = finder(options.layout ?? 'classic');
  const s = (k: Parameters<typeof sandboxText>[1]) => sandboxText(lang, k);
  const u = (k: Parameters<typeof surfaceText>[1], p?: Record<string, string>) => surfaceText(lang, k, p);
  const orderPath = new URL(sandbox.orderUrl(orderId)).pathname;
  await page.goto(sandbox.orderUrl(orderId, { lang }));
  await page.locator('h1').first().waitFor({ timeout: T });
  const shoot = async () => {
    if (options.shot) await browser.screenshot(page, options.shot);
  };
  let seen: Seen;

  switch (surface) {
    case 'fulfil':
    case 'mark-as-fulfilled': {
      await find.action(page, surface === 'fulfil' ? s('fulfillItems') : s('markAsFulfilled')).click();
      await page.waitForURL(/\/fulfill(\?|$)/, { timeout: T });
      const box = find.box(page, 'notifyFulfil', u('notifyFulfil'));
      if (surface === 'fulfil') await find.tracking(page, u('trackingNumber')).fill('1Z999AA10123456784');
      seen = await settle(page, box, withExtension);
      await shoot();
      await page.getByRole('button', exact(surface === 'fulfil' ? u('fulfilButton') : u('markButton'))).click();
      await page.waitForURL((url) => url.pathname === orderPath, { timeout: T });
      break;
    }
    case 'refund': {
      await page.getByRole('button', exact(s('refund'))).click();
      await page.waitForURL(/\/refund$/, { timeout: T });
      const box = find.box(page, 'notifyRefund', u('notifyRefund'));
      seen = await settle(page, box, withExtension);
      // The restock box beside it is never touched.
      expect(await find.box(page, 'restockItems', u('restockItems')).isChecked()).toBe(true);
      await shoot();
      const words = u('refundButton').split('{amount}').map((w) => w.trim()).filter(Boolean);
      await page.getByRole('button', { name: new RegExp(words[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
      await page.waitForURL((url) => url.pathname === orderPath, { timeout: T });
      break;
    }
    case 'add-tracking':
    case 'edit-tracking': {
      await page.getByRole('button', exact(surface === 'add-tracking' ? s('addTracking') : s('editTracking'))).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: T });
      await find.tracking(dialog, u('trackingNumber')).fill(surface === 'add-tracking' ? 'JD014600006281234567' : '1Z999AA10123456799');
      const box = find.box(dialog, 'notifyTracking', u('notifyTracking'));
      seen = await settle(page, box, withExtension);
      await shoot();
      await dialog.getByRole('button', exact(u('save'))).click();
      await dialog.waitFor({ state: 'detached', timeout: T });
      break;
    }
    case 'cancel': {
      await page.getByRole('button', { name: s('moreActions') }).click();
      await page.getByRole('menuitem', exact(s('cancelOrder'))).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: T });
      const box = find.box(dialog, 'notifyCancel', u('notifyCancel'));
      seen = await settle(page, box, withExtension);
      // Refund and restock are the merchant's business: untouched.
      expect(await find.box(dialog, 'restockInventory', u('restockInventory')).isChecked()).toBe(true);
      expect(await find.box(dialog, 'refundPayment', u('refundPayment')).isChecked()).toBe(true);
      await shoot();
      await dialog.getByRole('button', exact(u('cancelOrder'))).click();
      await dialog.waitFor({ state: 'detached', timeout: T });
      break;
    }
  }
  return seen;
}


/**
 * A private copy of the built sandbox extension, taken once its build is complete: helpers working in
 * the same tree may rebuild .output/ while a browser test runs (in CI nothing else builds; it is cheap).
 */
export async function extensionCopy(): Promise<string> {
  const source = SANDBOX_EXTENSION_DIR;
  const complete = () => existsSync(join(source, 'manifest.json')) && existsSync(join(source, 'content-scripts'));
  for (let i = 0; i < 240 && !complete(); i++) await new Promise((r) => setTimeout(r, 500));
  const target = await mkdtemp(join(tmpdir(), 'pmg-extension-'));
  await cp(source, target, { recursive: true });
  copies.push(target);
  return target;
}

const copies: string[] = [];

/** Removes the copies made by extensionCopy (call from afterAll). */
export function removeExtensionCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The outbox suite every notify surface runs, in en/fr/de: with the extension the Amazon buyer gets
 * nothing (connected, and for `pageOnlyLang` from what the page shows); an ordinary order still
 * notifies; and the control without the extension does email the relay, so each scenario can fail.
 * `prepare` readies the fake store for a surface and names the demo order to use.
 */
export function defineOutboxSuite<S extends NotifySurface>(opts: {
  surfaces: readonly S[];
  pageOnlyLang: SandboxLang;
  prepare: (sandbox: Sandbox, surface: S, who: 'marketplace' | 'ordinary') => Promise<DemoKey>;
  /** Sandbox markup (default classic). */
  layout?: SandboxLayout;
}): void {
  const layout = opts.layout ?? 'classic';
  const LANGS = ['en', 'fr', 'de'] as const;
  const cases = opts.surfaces.flatMap((surface) => LANGS.map((lang) => ({ surface, lang, connected: lang !== opts.pageOnlyLang })));
  let sandbox: Sandbox;
  const orderFor = async (surface: S, who: 'marketplace' | 'ordinary') => DEMO_ORDERS[await opts.prepare(sandbox, surface, who)];

  beforeAll(async () => {
    sandbox = await startSandbox({ orders: 20, layout });
  });
  afterAll(async () => {
    await sandbox?.close();
    removeExtensionCopies();
  });
  beforeEach(() => {
    sandbox.api.reset();
  });

  describe('with the extension', () => {
    let browser: LaunchedBrowser;
    let page: Page;

    beforeAll(async () => {
      browser = await launchBrowser({ extensionDir: await extensionCopy() });
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it.each(cases)('$surface ($lang, connected: $connected): the Amazon buyer gets no notification', async ({ surface, lang, connected }) => {
      if (connected) await connectStore(browser.serviceWorker!, sandbox);
      else await disconnectStore(browser.serviceWorker!, sandbox.handle);
      const order = await orderFor(surface, 'marketplace');
      const shot = `notify-${surface}-${lang}${layout === '2026' ? '-2026' : ''}`;
      const seen = await runSurface(browser, page, sandbox, { surface, lang, orderId: order.legacyId, withExtension: true, shot, layout });
      expect(seen).toEqual({ labelled: true, checkedAtSubmit: false });
      expect(outboxFor(sandbox, order.id)).toEqual([]);
      expect(sandbox.api.outbox.filter((m) => m.to === order.email)).toEqual([]);
    });

    it.each(opts.surfaces)('%s: an ordinary order still notifies its customer', async (surface) => {
      await connectStore(browser.serviceWorker!, sandbox);
      const order = await orderFor(surface, 'ordinary');
      const seen = await runSurface(browser, page, sandbox, { surface, lang: 'en', orderId: order.legacyId, withExtension: false, layout });
      expect(seen).toEqual({ labelled: false, checkedAtSubmit: true });
      expect(outboxFor(sandbox, order.id).map((m) => m.to)).toEqual([order.email]);
    });
  });

  describe('control: the same scenarios without the extension', () => {
    let browser: LaunchedBrowser;
    let page: Page;

    beforeAll(async () => {
      browser = await launchBrowser({ extension: false });
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it.each(cases)('$surface ($lang): Shopify would email the Amazon relay address', async ({ surface, lang }) => {
      const order = await orderFor(surface, 'marketplace');
      const seen = await runSurface(browser, page, sandbox, { surface, lang, orderId: order.legacyId, withExtension: false, layout });
      expect(seen).toEqual({ labelled: false, checkedAtSubmit: true });
      expect(outboxFor(sandbox, order.id).map((m) => m.to)).toEqual([order.email]);
    });
  });
}
