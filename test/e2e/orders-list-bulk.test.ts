/**
 * Bulk fulfilment from the order list, in real Chromium, en/fr/de — the outbox suite pattern of
 * notify-scenarios.ts: with the extension the Amazon buyer in the selection gets nothing; an ordinary
 * selection still notifies; and the control without the extension does email the relay, so every
 * scenario can fail.
 *   - "Mark as fulfilled" fulfils the selection at once (no notify choice): the extension asks first,
 *     naming how many and which marketplaces, and "Fix addresses, then fulfil" fixes them before the
 *     admin fulfils.
 *   - "Fulfill orders" opens a dialog with a notify box: the notify guard turns it off and labels it.
 *   - Not connected, the guard cannot tell what the selection holds: "guard inactive" in the dialog.
 * Screenshots: test-results/screenshots/orders-list-bulk-{ask,dialog}-<lang>.png
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectStore, disconnectStore, launchBrowser, type LaunchedBrowser } from './harness';
import { extensionCopy, guardLabel, outboxFor, removeExtensionCopies } from './notify-scenarios';
import { DEMO_ORDERS, startSandbox, type DemoKey, type Sandbox } from '../sandbox/server';
import { listText } from '../sandbox/app/pages/order-list-texts';
import type { SandboxLang } from '../sandbox/app/i18n';

const T = 20_000;
/** Our question when one selected order is Amazon's, written here rather than read from the catalogues. */
const ASKED_ONE_AMAZON = {
  en: '1 of the selected orders has a marketplace address (Amazon)',
  fr: '1 des commandes sélectionnées a une adresse de marketplace (Amazon)',
  de: '1 der ausgewählten Bestellungen hat eine Marktplatz-Adresse (Amazon)',
};
const LANGS = ['en', 'fr', 'de'] as const;
type Action = 'mark' | 'dialog';
let sandbox: Sandbox;

const nameOf = (key: DemoKey) => sandbox.api.store.orderById(Number(DEMO_ORDERS[key].legacyId))!.name;
const fulfilled = (key: DemoKey) => sandbox.api.store.orderById(Number(DEMO_ORDERS[key].legacyId))!.fulfillments.length > 0;

interface Seen {
  /** Our question before a fulfil-now action (its title), or null when none was asked. */
  asked: string | null;
  /** The notify box (dialog) was labelled by the guard / its state at submit; null without a box. */
  labelled: boolean | null;
  checkedAtSubmit: boolean | null;
}

/** Selects the orders' rows on the list's first page and runs one bulk action, as a merchant does. */
async function bulk(browser: LaunchedBrowser, page: Page, opts: { lang: SandboxLang; orders: DemoKey[]; action: Action; withExtension: boolean; shot?: string }): Promise<Seen> {
  const l = (k: Parameters<typeof listText>[1], p?: Record<string, string | number>) => listText(opts.lang, k, p);
  await page.goto(`${sandbox.orderListUrl()}?lang=${opts.lang}`);
  await page.locator('tbody tr').first().waitFor({ timeout: T });
  if (opts.withExtension) await page.locator('pmg-list-banner').waitFor({ state: 'attached', timeout: T });
  for (const key of opts.orders) await page.getByRole('checkbox', { name: l('selectRow', { name: nameOf(key) }), exact: true }).check();
  const seen: Seen = { asked: null, labelled: null, checkedAtSubmit: null };
  const done = page.getByRole('status').filter({ hasText: l('fulfilledToast', { n: opts.orders.length }) });
  if (opts.action === 'mark') {
    await page.getByRole('button', { name: l('bulkMark'), exact: true }).click();
    const question = page.locator('[data-pmg="list-bulk-ask"] [role="alertdialog"]');
    if (opts.withExtension && opts.orders.some((k) => DEMO_ORDERS[k].marketplace)) {
      await question.waitFor({ timeout: T });
      seen.asked = await question.locator('h2').innerText();
      if (opts.shot) await browser.screenshot(page, opts.shot);
      await question.locator('button[data-answer="fix-first"]').click();
    }
  } else {
    await page.getByRole('button', { name: l('bulkFulfil'), exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: T });
    const box = dialog.getByRole('checkbox', { name: l('bulkNotify'), exact: true });
    await box.waitFor({ timeout: T });
    if (opts.withExtension && opts.orders.some((k) => DEMO_ORDERS[k].marketplace)) {
      await guardLabel(page).first().waitFor({ state: 'visible', timeout: T });
      await expect.poll(() => box.isChecked(), { timeout: T }).toBe(false);
    }
    seen.labelled = (await guardLabel(page).count()) > 0;
    seen.checkedAtSubmit = await box.isChecked();
    if (opts.shot) await browser.screenshot(page, opts.shot);
    await dialog.getByRole('button', { name: l('bulkConfirm'), exact: true }).click();
  }
  await done.waitFor({ timeout: T });
  return seen;
}

