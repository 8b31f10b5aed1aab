import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../fake-admin-api/http.ts';
import { DEMO_ORDERS, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';

const INVALID = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

async function tokenRequest(api: FakeAdminApi, params: Record<string, string>) {
  const res = await fetch(`${api.origin}/admin/oauth/access_token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('fake Admin API: tokens, scopes and the sandbox admin', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({
      orders: 300,
      clock: 'manual',
      tokens: [
        { token: 'shpat_no_orders', scopes: ['read_customers'] },
        { token: 'shpat_no_customers', scopes: ['read_orders', 'write_orders', 'read_all_orders', 'read_merchant_managed_fulfillment_orders'] },
        { token: 'shpat_recent_only', scopes: ['read_orders', 'read_customers'] },
      ],
    });
  });
  afterAll(() => api.close());
  beforeEach(() => api.reset());

  it('answers 401 with Shopify’s body for a missing or wrong token', async () => {
    for (const token of [null, 'shpat_wrong']) {
      const { status, body } = await gql(api, `{ shop { name } }`, {}, { token });
      expect(status).toBe(401);
      expect(body).toEqual(INVALID);
    }
    expect(api.counters.unauthorized).toBe(2);
  });

  it('answers ACCESS_DENIED naming the missing scope', async () => {
    const { status, body } = await gql(api, `{ orders(first: 1) { nodes { id } } }`, {}, { token: 'shpat_no_orders' });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors[0]).toEqual({
      message: 'Access denied for orders field. Required access: `read_orders` access scope.',
      locations: [{ line: 1, column: 3 }],
      path: ['orders'],
      extensions: { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes', requiredAccess: '`read_orders` access scope.' },
    });
    const write = await gql(api, `mutation($input: OrderInput!) { orderUpdate(input: $input) { userErrors { message } } }`, { input: { id: DEMO_ORDERS.amazon.id, email: 'x@y.com' } }, { token: 'shpat_recent_only' });
    expect(write.body.errors[0].extensions.requiredAccess).toBe('`write_orders` access scope.');
    expect(api.store.orderById(Number(DEMO_ORDERS.amazon.legacyId))?.email).toBe(DEMO_ORDERS.amazon.email);
  });

  it('denies a nested field but still answers the rest', async () => {
    const { body } = await gql(api, `query($id: ID!) { order(id: $id) { email customer { email } } }`, { id: DEMO_ORDERS.amazon.id }, { token: 'shpat_no_customers' });
    expect(body.data.order).toEqual({ email: DEMO_ORDERS.amazon.email, customer: null });
    expect(body.errors[0]).toMatchObject({ path: ['order', 'customer'], extensions: { code: 'ACCESS_DENIED', requiredAccess: '`read_customers` access scope.' } });
  });

  it('hides orders older than 60 days without read_all_orders', async () => {
    const old = api.store.order(0)!;
    const { body } = await gql(api, `query($id: ID!) { order(id: $id) { id } }`, { id: `gid://shopify/Order/${old.id}` }, { token: 'shpat_recent_only' });
    expect(body.data.order).toBeNull();
    const page = await gql(api, `{ orders(first: 250) { nodes { createdAt } } }`, {}, { token: 'shpat_recent_only' });
    const cutoff = api.store.now() - 60 * 86_400_000;
    expect(page.body.data.orders.nodes.length).toBeGreaterThan(0);
    expect(page.body.data.orders.nodes.length).toBeLessThan(api.store.size);
    expect(page.body.data.orders.nodes.every((o: any) => Date.parse(o.createdAt) >= cutoff)).toBe(true);
  });

  it('lists the token’s scopes in currentAppInstallation', async () => {
    const { body } = await gql(api, `{ currentAppInstallation { accessScopes { handle } } }`, {}, { token: 'shpat_recent_only' });
    expect(body.data.currentAppInstallation.accessScopes.map((s: any) => s.handle)).toEqual(['read_orders', 'read_customers']);
  });

  it('exchanges client credentials for an expiring token', async () => {
    const { status, body } = await tokenRequest(api, { grant_type: 'client_credentials', client_id: api.clientApp.clientId, client_secret: api.clientApp.clientSecret });
    expect(status).toBe(200);
    expect(body).toEqual({ access_token: expect.stringMatching(/^shpat_[0-9a-f]{32}$/), scope: api.clientApp.scopes.join(','), expires_in: 86399 });
    expect((await gql(api, `{ shop { name } }`, {}, { token: body.access_token })).status).toBe(200);
    api.clock.advance(86_398_000);
    expect((await gql(api, `{ shop { name } }`, {}, { token: body.access_token })).status).toBe(200);
    api.clock.advance(2_000);
    const expired = await gql(api, `{ shop { name } }`, {}, { token: body.access_token });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(INVALID);
  });

  it('refuses a wrong secret, a missing field and another grant', async () => {
    const wrong = await tokenRequest(api, { grant_type: 'client_credentials', client_id: api.clientApp.clientId, client_secret: 'shpss_wrong' });
    expect(wrong).toEqual({ status: 400, body: { error: 'invalid_client', error_description: expect.stringContaining('Client authentication failed') } });
    expect((await tokenRequest(api, { grant_type: 'client_credentials', client_id: api.clientApp.clientId })).body.error).toBe('invalid_request');
    expect((await tokenRequest(api, { grant_type: 'authorization_code', client_id: api.clientApp.clientId, client_secret: api.clientApp.clientSecret })).body.error).toBe('unsupported_grant_type');
  });

  it('lets the sandbox admin in without a token, unthrottled and uncounted', async () => {
    api.setBucketLevel(0);
    const { status, body } = await gql(api, `{ orders(first: 250) { nodes { id } } }`, {}, { token: null, sandbox: true });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(api.counters.requests).toBe(0);
    expect(api.counters.costUsed).toBe(0);
    expect(api.throttleStatus().currentlyAvailable).toBe(0);
    await gql(api, `mutation($input: OrderInput!) { orderUpdate(input: $input) { userErrors { message } } }`, { input: { id: DEMO_ORDERS.amazon.id, note: 'by staff' } }, { token: null, sandbox: true });
    expect(api.counters.mutations.orderUpdate).toBeUndefined();
  });
});
