import { marketplaceProvenance, onlineStoreProvenance, posProvenance, type Provenance } from './connectors.ts';
import { CURRENCY_BY_COUNTRY, fulfilAll, lineItemsFor, openFulfillmentOrder, originalEmailMetafield, type GenContext } from './generator.ts';
import { DEMO_ORDINAL, derivedId, gid, type CustomerRecord, type OrderKind, type OrderRecord } from './model.ts';
import { mix, prng } from './random.ts';

/**
 * Stable demo orders every test and the sandbox can rely on: the same ids, addresses and
 * fulfillment orders whatever the seed or the number of generated orders. They are the store's
 * newest orders (created in the day before the data anchor), all unfulfilled except
 * `amazonFulfilled`, which has a fulfillment with tracking.
 * Addresses on the merchant's domain assume the default shop `demo-store` (domain demo-store.com).
 */
interface DemoSpec {
  email: string | null;
  customerEmail?: string | null;
  kind: OrderKind;
  marketplace: string | null;
  provenance: () => Provenance;
  sourceIdentifier?: string;
  country: string;
  firstName: string;
  lastName: string;
  fulfilled?: boolean;
  originalEmail?: string;
  noCustomer?: boolean;
}

const DEFAULT_DOMAIN = 'demo-store.com';
const MERCHANT = '{merchant}';

function mp(marketplace: string, label: string, domain: string | null, draw = 0.1): () => Provenance {
  // draw picks the connector branch deterministically (see marketplaceProvenance).
  return () => marketplaceProvenance(() => draw, marketplace, label, domain);
}

