/**
 * The order list's script reaches the page without a web-accessible file (issue 11): the content
 * script asks the background, which injects orders-list.js into the asking frame only, once per page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage } from '../../lib/messaging';
import { registerOrdersListHandlers } from '../../lib/platform/handlers/orders-list';
import { LIST_MODULE_KEY } from '../../entrypoints/admin.content/orders-list/key';
import { adminTab, extensionPage, sendFrom } from '../setup/senders';

const store = { handle: 'demo-store' };
const start = () => true;

/** Stands in for the browser running orders-list.js in the isolated world: it sets the entry point. */
function fakeInjection(outcome: 'sets-entry' | 'throws' | 'sets-nothing' = 'sets-entry') {
  return vi.fn(async (_details: { target: { tabId: number; frameIds?: number[] }; files?: string[] }) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (outcome === 'throws') throw new Error('Cannot access contents of the page');
    if (outcome === 'sets-entry') (globalThis as Record<symbol, unknown>)[LIST_MODULE_KEY] = start;
    return [];
  });
}

async function freshLoader() {
  vi.resetModules();
  return (await import('../../entrypoints/admin.content/features/orders-list')).loadListModule;
}

beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[LIST_MODULE_KEY];
  registerOrdersListHandlers();
});
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[LIST_MODULE_KEY];
});

describe('loading the order list script', () => {
  it('injects orders-list.js into the asking frame of the asking tab, once however often the list is opened', async () => {
    const executeScript = fakeInjection();
    fakeBrowser.scripting.executeScript = executeScript as never;
    sendFrom({ ...adminTab('demo-store', '/orders', 42), frameId: 0 } as never);
    const load = await freshLoader();

    // Two features racing (a re-render) and a later visit to the list (single-page navigation).
    const [a, b] = await Promise.all([load(store), load(store)]);
    const c = await load(store);
    expect(a).toBe(start);
    expect(b).toBe(start);
    expect(c).toBe(start);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript.mock.calls[0]![0]).toEqual({ target: { tabId: 42, frameIds: [0] }, files: ['/orders-list.js'] });
  });

  it('does not ask again when the entry point is already in this world', async () => {
    const executeScript = fakeInjection();
    fakeBrowser.scripting.executeScript = executeScript as never;
    sendFrom(adminTab('demo-store', '/orders'));
    (globalThis as Record<symbol, unknown>)[LIST_MODULE_KEY] = start;
    expect(await (await freshLoader())(store)).toBe(start);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('a failed injection rejects with the reason and is tried again next time', async () => {
    fakeBrowser.scripting.executeScript = fakeInjection('throws') as never;
    sendFrom(adminTab('demo-store', '/orders'));
    const load = await freshLoader();
    await expect(load(store)).rejects.toThrow(/could not be loaded: Cannot access contents of the page/);
    const retry = fakeInjection();
    fakeBrowser.scripting.executeScript = retry as never;
    expect(await load(store)).toBe(start);
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('a script that ran but left no entry point is an error, not a silent nothing', async () => {
    fakeBrowser.scripting.executeScript = fakeInjection('sets-nothing') as never;
    sendFrom(adminTab('demo-store', '/orders'));
    await expect((await freshLoader())(store)).rejects.toThrow(/did not load/);
  });

  it('refuses another store than the tab shows, and our own pages (no tab to inject into)', async () => {
    const executeScript = fakeInjection();
    fakeBrowser.scripting.executeScript = executeScript as never;
    sendFrom(adminTab('other-store', '/orders'));
    expect(await sendMessage('loadOrdersListScript', { store })).toMatchObject({ ok: false, error: { code: 'caller_refused' } });
    sendFrom(extensionPage('dashboard.html'));
    expect(await sendMessage('loadOrdersListScript', { store })).toMatchObject({ ok: false, error: { code: 'no_tab' } });
    expect(executeScript).not.toHaveBeenCalled();
  });
});
