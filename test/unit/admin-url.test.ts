import { describe, expect, it } from 'vitest';
import {
  isAdminPage,
  isFulfilPage,
  isOrderEditPage,
  isOrderList,
  isOrderPage,
  isRefundPage,
  parseAdminUrl,
  SAMPLE_URLS,
  SANDBOX_SAMPLE_URLS,
  type AdminSurface,
} from '../../lib/admin-url';

const PREDICATES: Record<Exclude<AdminSurface, 'other'>, (url: string, o?: { allowLoopback?: boolean }) => boolean> = {
  order: isOrderPage,
  fulfil: isFulfilPage,
  refund: isRefundPage,
  'order-edit': isOrderEditPage,
  'order-list': isOrderList,
};

const allSamples = Object.entries(SAMPLE_URLS).flatMap(([group, urls]) => urls.map((url) => [group, url] as const));

describe('every predicate over every sample URL', () => {
  for (const [name, predicate] of Object.entries(PREDICATES)) {
    it.each(allSamples)(`${name} on %s sample %s`, (group, url) => {
      expect(predicate(url)).toBe(group === name);
    });
  }
  it.each(allSamples)('isAdminPage on %s sample %s', (group, url) => {
    expect(isAdminPage(url)).toBe(group !== 'notAdmin');
  });
});

describe('sandbox loopback origin', () => {
  const loopback = Object.entries(SANDBOX_SAMPLE_URLS).flatMap(([group, urls]) => urls!.map((url) => [group, url] as const));
  it.each(loopback)('%s sample %s is recognised only when allowed', (group, url) => {
    expect(parseAdminUrl(url).store).toBeNull();
    const loc = parseAdminUrl(url, { allowLoopback: true });
    expect(loc.surface).toBe(group);
    expect(loc.store).toEqual({ handle: 'demo-store', origin: new URL(url).origin });
  });
  it('never accepts a non-loopback http origin even when allowed', () => {
    expect(parseAdminUrl('http://192.168.1.5:4173/store/demo-store/orders/1', { allowLoopback: true }).store).toBeNull();
    expect(parseAdminUrl('http://127.0.0.1.evil.example/store/demo-store/orders/1', { allowLoopback: true }).store).toBeNull();
  });
});

describe('parseAdminUrl details', () => {
  it('extracts store, order id and fulfillment order id', () => {
    expect(parseAdminUrl('https://admin.shopify.com/store/demo-store/orders/55/fulfillment_orders/66/fulfill')).toEqual({
      store: { handle: 'demo-store' },
      surface: 'fulfil',
      orderId: '55',
      fulfillmentOrderId: '66',
    });
    expect(parseAdminUrl('https://my-shop.myshopify.com/admin/orders/123')).toEqual({
      store: { handle: 'my-shop' },
      surface: 'order',
      orderId: '123',
      fulfillmentOrderId: null,
    });
  });
  it('accepts URL objects and location-like objects', () => {
    expect(parseAdminUrl(new URL('https://admin.shopify.com/store/a/orders/1')).orderId).toBe('1');
    expect(parseAdminUrl({ href: 'https://admin.shopify.com/store/a/orders/2/refund' }).surface).toBe('refund');
  });
  it('has samples for every surface', () => {
    for (const surface of ['order', 'fulfil', 'refund', 'order-edit', 'order-list', 'other'] as const) {
      expect(SAMPLE_URLS[surface].length).toBeGreaterThan(0);
    }
  });
});
