/**
 * The fake Admin API's timed world: a connector creating orders over simulated time (and re-syncing
 * one back to its relay address), a 3PL app fulfilling through the API with notifyCustomer, carrier
 * events emailing whatever address the order has then, and shop metafields with compare-and-set.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../fake-admin-api/http.ts';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { deliverAsCarrier, fulfilAsThirdParty } from '../fake-admin-api/third-party.ts';

const SHOP_LEASE = `query { shop { id lease: metafield(namespace: "proxy_mail_guard", key: "lease") { value compareDigest } } }`;
const SET = `#graphql
  mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { value compareDigest } userErrors { field message code } } }`;

describe('fake Admin API: arrivals, 3PL fulfilments, carrier events, shop metafields', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 20, plan: 'enterprise', clock: 'manual' });
  });
  afterAll(() => api.close());
  beforeEach(() => api.reset());

  it('creates planned orders only when the clock passes their time, newest last, searchable by updated_at', async () => {
    const before = api.store.size;
    const planned = api.connector.plan({ count: 40, durationMs: 600_000, seed: 3 });
    expect(planned.map((p) => p.kind)).toEqual(expect.arrayContaining(['relay', 'etsy', 'ordinary', 'protected']));
    expect(api.connector.arriveDue()).toHaveLength(planned.filter((p) => p.at <= api.clock.now()).length);
    api.clock.advance(300_000);
    const firstHalf = api.connector.arriveDue();
    expect(firstHalf.length).toBeGreaterThan(5);
    expect(firstHalf.every((a) => a.at <= api.clock.now())).toBe(true);
    api.clock.advance(300_001);
    api.connector.arriveDue();
    expect(api.connector.pending).toBe(0);
    expect(api.store.size).toBe(before + 40);
    const relay = api.connector.arrived.find((a) => a.kind === 'relay')!;
    expect(relay.order.email).toMatch(/@/);
    expect(relay.order.kind).toBe('marketplace');
    const since = new Date(api.store.now() - 700_000).toISOString();
    const { body } = await gql(api, `query($q: String) { orders(first: 100, sortKey: UPDATED_AT, query: $q) { nodes { id } } }`, { q: `updated_at:>='${since}'` });
    expect(body.data.orders.nodes).toHaveLength(40);
  });

  it('a re-sync writes the connector address back and moves updatedAt', async () => {
    const arrival = api.connector.arriveNow('relay');
    await gql(api, `mutation($i: OrderInput!) { orderUpdate(input: $i) { userErrors { message } } }`, { i: { id: `gid://shopify/Order/${arrival.order.id}`, email: '' } });
    expect(api.store.orderById(arrival.order.id)!.email).toBeNull();
    const updated = api.store.orderById(arrival.order.id)!.updatedAt;
    api.clock.advance(1000);
    api.connector.resync(arrival.order.id);
    const order = api.store.orderById(arrival.order.id)!;
    expect(order.email).toBe(arrival.connectorEmail);
    expect(order.updatedAt).toBeGreaterThan(updated);
  });

  it('a 3PL fulfilment with notifyCustomer and a carrier event each email the address the order has at that moment', async () => {
    const relay = api.connector.arriveNow('relay');
    expect(deliverAsCarrier(api, relay.order.id)).toBe(0); // nothing shipped yet: no tracking, no email
    expect(await fulfilAsThirdParty(api, relay.order.id)).toBe(true);
    expect(deliverAsCarrier(api, relay.order.id)).toBe(1);
    expect(api.outbox.map((m) => [m.kind, m.to])).toEqual([
      ['shipping_confirmation', relay.connectorEmail],
      ['delivered', relay.connectorEmail],
    ]);
    // Not charged to our app's bucket or mutation counter: another app did it.
    expect(api.counters.mutations.fulfillmentCreate).toBeUndefined();
    const fixed = api.connector.arriveNow('relay');
    await gql(api, `mutation($i: OrderInput!) { orderUpdate(input: $i) { userErrors { message } } }`, { i: { id: `gid://shopify/Order/${fixed.order.id}`, email: '' } });
    await fulfilAsThirdParty(api, fixed.order.id);
    deliverAsCarrier(api, fixed.order.id, 'OUT_FOR_DELIVERY');
    expect(api.outbox.filter((m) => m.orderId.endsWith(`/${fixed.order.id}`))).toEqual([]);
  });

  it('arrivals call the order-created listeners (a Flow workflow sees them like orderCreate orders)', () => {
    const seen: number[] = [];
    const off = api.onOrderCreated((o) => seen.push(o.id));
    const a = api.connector.arriveNow('ordinary');
    api.connector.plan({ count: 3, durationMs: 10, seed: 1 });
    api.clock.advance(20);
    const due = api.connector.arriveDue();
    off();
    expect(seen).toEqual([a.order.id, ...due.map((d) => d.order.id)]);
  });

  it('POST /__fake/arrive creates one order of the asked kind', async () => {
    const res = await fetch(`${api.origin}/__fake/arrive`, { method: 'POST', body: JSON.stringify({ kind: 'etsy' }) });
    const body = (await res.json()) as { id: string; email: string };
    expect(api.store.orderById(Number(body.id))!.kind).toBe('marketplace-channel-only');
    expect((await fetch(`${api.origin}/__fake/arrive`, { method: 'POST', body: '{"kind":"nope"}' })).status).toBe(400);
  });

  it('shop metafields: compareDigest null creates only if absent; a stale digest is refused with STALE_OBJECT', async () => {
    const shop = (await gql(api, SHOP_LEASE)).body.data.shop;
    expect(shop.lease).toBeNull();
    const input = (value: string, compareDigest: string | null) => ({ m: [{ ownerId: shop.id, namespace: 'proxy_mail_guard', key: 'lease', type: 'single_line_text_field', value, compareDigest }] });
    const created = (await gql(api, SET, input('a', null))).body.data.metafieldsSet;
    expect(created.userErrors).toEqual([]);
    const again = (await gql(api, SET, input('b', null))).body.data.metafieldsSet;
    expect(again.userErrors[0].code).toBe('STALE_OBJECT');
    const digest = (await gql(api, SHOP_LEASE)).body.data.shop.lease.compareDigest;
    expect((await gql(api, SET, input('c', digest))).body.data.metafieldsSet.userErrors).toEqual([]);
    // Same digest again: the value changed since, so it is stale (even within the same millisecond).
    expect((await gql(api, SET, input('d', digest))).body.data.metafieldsSet.userErrors[0].code).toBe('STALE_OBJECT');
    expect((await gql(api, SHOP_LEASE)).body.data.shop.lease.value).toBe('c');
    // Without compareDigest: no guarantee asked, the write goes through.
    const plain = { m: [{ ownerId: shop.id, namespace: 'proxy_mail_guard', key: 'lease', type: 'single_line_text_field', value: 'e' }] };
    expect((await gql(api, SET, plain)).body.data.metafieldsSet.userErrors).toEqual([]);
    api.reset();
    expect((await gql(api, SHOP_LEASE)).body.data.shop.lease).toBeNull();
  });
});
