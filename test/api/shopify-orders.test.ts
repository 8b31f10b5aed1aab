import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeAdminApi, DEMO_ORDERS, type FakeAdminApi } from '../fake-admin-api/index';
import { readOrderFacts, fetchOrdersPage, listMarketplaceOrders } from '../../lib/shopify/order-facts';
import { changeOrderEmail, restoreOriginal } from '../../lib/shopify/email-change';
import { testConnection } from '../../lib/shopify/connection';
import { ApiFailure } from '../../lib/shopify/errors';
import { clientFor, contextFor, stored } from './helpers';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 120, seed: 7 });
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.reset();
});

const amazon = () => DEMO_ORDERS.amazon;

describe('reading orders', () => {
  it('reads the contact facts of a marketplace order', async () => {
    const facts = await readOrderFacts(clientFor(api), amazon().legacyId);
    expect(facts).toMatchObject({
      orderId: amazon().legacyId,
      email: amazon().email,
      sourceIdentifier: amazon().sourceIdentifier,
      channelName: 'Amazon',
      originalEmail: null,
      via: 'api',
    });
    expect(facts?.customer?.id).toMatch(/^gid:\/\/shopify\/Customer\/\d+$/);
  });

  it('answers null for an unknown order and refuses a malformed id before sending', async () => {
    const client = clientFor(api);
    expect(await readOrderFacts(client, '999999999')).toBeNull();
    await expect(readOrderFacts(client, '12; drop')).rejects.toMatchObject({ code: 'order_not_found' });
  });

  it('pages newest first and keeps only marketplace orders', async () => {
    const client = clientFor(api);
    const first = await fetchOrdersPage(client, { first: 50 });
    expect(first.orders.length).toBe(50);
    // Larger pages are capped below Shopify's 1,000-point single-query limit.
    const big = await fetchOrdersPage(client, { first: 250 });
    expect(big.orders.length).toBe(100);
    expect(client.stats.lastCost!.requestedQueryCost).toBeLessThanOrEqual(1000);
    const times = first.orders.map((o) => o.orderId);
    expect(new Set(times).size).toBe(50);
    let scanned = 0;
    let flagged = 0;
    for await (const page of listMarketplaceOrders(client, { first: 50 })) {
      scanned += page.scanned;
      flagged += page.orders.length;
      for (const { detection } of page.orders) expect(detection.marketplace).toBeTruthy();
    }
    expect(scanned).toBe(api.store.size);
    expect(flagged).toBeGreaterThan(10);
    expect(flagged).toBeLessThan(scanned);
  });
});

