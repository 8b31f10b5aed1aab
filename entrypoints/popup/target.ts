/**
 * Which store and which tab the popup is about.
 *
 * Normally: the active tab of the current window. `tabs.query` returns a tab's URL only for hosts the
 * extension has permission for — the admin hosts are host permissions, so on the admin we get the
 * URL, and anywhere else we get none, which is exactly "off the admin". No `tabs` permission needed.
 *
 * The popup page can also be opened in a tab (the order card's "Connect" button does that), where the
 * active tab is the popup itself, so its address may name the store:
 *   popup.html#connect?store=<handle>[&origin=<sandbox origin>]   open the connect step for that store
 *   popup.html?tab=<tabId>                                          be the popup of that tab
 * `?tab=` only reads a tab the extension could read anyway; browser tests use it because a test cannot
 * click the toolbar button.
 */
import type { StoreRef } from '@/lib/store-ref';
import { isLoopbackOrigin, isValidHandle } from '@/lib/store-ref';
import { parseAdminUrl } from '@/lib/admin-url';

export interface PopupLocation {
  view: 'connect' | null;
  store: StoreRef | null;
  tabId: number | null;
}

/** Reads the popup's own address (search + hash). Unknown or malformed parts are ignored. */
export function parsePopupLocation(href: string, sandbox: boolean): PopupLocation {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { view: null, store: null, tabId: null };
  }
  const tabParam = url.searchParams.get('tab');
  const tabId = tabParam && /^\d{1,10}$/.test(tabParam) ? Number(tabParam) : null;
  const hash = url.hash.replace(/^#/, '');
  const [route = '', query = ''] = hash.split('?', 2);
  const params = new URLSearchParams(query);
  const handle = normaliseHandle(params.get('store'));
  const origin = params.get('origin');
  let store: StoreRef | null = null;
  if (handle) {
    store = sandbox && origin && isLoopbackOrigin(origin) ? { handle, origin } : { handle };
  }
  return { view: route === 'connect' ? 'connect' : null, store, tabId };
}

/** "my-shop", "my-shop.myshopify.com", " My-Shop " → "my-shop"; anything else → null. */
export function normaliseHandle(value: string | null | undefined): string | null {
  if (!value) return null;
  const handle = value.trim().toLowerCase().replace(/\.myshopify\.com$/, '');
  return isValidHandle(handle) ? handle : null;
}

/**
 * The store an admin URL belongs to (lib/admin-url.ts decides what is an admin page); in sandbox
 * builds also the fake admin at a loopback origin, with the origin kept in the StoreRef.
 */
export function storeFromAdminUrl(href: string | undefined, sandbox: boolean): StoreRef | null {
  if (!href) return null;
  return parseAdminUrl(href, { allowLoopback: sandbox }).store;
}

export function adminHomeUrl(store: StoreRef): string {
  return store.origin ? `${store.origin}/store/${store.handle}/orders` : `https://admin.shopify.com/store/${store.handle}/orders`;
}
