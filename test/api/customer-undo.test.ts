/**
 * Undo after a reinstall: the extension's IndexedDB is empty (a new database), yet undo puts back the
 * order's email AND the customer record's email and marketing consent, from what Shopify itself holds
 * (the order's and the customer's proxy_mail_guard metafields). Against the fake Admin API.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAdminApi, DEMO_ORDERS, type FakeAdminApi } from '../fake-admin-api/index';
import { changeOrderEmail, restoreOriginal } from '../../lib/shopify/email-change';
import { shopifyBulkApi } from '../../lib/bulk/shopify-port';
import { contextFor, stored } from './helpers';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 20, seed: 4 });
});
afterAll(async () => api.close());
beforeEach(() => api.reset());

const amazon = () => DEMO_ORDERS.amazon;

function customerOf(legacyId: string) {
  const id = stored(api, legacyId).customerId;
  if (id === null || id === undefined) throw new Error('demo order has no customer');
  return () => api.store.customerById(id)!;
}

/** The merchant's customer had opted in to marketing before our change (set as Shopify would hold it). */
function subscribe(legacyId: string): void {
  const c = api.store.mutableCustomer(customerOf(legacyId)().ordinal);
  c.marketingState = 'SUBSCRIBED';
  c.marketingOptInLevel = 'CONFIRMED_OPT_IN';
  c.consentUpdatedAt = Date.parse('2026-03-01T10:00:00Z');
}

const ourMetafields = (legacyId: string) => customerOf(legacyId)().metafields.filter((m) => m.namespace === 'proxy_mail_guard').map((m) => m.key).sort();

describe('customer records undo with an empty IndexedDB', () => {
  it('card path: order and customer email come back from Shopify alone, and our records are removed', async () => {
    const id = amazon().legacyId;
    subscribe(id);
    const customer = customerOf(id);
    const before = customer().email;
    expect(before).toBe(amazon().email);

    const first = await contextFor(api);
    const fixed = await changeOrderEmail(first, id, { kind: 'prefix' }, { updateCustomer: true });
    expect(fixed).toMatchObject({ ok: true, value: { customerUpdated: true } });
    expect(customer().email).toBe(`blacklisted-${amazon().email}`);
    // Recorded on the customer before it changed: the email and the consent.
    expect(ourMetafields(id)).toEqual(['original_consent', 'original_email']);

    // A reinstall: a brand-new, empty audit log.
    const fresh = await contextFor(api);
    expect(await fresh.audit.forOrder(api.shop, id)).toEqual([]);
    const undone = await restoreOriginal(fresh, id);
    expect(undone).toMatchObject({ ok: true, value: { after: amazon().email, customerUpdated: true } });
    expect(stored(api, id)).toMatchObject({ email: amazon().email, original: null });
    expect(customer().email).toBe(before);
    expect(customer().marketingState).toBe('SUBSCRIBED');
    expect(ourMetafields(id)).toEqual([]);
  });

  it('bulk path: a run that set consent to not subscribed restores the previous consent on undo', async () => {
    const id = amazon().legacyId;
    subscribe(id);
    const customer = customerOf(id);
    const run = await contextFor(api);
    const port = shopifyBulkApi({ client: run.client, audit: run.audit, download: () => Promise.reject(new Error('unused')) });
    const fixed = await port.fixOrder(id, { kind: 'prefix' }, { batchId: 'batch-1', customer: true });
    expect(fixed).toMatchObject({ ok: true, value: { changed: true } });
    expect(customer().marketingState).toBe('NOT_SUBSCRIBED');

    const fresh = await contextFor(api);
    const undoPort = shopifyBulkApi({ client: fresh.client, audit: fresh.audit, download: () => Promise.reject(new Error('unused')) });
    const undone = await undoPort.restoreOrder(id, { batchId: 'undo-1', customer: true });
    expect(undone).toMatchObject({ ok: true, value: { after: amazon().email } });
    expect(stored(api, id).email).toBe(amazon().email);
    expect(customer().email).toBe(amazon().email);
    expect(customer().marketingState).toBe('SUBSCRIBED');
    expect(customer().marketingOptInLevel).toBe('CONFIRMED_OPT_IN');
    expect(ourMetafields(id)).toEqual([]);
  });

  it('a customer changed by hand since our change is left alone', async () => {
    const id = amazon().legacyId;
    const customer = customerOf(id);
    const first = await contextFor(api);
    await changeOrderEmail(first, id, { kind: 'prefix' }, { updateCustomer: true });
    const c = api.store.mutableCustomer(customer().ordinal);
    c.email = 'real.person@example.org';
    const fresh = await contextFor(api);
    expect(await restoreOriginal(fresh, id)).toMatchObject({ ok: true, value: { after: amazon().email } });
    // The merchant typed a real address since our change: the relay is not put back over it.
    expect(customer().email).toBe('real.person@example.org');
  });

  it('without "update the customer", the customer is never touched or recorded', async () => {
    const id = amazon().legacyId;
    const customer = customerOf(id);
    const ctx = await contextFor(api);
    await changeOrderEmail(ctx, id, { kind: 'strip' });
    expect(ourMetafields(id)).toEqual([]);
    expect(customer().email).toBe(amazon().email);
    const fresh = await contextFor(api);
    expect(await restoreOriginal(fresh, id)).toMatchObject({ ok: true, value: { after: amazon().email } });
    expect(customer().email).toBe(amazon().email);
  });
});
