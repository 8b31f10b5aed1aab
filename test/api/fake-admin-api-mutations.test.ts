import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../fake-admin-api/http.ts';
import { DEMO_ORDERS, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';

const ORDER_UPDATE = `#graphql
  mutation($input: OrderInput!) {
    orderUpdate(input: $input) {
      order { id email note tags original: metafield(namespace: "proxy_mail_guard", key: "original_email") { id value } }
      userErrors { field message }
    }
  }`;
const READ = `query($id: ID!) { order(id: $id) { email updatedAt customer { email } metafield(namespace: "proxy_mail_guard", key: "original_email") { value } } }`;
const FULFIL = `#graphql
  mutation($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status trackingInfo { number company url } } userErrors { field message } }
  }`;
const TRACKING = `#graphql
  mutation($id: ID!, $t: FulfillmentTrackingInput!, $notify: Boolean) {
    fulfillmentTrackingInfoUpdate(fulfillmentId: $id, trackingInfoInput: $t, notifyCustomer: $notify) { fulfillment { trackingInfo { number } } userErrors { message } }
  }`;
const REFUND = `mutation($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }`;
const CANCEL = `#graphql
  mutation($id: ID!, $notify: Boolean) {
    orderCancel(orderId: $id, refund: false, restock: false, reason: CUSTOMER, notifyCustomer: $notify) { job { id done } orderCancelUserErrors { code message } }
  }`;

describe('fake Admin API: mutations and the outbox', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 50, plan: 'enterprise' });
  });
  afterAll(() => api.close());
  beforeEach(() => api.reset());

  const read = async (id: string) => (await gql(api, READ, { id })).body.data.order;

  it('orderUpdate sets email, note, tags and the original-email metafield together', async () => {
    const { body } = await gql(api, ORDER_UPDATE, {
      input: { id: DEMO_ORDERS.amazon.id, email: 'c4dc1kt7abtb7qr@demo-store.com', note: 'fixed', tags: ['pmg-fixed'], metafields: [{ namespace: 'proxy_mail_guard', key: 'original_email', type: 'single_line_text_field', value: DEMO_ORDERS.amazon.email }] },
    });
    expect(body.data.orderUpdate.userErrors).toEqual([]);
    expect(body.data.orderUpdate.order).toMatchObject({ email: 'c4dc1kt7abtb7qr@demo-store.com', note: 'fixed', tags: ['pmg-fixed'], original: { value: DEMO_ORDERS.amazon.email } });
    const after = await read(DEMO_ORDERS.amazon.id);
    expect(after.email).toBe('c4dc1kt7abtb7qr@demo-store.com');
    expect(after.customer.email).toBe(DEMO_ORDERS.amazon.email); // the customer record is separate
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse('2026-11-01T00:00:00Z') - 1);
  });

  it('empty email, switch "clears": the order has no email afterwards', async () => {
    api.setSwitches({ emptyEmail: 'clears' });
    const { body } = await gql(api, ORDER_UPDATE, { input: { id: DEMO_ORDERS.ebay.id, email: '' } });
    expect(body.data.orderUpdate.userErrors).toEqual([]);
    expect(body.data.orderUpdate.order.email).toBeNull();
    expect((await read(DEMO_ORDERS.ebay.id)).email).toBeNull();
  });

  it('empty email, switch "user-error": a userError and nothing changed (metafield included)', async () => {
    api.setSwitches({ emptyEmail: 'user-error' });
    const { body } = await gql(api, ORDER_UPDATE, {
      input: { id: DEMO_ORDERS.ebay.id, email: '', metafields: [{ namespace: 'proxy_mail_guard', key: 'original_email', type: 'single_line_text_field', value: DEMO_ORDERS.ebay.email }] },
    });
    expect(body.data.orderUpdate.userErrors).toEqual([{ field: ['email'], message: 'Email is invalid' }]);
    const after = await read(DEMO_ORDERS.ebay.id);
    expect(after.email).toBe(DEMO_ORDERS.ebay.email);
    expect(after.metafield).toBeNull();
  });

  it('rejects malformed emails and incomplete metafields with userErrors', async () => {
    const bad = await gql(api, ORDER_UPDATE, { input: { id: DEMO_ORDERS.amazon.id, email: 'not an email' } });
    expect(bad.body.data.orderUpdate.userErrors).toEqual([{ field: ['email'], message: 'Email is invalid' }]);
    const noType = await gql(api, ORDER_UPDATE, { input: { id: DEMO_ORDERS.amazon.id, metafields: [{ namespace: 'proxy_mail_guard', key: 'original_email', value: 'x@y.com' }] } });
    expect(noType.body.data.orderUpdate.userErrors).toEqual([{ field: ['metafields', '0', 'type'], message: "Type can't be blank" }]);
    const missing = await gql(api, ORDER_UPDATE, { input: { id: 'gid://shopify/Order/999', email: 'a@b.co' } });
    expect(missing.body.data.orderUpdate).toEqual({ order: null, userErrors: [{ field: ['id'], message: 'Order does not exist' }] });
    expect((await read(DEMO_ORDERS.amazon.id)).email).toBe(DEMO_ORDERS.amazon.email);
  });

  it('customerUpdate changes the customer email and marketing consent; a taken email is refused', async () => {
    const update = `mutation($input: CustomerInput!) { customerUpdate(input: $input) { customer { email emailMarketingConsent { marketingState } } userErrors { field message } } }`;
    const ok = await gql(api, update, { input: { id: DEMO_ORDERS.amazon.customerId, email: 'orders@demo-store.com', emailMarketingConsent: { marketingState: 'UNSUBSCRIBED' } } });
    expect(ok.body.data.customerUpdate).toEqual({ customer: { email: 'orders@demo-store.com', emailMarketingConsent: { marketingState: 'UNSUBSCRIBED' } }, userErrors: [] });
    const taken = await gql(api, update, { input: { id: DEMO_ORDERS.ebay.customerId, email: 'orders@demo-store.com' } });
    expect(taken.body.data.customerUpdate.userErrors).toEqual([{ field: ['email'], message: 'Email has already been taken' }]);
    const missing = await gql(api, update, { input: { id: 'gid://shopify/Customer/1', email: 'a@b.co' } });
    expect(missing.body.data.customerUpdate.userErrors).toEqual([{ field: ['id'], message: 'Customer does not exist' }]);
  });

  it('customerEmailMarketingConsentUpdate unsubscribes a customer; a customer without email gets a userError', async () => {
    const m = `mutation($input: CustomerEmailMarketingConsentUpdateInput!) { customerEmailMarketingConsentUpdate(input: $input) { customer { emailMarketingConsent { marketingState } } userErrors { field message code } } }`;
    const ok = await gql(api, m, { input: { customerId: DEMO_ORDERS.ordinary.customerId, emailMarketingConsent: { marketingState: 'UNSUBSCRIBED' } } });
    expect(ok.body.data.customerEmailMarketingConsentUpdate).toEqual({ customer: { emailMarketingConsent: { marketingState: 'UNSUBSCRIBED' } }, userErrors: [] });
    const none = await gql(api, m, { input: { customerId: DEMO_ORDERS.stripped.customerId, emailMarketingConsent: { marketingState: 'UNSUBSCRIBED' } } });
    expect(none.body.data.customerEmailMarketingConsentUpdate.userErrors[0].code).toBe('INVALID');
  });

  it('metafieldsSet and metafieldsDelete manage the original-email metafield', async () => {
    const set = await gql(api, `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key value } userErrors { field message code elementIndex } } }`, {
      m: [{ ownerId: DEMO_ORDERS.kaufland.id, namespace: 'proxy_mail_guard', key: 'original_email', type: 'single_line_text_field', value: DEMO_ORDERS.kaufland.email }],
    });
    expect(set.body.data.metafieldsSet).toEqual({ metafields: [{ key: 'original_email', value: DEMO_ORDERS.kaufland.email }], userErrors: [] });
    const del = `mutation($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { ownerId namespace key } userErrors { message } } }`;
    const ident = { ownerId: DEMO_ORDERS.kaufland.id, namespace: 'proxy_mail_guard', key: 'original_email' };
    expect((await gql(api, del, { m: [ident] })).body.data.metafieldsDelete).toEqual({ deletedMetafields: [ident], userErrors: [] });
    expect((await read(DEMO_ORDERS.kaufland.id)).metafield).toBeNull();
    expect((await gql(api, del, { m: [ident] })).body.data.metafieldsDelete.deletedMetafields).toEqual([null]);
    const onCustomer = await gql(api, `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id value } userErrors { message } } }`, {
      m: [{ ownerId: DEMO_ORDERS.kaufland.customerId, namespace: 'proxy_mail_guard', key: 'original_email', type: 'single_line_text_field', value: DEMO_ORDERS.kaufland.email }],
    });
    expect(onCustomer.body.data.metafieldsSet.userErrors).toEqual([]);
    const customer = await gql(api, `query($id: ID!) { customer(id: $id) { metafield(namespace: "proxy_mail_guard", key: "original_email") { id value } } }`, { id: DEMO_ORDERS.kaufland.customerId });
    expect(customer.body.data.customer.metafield).toEqual(onCustomer.body.data.metafieldsSet.metafields[0]);
    const bad = await gql(api, `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key } userErrors { field code elementIndex } } }`, {
      m: [{ ownerId: 'gid://shopify/Order/12', namespace: 'proxy_mail_guard', key: 'original_email', type: 'single_line_text_field', value: 'a@b.co' }],
    });
    expect(bad.body.data.metafieldsSet).toEqual({ metafields: null, userErrors: [{ field: ['metafields', '0', 'ownerId'], code: 'INVALID_VALUE', elementIndex: 0 }] });
  });

  it('fulfillmentCreate: notifyCustomer true sends a shipping confirmation to the order email; false sends nothing', async () => {
    const fulfil = (ref: typeof DEMO_ORDERS.amazon, notify: boolean) =>
      gql(api, FULFIL, { fulfillment: { notifyCustomer: notify, trackingInfo: { number: '1Z999', company: 'UPS' }, lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: ref.fulfillmentOrderId }] } });
    const quiet = await fulfil(DEMO_ORDERS.amazon, false);
    expect(quiet.body.data.fulfillmentCreate.userErrors).toEqual([]);
    expect(api.outbox).toEqual([]);
    const loud = await fulfil(DEMO_ORDERS.ebay, true);
    expect(loud.body.data.fulfillmentCreate.fulfillment).toMatchObject({ status: 'SUCCESS', trackingInfo: [{ number: '1Z999', company: 'UPS' }] });
    expect(api.outbox).toEqual([{ kind: 'shipping_confirmation', to: DEMO_ORDERS.ebay.email, orderId: DEMO_ORDERS.ebay.id, at: expect.any(String) }]);
    const again = await fulfil(DEMO_ORDERS.ebay, true);
    expect(again.body.data.fulfillmentCreate.userErrors[0].message).toMatch(/unfulfillable status= closed/);
    expect((await gql(api, `query($id: ID!) { order(id: $id) { displayFulfillmentStatus } }`, { id: DEMO_ORDERS.ebay.id })).body.data.order.displayFulfillmentStatus).toBe('FULFILLED');
  });

  it('sends nothing when the order has no email, even with notifyCustomer', async () => {
    await gql(api, FULFIL, { fulfillment: { notifyCustomer: true, lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: DEMO_ORDERS.stripped.fulfillmentOrderId }] } });
    expect(api.outbox).toEqual([]);
    api.setSwitches({ emptyEmail: 'clears' });
    await gql(api, ORDER_UPDATE, { input: { id: DEMO_ORDERS.walmart.id, email: '' } });
    await gql(api, FULFIL, { fulfillment: { notifyCustomer: true, lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: DEMO_ORDERS.walmart.fulfillmentOrderId }] } });
    expect(api.outbox).toEqual([]);
  });

  it('the recipient is the email at send time', async () => {
    await gql(api, ORDER_UPDATE, { input: { id: DEMO_ORDERS.allegro.id, email: `blacklisted-${DEMO_ORDERS.allegro.email}` } });
    await gql(api, FULFIL, { fulfillment: { notifyCustomer: true, lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: DEMO_ORDERS.allegro.fulfillmentOrderId }] } });
    expect(api.outbox.map((e) => e.to)).toEqual([`blacklisted-${DEMO_ORDERS.allegro.email}`]);
  });

  it('fulfillmentTrackingInfoUpdate notifies only with notifyCustomer: true (shipping_update)', async () => {
    const id = DEMO_ORDERS.amazonFulfilled.fulfillmentId;
    const quiet = await gql(api, TRACKING, { id, t: { number: 'JJD000111' }, notify: false });
    expect(quiet.body.data.fulfillmentTrackingInfoUpdate.fulfillment.trackingInfo).toEqual([{ number: 'JJD000111' }]);
    await gql(api, TRACKING, { id, t: { number: 'JJD000112' } });
    expect(api.outbox).toEqual([]);
    await gql(api, TRACKING, { id, t: { number: 'JJD000113' }, notify: true });
    expect(api.outbox).toEqual([{ kind: 'shipping_update', to: DEMO_ORDERS.amazonFulfilled.email, orderId: DEMO_ORDERS.amazonFulfilled.id, at: expect.any(String) }]);
  });

  it('refundCreate notifies only with input.notify: true (refund)', async () => {
    await gql(api, REFUND, { input: { orderId: DEMO_ORDERS.tiktok.id, notify: false, note: 'quiet' } });
    expect(api.outbox).toEqual([]);
    const loud = await gql(api, REFUND, { input: { orderId: DEMO_ORDERS.tiktok.id, notify: true } });
    expect(loud.body.data.refundCreate.userErrors).toEqual([]);
    expect(api.outbox.map((e) => [e.kind, e.to])).toEqual([['refund', DEMO_ORDERS.tiktok.email]]);
  });

  it('orderCancel notifies only with notifyCustomer: true (order_cancelled) and cancels once', async () => {
    const quiet = await gql(api, CANCEL, { id: DEMO_ORDERS.temu.id, notify: false });
    expect(quiet.body.data.orderCancel.orderCancelUserErrors).toEqual([]);
    expect(api.outbox).toEqual([]);
    await gql(api, CANCEL, { id: DEMO_ORDERS.mirakl.id, notify: true });
    expect(api.outbox.map((e) => [e.kind, e.to])).toEqual([['order_cancelled', DEMO_ORDERS.mirakl.email]]);
    const twice = await gql(api, CANCEL, { id: DEMO_ORDERS.mirakl.id, notify: true });
    expect(twice.body.data.orderCancel.orderCancelUserErrors[0].code).toBe('INVALID');
    expect(api.outbox).toHaveLength(1);
  });

  it('serves the outbox over HTTP and resets over HTTP', async () => {
    await gql(api, REFUND, { input: { orderId: DEMO_ORDERS.ordinary.id, notify: true } });
    const outbox = await (await fetch(`${api.origin}/__fake/outbox`)).json();
    expect(outbox).toEqual([expect.objectContaining({ kind: 'refund', to: DEMO_ORDERS.ordinary.email })]);
    await gql(api, ORDER_UPDATE, { input: { id: DEMO_ORDERS.ordinary.id, email: 'new@example.org' } });
    expect((await fetch(`${api.origin}/__fake/reset`, { method: 'POST' })).status).toBe(200);
    expect(api.outbox).toEqual([]);
    expect((await read(DEMO_ORDERS.ordinary.id)).email).toBe(DEMO_ORDERS.ordinary.email);
  });
});

