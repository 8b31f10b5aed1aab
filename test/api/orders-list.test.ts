/**
 * The order list's background calls against the fake Admin API: verdicts for a screen of rows in ONE
 * request whose cost is checked, the store's fix for a listed order through the card's change path
 * (audited, undone by undoFix), and refusals that change nothing.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ORDERS, type FakeAdminApi } from '../fake-admin-api/index';
import { sendMessage } from '../../lib/messaging';
import { registerConnectionHandlers } from '../../lib/platform/handlers/connection';
import { registerOrderHandlers } from '../../lib/platform/handlers/order';
import { registerOrdersListHandlers } from '../../lib/platform/handlers/orders-list';
import { auditLogInstance } from '../../lib/platform/api';
import { saveStoreSettings } from '../../lib/platform/settings-storage';
import { defaultSettings } from '../../lib/settings';
import { ORDERS_BY_ID_MAX } from '../../lib/shopify/order-facts';
import { handlersOnFakeApi, stored } from './helpers';

let api: FakeAdminApi;
handlersOnFakeApi({ orders: 250, seed: 5 }, (started) => (api = started), () => {
  registerConnectionHandlers();
  registerOrderHandlers();
  registerOrdersListHandlers();
});

const store = () => ({ handle: api.shop, origin: api.origin });
const connect = async () => expect(await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: api.token } })).toMatchObject({ ok: true });

/** The newest `n` orders' numeric ids, as the list's first screen shows them. */
function newestIds(n: number): string[] {
  return [...api.store.allSummaries()]
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, n)
    .map((s) => String(s.id));
}

