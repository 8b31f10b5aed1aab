// Records of the in-memory store. Numbers are legacy numeric ids; gids are built at the edge.

export interface AppRecord {
  id: number;
  name: string;
}

export interface ChannelRecord {
  handle: string;
  channelName: string;
  subChannelName: string;
  isMarketplace: boolean;
  app: AppRecord;
}

export interface MetafieldRecord {
  id: number;
  namespace: string;
  key: string;
  value: string;
  type: string;
  createdAt: number;
  updatedAt: number;
  /** Bumped on every write: the fake's `compareDigest` changes with it (two writes in one ms differ). */
  revision?: number;
}

export interface LineItemRecord {
  id: number;
  title: string;
  sku: string;
  quantity: number;
  price: string;
}

export interface FulfillmentOrderLineItemRecord {
  id: number;
  lineItemId: number;
  totalQuantity: number;
  remainingQuantity: number;
}

export type FulfillmentOrderStatus = 'OPEN' | 'IN_PROGRESS' | 'CANCELLED' | 'INCOMPLETE' | 'CLOSED' | 'SCHEDULED' | 'ON_HOLD';

export interface FulfillmentOrderRecord {
  id: number;
  status: FulfillmentOrderStatus;
  createdAt: number;
  updatedAt: number;
  lineItems: FulfillmentOrderLineItemRecord[];
}

export interface TrackingRecord {
  number: string | null;
  company: string | null;
  url: string | null;
}

export interface FulfillmentRecord {
  id: number;
  status: 'SUCCESS' | 'CANCELLED' | 'ERROR' | 'FAILURE';
  createdAt: number;
  updatedAt: number;
  tracking: TrackingRecord[];
  fulfillmentOrderIds: number[];
  lineItems: { fulfillmentOrderLineItemId: number; lineItemId: number; quantity: number }[];
  /** Tracking events (shipping-events.ts), oldest first. */
  events?: FulfillmentEventRecord[];
}

export interface FulfillmentEventRecord {
  id: number;
  status: 'LABEL_PURCHASED' | 'LABEL_PRINTED' | 'READY_FOR_PICKUP' | 'CONFIRMED' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'ATTEMPTED_DELIVERY' | 'DELAYED' | 'DELIVERED' | 'FAILURE';
  happenedAt: number;
  createdAt: number;
  message: string | null;
}

export interface RefundRecord {
  id: number;
  note: string | null;
  createdAt: number;
}

export type DisplayFulfillmentStatus = 'UNFULFILLED' | 'PARTIALLY_FULFILLED' | 'FULFILLED';
export type FinancialStatus = 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'PENDING';

/** What kind of order the generator meant (kept for tests and debugging; not in the schema). */
export type OrderKind =
  | 'marketplace' // relay address
  | 'marketplace-channel-only' // Etsy and friends: real address, known by channel/source
  | 'neutralised-prefix'
  | 'neutralised-domain'
  | 'neutralised-fixed'
  | 'neutralised-stripped'
  | 'placeholder' // Walmart's nocxemail@walmartone.com
  | 'ordinary'
  | 'pos';

export interface OrderRecord {
  id: number;
  ordinal: number;
  name: string;
  kind: OrderKind;
  marketplace: string | null; // catalogue id, for tests
  email: string | null;
  phone: string | null;
  customerId: number | null;
  createdAt: number;
  updatedAt: number;
  processedAt: number;
  sourceName: string | null;
  sourceIdentifier: string | null;
  app: AppRecord | null;
  channel: ChannelRecord | null;
  tags: string[];
  note: string | null;
  currency: string;
  financialStatus: FinancialStatus;
  cancelledAt: number | null;
  cancelReason: string | null;
  closedAt: number | null;
  lineItems: LineItemRecord[];
  fulfillmentOrders: FulfillmentOrderRecord[];
  fulfillments: FulfillmentRecord[];
  refunds: RefundRecord[];
  metafields: MetafieldRecord[];
  shippingCountry: string;
}

/** What search, sorting and listing read: kept for every order, small. */
export interface OrderSummary {
  id: number;
  ordinal: number;
  name: string;
  email: string | null;
  customerId: number | null;
  createdAt: number;
  updatedAt: number;
  processedAt: number;
  sourceName: string | null;
  sourceIdentifier: string | null;
  app: AppRecord | null;
  channel: ChannelRecord | null;
  tags: string[];
  cancelledAt: number | null;
  closedAt: number | null;
  financialStatus: FinancialStatus;
  fulfillmentStatus: DisplayFulfillmentStatus;
}

export interface CustomerRecord {
  id: number;
  ordinal: number;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  createdAt: number;
  updatedAt: number;
  marketingState: string;
  marketingOptInLevel: string | null;
  consentUpdatedAt: number | null;
  note: string | null;
  tags: string[];
  metafields: MetafieldRecord[];
  orderIds: number[];
}

// Id scheme: every derived id is a pure function of the order's ordinal, so lookups by id need
// no index. Generated orders use ordinals 0..count-1, demo orders DEMO_ORDINAL+k, orders added by
// tests ADDED_ORDINAL+n.
export const DEMO_ORDINAL = 900_000_000;
export const ADDED_ORDINAL = 950_000_000;

export const ID_BASE = {
  order: 6_000_000_000_000,
  customer: 7_000_000_000_000,
  fulfillmentOrder: 8_000_000_000_000, // ×16
  fulfillmentOrderLineItem: 9_000_000_000_000, // ×64
  lineItem: 14_000_000_000_000, // ×64
  fulfillment: 5_000_000_000_000, // ×16
  refund: 1_000_000_000_000, // ×16
  metafield: 30_000_000_000_000, // ×64
} as const;

export const ID_STRIDE = {
  order: 1,
  customer: 1,
  fulfillmentOrder: 16,
  fulfillmentOrderLineItem: 64,
  lineItem: 64,
  fulfillment: 16,
  refund: 16,
  metafield: 64,
} as const;

export type IdKind = keyof typeof ID_BASE;

export function derivedId(kind: IdKind, ordinal: number, k = 0): number {
  if (k >= ID_STRIDE[kind] && ID_STRIDE[kind] > 1) throw new Error(`Fake Admin API: too many ${kind} records on one order`);
  return ID_BASE[kind] + ordinal * ID_STRIDE[kind] + k;
}

/** The ordinal of the order that owns a derived id, or null when the id is not of that kind. */
export function ordinalOf(kind: IdKind, id: number): number | null {
  const offset = id - ID_BASE[kind];
  if (!Number.isSafeInteger(id) || offset < 0) return null;
  const ordinal = Math.floor(offset / ID_STRIDE[kind]);
  return ordinal < ADDED_ORDINAL + 10_000_000 ? ordinal : null;
}

export const GID_TYPE: Record<IdKind, string> = {
  order: 'Order',
  customer: 'Customer',
  fulfillmentOrder: 'FulfillmentOrder',
  fulfillmentOrderLineItem: 'FulfillmentOrderLineItem',
  lineItem: 'LineItem',
  fulfillment: 'Fulfillment',
  refund: 'Refund',
  metafield: 'Metafield',
};

export function gid(kind: IdKind, id: number): string {
  return `gid://shopify/${GID_TYPE[kind]}/${id}`;
}

/** Parses `gid://shopify/Type/123` (Shopify also accepts a trailing `?query`). */
export function parseGid(value: unknown): { type: string; id: number } | null {
  if (typeof value !== 'string') return null;
  const m = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d{1,16})(\?.*)?$/.exec(value);
  if (!m) return null;
  return { type: m[1] as string, id: Number(m[2]) };
}
