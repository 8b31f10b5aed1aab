/**
 * How the notify guard behaves for the merchant, in real Chromium (English admin, store connected):
 * a re-tick asks first and is recorded, re-renders are re-labelled, an unknown wording says "guard
 * inactive", the settings switch is respected, Etsy (by channel) is guarded, and an order without
 * email (after strip) gets no warning.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectStore, launchBrowser, type LaunchedBrowser } from './harness';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { surfaceText } from '../sandbox/app/surfaces/common';
import { defaultSettings } from '../../lib/settings';
import type { PageStatus } from '../../lib/messages';
import { translator } from '../../lib/i18n';
import { renderStatusLine } from '../../lib/status-line';
import { extensionCopy, guardLabel, outboxFor, removeExtensionCopies } from './notify-scenarios';

const T = 15_000;
const u = (k: Parameters<typeof surfaceText>[1]) => surfaceText('en', k);
const amazon = DEMO_ORDERS.amazon;

let sandbox: Sandbox;
let browser: LaunchedBrowser;
let page: Page;

const notifyBox = () => page.getByRole('checkbox', { name: u('notifyFulfil'), exact: true });
const confirmDialog = () => page.locator('[data-pmg="guard-confirm"]').getByRole('alertdialog');
const inactiveNotice = () => page.locator('[data-pmg="guard-inactive"]');

async function openFulfil(key: keyof typeof DEMO_ORDERS, query: Record<string, string> = {}) {
  const order = DEMO_ORDERS[key];
  await page.goto(`${sandbox.fulfilUrl(order.legacyId, order.fulfillmentOrderLegacyId)}?${new URLSearchParams({ lang: 'en', ...query })}`);
  await page.getByRole('heading', { name: u('fulfilTitle'), exact: true }).waitFor({ timeout: T });
}

async function submitFulfil(orderId: string) {
  await page.getByRole('button', { name: u('fulfilButton'), exact: true }).click();
  await page.waitForURL((url) => url.pathname.endsWith(`/orders/${orderId}`), { timeout: T });
}

async function pageStatus(): Promise<PageStatus | null> {
  const all = (await browser.serviceWorker!.evaluate(() => (globalThis as any).chrome.storage.session.get(null))) as Record<string, PageStatus>;
  return Object.entries(all).find(([k]) => k.startsWith('pageStatus:'))?.[1] ?? null;
}

/** The page status's actions as the popup shows them in English (they are stored as message keys). */
async function actionTexts(): Promise<string[]> {
  return ((await pageStatus())?.actions ?? []).map((line) => renderStatusLine(translator('en'), line));
}

async function auditOverrides(): Promise<Array<{ kind: string; orderId: string; surface?: string; marketplace: string | null }>> {
  return browser.serviceWorker!.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('proxy-mail-guard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('audit')) return resolve([]);
          const get = db.transaction('audit').objectStore('audit').getAll();
          get.onsuccess = () => resolve((get.result as Array<{ kind: string }>).filter((e) => e.kind === 'guard_override') as never);
          get.onerror = () => reject(get.error);
        };
      }),
  ) as Promise<Array<{ kind: string; orderId: string; surface?: string; marketplace: string | null }>>;
}

async function setGuard(enabled: boolean) {
  const settings = { ...defaultSettings(), guardEnabled: enabled };
  await browser.serviceWorker!.evaluate(
    ([key, value]) => (globalThis as any).chrome.storage.sync.set({ [key as string]: value }),
    [`settings:${sandbox.handle}`, settings] as const,
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ orders: 20 });
  browser = await launchBrowser({ extensionDir: await extensionCopy() });
  page = await browser.newPage();
  await connectStore(browser.serviceWorker!, sandbox);
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  removeExtensionCopies();
});

beforeEach(async () => {
  sandbox.api.reset();
  await setGuard(true);
});