const DEMO_SPECS = {
  amazon: { email: 'c4dc1kt7abtb7qr@marketplace.amazon.com', kind: 'marketplace', marketplace: 'amazon', provenance: mp('amazon', 'Amazon', 'marketplace.amazon.com'), sourceIdentifier: '114-3941689-8772232', country: 'US', firstName: 'Megan', lastName: 'Walsh' },
  amazonDe: { email: 'r8zq2m0xk4tw7vb@marketplace.amazon.de', kind: 'marketplace', marketplace: 'amazon', provenance: mp('amazon', 'Amazon', 'marketplace.amazon.de', 0.5), sourceIdentifier: '305-2211874-6603541', country: 'DE', firstName: 'Jonas', lastName: 'Becker' },
  amazonFulfilled: { email: 'p0w9c3n8y2hq6ld@marketplace.amazon.co.uk', kind: 'marketplace', marketplace: 'amazon', provenance: mp('amazon', 'Amazon', 'marketplace.amazon.co.uk'), sourceIdentifier: '202-7719364-0042815', country: 'UK', firstName: 'Oliver', lastName: 'Hughes', fulfilled: true },
  ebay: { email: '415b21349b3e42193d47@members.ebay.com', kind: 'marketplace', marketplace: 'ebay', provenance: mp('ebay', 'eBay', 'members.ebay.com', 0.5), sourceIdentifier: '12-11432-87095', country: 'US', firstName: 'Dana', lastName: 'Price' },
  etsy: { email: 'hannah.lindqvist@gmail.com', kind: 'marketplace-channel-only', marketplace: 'etsy', provenance: mp('etsy', 'Etsy', null), sourceIdentifier: '3187456021', country: 'US', firstName: 'Hannah', lastName: 'Lindqvist' },
  walmart: { email: 'A31F0C7E92B84D6E9C1A55F0B7D2E4C8@relay.walmart.com', kind: 'marketplace', marketplace: 'walmart', provenance: mp('walmart', 'Walmart', 'relay.walmart.com'), sourceIdentifier: '1082345678901', country: 'US', firstName: 'Luis', lastName: 'Ortega' },
  walmartPlaceholder: { email: 'nocxemail@walmartone.com', kind: 'placeholder', marketplace: 'walmart', provenance: mp('walmart', 'Walmart', 'relay.walmart.com'), sourceIdentifier: '1082345678977', country: 'US', firstName: 'Grace', lastName: 'Kim' },
  kaufland: { email: 'k7r2m9qa-3f9c1e8b2a7d@kaufland-marktplatz.de', kind: 'marketplace', marketplace: 'kaufland', provenance: mp('kaufland', 'Kaufland', 'kaufland-marktplatz.de'), sourceIdentifier: 'MRX4Q7A', country: 'DE', firstName: 'Sabine', lastName: 'Wolf' },
  allegro: { email: 'w5t8k2p0xq+1a9c4e7b2@allegromail.pl', kind: 'marketplace', marketplace: 'allegro', provenance: mp('allegro', 'Allegro', 'allegromail.pl'), sourceIdentifier: '5d2c8e1a-7b3f-11ef-9c4d-0a1b2c3d4e5f', country: 'PL', firstName: 'Piotr', lastName: 'Nowak' },
  mirakl: { email: 'h4k9w2m7q1z.x8c3v6b1n@notification.mirakl.net', kind: 'marketplace', marketplace: 'mirakl', provenance: mp('mirakl', 'Mirakl', 'notification.mirakl.net'), sourceIdentifier: '40817263-A', country: 'DE', firstName: 'Klaus', lastName: 'Vogel' },
  tiktok: { email: 'vR7kT2mQ9xW4bN8cL3pZ6hJ5d0417@scs.tiktokw.us', kind: 'marketplace', marketplace: 'tiktok', provenance: mp('tiktok', 'TikTok Shop', 'scs.tiktokw.us'), sourceIdentifier: '576489213305718422', country: 'US', firstName: 'Ava', lastName: 'Turner' },
  temu: { email: 'q7mz2kx9wp2071k@us.shipping.temuemail.com', kind: 'marketplace', marketplace: 'temu', provenance: mp('temu', 'Temu', 'us.shipping.temuemail.com'), sourceIdentifier: 'PO-211-04417829930571', country: 'US', firstName: 'Ethan', lastName: 'Reed' },
  ordinary: { email: 'lena.fischer@gmx.de', kind: 'ordinary', marketplace: null, provenance: onlineStoreProvenance, country: 'DE', firstName: 'Lena', lastName: 'Fischer' },
  ordinaryNoEmail: { email: null, kind: 'pos', marketplace: null, provenance: posProvenance, country: 'FR', firstName: 'Hugo', lastName: 'Moreau', noCustomer: true },
  neutralised: { email: 'blacklisted-t3v8n1q6z0r5k2w@marketplace.amazon.de', kind: 'neutralised-prefix', marketplace: 'amazon', provenance: mp('amazon', 'Amazon', 'marketplace.amazon.de', 0.5), sourceIdentifier: '302-6618204-7731950', country: 'DE', firstName: 'Miriam', lastName: 'Koch' },
  neutralisedDomain: { email: `t6y1u4i9o2p7a3s@${MERCHANT}`, kind: 'neutralised-domain', marketplace: 'amazon', provenance: mp('amazon', 'Amazon', 'marketplace.amazon.fr', 0.95), sourceIdentifier: '171-5530982-4471026', country: 'FR', firstName: 'Camille', lastName: 'Roux' },
  stripped: { email: null, customerEmail: null, kind: 'neutralised-stripped', marketplace: 'amazon', provenance: mp('amazon', 'Amazon', 'marketplace.amazon.com'), sourceIdentifier: '113-8841907-1159634', country: 'US', firstName: 'Ryan', lastName: 'Cole' },
  fixedByUs: { email: `orders@${MERCHANT}`, customerEmail: 'g2h5j8k1l4z7x0c@marketplace.amazon.fr', kind: 'neutralised-fixed', marketplace: 'amazon', provenance: mp('amazon', 'Amazon', 'marketplace.amazon.fr'), sourceIdentifier: '171-2093374-8810652', country: 'FR', firstName: 'Julie', lastName: 'Blanc', originalEmail: 'g2h5j8k1l4z7x0c@marketplace.amazon.fr' },
} satisfies Record<string, DemoSpec>;

export type DemoKey = keyof typeof DEMO_SPECS;
export const DEMO_KEYS = Object.keys(DEMO_SPECS) as DemoKey[];

export interface DemoOrderRef {
  /** gid://shopify/Order/… */
  id: string;
  /** The numeric id, as in the admin URL /orders/{legacyId}. */
  legacyId: string;
  /** Email on the order for the default shop (demo-store). */
  email: string | null;
  marketplace: string | null;
  sourceIdentifier: string | null;
  customerId: string | null;
  fulfillmentOrderId: string;
  fulfillmentOrderLegacyId: string;
  /** Only on orders created fulfilled (amazonFulfilled). */
  fulfillmentId: string | null;
  /** The original address in our metafield, when the order was fixed by us earlier (fixedByUs). */
  originalEmail: string | null;
}

