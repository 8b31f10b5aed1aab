/**
 * Connecting a store: saving credentials, testing them, forgetting them, and opening the popup's
 * connect step in a tab (a page cannot open the action popup itself).
 */
import { browser } from 'wxt/browser';
import type { StoreRef } from '../../store-ref';
import { isValidHandle } from '../../store-ref';
import { onMessage } from '../../messaging';
import { fail, ok, type Result } from '../../result';
import { removeCredentials } from '../credentials';

export function connectUrl(handle: string): string {
  // tabs.create needs no permission; the hash is read by the popup to open its connect step.
  // Typed public paths only know built entrypoints; the popup's path is fixed by the plan.
  const getURL = browser.runtime.getURL as (path: string) => string;
  return getURL(`/popup.html#connect?store=${encodeURIComponent(handle)}`);
}

export async function openConnect({ store }: { store: StoreRef }): Promise<Result<void>> {
  if (!isValidHandle(store.handle)) return fail('invalid_store', `"${store.handle}" is not a Shopify store name.`, { store: store.handle });
  await browser.tabs.create({ url: connectUrl(store.handle), active: true });
  return ok(undefined);
}

export async function disconnect({ store }: { store: StoreRef }): Promise<Result<void>> {
  await removeCredentials(store.handle);
  onDisconnect.forEach((cb) => cb(store.handle));
  return ok(undefined);
}

/** Other modules (client cache) drop what they hold for a store when it is disconnected. */
export const onDisconnect = new Set<(handle: string) => void>();

export function registerConnectionHandlers(): void {
  onMessage('openConnect', openConnect);
  onMessage('disconnect', disconnect);
}
