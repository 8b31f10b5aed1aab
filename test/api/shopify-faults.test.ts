/**
 * Fault injection: dropped connections before and after a mutation is applied, 502s and THROTTLED
 * storms. Whatever happens, every order ends either unchanged, or changed with its original recorded
 * (order metafield AND audit entry) — never changed without a record — and no mutation is applied twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAdminApi, DEMO_ORDERS, type FakeAdminApi } from '../fake-admin-api/index';
import { changeOrderEmail, restoreOriginal, type EmailChangeContext } from '../../lib/shopify/email-change';
import { listMarketplaceOrders } from '../../lib/shopify/order-facts';
import { changeCustomerEmail } from '../../lib/shopify/customer-record';
import type { AuditLog } from '../../lib/audit';
import type { OrderFacts } from '../../lib/order-facts';
import { contextFor, stored } from './helpers';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 150, seed: 11 });
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.reset();
});

/** The invariant of the whole feature, checked against the server's own data and our audit log. */
async function expectRecordedOrUnchanged(
  ctx: EmailChangeContext & { audit: AuditLog },
  orders: Array<{ orderId: string; email: string | null; original?: string | null }>,
) {
  for (const { orderId, email, original } of orders) {
    const now = stored(api, orderId);
    if (now.email === email) continue; // unchanged
    // The first original is kept: an order neutralised earlier keeps the metafield it already had.
    expect(now.original, `order ${orderId} changed without its original on the order`).toBe(original ?? email);
    const entries = await ctx.audit.forOrder(api.shop, orderId);
    expect(entries.some((e) => e.kind === 'fix' && e.before === email), `order ${orderId} changed without an audit entry`).toBe(true);
  }
}

const amazon = () => DEMO_ORDERS.amazon;

