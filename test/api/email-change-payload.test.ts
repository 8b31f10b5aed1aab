/**
 * The per-order change path (issue 12 point 1, issue 11 point 3): the mutation's payload is the
 * confirmation, so a change with known facts costs one mutation and nothing else; and a change only
 * counts once the original is provably on the order — when Shopify applies the email but drops the
 * metafield, the original is written on its own, or the email is taken back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAdminApi, DEMO_ORDERS, type FakeAdminApi } from '../fake-admin-api/index';
import { changeOrderEmail, restoreOriginal } from '../../lib/shopify/email-change';
import { readOrderFacts } from '../../lib/shopify/order-facts';
import { contextFor, stored } from './helpers';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 60, seed: 5 });
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.reset();
});

const amazon = () => DEMO_ORDERS.amazon;

describe('cost of one change', () => {
  it('with the facts already known: one mutation of 10 points, no read before or after', async () => {
    const ctx = await contextFor(api);
    const facts = (await readOrderFacts(ctx.client, amazon().legacyId))!;
    const requests = api.counters.graphqlRequests;
    const cost = api.counters.costUsed;
    const result = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' }, { knownFacts: facts });
    expect(result).toMatchObject({ ok: true, value: { changed: true, after: `blacklisted-${amazon().email}`, facts: { originalEmail: amazon().email } } });
    expect(api.counters.graphqlRequests - requests).toBe(1);
    expect(api.counters.costUsed - cost).toBe(10);
    expect(stored(api, amazon().legacyId)).toMatchObject({ email: `blacklisted-${amazon().email}`, original: amazon().email });
    expect((await ctx.audit.forOrder(api.shop, amazon().legacyId))[0]).toMatchObject({ status: 'done', before: amazon().email });
  });

  it('from the card (no facts yet): one read and one mutation, no confirming re-read', async () => {
    const ctx = await contextFor(api);
    const cost = api.counters.costUsed;
    expect(await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' })).toMatchObject({ ok: true, value: { changed: true, after: null } });
    expect(api.counters.graphqlRequests).toBe(2);
    expect(api.counters.costUsed - cost).toBeLessThanOrEqual(17);
    expect(stored(api, amazon().legacyId)).toMatchObject({ email: null, original: amazon().email });
  });
});

describe('the original must be on the order', () => {
  it('Shopify applies the email but silently drops the metafield: the original is written and confirmed before success', async () => {
    const ctx = await contextFor(api);
    api.faults.dropMetafieldNext(1);
    const result = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' });
    expect(result).toMatchObject({ ok: true, value: { changed: true, facts: { originalEmail: amazon().email } } });
    expect(result.ok && result.value.warning).toBeFalsy();
    expect(api.counters.mutations.metafieldsSet).toBe(1);
    expect(stored(api, amazon().legacyId)).toMatchObject({ email: `blacklisted-${amazon().email}`, original: amazon().email });
    expect((await ctx.audit.forOrder(api.shop, amazon().legacyId))[0]).toMatchObject({ status: 'done' });
  });

  it('userErrors but the email did change: reported as applied with the warning, the original saved', async () => {
    const ctx = await contextFor(api);
    api.faults.dropMetafieldNext(1, { userError: true });
    const result = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' });
    expect(result).toMatchObject({
      ok: true,
      value: { changed: true, after: `blacklisted-${amazon().email}`, warning: { code: 'applied_with_warning', params: { message: 'Metafield could not be saved, please try again' } } },
    });
    expect(stored(api, amazon().legacyId)).toMatchObject({ email: `blacklisted-${amazon().email}`, original: amazon().email });
    expect((await ctx.audit.forOrder(api.shop, amazon().legacyId))[0]).toMatchObject({ status: 'done', warning: { code: 'applied_with_warning' } });
  });

  it('Shopify will not keep the original at all: the email is taken back and the failure says so', async () => {
    const ctx = await contextFor(api);
    api.faults.dropMetafieldNext(3); // the update, then both separate writes
    const result = await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' });
    expect(result).toMatchObject({ ok: false, error: { code: 'original_not_saved', params: { email: amazon().email } } });
    expect(stored(api, amazon().legacyId)).toMatchObject({ email: amazon().email, original: null });
    expect((await ctx.audit.forOrder(api.shop, amazon().legacyId))[0]).toMatchObject({ status: 'failed', after: amazon().email, error: { code: 'original_not_saved' } });
  });

  it('a refusal is still a refusal: nothing applied, reported plainly', async () => {
    const ctx = await contextFor(api);
    api.setSwitches({ emptyEmail: 'user-error' });
    expect(await changeOrderEmail(ctx, amazon().legacyId, { kind: 'strip' })).toMatchObject({ ok: false, error: { code: 'strip_rejected_by_shopify' } });
    expect(stored(api, amazon().legacyId)).toMatchObject({ email: amazon().email, original: null });
    expect(api.counters.mutations.metafieldsSet).toBeUndefined();
  });

  it('an answer lost after the change: the re-read is the confirmation, sent once', async () => {
    const ctx = await contextFor(api);
    const facts = (await readOrderFacts(ctx.client, amazon().legacyId))!;
    api.faults.dropNext(1, { phase: 'after', only: 'mutation' });
    expect(await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' }, { knownFacts: facts })).toMatchObject({
      ok: true,
      value: { changed: true, facts: { email: `blacklisted-${amazon().email}`, originalEmail: amazon().email } },
    });
    expect(api.counters.mutations.orderUpdate).toBe(1);
  });
});

describe("the undo's marker (fixed_by: undone, so the automatic protection leaves the order)", () => {
  const fixedBy = () => api.store.orderById(Number(amazon().legacyId))!.metafields.find((m) => m.key === 'fixed_by')?.value ?? null;

  it('travels in the orderUpdate that puts the address back; a complaint about it is no refusal: it is written on its own', async () => {
    const ctx = await contextFor(api);
    expect((await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' })).ok).toBe(true);
    expect((await restoreOriginal(ctx, amazon().legacyId)).ok).toBe(true);
    expect([stored(api, amazon().legacyId).email, fixedBy()]).toEqual([amazon().email, 'undone']);
    expect(api.counters.mutations.metafieldsSet).toBeUndefined();

    expect((await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' })).ok).toBe(true);
    expect(fixedBy()).toBe('extension');
    api.faults.dropMetafieldNext(1, { userError: true });
    const undone = await restoreOriginal(ctx, amazon().legacyId);
    expect(undone).toMatchObject({ ok: true, value: { after: amazon().email, facts: { fixedBy: 'undone' } } });
    expect([stored(api, amazon().legacyId).email, fixedBy()]).toEqual([amazon().email, 'undone']);
    expect(api.counters.mutations.metafieldsSet).toBe(1);
  });

  it('the address already back (re-synced by a connector): the marker is written on its own before the original goes', async () => {
    const ctx = await contextFor(api);
    expect((await changeOrderEmail(ctx, amazon().legacyId, { kind: 'prefix' })).ok).toBe(true);
    const order = api.store.mutableOrder(api.store.orderById(Number(amazon().legacyId))!.ordinal);
    order.email = amazon().email;
    api.store.touch(order);
    const updates = api.counters.mutations.orderUpdate;
    expect(await restoreOriginal(ctx, amazon().legacyId)).toMatchObject({ ok: true, value: { changed: false, facts: { fixedBy: 'undone', originalEmail: null } } });
    expect(api.counters.mutations.orderUpdate).toBe(updates);
    expect([stored(api, amazon().legacyId).email, stored(api, amazon().legacyId).original, fixedBy()]).toEqual([amazon().email, null, 'undone']);
  });
});