describe('changing an email', () => {
  it('strip: records the original (metafield + audit) in the same update, confirms, and undo restores it', async () => {
    const ctx = await contextFor(api);
    const result = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' });
    expect(result).toMatchObject({ ok: true, value: { changed: true, before: amazon().email, after: null, stripBehaviour: 'cleared' } });
    expect(stored(api, amazon().legacyId)).toMatchObject({ email: null, original: amazon().email });
    const [entry] = await ctx.audit.forOrder(api.shop, amazon().legacyId);
    expect(entry).toMatchObject({ status: 'done', before: amazon().email, after: null, kind: 'fix', marketplace: 'amazon' });
    expect(api.counters).toBeDefined();

    const again = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' });
    expect(again).toMatchObject({ ok: true, value: { changed: false } });

    const undo = await restoreOriginal(ctx, amazon().legacyId);
    expect(undo).toMatchObject({ ok: true, value: { changed: true, after: amazon().email } });
    expect(stored(api, amazon().legacyId)).toMatchObject({ email: amazon().email, original: null });
    const entries = await ctx.audit.forOrder(api.shop, amazon().legacyId);
    expect(entries.map((e) => [e.kind, e.status])).toEqual([
      ['fix', 'undone'],
      ['undo', 'done'],
    ]);
  });

  it('strip where Shopify refuses an empty email: strip_rejected_by_shopify, nothing changed, audit failed', async () => {
    api.setSwitches({ emptyEmail: 'user-error' });
    const ctx = await contextFor(api);
    const result = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' });
    expect(result).toMatchObject({ ok: false, error: { code: 'strip_rejected_by_shopify', params: { suggestion: 'prefix' } } });
    expect(stored(api, amazon().legacyId)).toEqual(expect.objectContaining({ email: amazon().email, original: null }));
    const [entry] = await ctx.audit.forOrder(api.shop, amazon().legacyId);
    expect(entry).toMatchObject({ status: 'failed', stripBehaviour: 'rejected', error: { code: 'strip_rejected_by_shopify' } });
  });

  it('never overwrites the first original: prefix, then domain, then undo gives the relay address back', async () => {
    const ctx = await contextFor(api);
    const id = DEMO_ORDERS.ebay.legacyId;
    const original = DEMO_ORDERS.ebay.email!;
    expect(await changeOrderEmail(ctx, id, { kind: 'prefix' })).toMatchObject({ ok: true, value: { after: `blacklisted-${original}` } });
    const domain = await changeOrderEmail(ctx, id, { kind: 'domain', domain: 'mystore.com' });
    expect(domain).toMatchObject({ ok: true, value: { after: `${original.split('@')[0]}@mystore.com` } });
    expect(stored(api, id).original).toBe(original);
    expect(await restoreOriginal(ctx, id)).toMatchObject({ ok: true, value: { after: original } });
    expect(stored(api, id)).toMatchObject({ email: original, original: null });
  });

  it('domain with the marketplace order id as local part, and fixed address', async () => {
    const ctx = await contextFor(api);
    const walmart = DEMO_ORDERS.walmart;
    expect(await changeOrderEmail(ctx, walmart.legacyId, { kind: 'domain', domain: 'mystore.com', localPart: 'order-id' })).toMatchObject({
      ok: true,
      value: { after: `${walmart.sourceIdentifier}@mystore.com` },
    });
    const kaufland = DEMO_ORDERS.kaufland;
    expect(await changeOrderEmail(ctx, kaufland.legacyId, { kind: 'fixed', email: 'orders@mystore.com' })).toMatchObject({
      ok: true,
      value: { after: 'orders@mystore.com' },
    });
    expect(stored(api, kaufland.legacyId).original).toBe(kaufland.email);
  });

  it('bad settings change nothing and send nothing', async () => {
    const ctx = await contextFor(api);
    const before = api.counters.graphqlRequests;
    const result = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'domain', domain: 'not a domain' }, { knownFacts: (await readOrderFacts(ctx.client, amazon().legacyId))! });
    expect(result).toMatchObject({ ok: false, error: { code: 'domain_invalid' } });
    expect(api.counters.graphqlRequests).toBe(before + 1); // only the read above
    expect(await ctx.audit.forOrder(api.shop, amazon().legacyId)).toEqual([]);
  });

  it('updates the customer record too when asked, and undo puts it back', async () => {
    const ctx = await contextFor(api);
    const id = amazon().legacyId;
    const result = await changeOrderEmail(ctx, id, { kind: 'prefix' }, { updateCustomer: true });
    expect(result).toMatchObject({ ok: true, value: { customerUpdated: true } });
    const customer = api.store.customerById(stored(api, id).customerId!);
    expect(customer?.email).toBe(`blacklisted-${amazon().email}`);
    await restoreOriginal(ctx, id);
    expect(api.store.customerById(stored(api, id).customerId!)?.email).toBe(amazon().email);
  });

  it('order_not_found for a missing order, nothing_to_restore for an order we never changed', async () => {
    const ctx = await contextFor(api);
    expect(await changeOrderEmail(ctx, '424242', { kind: 'strip' })).toMatchObject({ ok: false, error: { code: 'order_not_found', params: { order: '424242' } } });
    expect(await restoreOriginal(ctx, DEMO_ORDERS.ordinary.legacyId)).toMatchObject({ ok: false, error: { code: 'nothing_to_restore' } });
  });
});

