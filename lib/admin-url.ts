/**
 * Which Shopify admin surface a URL is. Pure: takes a URL, touches no browser global.
 *
 * Hosts:
 *   https://admin.shopify.com/store/{handle}/orders/…        (current admin)
 *   https://{handle}.myshopify.com/admin/orders/…            (legacy host, still seen)
 *   http://127.0.0.1:PORT/store/{handle}/orders/…            (sandbox; only with { allowLoopback: true })
 *
 * Paths (test/facts/ADMIN-UI.md; fulfil/refund/edit are assumptions confirmed on the sandbox side):
 *   /orders                                                   order-list
 *   /orders/{id}                                              order
 *   /orders/{id}/fulfillment_orders/{foId}/fulfill            fulfil (also "Mark as fulfilled")
 *   /orders/{id}/refund                                       refund
 *   /orders/{id}/edit                                         order-edit
 * Each predicate has sample URLs below; test/unit/admin-url.test.ts runs every predicate over every sample.
 */
import { isLoopbackOrigin, isValidHandle, type StoreRef } from './store-ref';

export type AdminSurface = 'order' | 'fulfil' | 'refund' | 'order-edit' | 'order-list' | 'other';

export interface AdminLocation {
  /** null when the URL is not a Shopify admin page at all. */
  store: StoreRef | null;
  surface: AdminSurface;
  orderId: string | null;
  fulfillmentOrderId: string | null;
}

export interface ParseOptions {
  /** Sandbox builds only: accept http://127.0.0.1 / http://localhost (any port) as an admin origin. */
  allowLoopback?: boolean;
}

const NOT_ADMIN: AdminLocation = { store: null, surface: 'other', orderId: null, fulfillmentOrderId: null };

function toUrl(input: string | URL | { href: string }): URL | null {
  try {
    return new URL(typeof input === 'string' ? input : input.href);
  } catch {
    return null;
  }
}

/** Splits an admin URL into the store and the path inside that store's admin ('/orders/1'). */
function storeAndPath(url: URL, options: ParseOptions): { store: StoreRef; path: string } | null {
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && host === 'admin.shopify.com') {
    const m = /^\/store\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!m || !isValidHandle(m[1]!)) return null;
    return { store: { handle: m[1]! }, path: m[2] ?? '/' };
  }
  const legacy = /^([a-z0-9][a-z0-9-]*)\.myshopify\.com$/.exec(host);
  if (url.protocol === 'https:' && legacy) {
    const m = /^\/admin(\/.*)?$/.exec(url.pathname);
    if (!m || !isValidHandle(legacy[1]!)) return null;
    return { store: { handle: legacy[1]! }, path: m[1] ?? '/' };
  }
  if (options.allowLoopback && isLoopbackOrigin(url.origin)) {
    const m = /^\/store\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!m || !isValidHandle(m[1]!)) return null;
    return { store: { handle: m[1]!, origin: url.origin }, path: m[2] ?? '/' };
  }
  return null;
}

const ROUTES: Array<{ surface: AdminSurface; pattern: RegExp }> = [
  { surface: 'order-list', pattern: /^\/orders$/ },
  { surface: 'order', pattern: /^\/orders\/(\d+)$/ },
  { surface: 'fulfil', pattern: /^\/orders\/(\d+)\/fulfillment_orders\/(\d+)\/fulfill$/ },
  { surface: 'refund', pattern: /^\/orders\/(\d+)\/refund$/ },
  { surface: 'order-edit', pattern: /^\/orders\/(\d+)\/edit$/ },
];

export function parseAdminUrl(input: string | URL | { href: string }, options: ParseOptions = {}): AdminLocation {
  const url = toUrl(input);
  if (!url) return NOT_ADMIN;
  const found = storeAndPath(url, options);
  if (!found) return NOT_ADMIN;
  const path = found.path.replace(/\/+$/, '') || '/';
  for (const { surface, pattern } of ROUTES) {
    const m = pattern.exec(path);
    if (m) return { store: found.store, surface, orderId: m[1] ?? null, fulfillmentOrderId: m[2] ?? null };
  }
  return { store: found.store, surface: 'other', orderId: null, fulfillmentOrderId: null };
}

