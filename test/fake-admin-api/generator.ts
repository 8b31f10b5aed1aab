import { catalogue, catalogueEntry, personalEmail, personName, type CatalogueMarketplace } from './catalogue.ts';
import { draftProvenance, marketplaceProvenance, onlineStoreProvenance, posProvenance, type Provenance } from './connectors.ts';
import {
  derivedId,
  type CustomerRecord,
  type FulfillmentOrderRecord,
  type FulfillmentRecord,
  type LineItemRecord,
  type MetafieldRecord,
  type FinancialStatus,
  type OrderKind,
  type OrderRecord,
  type OrderSummary,
} from './model.ts';
import { chars, DIGITS, int, mix, pick, prng, type Rng } from './random.ts';

export interface GenContext {
  seed: number;
  count: number;
  /** The store's "today" for generated data: orders span the two years before it. */
  anchor: number;
  merchantDomain: string;
}

const DAY = 86_400_000;
export const SPAN_DAYS = 730;

const PRODUCTS = [
  ['Linen Tea Towel', 'LTT'], ['Ceramic Mug 350 ml', 'CMG'], ['Merino Beanie', 'MBN'], ['Bamboo Cutting Board', 'BCB'],
  ['Leather Card Holder', 'LCH'], ['Soy Candle Fig', 'SCF'], ['Canvas Tote Bag', 'CTB'], ['Enamel Pin Set', 'EPS'],
  ['Wool Socks (2 pairs)', 'WSK'], ['Oak Phone Stand', 'OPS'], ['Cotton Apron', 'CAP'], ['Glass Water Bottle', 'GWB'],
] as const;

const CARRIERS = [
  ['DHL Express', 'https://www.dhl.com/en/express/tracking.html?AWB='],
  ['UPS', 'https://www.ups.com/track?tracknum='],
  ['La Poste', 'https://www.laposte.fr/outils/suivre-vos-envois?code='],
  ['DPD', 'https://tracking.dpd.de/status/en_US/parcel/'],
  ['USPS', 'https://tools.usps.com/go/TrackConfirmAction?tLabels='],
] as const;

export const CURRENCY_BY_COUNTRY: Record<string, string> = { US: 'USD', UK: 'GBP', DE: 'EUR', FR: 'EUR', IT: 'EUR', ES: 'EUR', NL: 'EUR', PL: 'PLN', CA: 'CAD' };

/** Kind weights for generated orders (the first ordinals cover every catalogue marketplace once). */
const KIND_WEIGHTS: [OrderKind, number][] = [
  ['ordinary', 0.42],
  ['pos', 0.03],
  ['marketplace', 0.36],
  ['marketplace-channel-only', 0.07],
  ['neutralised-prefix', 0.04],
  ['neutralised-domain', 0.03],
  ['neutralised-fixed', 0.02],
  ['neutralised-stripped', 0.025],
  ['placeholder', 0.005],
];

const MARKETPLACE_WEIGHTS: Record<string, number> = {
  amazon: 40, ebay: 20, walmart: 6, mirakl: 6, kaufland: 5, allegro: 5, tiktok: 4, temu: 4, mercadolibre: 3, bol: 3, newegg: 2,
};

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

let relayMarketplaces: [CatalogueMarketplace, number][] | undefined;
function relayWeights(): [CatalogueMarketplace, number][] {
  relayMarketplaces ??= catalogue()
    .filter((m) => m.domains.length > 0)
    .map((m) => [m, MARKETPLACE_WEIGHTS[m.id] ?? 1]);
  return relayMarketplaces;
}

/** Catalogue marketplaces that have relay domains, in catalogue order. */
export function relayCatalogue(): CatalogueMarketplace[] {
  return relayWeights().map(([m]) => m);
}

function relayDomain(rng: Rng, m: CatalogueMarketplace): string {
  // The first domain is the big storefront (.com); the rest share the remaining half.
  return rng() < 0.5 ? (m.domains[0] as string) : pick(rng, m.domains);
}

export interface Relay {
  marketplace: CatalogueMarketplace;
  domain: string;
  local: string;
  email: string;
}

export function relayAddress(rng: Rng, m: CatalogueMarketplace): Relay {
  const domain = relayDomain(rng, m);
  const local = m.localPart(rng);
  return { marketplace: m, domain, local, email: `${local}@${domain}` };
}