describe('listVerdicts', () => {
  it('not_connected before connecting, and no request at all', async () => {
    const before = api.counters.graphqlRequests;
    expect(await sendMessage('listVerdicts', { store: store(), orderIds: [DEMO_ORDERS.amazon.legacyId] })).toMatchObject({ ok: false, error: { code: 'not_connected' } });
    expect(api.counters.graphqlRequests).toBe(before);
  });

  it('a screen of 50 rows costs one request of at most 400 requested points; verdicts follow the shared classification', async () => {
    await connect();
    // The store's own domain, as the merchant sets it: addresses there are its own work.
    await saveStoreSettings(api.shop, { ...defaultSettings(), domain: 'demo-store.com' });
    const demo = ['amazon', 'ebay', 'etsy', 'neutralised', 'neutralisedDomain', 'stripped', 'fixedByUs', 'ordinary', 'ordinaryNoEmail'] as const;
    const ids = [...demo.map((k) => DEMO_ORDERS[k].legacyId), ...newestIds(60)].filter((id, i, all) => all.indexOf(id) === i).slice(0, 50);
    expect(ids).toHaveLength(50);
    const before = { requests: api.counters.graphqlRequests, cost: api.counters.costUsed };
    const answer = await sendMessage('listVerdicts', { store: store(), orderIds: ids });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(api.counters.graphqlRequests - before.requests).toBe(1);
    expect(answer.value.requests).toBe(1);
    expect(answer.value.requestedCost).toBeGreaterThan(0);
    expect(answer.value.requestedCost).toBeLessThanOrEqual(400);
    expect(api.counters.costUsed - before.cost).toBeLessThanOrEqual(answer.value.requestedCost);
    const byId = new Map(answer.value.verdicts.map((v) => [v.orderId, v]));
    expect(byId.get(DEMO_ORDERS.amazon.legacyId)).toEqual({ orderId: DEMO_ORDERS.amazon.legacyId, state: 'relay', marketplace: 'amazon', label: 'Amazon', fixable: true, via: 'email' });
    // Etsy: a real buyer address, found by its channel.
    expect(byId.get(DEMO_ORDERS.etsy.legacyId)).toMatchObject({ state: 'relay', label: 'Etsy', via: 'channel' });
    expect(byId.get(DEMO_ORDERS.ebay.legacyId)).toMatchObject({ state: 'relay', label: 'eBay' });
    for (const k of ['neutralised', 'neutralisedDomain', 'stripped', 'fixedByUs'] as const) {
      expect(byId.get(DEMO_ORDERS[k].legacyId), k).toMatchObject({ state: 'protected', marketplace: 'amazon', fixable: false });
    }
    expect(byId.get(DEMO_ORDERS.ordinary.legacyId)).toMatchObject({ state: 'ordinary', label: null });
    expect(byId.get(DEMO_ORDERS.ordinaryNoEmail.legacyId)).toMatchObject({ state: 'ordinary' });
    expect(answer.value.verdicts).toHaveLength(50);
  });

  it('250 rows are chunked within Shopify’s 1,000-point limit (never one request per row)', async () => {
    await connect();
    const ids = newestIds(250);
    const before = { requests: api.counters.graphqlRequests, refused: api.counters.maxCostExceeded };
    const answer = await sendMessage('listVerdicts', { store: store(), orderIds: ids });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(api.counters.graphqlRequests - before.requests).toBe(Math.ceil(250 / ORDERS_BY_ID_MAX));
    expect(api.counters.maxCostExceeded).toBe(before.refused);
    expect(answer.value.requestedCost / answer.value.requests).toBeLessThan(1000);
    expect(answer.value.verdicts.every((v) => v.state !== 'missing')).toBe(true);
  });

  it('an id of no order in the store is "missing"; non-ids are refused before any request', async () => {
    await connect();
    const answer = await sendMessage('listVerdicts', { store: store(), orderIds: ['999999999999', DEMO_ORDERS.amazon.legacyId] });
    expect(answer).toMatchObject({ ok: true, value: { verdicts: [{ orderId: '999999999999', state: 'missing' }, { state: 'relay' }] } });
    const before = api.counters.graphqlRequests;
    for (const bad of [['1 OR 1'], ['gid://shopify/Order/1'], 'x' as unknown as string[], Array.from({ length: 251 }, (_, i) => String(i + 1))]) {
      expect(await sendMessage('listVerdicts', { store: store(), orderIds: bad })).toMatchObject({ ok: false, error: { code: 'order_not_found' } });
    }
    expect(api.counters.graphqlRequests).toBe(before);
  });

  it('follows the store settings: a marketplace set to "keep" is a relay the list cannot fix', async () => {
    await connect();
    await saveStoreSettings(api.shop, { ...defaultSettings(), overrides: { amazon: 'keep' } });
    const answer = await sendMessage('listVerdicts', { store: store(), orderIds: [DEMO_ORDERS.amazon.legacyId, DEMO_ORDERS.ebay.legacyId] });
    expect(answer).toMatchObject({ ok: true, value: { verdicts: [{ state: 'relay', fixable: false }, { state: 'relay', fixable: true }] } });
    const refused = await sendMessage('fixListedOrder', { store: store(), orderId: DEMO_ORDERS.amazon.legacyId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'list_fix_keep' } });
    expect(stored(api, DEMO_ORDERS.amazon.legacyId).email).toBe(DEMO_ORDERS.amazon.email);
  });
});

describe('fixListedOrder', () => {
  it('applies the store’s fix (original saved, audited) and undoFix restores it', async () => {
    await connect();
    const id = DEMO_ORDERS.ebay.legacyId;
    const fixed = await sendMessage('fixListedOrder', { store: store(), orderId: id });
    expect(fixed).toMatchObject({ ok: true, value: { changed: true, before: DEMO_ORDERS.ebay.email, after: null } });
    expect(stored(api, id)).toMatchObject({ email: null, original: DEMO_ORDERS.ebay.email });
    const again = await sendMessage('fixListedOrder', { store: store(), orderId: id });
    expect(again).toMatchObject({ ok: true, value: { changed: false } });
    const audit = await auditLogInstance();
    expect((await audit.forOrder(api.shop, id)).map((e) => e.status)).toContain('done');

    const undone = await sendMessage('undoFix', { store: store(), orderId: id });
    expect(undone).toMatchObject({ ok: true, value: { after: DEMO_ORDERS.ebay.email } });
    expect(stored(api, id)).toMatchObject({ email: DEMO_ORDERS.ebay.email, original: null });
  });

  it('an ordinary order is left alone', async () => {
    await connect();
    const id = DEMO_ORDERS.ordinary.legacyId;
    expect(await sendMessage('fixListedOrder', { store: store(), orderId: id })).toMatchObject({ ok: true, value: { changed: false } });
    expect(stored(api, id).email).toBe(DEMO_ORDERS.ordinary.email);
    expect(api.counters.mutations.orderUpdate ?? 0).toBe(0);
  });
});
