/**
 * Runs on every page of the Shopify admin, so it stays tiny: it parses the URL, and only on the
 * surfaces a feature declares does that feature do any work. The admin is a single-page app: on every
 * client-side navigation (`wxt:locationchange`) the previous run is aborted (features clean up through
 * their AbortSignal) and the features of the new surface start.
 */
import { parseAdminUrl } from '@/lib/admin-url';
import type { StoreRef } from '@/lib/store-ref';
import { featuresFor } from './features/registry';

const SANDBOX = import.meta.env.MODE === 'sandbox';

export default defineContentScript({
  matches: [
    'https://admin.shopify.com/store/*',
    'https://*.myshopify.com/admin/*',
    // The sandbox build also runs on the local fake admin (test/sandbox); production never does.
    ...(import.meta.env.MODE === 'sandbox' ? ['http://127.0.0.1/*', 'http://localhost/*'] : []),
  ],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    let current: AbortController | null = null;
    let lastKey = '';

    let firstLoad = true;
    const start = (href: string) => {
      const isFirstLoad = firstLoad;
      firstLoad = false;
      const url = new URL(href);
      const location = parseAdminUrl(url, { allowLoopback: SANDBOX });
      // Same surface and order (only the query or hash changed): keep what is on the page.
      const key = `${location.store?.handle}|${location.surface}|${location.orderId}|${location.fulfillmentOrderId}|${url.searchParams.get('layout') ?? ''}`;
      if (key === lastKey && current && !current.signal.aborted) return;
      lastKey = key;
      current?.abort();
      current = new AbortController();
      if (!location.store) return;
      const signal = current.signal;
      for (const feature of featuresFor(location.surface)) {
        Promise.resolve()
          .then(() => feature.init({ location: location as typeof location & { store: StoreRef }, url, document, signal, sandbox: SANDBOX, firstLoad: isFirstLoad }))
          .catch((error: unknown) => {
            // A broken feature must never break the admin; leave a trace for whoever debugs it.
            console.warn(`[Proxy Mail Guard] ${feature.id} failed:`, error instanceof Error ? error.message : error);
          });
      }
    };

    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => start(newUrl.href));
    ctx.onInvalidated(() => current?.abort());
    start(location.href);
  },
});