export function lineItemsFor(rng: Rng, ordinal: number): LineItemRecord[] {
  const n = int(rng, 1, 3);
  const items: LineItemRecord[] = [];
  for (let k = 0; k < n; k++) {
    const [title, sku] = pick(rng, PRODUCTS);
    items.push({ id: derivedId('lineItem', ordinal, k), title, sku: `${sku}-${chars(rng, DIGITS, 3)}`, quantity: int(rng, 1, 2), price: `${int(rng, 9, 89)}.${pick(rng, ['00', '50', '90', '95'])}` });
  }
  return items;
}

export function openFulfillmentOrder(ordinal: number, items: LineItemRecord[], at: number): FulfillmentOrderRecord {
  return {
    id: derivedId('fulfillmentOrder', ordinal, 0),
    status: 'OPEN',
    createdAt: at,
    updatedAt: at,
    lineItems: items.map((li, k) => ({ id: derivedId('fulfillmentOrderLineItem', ordinal, k), lineItemId: li.id, totalQuantity: li.quantity, remainingQuantity: li.quantity })),
  };
}

/** Marks the order's first fulfillment order as fully shipped, with tracking. */
export function fulfilAll(rng: Rng, order: OrderRecord, at: number): FulfillmentRecord {
  const fo = order.fulfillmentOrders[0]!;
  const [company, url] = pick(rng, CARRIERS);
  const number = `${chars(rng, 'ABCDEFGHJKLMNPRSTUVWXYZ', 2)}${chars(rng, DIGITS, 9)}${pick(rng, ['DE', 'GB', 'FR', 'US'])}`;
  const fulfillment: FulfillmentRecord = {
    id: derivedId('fulfillment', order.ordinal, 0),
    status: 'SUCCESS',
    createdAt: at,
    updatedAt: at,
    tracking: [{ number, company, url: `${url}${number}` }],
    fulfillmentOrderIds: [fo.id],
    lineItems: fo.lineItems.map((li) => ({ fulfillmentOrderLineItemId: li.id, lineItemId: li.lineItemId, quantity: li.remainingQuantity })),
  };
  for (const li of fo.lineItems) li.remainingQuantity = 0;
  fo.status = 'CLOSED';
  fo.updatedAt = at;
  order.fulfillments.push(fulfillment);
  return fulfillment;
}

export function originalEmailMetafield(ordinal: number, value: string, at: number): MetafieldRecord {
  return { id: derivedId('metafield', ordinal, 0), namespace: 'proxy_mail_guard', key: 'original_email', value, type: 'single_line_text_field', createdAt: at, updatedAt: at };
}

function phoneFor(rng: Rng): string {
  return `+49 15${int(rng, 1, 9)} ${chars(rng, DIGITS, 7)}`;
}

export interface EmailPlan {
  email: string | null;
  customerEmail: string | null;
  marketplace: string | null;
  provenance: Provenance;
  sourceIdentifier: string | null;
  country: string;
  metafieldOriginal: string | null;
}

