/**
 * No browser at all: a connector creates 1,000 orders on the fake Admin API, a 3PL fulfils each one
 * with "notify customer" on, and the carrier reports it delivered. With the Shopify Flow workflow on,
 * not one email reaches a marketplace relay address; with it off, every relay order gets its shipping
 * confirmation and its delivered notice. Ordinary orders are emailed either way (the control).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFlowWorkflow } from '../../lib/flow';
import { isRelayDomain } from '../../lib/marketplaces';
import { defaultSettings, type StoreSettings } from '../../lib/settings';
import { gql } from '../fake-admin-api/http.ts';
import { ALL_SCOPES, startFakeAdminApi, type FakeAdminApi, type OutboxEntry } from '../fake-admin-api/index.ts';

const ORDERS = 1_000;
const CONNECTOR = { token: 'shpat_connector_outbox', scopes: ALL_SCOPES, app: { id: 4383523, name: 'CedCommerce Multichannel' } };
const THREE_PL = { token: 'shpat_3pl_outbox', scopes: ALL_SCOPES, app: { id: 7700001, name: 'ShipBob' } };

// The store fixes every marketplace but eBay by removing the email, eBay by its own domain, Walmart by one fixed address.
const STORE: StoreSettings = { ...defaultSettings(), domain: 'mystore.com', fixedEmail: 'orders@mystore.com', overrides: { ebay: 'domain', walmart: 'fixed' } };

const RELAYS: [domain: string, sourceName: string, tags: string[]][] = [
  ['marketplace.amazon.com', 'amazon', ['Amazon US']],
  ['marketplace.amazon.de', 'amazon', ['amazon-fba']],
  ['members.ebay.co.uk', 'ebay', ['eBay']],
  ['relay.walmart.com', 'walmart', ['walmart']],
  ['notification.mirakl.net', 'mirakl', ['MediaMarkt']],
  ['kaufland-marktplatz.de', 'kaufland', ['M2E', 'Kaufland']],
  ['allegromail.pl', 'allegro', ['allegro']],
  ['scs.tiktokw.us', '4383719', []],
  ['us.shipping.temuemail.com', 'temu', ['Temu']],
  ['verkopen.bol.com', 'bol', ['bol.com']],
];

interface Planned {
  order: Record<string, unknown>;
  relay: boolean;
}

/** Deterministic mix: 60 % relay addresses, 10 % Etsy (real address, known by source), 30 % ordinary. */
function plan(): Planned[] {
  return Array.from({ length: ORDERS }, (_, i) => {
    const local = `b${(i * 2654435761) % 4294967296}x${i}`;
    if (i % 10 < 6) {
      const [domain, sourceName, tags] = RELAYS[i % RELAYS.length]!;
      return { relay: true, order: { email: `${local}@${domain}`, sourceName, sourceIdentifier: `ORD-${100000 + i}`, tags } };
    }
    if (i % 10 === 6) return { relay: false, order: { email: `${local}@gmail.com`, sourceName: 'etsy', sourceIdentifier: String(3_000_000_000 + i), tags: ['Etsy'] } };
    return { relay: false, order: { email: `${local}@example.org`, sourceName: 'web', tags: [] } };
  });
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

const ORDER_CREATE = `mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id fulfillmentOrders(first: 1) { nodes { id } } } userErrors { message } } }`;
const FULFIL = `mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id } userErrors { message } } }`;
const EVENT = `mutation($e: FulfillmentEventInput!) { fulfillmentEventCreate(fulfillmentEvent: $e) { fulfillmentEvent { id } userErrors { message } } }`;

async function day(api: FakeAdminApi, orders: Planned[]): Promise<{ outbox: OutboxEntry[]; relayOrders: Set<string>; ordinaryOrders: Set<string> }> {
  const created: { id: string; fulfillmentOrderId: string; relay: boolean }[] = [];
  await pool(orders, 6, async (p) => {
    const { body } = await gql(api, ORDER_CREATE, { order: p.order }, { token: CONNECTOR.token });
    expect(body.data.orderCreate.userErrors).toEqual([]);
    const order = body.data.orderCreate.order;
    created.push({ id: order.id, fulfillmentOrderId: order.fulfillmentOrders.nodes[0].id, relay: p.relay });
  });
  await api.flow.settled(); // Flow runs seconds after the import; the 3PL ships hours later
  await pool(created, 6, async (c) => {
    const fulfil = await gql(api, FULFIL, { f: { notifyCustomer: true, trackingInfo: { number: `1Z${c.id.slice(-8)}`, company: 'UPS' }, lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: c.fulfillmentOrderId }] } }, { token: THREE_PL.token });
    expect(fulfil.body.data.fulfillmentCreate.userErrors).toEqual([]);
    const event = await gql(api, EVENT, { e: { fulfillmentId: fulfil.body.data.fulfillmentCreate.fulfillment.id, status: 'DELIVERED' } }, { token: THREE_PL.token });
    expect(event.body.data.fulfillmentEventCreate.userErrors).toEqual([]);
  });
  return {
    outbox: [...api.outbox],
    relayOrders: new Set(created.filter((c) => c.relay).map((c) => c.id)),
    ordinaryOrders: new Set(created.filter((c) => !c.relay).map((c) => c.id)),
  };
}

