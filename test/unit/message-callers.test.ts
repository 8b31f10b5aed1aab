/**
 * Every background call is checked against the sender the BROWSER describes (lib/callers.ts):
 * popup/dashboard-only calls refuse content scripts, a content script may only ask about the store of
 * the tab it runs in, and a call that declares no callers is refused.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage, sendMessage } from '../../lib/messaging';
import { ok } from '../../lib/result';
import { checkCaller, type CallerEnv } from '../../lib/callers';
import { registerConnectionHandlers } from '../../lib/platform/handlers/connection';
import { registerPageStatusHandlers } from '../../lib/platform/handlers/page-status';
import { registerBulkHandlers } from '../../lib/platform/handlers/bulk';
import { registerOrderHandlers } from '../../lib/platform/handlers/order';
import { getCredentials } from '../../lib/platform/credentials';
import type { PageStatus } from '../../lib/messages';
import { adminTab, contentScript, extensionPage, sendFrom } from '../setup/senders';

const refused = { ok: false, error: { code: 'caller_refused' } };

describe('popup- and dashboard-only calls', () => {
  it('connect from a content script is refused before the handler runs; from the popup it runs', async () => {
    registerConnectionHandlers();
    sendFrom(adminTab('demo-store'));
    const answer = await sendMessage('connect', { store: { handle: 'demo-store' }, credentials: { kind: 'admin-token', token: 'shpat_attacker' } });
    expect(answer).toMatchObject(refused);
    expect(await getCredentials('demo-store')).toBeNull();
    // The same content script cannot disconnect or test the connection either.
    expect(await sendMessage('disconnect', { store: { handle: 'demo-store' } })).toMatchObject(refused);
    expect(await sendMessage('testConnection', { store: { handle: 'demo-store' } })).toMatchObject(refused);

    sendFrom(extensionPage('popup.html'));
    expect(await sendMessage('disconnect', { store: { handle: 'demo-store' } })).toEqual({ ok: true, value: undefined });
  });

  it('every bulk and audit call refuses a content script', async () => {
    registerBulkHandlers();
    sendFrom(adminTab('demo-store'));
    const store = { handle: 'demo-store' };
    expect(await sendMessage('bulkScan', { store })).toMatchObject(refused);
    expect(await sendMessage('bulkJobs', { store })).toMatchObject(refused);
    expect(await sendMessage('bulkUndoBatch', { batchId: 'x' })).toMatchObject(refused);
    expect(await sendMessage('auditQuery', { store, filters: {} })).toMatchObject(refused);
    expect(await sendMessage('auditExportCsv', { store, filters: {} })).toMatchObject(refused);
  });

  it('an extension page of another extension id, or a web page, is not an extension page', async () => {
    const handler = vi.fn(async () => ok(undefined));
    onMessage('disconnect', 'extension', handler);
    sendFrom({ id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' });
    expect(await sendMessage('disconnect', { store: { handle: 'a' } })).toMatchObject(refused);
    sendFrom({ id: fakeBrowser.runtime.id, url: `https://evil.example/${fakeBrowser.runtime.getURL('/popup.html')}` });
    expect(await sendMessage('disconnect', { store: { handle: 'a' } })).toMatchObject(refused);
    sendFrom({});
    expect(await sendMessage('disconnect', { store: { handle: 'a' } })).toMatchObject(refused);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('content-script calls: only for the store of the sender tab', () => {
  it('a tab of one store asking for another store is refused; its own store goes through', async () => {
    const handler = vi.fn(async () => ok({ orderId: '1' } as never));
    onMessage('getOrderFacts', 'store-tab', handler);
    sendFrom(adminTab('shop-a'));
    expect(await sendMessage('getOrderFacts', { store: { handle: 'shop-b' }, orderId: '1' })).toMatchObject(refused);
    expect(handler).not.toHaveBeenCalled();
    expect(await sendMessage('getOrderFacts', { store: { handle: 'shop-a' }, orderId: '1' })).toMatchObject({ ok: true });
    // The legacy admin host counts as the same store.
    sendFrom(contentScript('https://shop-a.myshopify.com/admin/orders/1'));
    expect(await sendMessage('getOrderFacts', { store: { handle: 'shop-a' }, orderId: '1' })).toMatchObject({ ok: true });
    expect(await sendMessage('getOrderFacts', { store: { handle: 'shop-b' }, orderId: '1' })).toMatchObject(refused);
  });

  it('applyFix and undoFix for another store are refused (nothing reaches the API layer)', async () => {
    registerOrderHandlers();
    sendFrom(adminTab('shop-a'));
    expect(await sendMessage('applyFix', { store: { handle: 'shop-b' }, orderId: '1', fix: 'strip' })).toMatchObject(refused);
    expect(await sendMessage('undoFix', { store: { handle: 'shop-b' }, orderId: '1' })).toMatchObject(refused);
    // Its own store reaches the handler (which then says the store is not connected).
    expect(await sendMessage('undoFix', { store: { handle: 'shop-a' }, orderId: '1' })).toMatchObject({ ok: false, error: { code: 'not_connected' } });
  });

  it('a page-supplied origin that is not the tab’s own is refused', async () => {
    onMessage('getOrderFacts', 'store-tab', async () => ok({} as never));
    sendFrom(adminTab('shop-a'));
    expect(await sendMessage('getOrderFacts', { store: { handle: 'shop-a', origin: 'http://127.0.0.1:9999' }, orderId: '1' })).toMatchObject(refused);
  });

  it('a tab that is not an admin page (or has no tab) may not call at all', async () => {
    onMessage('getTexts', 'admin-tab', async () => ok({ locale: 'en', texts: {} }));
    sendFrom(contentScript('https://evil.example/store/shop-a/orders/1'));
    expect(await sendMessage('getTexts', { locale: 'en', prefixes: [] })).toMatchObject(refused);
    sendFrom({ id: fakeBrowser.runtime.id, url: 'https://admin.shopify.com/store/shop-a/orders/1' }); // no tab
    expect(await sendMessage('getTexts', { locale: 'en', prefixes: [] })).toMatchObject(refused);
    sendFrom(adminTab('shop-a'));
    expect(await sendMessage('getTexts', { locale: 'en', prefixes: [] })).toMatchObject({ ok: true });
  });
});

describe('page status', () => {
  const status = (handle: string): PageStatus => ({ store: { handle }, surface: 'order', orderId: '1', flagged: null, actions: [], inactive: false });

  it('a content script cannot read any tab’s status, not even its own; the popup reads the tab it asks for', async () => {
    registerPageStatusHandlers();
    sendFrom(adminTab('shop-a', '/orders/1', 7));
    expect(await sendMessage('reportPageStatus', status('shop-a'))).toEqual({ ok: true, value: undefined });
    sendFrom(adminTab('shop-b', '/orders/1', 8));
    expect(await sendMessage('getPageStatus', { tabId: 7 })).toMatchObject(refused);
    expect(await sendMessage('getPageStatus', { tabId: 8 })).toMatchObject(refused);
    sendFrom(extensionPage('popup.html'));
    expect(await sendMessage('getPageStatus', { tabId: 7 })).toMatchObject({ ok: true, value: { store: { handle: 'shop-a' } } });
  });

  it('a tab can only report a status for its own store, and only into its own slot', async () => {
    registerPageStatusHandlers();
    sendFrom(adminTab('shop-a', '/orders/1', 7));
    expect(await sendMessage('reportPageStatus', status('shop-b'))).toMatchObject(refused);
    sendFrom(extensionPage('popup.html'));
    expect(await sendMessage('getPageStatus', { tabId: 7 })).toEqual({ ok: true, value: null });
  });
});

describe('declarations', () => {
  it('a handler registered without a known caller declaration refuses everybody', async () => {
    const handler = vi.fn(async () => ok(undefined));
    onMessage('disconnect', 'anyone' as never, handler);
    sendFrom(extensionPage());
    expect(await sendMessage('disconnect', { store: { handle: 'a' } })).toMatchObject(refused);
    expect(handler).not.toHaveBeenCalled();
  });

  it('checkCaller in sandbox builds: the fake admin on loopback is a store tab with its origin', () => {
    const env: CallerEnv = { extensionId: 'x', extensionBase: 'chrome-extension://x/', sandbox: true };
    const sender = { id: 'x', url: 'http://127.0.0.1:4173/store/demo/orders/1', tab: { id: 1 } };
    expect(checkCaller('store-tab', sender, { store: { handle: 'demo', origin: 'http://127.0.0.1:4173' } }, env)).toEqual({ ok: true });
    expect(checkCaller('store-tab', sender, { store: { handle: 'demo', origin: 'http://127.0.0.1:5555' } }, env).ok).toBe(false);
    expect(checkCaller('store-tab', sender, { store: { handle: 'demo' } }, env).ok).toBe(false);
    // Production: loopback is no admin page at all.
    expect(checkCaller('store-tab', sender, { store: { handle: 'demo', origin: 'http://127.0.0.1:4173' } }, { ...env, sandbox: false }).ok).toBe(false);
  });
});

// Compile-time half of "deny unless declared": an entry without `from` cannot get a handler.
declare module '../../lib/messages' {
  interface ProtocolMap {
    /** Test-only entry that declares no callers. */
    __undeclaredForTest(data: { x: number }): import('../../lib/result').Result<void>;
  }
}
function undeclaredCannotRegister(): void {
  // @ts-expect-error — no caller declared in the map, so there is no valid `from` (typecheck fails without the error).
  onMessage('__undeclaredForTest', 'extension', async () => ok(undefined));
}
void undeclaredCannotRegister;