describe('fake Admin API: deprecated names, tags and unmodelled fields', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 10, plan: 'enterprise' });
  });
  afterAll(() => api.close());

  it('fulfillmentCreateV2 behaves like fulfillmentCreate, notification included', async () => {
    const { body } = await gql(api, `mutation($f: FulfillmentV2Input!) { fulfillmentCreateV2(fulfillment: $f) { fulfillment { status } userErrors { message } } }`, {
      f: { notifyCustomer: true, lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: DEMO_ORDERS.etsy.fulfillmentOrderId }] },
    });
    expect(body.data.fulfillmentCreateV2).toEqual({ fulfillment: { status: 'SUCCESS' }, userErrors: [] });
    expect(api.outbox.map((e) => [e.kind, e.to])).toEqual([['shipping_confirmation', DEMO_ORDERS.etsy.email]]);
  });

  it('tagsAdd and tagsRemove change order tags', async () => {
    const add = await gql(api, `mutation($id: ID!) { tagsAdd(id: $id, tags: ["pmg-fixed", "x"]) { node { ... on Order { tags } } userErrors { message } } }`, { id: DEMO_ORDERS.ordinary.id });
    expect(add.body.data.tagsAdd.node.tags).toEqual(['pmg-fixed', 'x']);
    const remove = await gql(api, `mutation($id: ID!) { tagsRemove(id: $id, tags: ["x"]) { node { ... on Order { tags } } } }`, { id: DEMO_ORDERS.ordinary.id });
    expect(remove.body.data.tagsRemove.node.tags).toEqual(['pmg-fixed']);
  });

  it('fails loudly on a root field the fake does not model', async () => {
    const { body } = await gql(api, `{ products(first: 1) { nodes { id } } }`);
    expect(body.errors[0]).toMatchObject({ message: expect.stringContaining('does not implement QueryRoot.products'), extensions: { code: 'NOT_IMPLEMENTED_IN_FAKE' } });
  });
});