describe('one order under faults', () => {
  it('connection dropped before the mutation is applied: re-read shows nothing, sent again, applied once', async () => {
    const ctx = await contextFor(api);
    api.faults.dropNext(1, { phase: 'before', only: 'mutation' });
    const result = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' });
    expect(result).toMatchObject({ ok: true, value: { changed: true } });
    expect(api.counters.mutations.orderUpdate).toBe(1);
    await expectRecordedOrUnchanged(ctx, [{ orderId: amazon().legacyId, email: amazon().email }]);
    expect(stored(api, amazon().legacyId).email).toBe(`blacklisted-${amazon().email}`);
  });

  it('connection dropped after the mutation was applied: re-read finds it, never sent twice', async () => {
    const ctx = await contextFor(api);
    api.faults.dropNext(1, { phase: 'after', only: 'mutation' });
    const result = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' });
    expect(result).toMatchObject({ ok: true, value: { changed: true, stripBehaviour: 'cleared' } });
    expect(api.counters.mutations.orderUpdate).toBe(1);
    expect(stored(api, amazon().legacyId)).toMatchObject({ email: null, original: amazon().email });
    expect((await ctx.audit.forOrder(api.shop, amazon().legacyId))[0]).toMatchObject({ status: 'done' });
  });

  it('502 twice, then success', async () => {
    const ctx = await contextFor(api);
    api.faults.fail502Next(2);
    expect(await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' })).toMatchObject({ ok: true });
    expect(api.counters.mutations.orderUpdate).toBe(1);
  });

  it('a THROTTLED storm is waited out', async () => {
    const ctx = await contextFor(api);
    api.faults.throttleStorm(600);
    expect(await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' })).toMatchObject({ ok: true });
    expect(ctx.client.stats.throttled).toBeGreaterThan(0);
  });

  it('the store unreachable for good: a clear error, and the order unchanged or recorded', async () => {
    const ctx = await contextFor(api, { maxNetworkRetries: 2 });
    api.faults.dropNext(1000, { phase: 'after', only: 'mutation' });
    const result = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' });
    // The mutation was applied on the first try (dropped after): the re-read finds it.
    expect(result.ok).toBe(true);
    api.faults.clear();
    api.faults.dropNext(1000, { phase: 'before' });
    const second = await changeOrderEmail(ctx, DEMO_ORDERS.ebay.legacyId, { kind: 'strip' });
    expect(second).toMatchObject({ ok: false, error: { code: 'store_unreachable' } });
    api.faults.clear();
    await expectRecordedOrUnchanged(ctx, [
      { orderId: amazon().legacyId, email: amazon().email },
      { orderId: DEMO_ORDERS.ebay.legacyId, email: DEMO_ORDERS.ebay.email },
    ]);
    expect(stored(api, DEMO_ORDERS.ebay.legacyId).email).toBe(DEMO_ORDERS.ebay.email);
  });

  it('a hung answer times out: queries are retried, a late mutation answer is awaited and applied once', async () => {
    const ctx = await contextFor(api, { requestTimeoutMs: 700 });
    api.faults.slowNext(1, 2500, { only: 'query' });
    expect(await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' })).toMatchObject({ ok: true, value: { changed: true } });
    // Shopify holds the mutation past the client's timeout and applies it then. Giving up at the timeout
    // and re-reading found "not changed yet", sent it again, and both were applied (the bug behind
    // 158 orderUpdates for 155 orders): the late answer is awaited instead.
    api.faults.slowNext(1, 1500, { only: 'mutation' });
    const ebay = DEMO_ORDERS.ebay;
    const sent = Date.now();
    expect(await changeOrderEmail(ctx, ebay.legacyId, { kind: 'prefix' })).toMatchObject({ ok: true, value: { changed: true } });
    // Whatever the server still held has landed by now.
    await new Promise((r) => setTimeout(r, Math.max(0, sent + 1800 - Date.now())));
    expect(api.counters.mutations.orderUpdate).toBe(2);
    expect(ctx.client.stats.lateAnswers).toBe(1);
    expect(stored(api, ebay.legacyId)).toMatchObject({ email: `blacklisted-${ebay.email}`, original: ebay.email });
    await expectRecordedOrUnchanged(ctx, [
      { orderId: amazon().legacyId, email: amazon().email },
      { orderId: ebay.legacyId, email: ebay.email },
    ]);
  });

  it('a mutation held past its timeout and the late wait is abandoned, then re-read: applied once when it landed meanwhile', async () => {
    const ctx = await contextFor(api, { requestTimeoutMs: 200, lateAnswerMs: 200 });
    api.faults.slowNext(1, 300, { only: 'mutation' });
    // Answer at ~300 ms on the server's side, given up at 400 ms: the re-read finds the change and nothing is sent again.
    const r = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' });
    expect(r).toMatchObject({ ok: true, value: { changed: true } });
    expect(api.counters.mutations.orderUpdate).toBe(1);
  });

  it("the customer record's lost answers are re-read before anything is sent again", async () => {
    const ctx = await contextFor(api);
    const order = api.store.orderById(Number(amazon().legacyId))!;
    const customer = api.store.customerById(order.customerId!)!;
    // The originals' metafieldsSet and the customerUpdate: both applied, both answers lost.
    api.faults.dropNext(2, { phase: 'after', only: 'mutation' });
    const changed = await changeCustomerEmail(ctx.client, String(customer.id), customer.email, 'buyer-guarded@demo-store.com');
    expect(changed).toMatchObject({ updated: true, after: 'buyer-guarded@demo-store.com' });
    expect(api.counters.mutations.customerUpdate).toBe(1);
    expect(api.counters.mutations.metafieldsSet).toBe(1);
    expect(api.store.customerById(customer.id)!.email).toBe('buyer-guarded@demo-store.com');
  });

  it('undo under a dropped answer: restored once, metafield removed', async () => {
    const ctx = await contextFor(api);
    await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' });
    api.faults.dropNext(2, { phase: 'after', only: 'mutation' });
    expect(await restoreOriginal(ctx, amazon().legacyId)).toMatchObject({ ok: true, value: { after: amazon().email } });
    expect(stored(api, amazon().legacyId)).toMatchObject({ email: amazon().email, original: null });
  });
});

describe('many orders under a mix of faults', () => {
  it('every order ends changed-with-record or unchanged, none changed twice', async () => {
    const ctx = await contextFor(api, { maxNetworkRetries: 3 });
    const targets: OrderFacts[] = [];
    for await (const page of listMarketplaceOrders(ctx.client, { first: 100 })) {
      for (const { facts, detection } of page.orders) if (facts.email && !detection.neutralised) targets.push(facts);
    }
    expect(targets.length).toBeGreaterThan(20);
    const before = targets.map((f) => ({ orderId: f.orderId, email: f.email, original: f.originalEmail }));
    api.faults.dropNext(6, { phase: 'before', only: 'mutation' });
    api.faults.dropNext(6, { phase: 'after', only: 'mutation' });
    api.faults.fail502Next(6);
    api.faults.dropNext(4, { phase: 'before', only: 'query' });
    const results = await Promise.all(targets.map((facts) => changeOrderEmail(ctx, facts.orderId, { kind: 'prefix' }, { knownFacts: facts })));
    api.faults.clear();
    await expectRecordedOrUnchanged(ctx, before);
    const failed = results.filter((r) => !r.ok);
    for (const r of failed) expect(['store_unreachable', 'server_error']).toContain(r.ok ? '' : r.error.code);
    // No order got the prefix twice (a re-sent mutation would still be idempotent here, so check the count too).
    for (const { orderId, email } of before) {
      const now = stored(api, orderId).email;
      expect([email, `blacklisted-${email}`]).toContain(now);
    }
    const changed = before.filter(({ orderId, email }) => stored(api, orderId).email !== email).length;
    expect(api.counters.mutations.orderUpdate).toBeLessThanOrEqual(changed + 6 + 6); // dropped-before and 502 re-sends only
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(targets.length - 3);
  });
});
