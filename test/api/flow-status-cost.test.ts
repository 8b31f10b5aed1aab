/**
 * What the popup's Shopify Flow status costs, measured on the fake Admin API (Shopify's cost
 * extensions): the cheap listing and the few full reads agree with the full read of 50 orders the
 * status made before, at a fraction of its points, and an earlier check is shown again for a few
 * minutes instead of reading orders on every open.
 */
import { describe, expect, it } from 'vitest';
import { buildFlowWorkflow, flowVersion } from '../../lib/flow';
import { FLOW_HEALTH_FRESH_MS, flowHealth, type FlowHealth, type FlowOrder } from '../../lib/flow/health';
import { sendMessage } from '../../lib/messaging';
import { getFlowSetup } from '../../lib/platform/flow-storage';
import { FLOW_CHECK_MARGIN_MS, FLOW_CHECK_ORDERS, flowConfirm, flowStatus } from '../../lib/platform/handlers/flow';
import { getStoreSettings, saveStoreSettings } from '../../lib/platform/settings-storage';
import { defaultSettings } from '../../lib/settings';
import { ORDER_FACTS_FRAGMENT, ORIGINAL_EMAIL_NAMESPACE, type OrderNode } from '../../lib/shopify/documents';
import { toOrderFacts } from '../../lib/shopify/order-facts';
import { FLOW_VERSION_KEY } from '../../lib/order-facts';
import { gql } from '../fake-admin-api/http.ts';
import type { FakeAdminApi } from '../fake-admin-api/index.ts';
import { flowStore } from './flow-store';

const SETTINGS = { ...defaultSettings(), defaultStrategy: 'domain' as const, domain: 'mystore.com' };

/** The read the status made on every open until now: the newest 50 orders since setup, full facts each. */
const FULL_READ = `#graphql
  query FlowRecentOrdersFull($first: Int!, $query: String) {
    orders(first: $first, sortKey: CREATED_AT, reverse: true, query: $query) {
      nodes {
        ...OrderFactsFields
        flowVersion: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${FLOW_VERSION_KEY}") { value }
      }
    }
  }
  ${ORDER_FACTS_FRAGMENT}
`;

let api: FakeAdminApi;
const fixture = flowStore({
  plan: 'standard',
  connectorToken: 'shpat_connector_flow_cost',
  // Every test starts with the workflow installed in Shopify and turned on in the extension a minute ago.
  async afterConnect(started) {
    api = started;
    expect((await saveStoreSettings(api.shop, SETTINGS)).ok).toBe(true);
    api.flow.install(buildFlowWorkflow(SETTINGS));
    await flowConfirm({ store: store(), on: true }, storeNow);
    api.clock.advance(60_000);
  },
});
const { store, storeNow } = fixture;

/** A connector's order (Flow runs on it when installed). */
async function connectorOrder(email: string, sourceName = 'amazon'): Promise<void> {
  await fixture.connectorOrder(email, sourceName);
}

/**
 * A working store's day: Amazon and eBay orders the workflow fixes, online-store orders, and a few
 * orders from another sales app (a wholesale app's id as their source) with an ordinary address,
 * which only a full read can clear.
 */
async function busyDay(orders: number): Promise<void> {
  for (let i = 0; i < orders; i++) {
    if (i % 3 === 0) await connectorOrder(`buyer${i}@marketplace.amazon.de`);
    else if (i % 7 === 1) await connectorOrder(`buyer${i}@gmail.com`, 'ebay');
    else if (i % 10 === 2) api.store.addOrder({ email: `shop${i}@example.com`, sourceName: '1520611' });
    else api.store.addOrder({ email: `customer${i}@example.com`, sourceName: 'web' });
    api.clock.advance(20_000);
  }
}

interface Measured<T> {
  value: T;
  requests: number;
  requested: number;
  actual: number;
}

async function measure<T>(run: () => Promise<T>): Promise<Measured<T>> {
  const before = { ...api.counters };
  const value = await run();
  return { value, requests: api.counters.graphqlRequests - before.graphqlRequests, requested: api.counters.costRequested - before.costRequested, actual: api.counters.costUsed - before.costUsed };
}

/** The health the full read gives (the same judgement, every order's facts read). */
async function fullReadHealth(): Promise<Measured<FlowHealth>> {
  const setup = (await getFlowSetup(api.shop))!;
  const settings = await getStoreSettings(api.shop);
  return measure(async () => {
    const { body } = await gql(api, FULL_READ, {
      first: FLOW_CHECK_ORDERS,
      query: `created_at:>=${new Date(Date.parse(setup.confirmedAt) - FLOW_CHECK_MARGIN_MS).toISOString().slice(0, 19)}Z`,
    });
    const nodes = body.data.orders.nodes as (OrderNode & { flowVersion: { value: string } | null })[];
    const orders = nodes.map((node): FlowOrder => ({ facts: toOrderFacts(node), createdAt: node.createdAt, flowVersion: node.flowVersion?.value ?? null }));
    return flowHealth(orders, settings, setup, flowVersion(settings), storeNow());
  });
}