export function planEmail(rng: Rng, kind: OrderKind, ordinal: number, ctx: GenContext): EmailPlan {
  const relayList = relayCatalogue();
  if (kind === 'ordinary' || kind === 'pos') {
    const email = kind === 'pos' && rng() < 0.6 ? null : personalEmail(rng);
    const provenance = kind === 'pos' ? posProvenance() : rng() < 0.93 ? onlineStoreProvenance() : draftProvenance();
    return { email, customerEmail: email, marketplace: null, provenance, sourceIdentifier: null, country: pick(rng, ['US', 'DE', 'FR', 'UK', 'IT', 'ES', 'NL']), metafieldOriginal: null };
  }
  if (kind === 'marketplace-channel-only') {
    // Etsy shares the buyer's real address (or none): only the channel or source says "marketplace".
    const email = rng() < 0.9 ? personalEmail(rng) : null;
    const etsy = catalogueEntry('etsy');
    return { email, customerEmail: email, marketplace: 'etsy', provenance: marketplaceProvenance(rng, 'etsy', etsy.label, null), sourceIdentifier: `${int(rng, 2, 3)}${chars(rng, DIGITS, 9)}`, country: pick(rng, ['US', 'UK', 'DE', 'FR', 'CA']), metafieldOriginal: null };
  }
  if (kind === 'placeholder') {
    const walmart = catalogueEntry('walmart');
    return { email: 'nocxemail@walmartone.com', customerEmail: 'nocxemail@walmartone.com', marketplace: 'walmart', provenance: marketplaceProvenance(rng, 'walmart', walmart.label, null), sourceIdentifier: walmart.orderNumber(rng), country: 'US', metafieldOriginal: null };
  }
  // Marketplace relays, plain or already neutralised by a connector's import option.
  const m =
    kind === 'marketplace' && ordinal < relayList.length
      ? (relayList[ordinal] as CatalogueMarketplace) // every catalogue marketplace at least once
      : kind === 'marketplace'
        ? weighted(rng, relayWeights())
        : catalogueEntry(rng() < 0.7 ? 'amazon' : 'ebay');
  const relay = relayAddress(rng, m);
  const provenance = marketplaceProvenance(rng, m.id, m.label, relay.domain);
  const sourceIdentifier = m.orderNumber(rng);
  const country = /\.(de|at)$/.test(relay.domain) ? 'DE' : /\.fr$/.test(relay.domain) ? 'FR' : /\.co\.uk$/.test(relay.domain) ? 'UK' : /\.it$/.test(relay.domain) ? 'IT' : /\.es$/.test(relay.domain) ? 'ES' : /\.pl$|allegro/.test(relay.domain) ? 'PL' : 'US';
  const base = { marketplace: m.id, provenance, sourceIdentifier, country };
  switch (kind) {
    case 'neutralised-prefix':
      provenance.tags.push('magnalister');
      return { ...base, email: `blacklisted-${relay.email}`, customerEmail: `blacklisted-${relay.email}`, metafieldOriginal: null };
    case 'neutralised-domain': {
      const local = rng() < 0.7 ? relay.local : sourceIdentifier;
      return { ...base, email: `${local}@${ctx.merchantDomain}`, customerEmail: `${local}@${ctx.merchantDomain}`, metafieldOriginal: null };
    }
    case 'neutralised-fixed': {
      // Some were fixed by this extension earlier: the original sits in our metafield.
      const byUs = rng() < 0.5;
      return { ...base, email: `orders@${ctx.merchantDomain}`, customerEmail: byUs ? relay.email : `orders@${ctx.merchantDomain}`, metafieldOriginal: byUs ? relay.email : null };
    }
    case 'neutralised-stripped':
      return { ...base, email: null, customerEmail: null, metafieldOriginal: null };
    default:
      return { ...base, email: relay.email, customerEmail: relay.email, metafieldOriginal: null };
  }
}

/** The time of a generated order: spread evenly over two years, increasing with the ordinal. */
export function createdAtOf(ctx: GenContext, ordinal: number, rng: Rng): number {
  const start = ctx.anchor - SPAN_DAYS * DAY;
  const step = ((SPAN_DAYS - 2) * DAY) / Math.max(ctx.count, 1);
  return Math.floor(start + (ordinal + 0.05 + rng() * 0.9) * step);
}

/**
 * The part of a generated order that search, sorting and listing need, from its own random stream:
 * cheap to make and small enough to keep for every order. The rest (line items, fulfillment orders,
 * fulfillments, customer) comes from a second stream, built only when an order is read.
 */
export interface GeneratedCore extends OrderSummary {
  kind: OrderKind;
  marketplace: string | null;
  phone: string | null;
  currency: string;
  shippingCountry: string;
  customerEmail: string | null;
  metafieldOriginal: string | null;
  fate: 'open' | 'cancelled' | 'fulfilled';
  fulfilledAt: number | null;
  refunded: boolean;
  cancelReason: string | null;
}

