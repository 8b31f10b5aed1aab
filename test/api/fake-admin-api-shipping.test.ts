import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../fake-admin-api/http.ts';
import { ALL_SCOPES, DEMO_ORDERS, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';

const CONNECTOR = { token: 'shpat_connector_test', scopes: ALL_SCOPES, app: { id: 4383523, name: 'CedCommerce Multichannel' } };

const ORDER_CREATE = `#graphql
  mutation($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
    orderCreate(order: $order, options: $options) {
      order { id email sourceName sourceIdentifier tags app { name } fulfillmentOrders(first: 5) { nodes { id } } }
      userErrors { field message code }
    }
  }`;
const FULFIL = `#graphql
  mutation($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id } userErrors { field message } }
  }`;
const EVENT = `#graphql
  mutation($event: FulfillmentEventInput!) {
    fulfillmentEventCreate(fulfillmentEvent: $event) { fulfillmentEvent { id status happenedAt } userErrors { field message } }
  }`;

describe('fake Admin API: orders from a connector, 3PL fulfilments and carrier events', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 20, plan: 'enterprise', tokens: [CONNECTOR] });
  });
  afterAll(() => api.close());
  beforeEach(() => api.reset());

  const create = (order: Record<string, unknown>, options?: Record<string, unknown>) => gql(api, ORDER_CREATE, { order, options }, { token: CONNECTOR.token });

  it('orderCreate stores the order with the calling app, and tells the listeners once', async () => {
    const seen: string[] = [];
    const off = api.onOrderCreated((order) => seen.push(order.email ?? ''));
    const { body } = await create({ email: 'c4dc1kt7abtb7qr@marketplace.amazon.de', sourceName: 'amazon', sourceIdentifier: '302-1234567-7654321', tags: ['amazon', ' Amazon DE '] });
    off();
    await create({ email: 'x@members.ebay.de' });
    expect(body.data.orderCreate.userErrors).toEqual([]);
    expect(body.data.orderCreate.order).toMatchObject({
      email: 'c4dc1kt7abtb7qr@marketplace.amazon.de',
      sourceName: 'amazon',
      sourceIdentifier: '302-1234567-7654321',
      tags: ['amazon', 'Amazon DE'],
      app: { name: 'CedCommerce Multichannel' },
    });
    expect(body.data.orderCreate.order.fulfillmentOrders.nodes).toHaveLength(1);
    expect(seen).toEqual(['c4dc1kt7abtb7qr@marketplace.amazon.de']);
    expect(api.counters.mutations.orderCreate).toBe(2);
  });

  it('orderCreate refuses a malformed email and stores nothing', async () => {
    const before = api.store.size;
    const { body } = await create({ email: 'not an address' });
    expect(body.data.orderCreate).toEqual({ order: null, userErrors: [{ field: ['order', 'email'], message: 'Email is invalid', code: 'INVALID' }] });
    expect(api.store.size).toBe(before);
  });

  it('sendReceipt emails the order confirmation at creation; the default does not', async () => {
    await create({ email: 'a1@marketplace.amazon.com' });
    expect(api.outbox).toEqual([]);
    const { body } = await create({ email: 'a2@marketplace.amazon.com' }, { sendReceipt: true });
    expect(api.outbox).toEqual([expect.objectContaining({ kind: 'order_confirmation', to: 'a2@marketplace.amazon.com', orderId: body.data.orderCreate.order.id })]);
  });

  it('a 3PL fulfilment then OUT_FOR_DELIVERY and DELIVERED events: three emails to the order address; other statuses none', async () => {
    const { body } = await create({ email: 'b1@members.ebay.de' });
    const order = body.data.orderCreate.order;
    const fulfil = await gql(api, FULFIL, { fulfillment: { notifyCustomer: true, lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: order.fulfillmentOrders.nodes[0].id }] } }, { token: CONNECTOR.token });
    const fulfillmentId = fulfil.body.data.fulfillmentCreate.fulfillment.id;
    for (const status of ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']) {
      const event = await gql(api, EVENT, { event: { fulfillmentId, status, happenedAt: '2026-11-02T10:00:00Z' } }, { token: CONNECTOR.token });
      expect(event.body.data.fulfillmentEventCreate).toMatchObject({ fulfillmentEvent: { status, happenedAt: '2026-11-02T10:00:00Z' }, userErrors: [] });
    }
    expect(api.outbox.map((e) => [e.kind, e.to])).toEqual([
      ['shipping_confirmation', 'b1@members.ebay.de'],
      ['out_for_delivery', 'b1@members.ebay.de'],
      ['delivered', 'b1@members.ebay.de'],
    ]);
    expect(api.counters.mutations.fulfillmentEventCreate).toBe(3);
  });

  it('a carrier event without an app call emails the same way; an order without an email gets nothing', async () => {
    const ref = DEMO_ORDERS.amazonFulfilled;
    expect(api.carrierEvent(ref.fulfillmentId!, 'DELIVERED')).toEqual({ ok: true });
    expect(api.outbox).toEqual([expect.objectContaining({ kind: 'delivered', orderId: ref.id })]);
    const noEmail = await create({ sourceName: 'etsy' });
    const fo = noEmail.body.data.orderCreate.order.fulfillmentOrders.nodes[0].id;
    const fulfil = await gql(api, FULFIL, { fulfillment: { notifyCustomer: true, lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo }] } });
    expect(api.carrierEvent(fulfil.body.data.fulfillmentCreate.fulfillment.id, 'DELIVERED')).toEqual({ ok: true });
    expect(api.outbox).toHaveLength(1);
  });

  it('an unknown fulfillment is a userError (API) or an error (carrier), and emails nothing', async () => {
    const { body } = await gql(api, EVENT, { event: { fulfillmentId: 'gid://shopify/Fulfillment/1', status: 'DELIVERED' } });
    expect(body.data.fulfillmentEventCreate).toEqual({ fulfillmentEvent: null, userErrors: [{ field: ['fulfillmentEvent', 'fulfillmentId'], message: 'Fulfillment does not exist.' }] });
    expect(api.carrierEvent('gid://shopify/Fulfillment/1', 'DELIVERED')).toEqual({ ok: false, error: 'Fulfillment does not exist.' });
    expect(api.outbox).toEqual([]);
  });
});
