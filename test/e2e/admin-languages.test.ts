/**
 * The ten newer admin languages (pl cs sv da fi nb pt-BR pt-PT ja tr) in real Chromium, on the
 * sandbox's 2026 admin markup: the card and the guard follow the merchant switching the admin's
 * language while an order is open (no reload), and on a fresh page in each language, without a
 * store connection, the guard finds the notify box by that language's words (loaded from the
 * background with the texts) and the buyer gets nothing. The same fulfilment without the
 * extension emails the relay (the suites' control runs: notify-pages.test.ts).
 * Screenshots: test-results/screenshots/{order-card-amazon,notify-fulfil}-{pl,ja}.png
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadAllLocales, resolveLocale, t } from '../../lib/i18n';
import { MORE_LANGS } from '../sandbox/app/i18n-more';
import { surfaceText } from '../sandbox/app/surfaces/common';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { connectStore, disconnectStore, launchBrowser, type LaunchedBrowser } from './harness';
import { extensionCopy, finder, guardLabel, outboxFor, removeExtensionCopies } from './notify-scenarios';

const T = 15_000;
const SHOTS = new Set(['pl', 'ja']);
const amazon = DEMO_ORDERS.amazon;
const find = finder('2026');

let sandbox: Sandbox;
let browser: LaunchedBrowser;
let page: Page;

const cardTitle = () => page.locator('pmg-order-card').locator('h2').innerText().catch(() => '');
const guardText = () => guardLabel(page).locator('p').innerText().catch(() => '');
const box = () => find.box(page, 'notifyFulfil', '');
const expected = (lang: string, key: string) => t(resolveLocale(lang), key, { marketplace: 'Amazon' });

beforeAll(async () => {
  await loadAllLocales(); // the expected texts, in every language
  sandbox = await startSandbox({ orders: 20, layout: '2026' });
  browser = await launchBrowser({ extensionDir: await extensionCopy() });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  removeExtensionCopies();
});

beforeEach(() => {
  sandbox.api.reset();
});

describe('switching the admin language while an order is open (no reload)', () => {
  it('the card speaks each new language in turn', async () => {
    await connectStore(browser, sandbox);
    await page.goto(sandbox.orderUrl(amazon.legacyId, { lang: 'en' }));
    await expect.poll(cardTitle, { timeout: T }).toBe('Amazon order: the email is a relay address');
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    for (const lang of MORE_LANGS) {
      await page.getByLabel('Admin language').selectOption(lang);
      await expect.poll(cardTitle, { timeout: T }).toBe(expected(lang, 'card_title'));
      if (SHOTS.has(lang)) await browser.screenshot(page, `order-card-amazon-${lang}`);
    }
    expect(loads).toEqual([]);
    await page.getByLabel('Admin language').selectOption('en');
  });

  it('the guard re-words its note in each new language and the box stays off', async () => {
    await connectStore(browser, sandbox);
    await page.goto(`${sandbox.fulfilUrl(amazon.legacyId, amazon.fulfillmentOrderLegacyId)}?lang=en`);
    await expect.poll(guardText, { timeout: T }).toContain('Turned off: marketplace order (Amazon)');
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    for (const lang of MORE_LANGS) {
      await page.getByLabel('Admin language').selectOption(lang);
      await expect.poll(guardText, { timeout: T }).toContain(expected(lang, 'guard_turned_off'));
      expect(await box().isChecked()).toBe(false);
      if (SHOTS.has(lang)) await browser.screenshot(page, `notify-fulfil-${lang}`);
    }
    expect(loads).toEqual([]);
    await find.action(page, surfaceText('tr', 'fulfilButton')).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/orders/${amazon.legacyId}`), { timeout: T });
    expect(outboxFor(sandbox, amazon.id)).toEqual([]);
    await page.getByLabel('Admin language').selectOption('en');
  });
});

describe('a fresh page in each new language, page mode (no store connection)', () => {
  it.each(MORE_LANGS)('%s: the notify box is found by its words, turned off, and the buyer gets nothing', async (lang) => {
    await disconnectStore(browser, sandbox.handle);
    await page.goto(`${sandbox.fulfilUrl(amazon.legacyId, amazon.fulfillmentOrderLegacyId)}?lang=${lang}`);
    await expect.poll(guardText, { timeout: T }).toContain(expected(lang, 'guard_turned_off'));
    await expect.poll(() => box().isChecked(), { timeout: T }).toBe(false);
    expect(await page.locator('[data-pmg="guard-inactive"]').count()).toBe(0);
    await find.action(page, surfaceText(lang, 'fulfilButton')).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/orders/${amazon.legacyId}`), { timeout: T });
    expect(outboxFor(sandbox, amazon.id)).toEqual([]);
    expect(sandbox.api.outbox.filter((m) => m.to === amazon.email)).toEqual([]);
  });
});
