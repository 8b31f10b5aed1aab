import { describe, expect, it } from 'vitest';
import contentScript from '../../entrypoints/admin.content/index';
import { FEATURES, featuresFor } from '../../entrypoints/admin.content/features/registry';
import { SAMPLE_URLS } from '../../lib/admin-url';

describe('admin content script', () => {
  it('outside the sandbox build matches only Shopify admin hosts, in the top frame', () => {
    expect(import.meta.env.MODE).not.toBe('sandbox');
    expect(contentScript.matches).toEqual(['https://admin.shopify.com/store/*', 'https://*.myshopify.com/admin/*']);
    expect(contentScript.allFrames).toBe(false);
  });

  it('every match pattern covers the admin sample URLs and nothing on other hosts', () => {
    const toRegExp = (pattern: string) =>
      new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}`.replace('https://.*\\.', 'https://([a-z0-9-]+\\.)'));
    const matches = (url: string) => (contentScript.matches as string[]).some((p) => toRegExp(p).test(url));
    for (const url of [...SAMPLE_URLS.order, ...SAMPLE_URLS.fulfil, ...SAMPLE_URLS['order-list']]) expect(matches(url), url).toBe(true);
    for (const url of ['http://127.0.0.1:4173/store/demo-store/orders/1', 'https://evil.example/store/x/orders/1']) expect(matches(url), url).toBe(false);
  });

  it('registers the proxy banner for the order page', () => {
    expect(FEATURES.map((f) => f.id)).toContain('proxy-banner');
    expect(featuresFor('order').map((f) => f.id)).toContain('proxy-banner');
    expect(featuresFor('order-list').map((f) => f.id)).not.toContain('proxy-banner');
  });
});
