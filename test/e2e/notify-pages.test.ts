/**
 * Notify guard, page surfaces (fulfil items, mark as fulfilled, refund) in real Chromium, en/fr/de.
 * With the extension: zero notifications to the marketplace buyer. Without it (control): exactly one,
 * which proves each scenario can fail. An ordinary order still notifies its customer with the
 * extension. Screenshots: test-results/screenshots/notify-<surface>-<lang>.png
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectStore, disconnectStore, launchBrowser, type LaunchedBrowser } from './harness';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { extensionCopy, removeExtensionCopies, outboxFor, runSurface, type NotifySurface } from './notify-scenarios';

const SURFACES: NotifySurface[] = ['fulfil', 'mark-as-fulfilled', 'refund'];
const LANGS = ['en', 'fr', 'de'] as const;
// French runs without a store connection: the guard then works from what the page shows.
const CASES = SURFACES.flatMap((surface) => LANGS.map((lang) => ({ surface, lang, connected: lang !== 'fr' })));
const amazon = DEMO_ORDERS.amazon;

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
    const seen = await runSurface(browser, page, sandbox, { surface, lang, orderId: amazon.legacyId, withExtension: true, shot: `notify-${surface}-${lang}` });
    expect(seen).toEqual({ labelled: true, checkedAtSubmit: false });
    expect(outboxFor(sandbox, amazon.id)).toEqual([]);
    expect(sandbox.api.outbox.filter((m) => m.to === amazon.email)).toEqual([]);
  });

  it.each(SURFACES)('%s: an ordinary order still notifies its customer', async (surface) => {
    await connectStore(browser.serviceWorker!, sandbox);
    const ordinary = DEMO_ORDERS.ordinary;
    const seen = await runSurface(browser, page, sandbox, { surface, lang: 'en', orderId: ordinary.legacyId, withExtension: false });
    expect(seen).toEqual({ labelled: false, checkedAtSubmit: true });
    expect(outboxFor(sandbox, ordinary.id).map((m) => m.to)).toEqual([ordinary.email]);
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
    const seen = await runSurface(browser, page, sandbox, { surface, lang, orderId: amazon.legacyId, withExtension: false });
    expect(seen).toEqual({ labelled: false, checkedAtSubmit: true });
    expect(outboxFor(sandbox, amazon.id).map((m) => m.to)).toEqual([amazon.email]);
  });
});
