/** Reading orders: one order's facts, and pages of orders newest first (the bulk job's primitive). */
import type { OrderFacts } from '../order-facts';
import { detectMarketplace, type Detection, type NeutralForms } from '../marketplaces';
import type { AdminClient } from './client';
import { ORDER_EMAIL_CONFIRM_QUERY, ORDER_FACTS_QUERY, ORDERS_BY_ID_QUERY, ORDERS_PAGE_QUERY, type OrderNode } from './documents';
import { ApiFailure } from './errors';

const ORDER_GID = /^gid:\/\/shopify\/Order\/(\d+)$/;

/** '1001' or 'gid://shopify/Order/1001' → the GraphQL id; anything else is refused before a request. */
export function orderGid(orderId: string): string {
  const trimmed = String(orderId ?? '').trim();
  if (/^\d{1,20}$/.test(trimmed)) return `gid://shopify/Order/${trimmed}`;
  if (ORDER_GID.test(trimmed)) return trimmed;
  throw new ApiFailure('order_not_found', `"${trimmed.slice(0, 40)}" is not an order id.`, { order: trimmed.slice(0, 40) });
}

export function numericOrderId(orderId: string): string {
  return ORDER_GID.exec(orderId)?.[1] ?? orderId;
}

/** Any subset of the fields (a listing, a narrower read): what was not selected reads as absent. */
export function toOrderFacts(node: Pick<OrderNode, 'id'> & Partial<OrderNode>): OrderFacts {
  const channel = node.channelInformation;
  return {
    orderId: node.legacyResourceId ? String(node.legacyResourceId) : numericOrderId(node.id),
    name: node.name ?? null,
    email: node.email || null,
    phone: node.phone ?? null,
    customer: node.customer ? { id: node.customer.id, email: node.customer.email || null } : null,
    sourceName: node.sourceName ?? null,
    sourceIdentifier: node.sourceIdentifier ?? null,
    appName: node.app?.name ?? channel?.app?.title ?? null,
    channelName: channel?.channelDefinition?.channelName ?? null,
    tags: node.tags ?? [],
    displayFulfillmentStatus: node.displayFulfillmentStatus ?? null,
    originalEmail: node.originalEmail?.value || null,
    fixedBy: node.fixedBy?.value || null,
    fixedAt: node.fixedBy?.updatedAt ?? null,
    via: 'api',
  };
}

/** The order's facts, or null when the store has no such order. */
export async function readOrderFacts(client: AdminClient, orderId: string): Promise<OrderFacts | null> {
  const data = await client.request<{ order: OrderNode | null }>(ORDER_FACTS_QUERY, { id: orderGid(orderId) });
  return data?.order ? toOrderFacts(data.order) : null;
}

export async function requireOrderFacts(client: AdminClient, orderId: string): Promise<OrderFacts> {
  const facts = await readOrderFacts(client, orderId);
  if (!facts) throw new ApiFailure('order_not_found', `Order ${numericOrderId(orderId)} was not found in this store.`, { order: numericOrderId(orderId) });
  return facts;
}

/**
 * At most this many ids per `nodes(ids:)` request: each order requests ~8 points (see MAX_PAGE_SIZE),
 * and Shopify refuses a query whose requested cost is above 1,000. The admin's list shows 50 a page.
 */
export const ORDERS_BY_ID_MAX = 100;

export interface OrdersById {
  /** Facts per numeric order id; null when the store has no such order (deleted, or another store's). */
  facts: Map<string, OrderFacts | null>;
  requests: number;
  /** requestedQueryCost summed over the requests (what Shopify charges up front). */
  requestedCost: number;
  actualCost: number;
}

/** Facts of many orders at once: one `nodes(ids:)` request per ORDERS_BY_ID_MAX ids, never one per order. */
export async function readOrdersFacts(client: AdminClient, orderIds: readonly string[]): Promise<OrdersById> {
  const ids = [...new Set(orderIds.map((id) => numericOrderId(orderGid(id))))];
  const out: OrdersById = { facts: new Map(), requests: 0, requestedCost: 0, actualCost: 0 };
  for (let at = 0; at < ids.length; at += ORDERS_BY_ID_MAX) {
    const chunk = ids.slice(at, at + ORDERS_BY_ID_MAX);
    const data = await client.request<{ nodes: Array<OrderNode | Record<string, never> | null> }>(ORDERS_BY_ID_QUERY, { ids: chunk.map(orderGid) });
    out.requests++;
    const cost = client.stats.lastCost;
    if (cost) {
      out.requestedCost += cost.requestedQueryCost ?? 0;
      out.actualCost += cost.actualQueryCost ?? 0;
    }
    chunk.forEach((id, i) => {
      const node = data?.nodes?.[i];
      out.facts.set(id, node && 'id' in node ? toOrderFacts(node as OrderNode) : null);
    });
  }
  return out;
}