function ref(key: DemoKey, k: number): DemoOrderRef {
  const spec: DemoSpec = DEMO_SPECS[key];
  const ordinal = DEMO_ORDINAL + k;
  const id = derivedId('order', ordinal);
  const foId = derivedId('fulfillmentOrder', ordinal, 0);
  return {
    id: gid('order', id),
    legacyId: String(id),
    email: spec.email?.replace(MERCHANT, DEFAULT_DOMAIN) ?? null,
    marketplace: spec.marketplace,
    sourceIdentifier: spec.sourceIdentifier ?? null,
    customerId: spec.noCustomer ? null : gid('customer', derivedId('customer', ordinal)),
    fulfillmentOrderId: gid('fulfillmentOrder', foId),
    fulfillmentOrderLegacyId: String(foId),
    fulfillmentId: spec.fulfilled ? gid('fulfillment', derivedId('fulfillment', ordinal, 0)) : null,
    originalEmail: spec.originalEmail ?? null,
  };
}

export const DEMO_ORDERS: Readonly<Record<DemoKey, DemoOrderRef>> = Object.freeze(
  Object.fromEntries(DEMO_KEYS.map((key, k) => [key, Object.freeze(ref(key, k))])) as Record<DemoKey, DemoOrderRef>,
);

/** Demo order names follow the generated ones, like a real store's numbering. */
export function demoOrderName(key: DemoKey, generatedCount: number): string {
  return `#${1001 + generatedCount + DEMO_KEYS.indexOf(key)}`;
}

const HOUR = 3_600_000;

export function buildDemoOrder(ctx: GenContext, k: number): { order: OrderRecord; customer: CustomerRecord | null } {
  const key = DEMO_KEYS[k] as DemoKey;
  const spec: DemoSpec = DEMO_SPECS[key];
  const ordinal = DEMO_ORDINAL + k;
  const rng = prng(mix(0xde30, k)); // independent of the store seed on purpose
  const createdAt = ctx.anchor - (DEMO_KEYS.length - k) * 2 * HOUR;
  const resolve = (email: string | null | undefined) => email?.replace(MERCHANT, ctx.merchantDomain) ?? null;
  const email = resolve(spec.email);
  const provenance = spec.provenance();
  const items = lineItemsFor(rng, ordinal);
  const id = derivedId('order', ordinal);
  const customerId = spec.noCustomer ? null : derivedId('customer', ordinal);
  const order: OrderRecord = {
    id,
    ordinal,
    name: `#${1001 + ctx.count + k}`,
    kind: spec.kind,
    marketplace: spec.marketplace,
    email,
    phone: null,
    customerId,
    createdAt,
    updatedAt: createdAt,
    processedAt: createdAt,
    sourceName: provenance.sourceName,
    sourceIdentifier: spec.sourceIdentifier ?? null,
    app: provenance.app,
    channel: provenance.channel,
    tags: provenance.tags,
    note: null,
    currency: CURRENCY_BY_COUNTRY[spec.country] ?? 'USD',
    financialStatus: 'PAID',
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    lineItems: items,
    fulfillmentOrders: [openFulfillmentOrder(ordinal, items, createdAt)],
    fulfillments: [],
    refunds: [],
    metafields: spec.originalEmail ? [originalEmailMetafield(ordinal, spec.originalEmail, createdAt + HOUR)] : [],
    shippingCountry: spec.country,
  };
  if (spec.fulfilled) {
    fulfilAll(rng, order, createdAt + HOUR);
    order.updatedAt = createdAt + HOUR;
  }
  if (spec.originalEmail) order.updatedAt = createdAt + HOUR;
  const customerEmail = spec.customerEmail !== undefined ? resolve(spec.customerEmail) : email;
  const customer: CustomerRecord | null = customerId
    ? {
        id: customerId,
        ordinal,
        email: customerEmail,
        phone: null,
        firstName: spec.firstName,
        lastName: spec.lastName,
        createdAt,
        updatedAt: createdAt,
        marketingState: 'NOT_SUBSCRIBED',
        marketingOptInLevel: 'SINGLE_OPT_IN',
        consentUpdatedAt: null,
        note: null,
        tags: [],
        metafields: [],
        orderIds: [id],
      }
    : null;
  return { order, customer };
}
