import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../fake-admin-api/catalogue.ts';
import { gql } from '../fake-admin-api/http.ts';
import { DEMO_KEYS, DEMO_ORDERS, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';

const ORDER_FACTS = `#graphql
  query OrderFacts($id: ID!) {
    order(id: $id) {
      id legacyResourceId name email phone tags sourceName sourceIdentifier displayFulfillmentStatus createdAt
      customer { id email }
      app { id name }
      channelInformation { channelDefinition { handle channelName subChannelName } app { title } }
      metafield(namespace: "proxy_mail_guard", key: "original_email") { value }
      fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 10) { nodes { id remainingQuantity totalQuantity } } } }
    }
  }`;

const PAGE = `#graphql
  query Page($first: Int, $after: String, $last: Int, $before: String, $query: String, $sortKey: OrderSortKeys, $reverse: Boolean) {
    orders(first: $first, after: $after, last: $last, before: $before, query: $query, sortKey: $sortKey, reverse: $reverse) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name email createdAt updatedAt sourceName tags displayFulfillmentStatus } }
    }
  }`;

async function allPages(api: FakeAdminApi, vars: Record<string, unknown>, size = 50) {
  const names: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { body } = await gql(api, PAGE, { ...vars, first: size, after });
    expect(body.errors).toBeUndefined();
    const conn = body.data.orders;
    names.push(...conn.edges.map((e: any) => e.node.name));
    if (!conn.pageInfo.hasNextPage) return names;
    after = conn.pageInfo.endCursor;
  }
}

