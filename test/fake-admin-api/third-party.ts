/**
 * Other apps on the same store, acting through the Admin API: a 3PL / shipping app fulfilling an
 * order with `notifyCustomer: true` (its own setting, no checkbox anyone sees). Such an app has its own
 * cost bucket on Shopify, so these requests are sent as `X-Sandbox-Admin` (not charged to ours, never
 * faulted); the fulfilment and its email are real in the fake.
 */
import { gql } from './http.ts';
import type { FakeAdminApi } from './index.ts';

const OPEN_FULFILLMENT_ORDERS = `#graphql
  query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 5) { nodes { id status } } } }`;

const FULFIL = `#graphql
  mutation($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id } userErrors { field message } }
  }`;

/** A 3PL app ships every open fulfilment order of the order, telling Shopify to notify the customer. */
export async function fulfilAsThirdParty(api: FakeAdminApi, orderId: number | string, tracking = '1Z999AA10123456784'): Promise<boolean> {
  const id = String(orderId).startsWith('gid://') ? String(orderId) : `gid://shopify/Order/${orderId}`;
  const read = await gql(api, OPEN_FULFILLMENT_ORDERS, { id }, { sandbox: true });
  const open = ((read.body?.data?.order?.fulfillmentOrders?.nodes ?? []) as { id: string; status: string }[]).filter((fo) => fo.status === 'OPEN' || fo.status === 'IN_PROGRESS');
  if (open.length === 0) return false;
  const { body } = await gql(
    api,
    FULFIL,
    { fulfillment: { notifyCustomer: true, trackingInfo: { number: tracking, company: 'UPS' }, lineItemsByFulfillmentOrder: open.map((fo) => ({ fulfillmentOrderId: fo.id })) } },
    { sandbox: true },
  );
  const errors = body?.data?.fulfillmentCreate?.userErrors ?? [{ message: JSON.stringify(body) }];
  if (errors.length) throw new Error(`3PL fulfilment refused: ${errors[0].message}`);
  return true;
}

/** The carrier reports "delivered" on every fulfilment of the order (Shopify's own tracking, no app call). */
export function deliverAsCarrier(api: FakeAdminApi, orderId: number | string, status: 'OUT_FOR_DELIVERY' | 'DELIVERED' = 'DELIVERED'): number {
  const order = api.store.orderById(Number(String(orderId).replace(/^gid:\/\/shopify\/Order\//, '')));
  let events = 0;
  for (const f of order?.fulfillments ?? []) if (api.carrierEvent(`gid://shopify/Fulfillment/${f.id}`, status).ok) events++;
  return events;
}