type ConfirmNode = Pick<OrderNode, 'id' | 'email' | 'customer' | 'originalEmail'>;

/**
 * Re-reads what a change can touch (email, customer email, our metafield) and lays it over facts read
 * before: the other fields are not changed by us. Throws order_not_found if the order is gone.
 */
export async function confirmOrderFacts(client: AdminClient, facts: OrderFacts): Promise<OrderFacts> {
  const data = await client.request<{ order: ConfirmNode | null }>(ORDER_EMAIL_CONFIRM_QUERY, { id: orderGid(facts.orderId) });
  const node = data?.order;
  if (!node) throw new ApiFailure('order_not_found', `Order ${facts.orderId} was not found in this store.`, { order: facts.orderId });
  return {
    ...facts,
    email: node.email || null,
    customer: node.customer ? { id: node.customer.id, email: node.customer.email || null } : null,
    originalEmail: node.originalEmail?.value || null,
    via: 'api',
  };
}

export interface OrdersPage {
  orders: OrderFacts[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Each order node requests ~8 points (order, customer, app, channel, two metafields) and Shopify refuses a
 * query whose requested cost is above 1,000, so a page holds at most 100 orders (~802 points).
 */
export const MAX_PAGE_SIZE = 100;

export interface OrdersPageRequest {
  /** 1–100 (see MAX_PAGE_SIZE). */
  first?: number;
  after?: string | null;
  /** Shopify search syntax, e.g. `created_at:>=2026-01-01` or `source_name:amazon`; no leading wildcards. */
  query?: string | null;
}

/** One page of orders, newest first. The bulk job pages with `endCursor` and can resume from it. */
export async function fetchOrdersPage(client: AdminClient, request: OrdersPageRequest = {}): Promise<OrdersPage> {
  const first = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(request.first ?? MAX_PAGE_SIZE)));
  const data = await client.request<{
    orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: OrderNode[] };
  }>(ORDERS_PAGE_QUERY, { first, after: request.after ?? null, query: request.query ?? null });
  const orders = data?.orders;
  if (!orders) return { orders: [], hasNextPage: false, endCursor: null };
  return { orders: orders.nodes.map(toOrderFacts), hasNextPage: orders.pageInfo.hasNextPage, endCursor: orders.pageInfo.endCursor };
}

export interface MarketplaceOrder {
  facts: OrderFacts;
  detection: Detection;
}

export interface MarketplacePage {
  orders: MarketplaceOrder[];
  /** Orders read on this page, flagged or not. */
  scanned: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface ListOptions extends OrdersPageRequest {
  extraDomains?: readonly string[];
  neutral?: NeutralForms;
  /** Stop after this many pages (the bulk job pages itself and stores the cursor between pages). */
  maxPages?: number;
}

export function detectOrder(facts: OrderFacts, options: Pick<ListOptions, 'extraDomains' | 'neutral'> = {}): Detection | null {
  return detectMarketplace(
    facts.email,
    {
      sourceName: facts.sourceName,
      channel: facts.channelName,
      appName: facts.appName,
      tags: facts.tags,
      originalEmail: facts.originalEmail,
      neutral: options.neutral,
    },
    options.extraDomains,
  );
}

/**
 * Marketplace orders, newest first, a page at a time. The leading-wildcard email search is not
 * documented, so every order of the scanned range is read and filtered here with `detectMarketplace`.
 */
export async function* listMarketplaceOrders(client: AdminClient, options: ListOptions = {}): AsyncGenerator<MarketplacePage> {
  let after = options.after ?? null;
  for (let page = 0; options.maxPages === undefined || page < options.maxPages; page++) {
    const result = await fetchOrdersPage(client, { first: options.first ?? MAX_PAGE_SIZE, after, query: options.query ?? null });
    const orders: MarketplaceOrder[] = [];
    for (const facts of result.orders) {
      const detection = detectOrder(facts, options);
      if (detection) orders.push({ facts, detection });
    }
    yield { orders, scanned: result.orders.length, endCursor: result.endCursor, hasNextPage: result.hasNextPage };
    if (!result.hasNextPage || !result.endCursor) return;
    after = result.endCursor;
  }
}
