import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  getStoreSettings,
  hasStoreSettings,
  listConfiguredStores,
  removeStoreSettings,
  saveStoreSettings,
  watchStoreSettings,
} from '../../lib/platform/settings-storage';
import { defaultSettings, type StoreSettings } from '../../lib/settings';

const custom = (): StoreSettings => ({ ...defaultSettings(), defaultStrategy: 'domain', domain: 'mystore.com', overrides: { etsy: 'keep' } });

describe('settings storage (sync:settings:{handle})', () => {
  it('returns the defaults for a store with nothing saved', async () => {
    expect(await getStoreSettings('demo-store')).toEqual(defaultSettings());
    expect(await hasStoreSettings('demo-store')).toBe(false);
  });

  it('saves valid settings under sync:settings:{handle} and reads them back', async () => {
    const saved = await saveStoreSettings('demo-store', custom());
    expect(saved.ok).toBe(true);
    expect(await getStoreSettings('demo-store')).toEqual(custom());
    expect(await hasStoreSettings('demo-store')).toBe(true);
    const raw = await fakeBrowser.storage.sync.get('settings:demo-store');
    expect(raw['settings:demo-store']).toMatchObject({ version: 1, domain: 'mystore.com' });
    // Settings sync across devices; nothing is written to local storage.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('refuses invalid settings and writes nothing', async () => {
    const result = await saveStoreSettings('demo-store', { ...custom(), domain: 'marketplace.amazon.de' });
    expect(result).toMatchObject({ ok: false, error: { code: 'domain_is_relay', params: { field: 'domain' } } });
    expect(await hasStoreSettings('demo-store')).toBe(false);
  });

  it.each([
    ['co.uk', 'extra_domain_public_suffix'],
    ['gmail.com', 'extra_domain_mail_provider'],
  ])('refuses to save the extra relay domain %s (it would flag everybody) and writes nothing', async (domain, code) => {
    const result = await saveStoreSettings('demo-store', { ...custom(), extraDomains: ['relay.example.com', domain] });
    expect(result).toMatchObject({ ok: false, error: { code, params: { field: 'extraDomains.1', domain } } });
    expect(await hasStoreSettings('demo-store')).toBe(false);
  });

  it('refuses a store name that is not a Shopify handle', async () => {
    const result = await saveStoreSettings('Not A Store!', custom());
    expect(result).toMatchObject({ ok: false, error: { code: 'store_invalid' } });
    expect(await getStoreSettings('Not A Store!')).toEqual(defaultSettings());
    expect(await hasStoreSettings('Not A Store!')).toBe(false);
    expect(watchStoreSettings('Not A Store!', () => {})).toBeTypeOf('function');
    await removeStoreSettings('Not A Store!');
  });

  it('migrates whatever is stored (old versions, garbage) on read', async () => {
    await fakeBrowser.storage.sync.set({ 'settings:old-store': { strategy: { kind: 'fixed', email: 'orders@old.com' }, notifyGuard: false } });
    await fakeBrowser.storage.sync.set({ 'settings:broken-store': 'garbage' });
    expect(await getStoreSettings('old-store')).toMatchObject({ version: 1, defaultStrategy: 'fixed', fixedEmail: 'orders@old.com', guardEnabled: false });
    expect(await getStoreSettings('broken-store')).toEqual(defaultSettings());
  });

  it('tells watchers about changes, migrated, until unwatched', async () => {
    const seen: StoreSettings[] = [];
    const unwatch = watchStoreSettings('demo-store', (s) => seen.push(s));
    await saveStoreSettings('demo-store', custom());
    await removeStoreSettings('demo-store');
    unwatch();
    await saveStoreSettings('demo-store', custom());
    expect(seen).toEqual([custom(), defaultSettings()]);
  });

  it('lists stores with settings or credentials, sorted, once each', async () => {
    await saveStoreSettings('zeta-store', defaultSettings());
    await saveStoreSettings('alpha-store', defaultSettings());
    await fakeBrowser.storage.local.set({ 'credentials:alpha-store': { x: 1 }, 'credentials:beta-store': { x: 1 }, 'other:thing': 1 });
    await fakeBrowser.storage.sync.set({ 'settings:Bad Handle': {}, unrelated: 1 });
    expect(await listConfiguredStores()).toEqual(['alpha-store', 'beta-store', 'zeta-store']);
  });

  it('refuses settings over the 8 KB storage.sync item limit, and writes nothing', async () => {
    const extraDomains = Array.from({ length: 70 }, (_, i) => `relay${i}.${'x'.repeat(60)}.${'y'.repeat(60)}.example`);
    const result = await saveStoreSettings('demo-store', { ...defaultSettings(), extraDomains });
    expect(result).toMatchObject({ ok: false, error: { code: 'settings_too_large' } });
    expect(await hasStoreSettings('demo-store')).toBe(false);
  });

  it('reports a storage failure (quota, write rate) instead of throwing', async () => {
    const spy = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    const result = await saveStoreSettings('demo-store', custom());
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    expect(await hasStoreSettings('demo-store')).toBe(false);
  });
});