// ── predicates (github-url-detection style) ─────────────────────────────────────────────────────────
type Input = string | URL | { href: string };
const is = (surface: AdminSurface) => (url: Input, options?: ParseOptions) => {
  const loc = parseAdminUrl(url, options);
  return loc.store !== null && loc.surface === surface;
};

export const isAdminPage = (url: Input, options?: ParseOptions) => parseAdminUrl(url, options).store !== null;
export const isOrderPage = is('order');
export const isFulfilPage = is('fulfil');
export const isRefundPage = is('refund');
export const isOrderEditPage = is('order-edit');
export const isOrderList = is('order-list');

/** Sample URLs per surface; "other" holds admin pages of no surface, "notAdmin" holds pages we never run on. */
export const SAMPLE_URLS: Record<AdminSurface | 'notAdmin', string[]> = {
  'order-list': [
    'https://admin.shopify.com/store/demo-store/orders',
    'https://admin.shopify.com/store/demo-store/orders/',
    'https://admin.shopify.com/store/demo-store/orders?inContextTimeframe=last_30_days',
    'https://demo-store.myshopify.com/admin/orders',
  ],
  order: [
    'https://admin.shopify.com/store/demo-store/orders/5512345678901',
    'https://admin.shopify.com/store/demo-store/orders/5512345678901/',
    'https://admin.shopify.com/store/my-shop-2/orders/1001?orderListBeta=true',
    'https://admin.shopify.com/store/demo-store/orders/5512345678901#timeline',
    'https://demo-store.myshopify.com/admin/orders/5512345678901',
  ],
  fulfil: [
    'https://admin.shopify.com/store/demo-store/orders/5512345678901/fulfillment_orders/6612345678901/fulfill',
    'https://admin.shopify.com/store/demo-store/orders/5512345678901/fulfillment_orders/6612345678901/fulfill?mark=1',
    'https://demo-store.myshopify.com/admin/orders/5512345678901/fulfillment_orders/6612345678901/fulfill',
  ],
  refund: [
    'https://admin.shopify.com/store/demo-store/orders/5512345678901/refund',
    'https://demo-store.myshopify.com/admin/orders/5512345678901/refund',
  ],
  'order-edit': [
    'https://admin.shopify.com/store/demo-store/orders/5512345678901/edit',
    'https://demo-store.myshopify.com/admin/orders/5512345678901/edit',
  ],
  other: [
    'https://admin.shopify.com/store/demo-store',
    'https://admin.shopify.com/store/demo-store/products/8812345678901',
    'https://admin.shopify.com/store/demo-store/draft_orders/1234',
    'https://admin.shopify.com/store/demo-store/orders/drafts',
    'https://admin.shopify.com/store/demo-store/orders/5512345678901/returns/new',
    'https://admin.shopify.com/store/demo-store/customers/7712345678901',
    'https://admin.shopify.com/store/demo-store/settings/notifications',
    'https://demo-store.myshopify.com/admin',
  ],
  notAdmin: [
    'https://admin.shopify.com/',
    'https://admin.shopify.com/store/',
    'https://admin.shopify.com/store/Bad_Handle!/orders/1',
    'https://demo-store.myshopify.com/products/shirt',
    'https://demo-store.myshopify.com/orders/1',
    'http://admin.shopify.com/store/demo-store/orders/1',
    'https://admin.shopify.com.evil.example/store/demo-store/orders/1',
    'https://evil.example/store/demo-store/orders/1',
    'https://www.shopify.com/store/demo-store/orders/1',
    'http://127.0.0.1:4173/store/demo-store/orders/1',
    'not a url',
  ],
};

/** Loopback samples: admin pages only with { allowLoopback: true } (sandbox builds). */
export const SANDBOX_SAMPLE_URLS: Partial<Record<AdminSurface, string[]>> = {
  order: ['http://127.0.0.1:4173/store/demo-store/orders/1001', 'http://localhost:5000/store/demo-store/orders/1001'],
  fulfil: ['http://127.0.0.1:4173/store/demo-store/orders/1001/fulfillment_orders/2001/fulfill'],
  'order-list': ['http://127.0.0.1:4173/store/demo-store/orders'],
};