beforeAll(async () => {
  sandbox = await startSandbox({ orders: 20 });
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
    await connectStore(browser, sandbox);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = LANGS.flatMap((lang) => (['mark', 'dialog'] as const).map((action) => ({ lang, action })));
  it.each(cases)('$action ($lang): Amazon + ordinary selected → the Amazon buyer gets nothing', async ({ lang, action }) => {
    const seen = await bulk(browser, page, { lang, orders: ['amazon', 'ordinary'], action, withExtension: true, shot: `orders-list-bulk-${action === 'mark' ? 'ask' : 'dialog'}-${lang}` });
    expect(outboxFor(sandbox, DEMO_ORDERS.amazon.id)).toEqual([]);
    expect(sandbox.api.outbox.filter((m) => m.to === DEMO_ORDERS.amazon.email)).toEqual([]);
    expect(fulfilled('amazon')).toBe(true);
    if (action === 'mark') {
      // Asked first, naming how many and which marketplace; the address was fixed, then fulfilled;
      // the ordinary customer still got their shipping confirmation.
      // One relay order: the singular, in each language (French once said "1 des commandes … ont").
      expect(seen.asked).toBe(ASKED_ONE_AMAZON[lang]);
      expect(sandbox.api.store.orderById(Number(DEMO_ORDERS.amazon.legacyId))!.email).toBeNull();
      expect(outboxFor(sandbox, DEMO_ORDERS.ordinary.id).map((m) => m.to)).toEqual([DEMO_ORDERS.ordinary.email]);
    } else {
      expect(seen).toMatchObject({ labelled: true, checkedAtSubmit: false });
    }
  });

  it.each(['mark', 'dialog'] as const)('%s: an ordinary selection is not touched and still notifies', async (action) => {
    const seen = await bulk(browser, page, { lang: 'en', orders: ['ordinary'], action, withExtension: true });
    expect(seen.asked).toBeNull();
    if (action === 'dialog') expect(seen).toMatchObject({ labelled: false, checkedAtSubmit: true });
    expect(outboxFor(sandbox, DEMO_ORDERS.ordinary.id).map((m) => m.to)).toEqual([DEMO_ORDERS.ordinary.email]);
  });

  it('not connected: the guard cannot tell what the selection holds and says so in the dialog', async () => {
    await disconnectStore(browser, sandbox.handle);
    try {
      const l = (k: Parameters<typeof listText>[1]) => listText('en', k);
      await page.goto(`${sandbox.orderListUrl()}?lang=en`);
      await page.locator('pmg-list-banner section').waitFor({ timeout: T });
      await page.getByRole('checkbox', { name: listText('en', 'selectRow', { name: nameOf('amazon') }), exact: true }).check();
      await page.getByRole('button', { name: l('bulkFulfil'), exact: true }).click();
      const note = page.getByRole('dialog').locator('[data-pmg="guard-inactive"]');
      await note.waitFor({ timeout: T });
      expect(await note.locator('p').innerText()).toContain('Guard inactive');
      await browser.screenshot(page, 'orders-list-bulk-inactive-en');
      await page.getByRole('dialog').getByRole('button', { name: l('cancel'), exact: true }).click();
    } finally {
      await connectStore(browser, sandbox);
    }
  });
});

describe('control: the same bulk actions without the extension', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser({ extension: false });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = LANGS.flatMap((lang) => (['mark', 'dialog'] as const).map((action) => ({ lang, action })));
  it.each(cases)('$action ($lang): Shopify would email the Amazon relay address', async ({ lang, action }) => {
    const seen = await bulk(browser, page, { lang, orders: ['amazon', 'ordinary'], action, withExtension: false });
    expect(seen.asked).toBeNull();
    if (action === 'dialog') expect(seen).toMatchObject({ labelled: false, checkedAtSubmit: true });
    expect(outboxFor(sandbox, DEMO_ORDERS.amazon.id).map((m) => m.to)).toEqual([DEMO_ORDERS.amazon.email]);
  });
});
