import { accessDenied } from './errors.ts';
import {
  gid,
  type CustomerRecord,
  type FulfillmentOrderRecord,
  type FulfillmentRecord,
  type MetafieldRecord,
  type OrderRecord,
} from './model.ts';
import { displayFulfillmentStatus } from './search.ts';
import { hasScope, type RequestContext } from './state.ts';

/**
 * Objects handed to graphql-js: plain values for scalar fields, methods for fields with arguments
 * (graphql-js's default resolver calls them with (args, context, info)).
 */
type Args = Record<string, unknown>;

export const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z'));

export function requireScope(ctx: RequestContext, field: string, anyOf: string[]): void {
  if (ctx.sandbox) return;
  if (anyOf.some((s) => hasScope(ctx.scopes, s))) return;
  ctx.state.counters.accessDenied++;
  throw accessDenied(field, anyOf);
}

export const FULFILLMENT_ORDER_READ = ['read_merchant_managed_fulfillment_orders', 'read_assigned_fulfillment_orders', 'read_third_party_fulfillment_orders'];
export const FULFILLMENT_ORDER_WRITE = ['write_merchant_managed_fulfillment_orders', 'write_assigned_fulfillment_orders', 'write_third_party_fulfillment_orders'];

/** A connection over an in-memory array, with index cursors (nested connections). */
export function arrayConnection<T, V>(items: T[], args: Args, view: (item: T) => V) {
  const first = typeof args.first === 'number' ? args.first : null;
  const last = typeof args.last === 'number' ? args.last : null;
  const decode = (c: unknown) => (typeof c === 'string' ? Number(Buffer.from(c, 'base64').toString('utf8').replace(/^idx:/, '')) : NaN);
  let lo = 0;
  let hi = items.length;
  const after = decode(args.after);
  const before = decode(args.before);
  if (Number.isInteger(after)) lo = after + 1;
  if (Number.isInteger(before)) hi = Math.min(hi, before);
  let indexes = Array.from({ length: Math.max(0, hi - lo) }, (_, i) => lo + i);
  if (args.reverse) indexes.reverse();
  const total = indexes.length;
  if (first !== null) indexes = indexes.slice(0, first);
  else if (last !== null) indexes = indexes.slice(Math.max(0, indexes.length - last));
  const edges = indexes.map((i) => ({ cursor: Buffer.from(`idx:${i}`).toString('base64'), node: view(items[i] as T) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: first !== null ? total > indexes.length : false,
      hasPreviousPage: last !== null ? total > indexes.length : lo > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

function money(amount: number, currencyCode: string) {
  const m = { amount: amount.toFixed(2), currencyCode };
  return { shopMoney: m, presentmentMoney: m };
}

export function metafieldView(m: MetafieldRecord, ownerGid: string) {
  return {
    __typename: 'Metafield',
    id: gid('metafield', m.id),
    legacyResourceId: String(m.id),
    namespace: m.namespace,
    key: m.key,
    value: m.value,
    type: m.type,
    jsonValue: m.type.startsWith('json') ? safeJson(m.value) : m.value,
    description: null,
    compareDigest: metafieldDigest(m),
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
    ownerType: ownerGid.includes('/Customer/') ? 'CUSTOMER' : ownerGid.includes('/Shop/') ? 'SHOP' : 'ORDER',
  };
}

/** Changes with every write of the metafield (what `metafieldsSet(compareDigest:)` compares). */
export function metafieldDigest(m: MetafieldRecord): string {
  return Buffer.from(`${m.id}:${m.updatedAt}:${m.revision ?? 0}`).toString('base64');
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export function metafieldAccessors(list: MetafieldRecord[], ownerGid: string) {
  return {
    metafield: (args: Args) => {
      const m = list.find((x) => x.key === args.key && (args.namespace == null || x.namespace === args.namespace));
      return m ? metafieldView(m, ownerGid) : null;
    },
    metafields: (args: Args) => {
      const keys = Array.isArray(args.keys) ? (args.keys as string[]) : null;
      const filtered = list.filter((m) => (args.namespace == null || m.namespace === args.namespace) && (!keys || keys.includes(`${m.namespace}.${m.key}`)));
      return arrayConnection(filtered, args, (m) => metafieldView(m, ownerGid));
    },
  };
}

function appView(app: { id: number; name: string }) {
  return {
    __typename: 'App',
    id: `gid://shopify/App/${app.id}`,
    title: app.name,
    handle: app.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    apiKey: Buffer.from(String(app.id)).toString('hex').padEnd(32, '0'),
    developerName: app.name,
    embedded: true,
    icon: { url: `https://cdn.shopify.com/app-icons/${app.id}.png`, altText: app.name, id: null, width: 64, height: 64 },
  };
}

/**
 * The Order object. A class with getters, so a page of 250 orders (or a bulk run over 100k) only
 * computes the fields the query selects.
 */
class OrderView {
  readonly __typename = 'Order';
  constructor(
    private readonly o: OrderRecord,
    private readonly ctx: RequestContext,
  ) {}
  private get total() { return this.o.lineItems.reduce((s, li) => s + Number(li.price) * li.quantity, 0); }
  private get quantity() { return this.o.lineItems.reduce((s, li) => s + li.quantity, 0); }
  get id() { return gid('order', this.o.id); }
  get legacyResourceId() { return String(this.o.id); }
  get name() { return this.o.name; }
  get email() { return this.o.email; }
  get phone() { return this.o.phone; }
  get note() { return this.o.note; }
  get tags() { return this.o.tags; }
  get sourceName() { return this.o.sourceName; }
  get sourceIdentifier() { return this.o.sourceIdentifier; }
  get createdAt() { return iso(this.o.createdAt); }
  get updatedAt() { return iso(this.o.updatedAt); }
  get processedAt() { return iso(this.o.processedAt); }
  get cancelledAt() { return iso(this.o.cancelledAt); }
  get cancelReason() { return this.o.cancelReason; }
  get closed() { return this.o.closedAt !== null; }
  get closedAt() { return iso(this.o.closedAt); }
  get confirmed() { return true; }
  get test() { return false; }
  get edited() { return false; }
  get currencyCode() { return this.o.currency; }
  get presentmentCurrencyCode() { return this.o.currency; }
  get customerLocale() { return 'en'; }
  get canNotifyCustomer() { return this.o.email !== null; }
  get displayFulfillmentStatus() { return displayFulfillmentStatus(this.o); }
  get displayFinancialStatus() { return this.o.financialStatus; }
  get fullyPaid() { return this.o.financialStatus !== 'PENDING'; }
  get unpaid() { return this.o.financialStatus === 'PENDING'; }
  get refundable() { return this.o.financialStatus === 'PAID' || this.o.financialStatus === 'PARTIALLY_REFUNDED'; }
  get fulfillable() { return this.o.cancelledAt === null && displayFulfillmentStatus(this.o) !== 'FULFILLED'; }
  get requiresShipping() { return true; }
  get subtotalLineItemsQuantity() { return this.quantity; }
  get currentSubtotalLineItemsQuantity() { return this.quantity; }
  get totalPriceSet() { return money(this.total, this.o.currency); }
  get currentTotalPriceSet() { return money(this.total, this.o.currency); }
  get subtotalPriceSet() { return money(this.total, this.o.currency); }
  get currentSubtotalPriceSet() { return money(this.total, this.o.currency); }
  get statusPageUrl() { return `https://${this.ctx.state.merchantDomain}/${this.o.id}/orders/${Buffer.from(String(this.o.id)).toString('hex')}/authenticate`; }
  get customAttributes() { return []; }
  get paymentGatewayNames() { return ['shopify_payments']; }
  get app() {
    const app = this.o.app;
    return app ? { __typename: 'OrderApp', id: `gid://shopify/App/${app.id}`, name: app.name, icon: { url: `https://cdn.shopify.com/app-icons/${app.id}.png`, altText: app.name } } : null;
  }
  get channelInformation() {
    const { o } = this;
    if (!o.channel) return null;
    return {
      __typename: 'ChannelInformation',
      id: `gid://shopify/ChannelInformation/${o.id}`,
      channelId: `gid://shopify/Channel/${o.channel.app.id}`,
      app: appView(o.channel.app),
      channelDefinition: {
        __typename: 'ChannelDefinition',
        id: `gid://shopify/ChannelDefinition/${o.channel.handle}`,
        handle: o.channel.handle,
        channelName: o.channel.channelName,
        subChannelName: o.channel.subChannelName,
        isMarketplace: o.channel.isMarketplace,
        svgIcon: null,
      },
    };
  }
  get shippingAddress() {
    const c = this.o.shippingCountry;
    return { country: c, countryCodeV2: c === 'UK' ? 'GB' : c, city: 'Springfield', name: null, firstName: null, lastName: null, address1: '1 Main Street', zip: '10115', province: null, phone: null };
  }
  get fulfillmentsCount() { return { count: this.o.fulfillments.length, precision: 'EXACT' }; }
  customer(_: Args, c: RequestContext) {
    requireScope(c, 'customer', ['read_customers']);
    if (this.o.customerId === null) return null;
    const customer = c.state.store.customerById(this.o.customerId);
    return customer ? customerView(customer, c) : null;
  }
  metafield(args: Args) { return metafieldAccessors(this.o.metafields, this.id).metafield(args); }
  metafields(args: Args) { return metafieldAccessors(this.o.metafields, this.id).metafields(args); }
  fulfillmentOrders(args: Args, c: RequestContext) {
    requireScope(c, 'fulfillmentOrders', FULFILLMENT_ORDER_READ);
    const list = args.displayable ? this.o.fulfillmentOrders.filter((fo) => fo.status !== 'CANCELLED' && fo.status !== 'CLOSED') : this.o.fulfillmentOrders;
    return arrayConnection(list, args, (fo) => fulfillmentOrderView(this.o, fo, c));
  }
  fulfillments(args: Args, c: RequestContext) {
    const list = typeof args.first === 'number' ? this.o.fulfillments.slice(0, args.first) : this.o.fulfillments;
    return list.map((f) => fulfillmentView(this.o, f, c));
  }
  lineItems(args: Args) { return arrayConnection(this.o.lineItems, args, (li) => lineItemView(li, this.o.currency)); }
  refunds(args: Args) {
    const list = typeof args.first === 'number' ? this.o.refunds.slice(0, args.first) : this.o.refunds;
    return list.map((r) => ({ __typename: 'Refund', id: gid('refund', r.id), legacyResourceId: String(r.id), note: r.note, createdAt: iso(r.createdAt), order: () => orderView(this.o, this.ctx) }));
  }
}

export function orderView(o: OrderRecord, ctx: RequestContext): Record<string, unknown> {
  return new OrderView(o, ctx) as unknown as Record<string, unknown>;
}

function lineItemView(li: OrderRecord['lineItems'][number], currency: string) {
  return {
    __typename: 'LineItem',
    id: gid('lineItem', li.id),
    title: li.title,
    name: li.title,
    sku: li.sku,
    quantity: li.quantity,
    currentQuantity: li.quantity,
    requiresShipping: true,
    taxable: true,
    restockable: true,
    isGiftCard: false,
    originalUnitPriceSet: money(Number(li.price), currency),
    vendor: 'Demo Store',
  };
}

export function fulfillmentOrderView(o: OrderRecord, fo: FulfillmentOrderRecord, ctx: RequestContext): Record<string, unknown> {
  const open = fo.status === 'OPEN' || fo.status === 'IN_PROGRESS';
  return {
    __typename: 'FulfillmentOrder',
    id: gid('fulfillmentOrder', fo.id),
    status: fo.status,
    requestStatus: 'UNSUBMITTED',
    createdAt: iso(fo.createdAt),
    updatedAt: iso(fo.updatedAt),
    orderId: gid('order', o.id),
    orderName: o.name,
    orderProcessedAt: iso(o.processedAt),
    order: () => orderView(o, ctx),
    fulfillmentHolds: [],
    supportedActions: open ? [{ action: 'CREATE_FULFILLMENT', externalUrl: null }, { action: 'HOLD', externalUrl: null }] : [],
    assignedLocation: { name: 'Warehouse', address1: '1 Depot Road', city: 'Springfield', countryCode: 'US', zip: '10115', province: null, phone: null, location: null },
    lineItems: (args: Args) =>
      arrayConnection(fo.lineItems, args, (li) => {
        const item = o.lineItems.find((x) => x.id === li.lineItemId);
        return {
          __typename: 'FulfillmentOrderLineItem',
          id: gid('fulfillmentOrderLineItem', li.id),
          totalQuantity: li.totalQuantity,
          remainingQuantity: li.remainingQuantity,
          productTitle: item?.title ?? '',
          sku: item?.sku ?? null,
          variantTitle: null,
          vendor: 'Demo Store',
          requiresShipping: true,
          lineItem: item ? lineItemView(item, o.currency) : null,
          warnings: [],
          financialSummaries: [],
        };
      }),
    fulfillments: (args: Args) => arrayConnection(o.fulfillments.filter((f) => f.fulfillmentOrderIds.includes(fo.id)), args, (f) => fulfillmentView(o, f, ctx)),
  };
}

export function fulfillmentView(o: OrderRecord, f: FulfillmentRecord, ctx: RequestContext): Record<string, unknown> {
  const index = o.fulfillments.indexOf(f);
  return {
    __typename: 'Fulfillment',
    id: gid('fulfillment', f.id),
    legacyResourceId: String(f.id),
    name: `${o.name}-F${index + 1}`,
    status: f.status,
    displayStatus: f.status === 'SUCCESS' ? 'FULFILLED' : 'CANCELED',
    createdAt: iso(f.createdAt),
    updatedAt: iso(f.updatedAt),
    deliveredAt: null,
    estimatedDeliveryAt: null,
    inTransitAt: null,
    requiresShipping: true,
    totalQuantity: f.lineItems.reduce((s, li) => s + li.quantity, 0),
    trackingInfo: (args: Args) => (typeof args.first === 'number' ? f.tracking.slice(0, args.first) : f.tracking),
    order: () => orderView(o, ctx),
    fulfillmentOrders: (args: Args) =>
      arrayConnection(o.fulfillmentOrders.filter((fo) => f.fulfillmentOrderIds.includes(fo.id)), args, (fo) => fulfillmentOrderView(o, fo, ctx)),
    fulfillmentLineItems: (args: Args) =>
      arrayConnection(f.lineItems, args, (li) => {
        const item = o.lineItems.find((x) => x.id === li.lineItemId);
        return { __typename: 'FulfillmentLineItem', id: `gid://shopify/FulfillmentLineItem/${li.fulfillmentOrderLineItemId}`, quantity: li.quantity, lineItem: item ? lineItemView(item, o.currency) : null };
      }),
  };
}

export function customerView(c: CustomerRecord, ctx: RequestContext): Record<string, unknown> {
  const customerGid = gid('customer', c.id);
  const displayName = [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || c.phone || 'Customer';
  return {
    __typename: 'Customer',
    id: customerGid,
    legacyResourceId: String(c.id),
    email: c.email,
    phone: c.phone,
    firstName: c.firstName,
    lastName: c.lastName,
    displayName,
    note: c.note,
    tags: c.tags,
    locale: 'en',
    state: 'DISABLED',
    verifiedEmail: c.email !== null,
    validEmailAddress: c.email !== null && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.email),
    taxExempt: false,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    numberOfOrders: String(c.orderIds.length),
    emailMarketingConsent: c.email === null ? null : { marketingState: c.marketingState, marketingOptInLevel: c.marketingOptInLevel, consentUpdatedAt: iso(c.consentUpdatedAt) },
    defaultAddress: null,
    ...metafieldAccessors(c.metafields, customerGid),
    orders: (args: Args, rc: RequestContext) => {
      requireScope(rc, 'orders', ['read_orders']);
      const orders = c.orderIds.map((id) => rc.state.store.orderById(id)).filter((x): x is OrderRecord => x !== null);
      return arrayConnection(orders, args, (o) => orderView(o, rc));
    },
  };
}