const toRelay = (e: OutboxEntry) => isRelayDomain(e.to.split('@')[1]);

describe('1,000 connector orders, 3PL fulfilment and delivery, no browser', () => {
  let api: FakeAdminApi;
  const planned = plan();
  const relayCount = planned.filter((p) => p.relay).length;

  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 0, plan: 'enterprise', tokens: [CONNECTOR, THREE_PL] });
  });
  afterAll(() => api.close());

  it('workflow on: 0 emails to relay addresses; every run fixed or skipped cleanly', async () => {
    api.reset();
    api.flow.install(buildFlowWorkflow(STORE));
    const { outbox, relayOrders, ordinaryOrders } = await day(api, planned);
    expect(relayOrders.size).toBe(relayCount);
    expect(outbox.filter(toRelay)).toEqual([]);
    expect(outbox.filter((e) => relayOrders.has(e.orderId) && !e.to.endsWith('@mystore.com'))).toEqual([]);
    // The control: ordinary orders (not Etsy, which the store also strips) still get both emails.
    const webOrders = planned.filter((p) => p.order.sourceName === 'web').length;
    expect(outbox.filter((e) => ordinaryOrders.has(e.orderId) && e.to.endsWith('@example.org'))).toHaveLength(webOrders * 2);
    expect(api.flow.runs).toHaveLength(ORDERS);
    expect(api.flow.runs.filter((r) => r.error !== null || r.userErrors.length)).toEqual([]);
    expect(api.flow.runs.filter((r) => r.conditionMet)).toHaveLength(relayCount + planned.filter((p) => p.order.sourceName === 'etsy').length);
    const ms = api.flow.runs.map((r) => r.codeMs).sort((a, b) => a - b);
    console.info(`Flow code: median ${ms[ms.length >> 1]!.toFixed(3)} ms, p95 ${ms[Math.floor(ms.length * 0.95)]!.toFixed(3)} ms per order (vm sandbox, main only)`);
  }, 240_000);

  it('workflow off: each relay order gets one shipping confirmation and one delivered notice', async () => {
    api.reset();
    const { outbox, relayOrders } = await day(api, planned);
    const relayMail = outbox.filter(toRelay);
    expect(relayMail.filter((e) => e.kind === 'shipping_confirmation')).toHaveLength(relayCount);
    expect(relayMail.filter((e) => e.kind === 'delivered')).toHaveLength(relayCount);
    expect(new Set(relayMail.map((e) => e.orderId))).toEqual(relayOrders);
    expect(api.flow.runs).toEqual([]);
  }, 240_000);
});
