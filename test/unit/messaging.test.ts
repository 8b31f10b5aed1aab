import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage, sendMessage } from '../../lib/messaging';
import { ok } from '../../lib/result';
import { getPageStatus, reportPageStatus } from '../../lib/platform/handlers/page-status';
import { openConnect, registerConnectionHandlers } from '../../lib/platform/handlers/connection';
import type { PageStatus } from '../../lib/messages';

const status: PageStatus = {
  store: { handle: 'demo-store' },
  surface: 'order',
  orderId: '1001',
  flagged: { marketplace: 'amazon', label: 'Amazon', via: 'email' },
  actions: [{ key: 'guard_status_turned_off', params: { surface: { key: 'guard_surface_fulfil' } } }],
  inactive: false,
};

describe('messaging', () => {
  it('delivers typed data to the handler and its Result back', async () => {
    onMessage('getPageStatus', 'extension', async ({ tabId }) => ok({ ...status, orderId: String(tabId) }));
    const result = await sendMessage('getPageStatus', { tabId: 42 });
    expect(result).toEqual({ ok: true, value: { ...status, orderId: '42' } });
  });

  it('routes by name when several handlers are registered', async () => {
    onMessage('disconnect', 'extension', async () => ok(undefined));
    onMessage('getPageStatus', 'extension', async () => ok(null));
    expect(await sendMessage('getPageStatus', { tabId: 1 })).toEqual({ ok: true, value: null });
    expect(await sendMessage('disconnect', { store: { handle: 'a' } })).toEqual({ ok: true, value: undefined });
  });

  it('turns a thrown handler into a Result error, with secrets redacted', async () => {
    onMessage('testConnection', 'extension', async () => {
      throw new Error('boom with shpat_0123456789abcdef');
    });
    const result = await sendMessage('testConnection', { store: { handle: 'a' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal_error');
      expect(result.error.message).not.toContain('shpat_0123');
    }
  });

  it('answers extension_unreachable when nobody listens', async () => {
    const result = await sendMessage('getPageStatus', { tabId: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'extension_unreachable' } });
  });

  it('ignores foreign messages', async () => {
    onMessage('getPageStatus', 'extension', async () => ok(null));
    const answer = await fakeBrowser.runtime.sendMessage({ hello: 'world' });
    expect(answer).toBeUndefined();
  });
});

describe('page status', () => {
  it('stores per tab and survives the in-memory copy being lost', async () => {
    expect(await reportPageStatus(status, { tab: { id: 7 } as never })).toEqual({ ok: true, value: undefined });
    expect(await getPageStatus({ tabId: 7 })).toEqual({ ok: true, value: status });
    expect(await getPageStatus({ tabId: 8 })).toEqual({ ok: true, value: null });
  });

  it('refuses a report without a tab', async () => {
    expect(await reportPageStatus(status, {})).toMatchObject({ ok: false, error: { code: 'no_tab' } });
  });
});

describe('openConnect', () => {
  it('opens the popup connect step in a new tab', async () => {
    registerConnectionHandlers();
    const result = await sendMessage('openConnect', { store: { handle: 'demo-store' } });
    expect(result.ok).toBe(true);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.some((t) => t.url?.endsWith('/popup.html#connect?store=demo-store'))).toBe(true);
  });

  it('rejects a malformed store handle', async () => {
    expect(await openConnect({ store: { handle: 'Bad Store!' } })).toMatchObject({ ok: false, error: { code: 'store_invalid' } });
  });
});