export function generateCore(ctx: GenContext, ordinal: number): GeneratedCore {
  const rng = prng(mix(ctx.seed, ordinal));
  const createdAt = createdAtOf(ctx, ordinal, rng);
  const relayCount = relayCatalogue().length;
  const kind: OrderKind = ordinal < relayCount ? 'marketplace' : ordinal === relayCount ? 'marketplace-channel-only' : weighted(rng, KIND_WEIGHTS);
  const plan = planEmail(rng, kind, ordinal, ctx);
  const hasCustomer = plan.email !== null || plan.customerEmail !== null || rng() < 0.3;
  const phone = rng() < 0.25 ? phoneFor(rng) : null;
  const ageDays = (ctx.anchor - createdAt) / DAY;
  const fateDraw = rng();
  const fulfilDelay = int(rng, 1, 3) * DAY;
  let fate: GeneratedCore['fate'] = 'open';
  let updatedAt = createdAt;
  let cancelledAt: number | null = null;
  let closedAt: number | null = null;
  let fulfilledAt: number | null = null;
  let financialStatus: FinancialStatus = 'PAID';
  let refunded = false;
  let cancelReason: string | null = null;
  if (ageDays > 3 && fateDraw < 0.03) {
    fate = 'cancelled';
    cancelledAt = createdAt + 3_600_000;
    closedAt = cancelledAt;
    updatedAt = cancelledAt;
    financialStatus = 'REFUNDED';
    cancelReason = pick(rng, ['CUSTOMER', 'INVENTORY', 'OTHER']);
  } else if (ageDays > 5 && fateDraw < 0.9) {
    fate = 'fulfilled';
    fulfilledAt = createdAt + fulfilDelay;
    updatedAt = fulfilledAt;
    if (ageDays > 30) closedAt = fulfilledAt + 7 * DAY;
    if (fateDraw < 0.05) {
      refunded = true;
      financialStatus = 'PARTIALLY_REFUNDED';
    }
  }
  if (plan.metafieldOriginal) updatedAt = Math.max(updatedAt, createdAt + DAY);
  return {
    id: derivedId('order', ordinal),
    ordinal,
    name: `#${1001 + ordinal}`,
    kind,
    marketplace: plan.marketplace,
    email: plan.email,
    phone,
    customerId: hasCustomer ? derivedId('customer', ordinal) : null,
    createdAt,
    updatedAt,
    processedAt: createdAt,
    sourceName: plan.provenance.sourceName,
    sourceIdentifier: plan.sourceIdentifier,
    app: plan.provenance.app,
    channel: plan.provenance.channel,
    tags: plan.provenance.tags,
    cancelledAt,
    closedAt,
    financialStatus,
    fulfillmentStatus: fate === 'fulfilled' ? 'FULFILLED' : 'UNFULFILLED',
    currency: CURRENCY_BY_COUNTRY[plan.country] ?? 'USD',
    shippingCountry: plan.country,
    customerEmail: plan.customerEmail,
    metafieldOriginal: plan.metafieldOriginal,
    fate,
    fulfilledAt,
    refunded,
    cancelReason,
  };
}

/** The full order (and customer) behind a core: same result every time. */
export function expandCore(ctx: GenContext, core: GeneratedCore): { order: OrderRecord; customer: CustomerRecord | null } {
  const rng = prng(mix(ctx.seed ^ 0x5bd1e995, core.ordinal));
  const { ordinal, createdAt } = core;
  const name = personName(rng);
  const items = lineItemsFor(rng, ordinal);
  const order: OrderRecord = {
    id: core.id,
    ordinal,
    name: core.name,
    kind: core.kind,
    marketplace: core.marketplace,
    email: core.email,
    phone: core.phone,
    customerId: core.customerId,
    createdAt,
    updatedAt: core.updatedAt,
    processedAt: core.processedAt,
    sourceName: core.sourceName,
    sourceIdentifier: core.sourceIdentifier,
    app: core.app,
    channel: core.channel,
    tags: [...core.tags],
    note: null,
    currency: core.currency,
    financialStatus: core.financialStatus,
    cancelledAt: core.cancelledAt,
    cancelReason: core.cancelReason,
    closedAt: core.closedAt,
    lineItems: items,
    fulfillmentOrders: [openFulfillmentOrder(ordinal, items, createdAt)],
    fulfillments: [],
    refunds: [],
    metafields: core.metafieldOriginal ? [originalEmailMetafield(ordinal, core.metafieldOriginal, createdAt + DAY)] : [],
    shippingCountry: core.shippingCountry,
  };
  if (core.fate === 'cancelled') {
    order.fulfillmentOrders[0]!.status = 'CANCELLED';
    order.fulfillmentOrders[0]!.updatedAt = core.cancelledAt as number;
  } else if (core.fate === 'fulfilled') {
    fulfilAll(rng, order, core.fulfilledAt as number);
    if (core.refunded) order.refunds.push({ id: derivedId('refund', ordinal, 0), note: 'Damaged in transit', createdAt: (core.fulfilledAt as number) + 5 * DAY });
  }
  const customer: CustomerRecord | null = core.customerId
    ? {
        id: core.customerId,
        ordinal,
        email: core.customerEmail,
        phone: core.phone,
        firstName: name.first[0]!.toUpperCase() + name.first.slice(1),
        lastName: name.last[0]!.toUpperCase() + name.last.slice(1),
        createdAt,
        updatedAt: createdAt,
        marketingState: core.customerEmail && core.kind === 'ordinary' && rng() < 0.3 ? 'SUBSCRIBED' : 'NOT_SUBSCRIBED',
        marketingOptInLevel: 'SINGLE_OPT_IN',
        consentUpdatedAt: null,
        note: null,
        tags: [],
        metafields: [],
        orderIds: [core.id],
      }
    : null;
  return { order, customer };
}

export function generateOrder(ctx: GenContext, ordinal: number): { order: OrderRecord; customer: CustomerRecord | null } {
  return expandCore(ctx, generateCore(ctx, ordinal));
}
