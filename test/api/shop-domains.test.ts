/**
 * Orders a connector already moved to the merchant's own domain (channel Amazon, address at one of
 * the shop's domains) are protected, not relay orders (issue 16): the shop's primary and connected
 * domains are read from the Admin API at connect, kept with the store's settings, and every
 * classification (card, bulk scan) treats them like the fixed address and the domain swap.
 */
import { describe, expect, it } from 'vitest';
import { handlersOnFakeApi } from './helpers';
import type { FakeAdminApi } from '../fake-admin-api/index';
import { sendMessage } from '../../lib/messaging';
import { registerConnectionHandlers } from '../../lib/platform/handlers/connection';
import { registerOrderHandlers } from '../../lib/platform/handlers/order';
import { getStoreSettings } from '../../lib/platform/settings-storage';
import { classifierFromSettings } from '../../lib/bulk/classify';
import { detect } from '../../entrypoints/admin.content/features/proxy-banner';
import { defaultSettings, exportSettings, migrateSettings } from '../../lib/settings';

let api: FakeAdminApi;
handlersOnFakeApi({ orders: 20, seed: 16 }, (started) => (api = started), () => {
  registerConnectionHandlers();
  registerOrderHandlers();
});

const store = () => ({ handle: api.shop, origin: api.origin });
const connect = () => sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: api.token } });

describe("the shop's own domains", () => {
  it('are read at connect (primary first, connected ones, the myshopify one) and kept with the settings', async () => {
    expect((await getStoreSettings(api.shop)).shopDomains).toEqual([]);
    const report = await connect();
    expect(report.ok).toBe(true);
    const domains = [`${api.shop}.com`, `${api.shop}.de`, `${api.shop}.myshopify.com`];
    expect(report.ok && report.value.shopDomains).toEqual(domains);
    expect((await getStoreSettings(api.shop)).shopDomains).toEqual(domains);
  });

  it('make an Amazon order whose address a connector moved to a connected domain "protected", in the card and the bulk scan', async () => {
    const moved = api.store.addOrder({ email: '114-3941689-8772232@' + `${api.shop}.de`, sourceName: 'amazon', tags: ['amazon'], kind: 'marketplace', marketplace: 'amazon' });
    const relay = api.store.addOrder({ email: 'c4dc1kt7abtb7qr@marketplace.amazon.com', sourceName: 'amazon', tags: ['amazon'], kind: 'marketplace', marketplace: 'amazon' });
    const order = (o: typeof moved) => ({ email: o.email, sourceName: o.sourceName, sourceIdentifier: null, channelName: null, appName: null, tags: o.tags, originalEmail: null });

    // Control: without the shop's domains the moved order looks like an Amazon order still to fix.
    expect(classifierFromSettings(defaultSettings())(order(moved)).cls).toBe('relay');

    await connect();
    const settings = await getStoreSettings(api.shop);
    const classify = classifierFromSettings(settings);
    expect(classify(order(moved))).toMatchObject({ cls: 'neutralised', marketplace: 'amazon' });
    expect(classify(order(relay)).cls).toBe('relay');

    // The card reads the same facts from the API and says "protected".
    const facts = await sendMessage('getOrderFacts', { store: store(), orderId: String(moved.id) });
    expect(facts.ok).toBe(true);
    if (!facts.ok) return;
    expect(detect({ settings, facts: facts.value, pageEmail: null })).toMatchObject({ marketplace: 'amazon', neutralised: 'domain' });
    expect(detect({ settings: defaultSettings(), facts: facts.value, pageEmail: null })?.neutralised ?? null).toBeNull();
  });

  it('are not carried in a settings file, and junk in storage is dropped', () => {
    const settings = { ...defaultSettings(), shopDomains: ['demo-store.com'] };
    expect(JSON.parse(exportSettings(settings, 'demo-store')).settings.shopDomains).toBeUndefined();
    expect(migrateSettings({ ...settings, shopDomains: ['Demo-Store.COM', 'not a domain', 7, 'demo-store.com'] }).shopDomains).toEqual(['demo-store.com']);
  });
});
