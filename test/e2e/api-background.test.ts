/**
 * The API layer inside the real extension: Chromium's MV3 service worker (no window, so the Admin API
 * client runs as in production), typed messages from an extension page, IndexedDB audit log in the
 * worker, the fake Admin API on 127.0.0.1 (sandbox build only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './harness';
import { startFakeAdminApi, DEMO_ORDERS, type FakeAdminApi } from '../fake-admin-api/index';

let api: FakeAdminApi;
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 30 });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** The extension API as seen inside the page / worker (evaluated there, not in Node). */
type ChromeLike = {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> }; sync: { get(keys: null): Promise<Record<string, unknown>> } };
};

// The wire format of lib/messaging.ts (an extension page talking to the background).
const send = (name: string, data: unknown) =>
  page.evaluate(([n, d]) => (globalThis as unknown as { chrome: ChromeLike }).chrome.runtime.sendMessage({ tag: 'pmg/1', name: n, data: d }), [name, data] as const);

describe('background API layer in Chromium', () => {
  it('connects, reads, fixes and undoes an order through the service worker', async () => {
    const store = { handle: api.shop, origin: api.origin };
    expect(await send('getOrderFacts', { store, orderId: DEMO_ORDERS.amazon.legacyId })).toMatchObject({ ok: false, error: { code: 'not_connected' } });
    expect(await send('connect', { store, credentials: { kind: 'admin-token', token: 'shpat_wrongwrongwrongwrongwrongwrong' } })).toMatchObject({
      ok: false,
      error: { code: 'token_invalid' },
    });
    expect(await send('connect', { store, credentials: { kind: 'admin-token', token: api.token } })).toMatchObject({ ok: true, value: { missingScopes: [] } });
    expect(await send('applyFix', { store, orderId: DEMO_ORDERS.amazon.legacyId, fix: 'strip' })).toMatchObject({
      ok: true,
      value: { changed: true, after: null, stripBehaviour: 'cleared' },
    });
    expect(api.store.orderById(Number(DEMO_ORDERS.amazon.legacyId))?.email).toBeNull();
    expect(await send('undoFix', { store, orderId: DEMO_ORDERS.amazon.legacyId })).toMatchObject({ ok: true, value: { after: DEMO_ORDERS.amazon.email } });
    expect(api.store.orderById(Number(DEMO_ORDERS.amazon.legacyId))?.email).toBe(DEMO_ORDERS.amazon.email);
    // The token stays in storage.local of the extension, nowhere in the page.
    const local = await browser.serviceWorker!.evaluate(() => (globalThis as unknown as { chrome: ChromeLike }).chrome.storage.local.get(null));
    expect(JSON.stringify(local)).toContain(api.token);
    expect(JSON.stringify(await browser.serviceWorker!.evaluate(() => (globalThis as unknown as { chrome: ChromeLike }).chrome.storage.sync.get(null)))).not.toContain(api.token);
  });
});
