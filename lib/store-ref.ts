/**
 * Which store a tab, a setting or an API call belongs to.
 * `handle` is the `{handle}.myshopify.com` name; it keys settings, credentials and audit entries.
 * `origin` exists only in sandbox builds: the loopback origin serving the fake admin and fake API.
 */
export interface StoreRef {
  handle: string;
  origin?: string;
}

const HANDLE = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function isValidHandle(handle: string): boolean {
  return HANDLE.test(handle);
}

/** Only loopback origins may stand in for Shopify, and only in sandbox builds (checked by callers). */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && url.origin === origin;
  } catch {
    return false;
  }
}

/** The dashboard's address (extension-relative) for a store: the page reads the store from it. */
export function dashboardPath(store: StoreRef): `/dashboard.html?${string}` {
  const query = new URLSearchParams({ store: store.handle });
  if (store.origin) query.set('origin', store.origin);
  return `/dashboard.html?${query.toString()}`;
}
