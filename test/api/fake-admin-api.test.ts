import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORDERS, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';

async function gql(api: FakeAdminApi, query: string, variables: Record<string, unknown> = {}, token = api.token) {
  const res = await fetch(api.graphqlUrl(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': token },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const ORDER_FACTS = `#graphql
  query OrderFacts($id: ID!) {
    order(id: $id) {
      id name email phone tags sourceName sourceIdentifier displayFulfillmentStatus
      customer { id email }
      app { id name }
      channelInformation { channelDefinition { handle channelName subChannelName } app { title } }
      metafield(namespace: "proxy_mail_guard", key: "original_email") { value }
      fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 10) { nodes { id remainingQuantity } } } }
    }
  }`;

describe('fake Admin API: reads', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 500 });
  });
  afterAll(() => api.close());

  it('executes the real schema for an order read', async () => {
    const { status, body } = await gql(api, ORDER_FACTS, { id: DEMO_ORDERS.amazon.id });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const o = body.data.order;
    expect(o.email).toBe('c4dc1kt7abtb7qr@marketplace.amazon.com');
    expect(o.sourceIdentifier).toBe('114-3941689-8772232');
    expect(o.channelInformation.channelDefinition.channelName).toBe('Amazon');
    expect(o.customer.email).toBe(o.email);
    expect(o.fulfillmentOrders.nodes[0].id).toBe(DEMO_ORDERS.amazon.fulfillmentOrderId);
    expect(o.displayFulfillmentStatus).toBe('UNFULFILLED');
    expect(body.extensions.cost.requestedQueryCost).toBeGreaterThan(0);
  });
});

describe('fake Admin API: orderUpdate', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 50 });
  });
  afterAll(() => api.close());

  it('changes the email and records the original in a metafield in one call', async () => {
    const { body } = await gql(
      api,
      `#graphql
      mutation Fix($input: OrderInput!) { orderUpdate(input: $input) { order { id email metafield(namespace: "proxy_mail_guard", key: "original_email") { value } } userErrors { field message } } }`,
      { input: { id: DEMO_ORDERS.ebay.id, email: 'blacklisted-415b21349b3e42193d47@members.ebay.com', metafields: [{ namespace: 'proxy_mail_guard', key: 'original_email', type: 'single_line_text_field', value: '415b21349b3e42193d47@members.ebay.com' }] } },
    );
    expect(body.data.orderUpdate.userErrors).toEqual([]);
    expect(body.data.orderUpdate.order.email).toBe('blacklisted-415b21349b3e42193d47@members.ebay.com');
    expect(body.data.orderUpdate.order.metafield.value).toBe('415b21349b3e42193d47@members.ebay.com');
    expect(body.extensions.cost.requestedQueryCost).toBe(10);
    expect(api.counters.mutations.orderUpdate).toBe(1);
  });
});