describe('fake Admin API: reading orders', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 300, seed: 42, plan: 'enterprise' });
  });
  afterAll(() => api.close());

  it('executes the real schema: an Amazon demo order with every contact fact', async () => {
    const { status, body } = await gql(api, ORDER_FACTS, { id: DEMO_ORDERS.amazon.id });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const o = body.data.order;
    expect(o).toMatchObject({
      id: DEMO_ORDERS.amazon.id,
      legacyResourceId: DEMO_ORDERS.amazon.legacyId,
      email: 'c4dc1kt7abtb7qr@marketplace.amazon.com',
      sourceIdentifier: '114-3941689-8772232',
      displayFulfillmentStatus: 'UNFULFILLED',
      metafield: null,
      app: { name: 'Marketplace Connect' },
      channelInformation: { channelDefinition: { channelName: 'Amazon', subChannelName: 'Amazon US' }, app: { title: 'Marketplace Connect' } },
    });
    expect(o.customer).toEqual({ id: DEMO_ORDERS.amazon.customerId, email: o.email });
    expect(o.fulfillmentOrders.nodes[0].id).toBe(DEMO_ORDERS.amazon.fulfillmentOrderId);
    expect(o.fulfillmentOrders.nodes[0].lineItems.nodes.every((li: any) => li.remainingQuantity === li.totalQuantity)).toBe(true);
    expect(o.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('serves every demo order with its documented facts', async () => {
    for (const key of DEMO_KEYS) {
      const ref = DEMO_ORDERS[key];
      const { body } = await gql(api, ORDER_FACTS, { id: ref.id });
      const o = body.data.order;
      expect(o.email, key).toBe(ref.email);
      expect(o.sourceIdentifier, key).toBe(ref.sourceIdentifier);
      expect(o.customer?.id ?? null, key).toBe(ref.customerId);
      expect(o.fulfillmentOrders.nodes[0].id, key).toBe(ref.fulfillmentOrderId);
      expect(o.metafield?.value ?? null, key).toBe(ref.originalEmail);
    }
    expect(DEMO_ORDERS.etsy.email).toMatch(/@gmail\.com$/);
    const { body } = await gql(api, ORDER_FACTS, { id: DEMO_ORDERS.amazonFulfilled.id });
    expect(body.data.order.displayFulfillmentStatus).toBe('FULFILLED');
    expect(body.data.order.fulfillmentOrders.nodes[0].status).toBe('CLOSED');
  });

  it('answers null for an unknown order, as Shopify does', async () => {
    const { body } = await gql(api, ORDER_FACTS, { id: 'gid://shopify/Order/1' });
    expect(body.errors).toBeUndefined();
    expect(body.data.order).toBeNull();
  });

  it('is deterministic: the same seed gives the same orders; another seed differs', async () => {
    const twin = await startFakeAdminApi({ orders: 300, seed: 42, plan: 'enterprise' });
    const other = await startFakeAdminApi({ orders: 300, seed: 43, plan: 'enterprise' });
    try {
      const a = await gql(api, PAGE, { first: 100 });
      const b = await gql(twin, PAGE, { first: 100 });
      const c = await gql(other, PAGE, { first: 100 });
      expect(b.body.data).toEqual(a.body.data);
      expect(c.body.data).not.toEqual(a.body.data);
      expect(twin.store.order(0)?.email).toBe(api.store.order(0)?.email);
    } finally {
      await twin.close();
      await other.close();
    }
  });

  it('seeds a relay order for every catalogue marketplace, Etsy by channel, and neutralised orders', () => {
    const orders = [...api.store.allOrders()];
    for (const m of catalogue()) {
      const mine = orders.filter((o) => o.marketplace === m.id);
      expect(mine.length, m.id).toBeGreaterThan(0);
      if (m.domains.length) expect(mine.some((o) => o.email && m.domains.includes(o.email.split('@')[1]!)), m.id).toBe(true);
    }
    const etsy = orders.filter((o) => o.marketplace === 'etsy');
    expect(etsy.every((o) => o.email === null || /@(gmail|outlook|yahoo|gmx|web|orange|free|libero|hotmail|icloud|ziggo|t-online)\./.test(o.email))).toBe(true);
    expect(etsy.every((o) => o.channel?.channelName === 'Etsy' || o.sourceName === 'etsy')).toBe(true);
    const kinds = new Set(orders.map((o) => o.kind));
    for (const k of ['ordinary', 'neutralised-prefix', 'neutralised-domain', 'neutralised-stripped', 'neutralised-fixed']) expect(kinds).toContain(k);
    expect(orders.some((o) => o.email?.startsWith('blacklisted-'))).toBe(true);
    expect(orders.some((o) => o.email?.endsWith('@demo-store.com'))).toBe(true);
    const amazon = orders.filter((o) => o.marketplace === 'amazon' && o.sourceIdentifier);
    expect(amazon.every((o) => /^\d{3}-\d{7}-\d{7}$/.test(o.sourceIdentifier!))).toBe(true);
    const span = orders[orders.length - 1]!.createdAt - orders[0]!.createdAt;
    expect(span / 86_400_000).toBeGreaterThan(700);
  });

  it('pages forwards and backwards without gaps or repeats, in every sort order', async () => {
    const total = api.store.size;
    for (const sortKey of ['CREATED_AT', 'ID', 'UPDATED_AT', 'PROCESSED_AT']) {
      for (const reverse of [false, true]) {
        const names = await allPages(api, { sortKey, reverse }, 70);
        expect(names.length, `${sortKey} ${reverse}`).toBe(total);
        expect(new Set(names).size).toBe(total);
      }
    }
    const newest = await gql(api, PAGE, { first: 3, sortKey: 'CREATED_AT', reverse: true });
    const created = newest.body.data.orders.edges.map((e: any) => e.node.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(newest.body.data.orders.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    // last/before walks back to the start
    const second = await gql(api, PAGE, { first: 3, after: newest.body.data.orders.pageInfo.endCursor, sortKey: 'CREATED_AT', reverse: true });
    expect(second.body.data.orders.pageInfo.hasPreviousPage).toBe(true);
    const back = await gql(api, PAGE, { last: 3, before: second.body.data.orders.pageInfo.startCursor, sortKey: 'CREATED_AT', reverse: true });
    expect(back.body.data.orders.edges.map((e: any) => e.node.name)).toEqual(newest.body.data.orders.edges.map((e: any) => e.node.name));
  });

  it('keeps paging right when a test adds an order dated in the past', async () => {
    const extra = await startFakeAdminApi({ orders: 40, plan: 'enterprise' });
    try {
      const added = extra.store.addOrder({ email: 'late.import@marketplace.amazon.de', sourceName: 'amazon', createdAt: Date.UTC(2025, 5, 1) });
      const names = await allPages(extra, { sortKey: 'CREATED_AT' }, 7);
      expect(names).toHaveLength(extra.store.size);
      expect(new Set(names).size).toBe(extra.store.size);
      const { body } = await gql(extra, PAGE, { first: 250, sortKey: 'CREATED_AT' });
      const created = body.data.orders.edges.map((e: any) => e.node.createdAt);
      expect([...created].sort()).toEqual(created);
      expect(body.data.orders.edges.map((e: any) => e.node.name)).toContain(added.name);
      expect((await gql(extra, PAGE, { first: 5, query: 'email:late.import@marketplace.amazon.de' })).body.data.orders.edges).toHaveLength(1);
    } finally {
      await extra.close();
    }
  });

  it('filters with the documented query syntax', async () => {
    const all = [...api.store.allOrders()];
    const count = async (query: string) => (await allPages(api, { query }, 250)).length;
    expect(await count('email:c4dc1kt7abtb7qr@marketplace.amazon.com')).toBe(1);
    expect(await count('email:C4DC1KT7*')).toBe(1);
    expect(await count('source_name:amazon')).toBe(all.filter((o) => o.sourceName === 'amazon').length);
    expect(await count('channel:Etsy')).toBe(all.filter((o) => o.channel?.channelName === 'Etsy' || o.sourceName === 'etsy').length);
    expect(await count('sales_channel:"Marketplace Connect"')).toBe(all.filter((o) => o.app?.name === 'Marketplace Connect').length);
    expect(await count('tag:magnalister')).toBe(all.filter((o) => o.tags.includes('magnalister')).length);
    expect(await count('tag_not:magnalister')).toBe(all.filter((o) => !o.tags.includes('magnalister')).length);
    expect(await count('created_at:>=2026-10-01 created_at:<=2026-10-31')).toBe(all.filter((o) => o.createdAt >= Date.UTC(2026, 9, 1) && o.createdAt < Date.UTC(2026, 10, 1)).length);
    expect(await count('fulfillment_status:unshipped')).toBe(all.filter((o) => o.fulfillments.length === 0).length);
    expect(await count('fulfillment_status:shipped')).toBe(all.filter((o) => o.fulfillments.length > 0).length);
    expect(await count('status:cancelled')).toBe(all.filter((o) => o.cancelledAt !== null).length);
    expect(await count('tag:magnalister OR source_name:etsy')).toBe(all.filter((o) => o.tags.includes('magnalister') || o.sourceName === 'etsy').length);
    expect(await count('-source_name:web')).toBe(all.filter((o) => o.sourceName !== 'web').length);
    expect(await count(`updated_at:>=2026-10-31`)).toBe(all.filter((o) => o.updatedAt >= Date.UTC(2026, 9, 31)).length);
  });

  it('reports unknown search fields in extensions.search and ignores them', async () => {
    const { body } = await gql(api, PAGE, { first: 5, query: 'colour:blue' });
    expect(body.data.orders.edges).toHaveLength(5);
    expect(body.extensions.search[0]).toMatchObject({ path: ['orders'], warnings: [{ field: 'colour', message: 'Invalid search field for this query.' }] });
  });

  it('leading-wildcard email search: switch "works" matches the domain, "ignored" drops the term', async () => {
    const relay = [...api.store.allOrders()].filter((o) => o.email?.endsWith('@members.ebay.com')).length;
    api.setSwitches({ leadingWildcard: 'works' });
    expect((await allPages(api, { query: 'email:*@members.ebay.com' }, 250)).length).toBe(relay);
    api.setSwitches({ leadingWildcard: 'ignored' });
    expect((await allPages(api, { query: 'email:*@members.ebay.com' }, 250)).length).toBe(api.store.size);
    api.setSwitches({ leadingWildcard: 'works' });
  });

  it('reads shop, plan and granted scopes', async () => {
    const { body } = await gql(api, `{ shop { name myshopifyDomain plan { displayName shopifyPlus } primaryDomain { host } } currentAppInstallation { accessScopes { handle } } }`);
    expect(body.data.shop).toEqual({ name: 'Demo Store', myshopifyDomain: 'demo-store.myshopify.com', plan: { displayName: 'Shopify Plus', shopifyPlus: true }, primaryDomain: { host: 'demo-store.com' } });
    expect(body.data.currentAppInstallation.accessScopes.map((s: any) => s.handle)).toEqual(expect.arrayContaining(['read_orders', 'write_orders', 'read_customers', 'write_customers', 'read_all_orders']));
  });

  it('resolves node(id), nodes(ids), customer, fulfillmentOrder and fulfillment', async () => {
    const { body } = await gql(
      api,
      `query($ids: [ID!]!, $c: ID!, $fo: ID!, $f: ID!) {
        nodes(ids: $ids) { __typename id ... on Order { email } }
        customer(id: $c) { email orders(first: 2) { nodes { id } } }
        fulfillmentOrder(id: $fo) { status orderId }
        fulfillment(id: $f) { status trackingInfo { number company url } }
      }`,
      { ids: [DEMO_ORDERS.ebay.id, DEMO_ORDERS.ebay.customerId], c: DEMO_ORDERS.ebay.customerId, fo: DEMO_ORDERS.ebay.fulfillmentOrderId, f: DEMO_ORDERS.amazonFulfilled.fulfillmentId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.nodes.map((n: any) => n.__typename)).toEqual(['Order', 'Customer']);
    expect(body.data.customer.orders.nodes[0].id).toBe(DEMO_ORDERS.ebay.id);
    expect(body.data.fulfillmentOrder).toEqual({ status: 'OPEN', orderId: DEMO_ORDERS.ebay.id });
    expect(body.data.fulfillment.trackingInfo[0].number).toMatch(/\d{9}/);
  });

  it('counts orders with ordersCount', async () => {
    const { body } = await gql(api, `{ ordersCount(query: "source_name:amazon") { count precision } }`);
    expect(body.data.ordersCount).toEqual({ count: [...api.store.allOrders()].filter((o) => o.sourceName === 'amazon').length, precision: 'EXACT' });
  });

  it('answers GraphQL validation errors in Shopify’s shape', async () => {
    const { status, body } = await gql(api, `{ order(id: "gid://shopify/Order/1") { colour } }`);
    expect(status).toBe(200);
    expect(body.errors[0]).toMatchObject({ message: "Field 'colour' doesn't exist on type 'Order'", extensions: { code: 'undefinedField', typeName: 'Order', fieldName: 'colour' } });
    expect(body.data).toBeUndefined();
    const missing = await gql(api, `{ order { id } }`);
    expect(missing.body.errors[0]).toMatchObject({ message: "Field 'order' is missing required arguments: id", extensions: { code: 'missingRequiredArguments' } });
    const syntax = await gql(api, `{ order(id: "x") { id }`);
    expect(syntax.body.errors[0]).toMatchObject({ message: expect.stringContaining('Syntax Error'), extensions: { code: 'PARSE_ERROR' } });
  });
});