async function status(): Promise<Measured<FlowHealth | null>> {
  return measure(async () => {
    const r = await flowStatus({ store: store() }, storeNow);
    if (!r.ok) throw new Error(r.error.message);
    if (r.value.healthError) throw new Error(r.value.healthError.message);
    return r.value.health;
  });
}

const figures = (m: Measured<unknown>) => ({ requests: m.requests, requested: m.requested, actual: m.actual });

describe('Shopify Flow status: what a check costs', () => {
  it('working workflow, 60 orders since setup: the listing (and 6 points per order it cannot judge alone) agrees with the full read, for less than half the points it requests', async () => {
    await busyDay(60);
    api.clock.advance(5 * 60_000);
    const full = await fullReadHealth();
    const cheap = await status();
    console.log(`flow status, working store: full read ${JSON.stringify(figures(full))}; now ${JSON.stringify(figures(cheap))}`);
    expect(cheap.value).toEqual(full.value);
    expect(cheap.value).toMatchObject({ unfixed: { count: 0 }, warn: false, checked: FLOW_CHECK_ORDERS });
    expect(cheap.value!.lastFixed).not.toBeNull();
    expect(full.requested).toBeGreaterThanOrEqual(450);
    // The listing requests 2 + 50 × 3; the other app's orders among the 50 (their app and channel)
    // and the newest fix (its code version) are read in one more request, 6 points each.
    expect(cheap.requests).toBe(2);
    expect(cheap.requested).toBeLessThanOrEqual(152 + 6 * 7);
    expect(cheap.requested).toBeLessThan(full.requested / 2);
    // Charged in the end: absent objects (no app, no metafield) cost nothing in either read.
    expect(cheap.actual).toBeLessThan(full.actual * 0.7);
  });

  it('broken workflow: unfixed relay orders (one already fixed by the sweep, one known by its channel alone) are counted exactly as the full read counts them', async () => {
    await busyDay(12);
    api.flow.uninstall();
    await connectorOrder('late1@marketplace.amazon.fr');
    api.store.addOrder({ email: 'late2@mystore.com', originalEmail: 'late2@marketplace.amazon.fr', sourceName: 'amazon' }); // the sweep fixed it
    api.clock.advance(30_000);
    await connectorOrder('ordinary@gmail.com', 'ebay'); // an eBay order: relay by its channel
    api.store.addOrder({ email: 'walkin@example.com', sourceName: 'pos' });
    api.store.addOrder({ email: 'b2b@example.com', sourceName: '1520611' });
    api.clock.advance(5 * 60_000);
    const full = await fullReadHealth();
    const cheap = await status();
    console.log(`flow status, broken workflow: full read ${JSON.stringify(figures(full))}; now ${JSON.stringify(figures(cheap))}`);
    expect(full.value).toMatchObject({ unfixed: { count: 3 }, warn: true });
    expect(cheap.value).toEqual(full.value);
  });

  it('an earlier check is shown again for a few minutes: no request; then, or with other settings, it is read again', async () => {
    await busyDay(9);
    api.clock.advance(5 * 60_000);
    const first = await status();
    expect(first.requests).toBeGreaterThan(0);
    expect(first.value!.lastFixed).not.toBeNull();

    api.clock.advance(FLOW_HEALTH_FRESH_MS - 60_000);
    const again = await status();
    expect(figures(again)).toEqual({ requests: 0, requested: 0, actual: 0 });
    expect(again.value).toEqual(first.value);

    api.clock.advance(60_000);
    const later = await status();
    expect(later.requests).toBeGreaterThan(0);
    expect(later.value!.checkedAt).toBe(storeNow().toISOString());

    await saveStoreSettings(api.shop, { ...SETTINGS, overrides: { ebay: 'strip' } });
    expect((await status()).requests).toBeGreaterThan(0);
  });

  it('nothing fixed yet (the merchant may be placing a test order): every open reads, so the first fix shows at once', async () => {
    api.store.addOrder({ email: 'customer@example.com', sourceName: 'web' });
    api.clock.advance(3 * 60_000);
    const none = await status();
    expect(none.value).toMatchObject({ lastFixed: null });
    await connectorOrder('test@marketplace.amazon.de');
    const fixed = await status();
    expect(fixed.requests).toBeGreaterThan(0);
    expect(fixed.value!.lastFixed).not.toBeNull();
  });

  it('turned on again, or disconnected: an earlier check is not shown', async () => {
    await busyDay(6);
    api.clock.advance(5 * 60_000);
    await status();
    await flowConfirm({ store: store(), on: true }, storeNow);
    expect((await status()).requests).toBeGreaterThan(0);
    await sendMessage('disconnect', { store: store() });
    expect(await flowStatus({ store: store() }, storeNow)).toMatchObject({ ok: true, value: { health: null, healthError: { code: 'not_connected' } } });
  });
});