describe('connection and credentials', () => {
  it('reports shop, plan and no missing scope for a full token', async () => {
    const report = await testConnection(clientFor(api));
    expect(report).toMatchObject({ ok: true, value: { shopName: expect.any(String), plan: expect.any(String), missingScopes: [], credentialKind: 'admin-token' } });
  });

  it('names each missing scope, and the optional read_all_orders', async () => {
    api.addToken('shpat_limitedlimitedlimitedlimited00', ['read_orders', 'read_customers']);
    const client = clientFor(api, { credentials: { kind: 'admin-token', token: 'shpat_limitedlimitedlimitedlimited00' } });
    const report = await testConnection(client);
    expect(report).toMatchObject({
      ok: true,
      value: {
        missingScopes: ['write_orders', 'write_customers', 'read_merchant_managed_fulfillment_orders'],
        optionalMissingScopes: ['read_all_orders'],
      },
    });
    const ctx = await contextFor(api, { credentials: { kind: 'admin-token', token: 'shpat_limitedlimitedlimitedlimited00' } });
    expect(await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' })).toMatchObject({ ok: false, error: { code: 'scope_missing', params: { scope: 'write_orders' } } });
    expect(stored(api, amazon().legacyId).email).toBe(amazon().email);
  });

  it('a wrong token is token_invalid and the token is in no error and no log', async () => {
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
    );
    const bad = 'shpat_ffffffffffffffffffffffffffffffff';
    const ctx = await contextFor(api, { credentials: { kind: 'admin-token', token: bad } });
    const results = [
      await testConnection(ctx.client),
      await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' }),
      await restoreOriginal(ctx, amazon().legacyId),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { code: 'token_invalid' } });
    expect(JSON.stringify(results)).not.toContain(bad);
    expect(JSON.stringify(results)).not.toContain(api.token);
    // A working token too, through a whole fix: nothing of it in any console output.
    const good = await contextFor(api);
    await changeOrderEmail(good, amazon().legacyId, { kind: 'strip' });
    await restoreOriginal(good, amazon().legacyId);
    spies.forEach((s) => s.mockRestore());
    expect(logged.join('\n')).not.toContain(bad);
    expect(logged.join('\n')).not.toContain(api.token);
  });

  it('client credentials: exchanges for a token and works; a wrong secret is client_credentials_rejected', async () => {
    const good = clientFor(api, { credentials: { kind: 'client-credentials', clientId: api.clientApp.clientId, clientSecret: api.clientApp.clientSecret } });
    expect(await testConnection(good)).toMatchObject({ ok: true, value: { credentialKind: 'client-credentials' } });
    expect(good.tokens.cached?.expiresAt).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const bad = clientFor(api, { credentials: { kind: 'client-credentials', clientId: api.clientApp.clientId, clientSecret: 'shpss_wrongwrongwrongwrong' } });
    const result = await testConnection(bad);
    expect(result).toMatchObject({ ok: false, error: { code: 'client_credentials_rejected' } });
    expect(JSON.stringify(result)).not.toContain('shpss_wrong');
  });

  it('an expired exchanged token is renewed once after a 401', async () => {
    const client = clientFor(api, { credentials: { kind: 'client-credentials', clientId: api.clientApp.clientId, clientSecret: api.clientApp.clientSecret } });
    await testConnection(client);
    const first = client.tokens.cached!.token;
    api.clock.advance(86_400_000); // the fake server's token lifetime passes; our cache thinks it is still valid
    client.tokens.cached!.expiresAt = Date.now() + 3600_000;
    expect(await testConnection(client)).toMatchObject({ ok: true });
    expect(client.tokens.cached!.token).not.toBe(first);
  });
});

describe('errors are ApiFailures with stable codes', () => {
  it('store_unreachable when nothing listens', async () => {
    const client = clientFor(api, { store: { handle: api.shop, origin: 'http://127.0.0.1:9' }, maxNetworkRetries: 1 });
    await expect(client.request('#graphql\n query { shop { name } }')).rejects.toBeInstanceOf(ApiFailure);
    await expect(client.request('#graphql\n query { shop { name } }')).rejects.toMatchObject({ code: 'store_unreachable' });
  });
});