describe('notify guard behaviour', () => {
  it('a re-tick asks first: "Keep it off" keeps it off, "Send anyway" turns it on and is recorded', async () => {
    await openFulfil('amazon');
    await guardLabel(page).waitFor({ timeout: T });
    await expect.poll(() => notifyBox().isChecked(), { timeout: T }).toBe(false);

    await notifyBox().click();
    await confirmDialog().waitFor({ timeout: T });
    expect(await confirmDialog().innerText()).toContain('Email the Amazon buyer anyway?');
    await browser.screenshot(page, 'notify-confirm-en');
    await confirmDialog().getByRole('button', { name: 'Keep it off' }).click();
    expect(await notifyBox().isChecked()).toBe(false);

    await page.getByText(u('notifyFulfil')).click(); // through the label, as merchants often do
    await confirmDialog().getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => notifyBox().isChecked(), { timeout: T }).toBe(true);
    await page.locator('[data-pmg="notify-overridden"]').waitFor({ timeout: T });
    await new Promise((r) => setTimeout(r, 600)); // past the guard's re-check: it must not fight the merchant
    expect(await notifyBox().isChecked()).toBe(true);
    await browser.screenshot(page, 'notify-overridden-en');

    await expect.poll(auditOverrides, { timeout: T }).toEqual([
      expect.objectContaining({ kind: 'guard_override', orderId: amazon.legacyId, surface: 'fulfil', marketplace: 'amazon' }),
    ]);
    await expect.poll(actionTexts, { timeout: T }).toContain('Notify box turned back on by you (Fulfil items)');

    await submitFulfil(amazon.legacyId);
    expect(outboxFor(sandbox, amazon.id).map((m) => m.to)).toEqual([amazon.email]); // the merchant's explicit choice
  });

  it('re-labels the box when the admin re-renders its section, and it stays off', async () => {
    await openFulfil('amazon');
    await guardLabel(page).waitFor({ timeout: T });
    await page.getByLabel(u('carrier')).selectOption('UPS'); // re-mounts the notify section
    await expect.poll(() => guardLabel(page).count(), { timeout: T }).toBe(1);
    await guardLabel(page).waitFor({ timeout: T });
    expect(await notifyBox().isChecked()).toBe(false);
    await expect.poll(actionTexts, { timeout: T }).toContain('Notify box turned off (Fulfil items)');
    const status = await pageStatus();
    expect(status?.flagged).toMatchObject({ marketplace: 'amazon', label: 'Amazon' });
    await submitFulfil(amazon.legacyId);
    expect(outboxFor(sandbox, amazon.id)).toEqual([]);
  });

  it('speaks the admin language the merchant switches to, without a navigation', async () => {
    await openFulfil('amazon');
    await guardLabel(page).waitFor({ timeout: T });
    expect(await guardLabel(page).locator('p').innerText()).toContain('Turned off: marketplace order (Amazon)');
    await page.getByLabel('Admin language').selectOption('de');
    await expect.poll(() => guardLabel(page).locator('p').innerText().catch(() => ''), { timeout: T }).toContain('Ausgeschaltet: Marktplatz-Bestellung (Amazon)');
    expect(await page.getByRole('checkbox', { name: surfaceText('de', 'notifyFulfil'), exact: true }).isChecked()).toBe(false);
    await browser.screenshot(page, 'notify-language-switch-de');
  });

  it('says "guard inactive" when the box is worded in a way it does not know (and never guesses)', async () => {
    await openFulfil('amazon', { wording: 'unknown' });
    await inactiveNotice().waitFor({ timeout: T });
    expect(await inactiveNotice().locator('p').innerText()).toContain('Guard inactive: check the notify box yourself');
    expect(await page.getByRole('checkbox', { name: 'Keep the buyer posted' }).isChecked()).toBe(true);
    await expect.poll(async () => (await pageStatus())?.inactive ?? false, { timeout: T }).toBe(true);
    await browser.screenshot(page, 'notify-inactive-en');
  });

  it('leaves the box alone when the merchant switched the guard off', async () => {
    await setGuard(false);
    await openFulfil('amazon');
    await notifyBox().waitFor({ timeout: T });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await notifyBox().isChecked()).toBe(true);
    expect(await guardLabel(page).count()).toBe(0);
  });

  it('guards an Etsy order known by its channel (the buyer’s real address)', async () => {
    const etsy = DEMO_ORDERS.etsy;
    await openFulfil('etsy');
    await guardLabel(page).waitFor({ timeout: T });
    expect(await guardLabel(page).locator('p').innerText()).toContain('Turned off: marketplace order (Etsy)');
    await submitFulfil(etsy.legacyId);
    expect(outboxFor(sandbox, etsy.id)).toEqual([]);
  });

  it('an order without email (after strip) has no box, and the guard does not cry wolf', async () => {
    await openFulfil('stripped');
    await new Promise((r) => setTimeout(r, 4500)); // longer than the guard's grace period (4 s)
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await inactiveNotice().count()).toBe(0);
  });
});
