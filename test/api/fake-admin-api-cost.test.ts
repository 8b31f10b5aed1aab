import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../fake-admin-api/http.ts';
import { DEMO_ORDERS, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';

// Cost figures follow shopify.dev "Cost calculation": scalars 0, objects 1, connections 2 + first × node,
// mutations 10; requested − actual is refunded.
describe('fake Admin API: query cost and the leaky bucket', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 5, clock: 'manual', plan: 'standard' });
  });
  afterAll(() => api.close());
  beforeEach(() => api.reset());

  it('orders(first: 250) { edges { node { id } } } requests 252 and costs 2 + the orders returned', async () => {
    const { body } = await gql(api, `{ orders(first: 250) { edges { node { id } } } }`);
    const returned = body.data.orders.edges.length;
    expect(returned).toBe(api.store.size);
    expect(body.extensions.cost).toEqual({
      requestedQueryCost: 252,
      actualQueryCost: 2 + returned,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2000 - (2 + returned), restoreRate: 100 },
    });
  });

  it('multiplies nested connections by first and counts objects as 1, scalars as 0', async () => {
    const nested = await gql(api, `{ orders(first: 10) { pageInfo { hasNextPage } nodes { id lineItems(first: 5) { nodes { title } } } } }`);
    expect(nested.body.extensions.cost.requestedQueryCost).toBe(2 + 10 * (1 + 2 + 5));
    const lines = nested.body.data.orders.nodes.reduce((s: number, o: any) => s + o.lineItems.nodes.length, 0);
    expect(nested.body.extensions.cost.actualQueryCost).toBe(2 + 10 * (1 + 2) + lines);
    const objects = await gql(api, `{ shop { name plan { displayName } } }`);
    expect(objects.body.extensions.cost.requestedQueryCost).toBe(2);
    const order = await gql(api, `query($id: ID!) { order(id: $id) { id email customer { id email } app { name } } }`, { id: DEMO_ORDERS.ordinaryNoEmail.id });
    expect(order.body.extensions.cost).toMatchObject({ requestedQueryCost: 3, actualQueryCost: 2 }); // no customer → not charged
  });

  it('charges 10 per mutation', async () => {
    const { body } = await gql(api, `mutation($input: OrderInput!) { orderUpdate(input: $input) { order { id } userErrors { message } } }`, { input: { id: DEMO_ORDERS.amazon.id, note: 'x' } });
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
  });

  it('refuses queries over the 1000-point single query limit with MAX_COST_EXCEEDED', async () => {
    const { status, body } = await gql(api, `{ orders(first: 250) { nodes { id lineItems(first: 10) { nodes { id } } } } }`);
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', cost: 3252, maxCost: 1000 });
    expect(body.errors[0].message).toMatch(/^Query cost is 3252, which exceeds the single query max cost limit \(1000\)/);
    expect(api.throttleStatus().currentlyAvailable).toBe(2000);
  });

  it('requires first or last on connections', async () => {
    const { body } = await gql(api, `{ orders { nodes { id } } }`);
    expect(body.errors[0].message).toBe('you must provide one of first or last');
  });

  it('throttles when the request costs more than the bucket holds, then restores at the plan rate', async () => {
    api.setBucketLevel(100);
    const query = `{ orders(first: 250) { nodes { id } } }`;
    const throttled = await gql(api, query);
    expect(throttled.status).toBe(200);
    expect(throttled.body).toEqual({
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
      extensions: { cost: { requestedQueryCost: 252, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 } } },
    });
    expect(api.counters.throttledResponses).toBe(1);
    api.clock.advance(1510); // +151 points → 251: still one short
    expect((await gql(api, query)).body.errors[0].extensions.code).toBe('THROTTLED');
    api.clock.advance(20);
    const ok = await gql(api, query);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(253 - 252 + (252 - ok.body.extensions.cost.actualQueryCost));
    api.clock.advance(60_000);
    expect(api.throttleStatus().currentlyAvailable).toBe(2000); // never above the maximum
  });

  it('switch throttledStatus: 429 answers THROTTLED with HTTP 429 and Retry-After', async () => {
    api.setSwitches({ throttledStatus: 429 });
    api.setBucketLevel(0);
    const { status, body, headers } = await gql(api, `{ orders(first: 250) { nodes { id } } }`);
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('3');
    expect(body.errors[0].extensions.code).toBe('THROTTLED');
  });

  it('uses the plan’s bucket: Plus holds 20000 and restores 1000/s', async () => {
    const plus = await startFakeAdminApi({ orders: 1, plan: 'plus', clock: 'manual' });
    try {
      const { body } = await gql(plus, `{ shop { name } }`);
      expect(body.extensions.cost.throttleStatus).toEqual({ maximumAvailable: 20000, currentlyAvailable: 19999, restoreRate: 1000 });
    } finally {
      await plus.close();
    }
  });

  it('sums actual costs in counters.costUsed', async () => {
    await gql(api, `{ shop { name } }`);
    await gql(api, `{ orders(first: 3) { nodes { id } } }`);
    expect(api.counters.costUsed).toBe(1 + 5);
    expect(api.counters.requests).toBe(2);
  });
});
