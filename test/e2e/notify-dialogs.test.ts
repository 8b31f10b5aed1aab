/**
 * Notify guard, dialog surfaces of the order page (add tracking, edit tracking, cancel order; they
 * open without a URL change) in real Chromium, en/fr/de. With the extension: zero notifications to
 * the Amazon buyer; without it (control): exactly one; an ordinary order still notifies.
 * Screenshots: test-results/screenshots/notify-<surface>-<lang>.png
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectStore, disconnectStore, launchBrowser, type LaunchedBrowser } from './harness';
import { DEMO_ORDERS, startSandbox, type DemoKey, type Sandbox } from '../sandbox/server';
import { extensionCopy, removeExtensionCopies, fulfilViaApi, outboxFor, runSurface, type NotifySurface } from './notify-scenarios';

const SURFACES = ['add-tracking', 'edit-tracking', 'cancel'] as const satisfies readonly NotifySurface[];
const LANGS = ['en', 'fr', 'de'] as const;
// German runs without a store connection: the guard then works from what the order page shows.
const CASES = SURFACES.flatMap((surface) => LANGS.map((lang) => ({ surface, lang, connected: lang !== 'de' })));

let sandbox: Sandbox;

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

/** The order to use and what to prepare, for the Amazon buyer or an ordinary customer. */
async function prepare(surface: (typeof SURFACES)[number], who: 'marketplace' | 'ordinary'): Promise<DemoKey> {
  if (who === 'marketplace') {
    if (surface === 'edit-tracking') return 'amazonFulfilled'; // seeded with a tracked fulfilment
    if (surface === 'add-tracking') await fulfilViaApi(sandbox, DEMO_ORDERS.amazon.fulfillmentOrderId);
    return 'amazon';
  }
  if (surface !== 'cancel') await fulfilViaApi(sandbox, DEMO_ORDERS.ordinary.fulfillmentOrderId, surface === 'edit-tracking' ? '1Z999AA10123456700' : undefined);
  return 'ordinary';
}

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

  it.each(CASES)('$surface ($lang, connected: $connected): the Amazon buyer gets no notification', async ({ surface, lang, connected }) => {
    if (connected) await connectStore(browser.serviceWorker!, sandbox);
    else await disconnectStore(browser.serviceWorker!, sandbox.handle);
    const order = DEMO_ORDERS[await prepare(surface, 'marketplace')];
    const seen = await runSurface(browser, page, sandbox, { surface, lang, orderId: order.legacyId, withExtension: true, shot: `notify-${surface}-${lang}` });
    expect(seen).toEqual({ labelled: true, checkedAtSubmit: false });
    expect(outboxFor(sandbox, order.id)).toEqual([]);
    expect(sandbox.api.outbox.filter((m) => m.to === order.email)).toEqual([]);
  });

  it.each(SURFACES)('%s: an ordinary order still notifies its customer', async (surface) => {
    await connectStore(browser.serviceWorker!, sandbox);
    const order = DEMO_ORDERS[await prepare(surface, 'ordinary')];
    const seen = await runSurface(browser, page, sandbox, { surface, lang: 'en', orderId: order.legacyId, withExtension: false });
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

  it.each(CASES)('$surface ($lang): Shopify would email the Amazon relay address', async ({ surface, lang }) => {
    const order = DEMO_ORDERS[await prepare(surface, 'marketplace')];
    const seen = await runSurface(browser, page, sandbox, { surface, lang, orderId: order.legacyId, withExtension: false });
    expect(seen).toEqual({ labelled: false, checkedAtSubmit: true });
    expect(outboxFor(sandbox, order.id).map((m) => m.to)).toEqual([order.email]);
  });
});
