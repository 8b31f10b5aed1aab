/**
 * The sandbox admin renders from the fake Admin API, like the real admin renders from Shopify's.
 * `X-Sandbox-Admin: 1` marks these calls as the admin's own (authorised, not throttled, not counted).
 */
export const API_VERSION = '2025-01';

export class GraphqlError extends Error {}

export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`/admin/api/${API_VERSION}/graphql.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Sandbox-Admin': '1' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new GraphqlError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new GraphqlError(`HTTP ${res.status}`);
  return body.data;
}

export const orderGid = (id: string) => `gid://shopify/Order/${id}`;
export const numericId = (gid: string) => gid.slice(gid.lastIndexOf('/') + 1);

export interface SandboxOrder {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  cancelledAt: string | null;
  sourceName: string | null;
  sourceIdentifier: string | null;
  note: string | null;
  tags: string[];
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  app: { name: string } | null;
  channelInformation: { channelDefinition: { channelName: string } | null } | null;
  customer: { id: string; displayName: string; email: string | null; numberOfOrders: string } | null;
  shippingAddress: { name: string | null; address1: string | null; zip: string | null; city: string | null; country: string | null } | null;
  totalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
  lineItems: { nodes: Array<{ id: string; title: string; quantity: number; sku: string | null; originalUnitPriceSet: { shopMoney: { amount: string; currencyCode: string } } }> };
  fulfillmentOrders: { nodes: Array<{ id: string; status: string }> };
  fulfillments: Array<{ id: string; status: string; trackingInfo: Array<{ number: string | null; company: string | null }> }>;
}

export const ORDER_QUERY = /* GraphQL */ `
  query SandboxOrder($id: ID!) {
    order(id: $id) {
      id name email phone createdAt cancelledAt sourceName sourceIdentifier note tags
      displayFinancialStatus displayFulfillmentStatus
      app { name }
      channelInformation { channelDefinition { channelName } }
      customer { id displayName email numberOfOrders }
      shippingAddress { name address1 zip city country }
      totalPriceSet { shopMoney { amount currencyCode } }
      lineItems(first: 20) { nodes { id title quantity sku originalUnitPriceSet { shopMoney { amount currencyCode } } } }
      fulfillmentOrders(first: 10) { nodes { id status } }
      fulfillments { id status trackingInfo { number company } }
    }
  }`;

export interface SandboxOrderRow {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  sourceName: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  customer: { displayName: string } | null;
  totalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
}

export const ORDERS_QUERY = /* GraphQL */ `
  query SandboxOrders($first: Int!) {
    orders(first: $first, sortKey: CREATED_AT) {
      nodes {
        id name email createdAt sourceName displayFinancialStatus displayFulfillmentStatus
        customer { displayName }
        totalPriceSet { shopMoney { amount currencyCode } }
      }
    }
  }`;

export async function loadOrder(id: string): Promise<SandboxOrder | null> {
  // The real admin takes a moment to load an order; the server option `orderLatencyMs` mimics it.
  const latency = (typeof window !== 'undefined' && window.__SANDBOX__?.orderLatencyMs) || 0;
  if (latency > 0) await new Promise((r) => setTimeout(r, latency));
  const data = await gql<{ order: SandboxOrder | null }>(ORDER_QUERY, { id: orderGid(id) });
  return data.order;
}

export const money = (m: { amount: string; currencyCode: string }, lang: string) =>
  new Intl.NumberFormat(lang, { style: 'currency', currency: m.currencyCode }).format(Number(m.amount));
