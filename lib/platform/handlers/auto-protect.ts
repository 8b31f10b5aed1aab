/**
 * Automatic protection calls: its status for the popup and the order card, switching it on or off
 * (popup and connect screen only), and checking a store now.
 */
import { onMessage } from '../../messaging';
import { fail, ok, type Result } from '../../result';
import type { AutoProtectStatus } from '../../auto-protect/status';
import { isValidHandle, type StoreRef } from '../../store-ref';
import { checkStore, paintBadge, storeStatus } from '../auto-protect';
import { getStoreSettings, saveStoreSettings } from '../settings-storage';

function invalid(store: StoreRef) {
  return fail('store_invalid', `"${store.handle}" is not a Shopify store name.`, { store: store.handle });
}

export async function getAutoProtectStatus({ store }: { store: StoreRef }): Promise<Result<AutoProtectStatus>> {
  if (!isValidHandle(store.handle)) return invalid(store);
  return ok(await storeStatus(store.handle));
}

export async function setAutoProtect({ store, on }: { store: StoreRef; on: boolean }): Promise<Result<AutoProtectStatus>> {
  if (!isValidHandle(store.handle)) return invalid(store);
  const settings = await getStoreSettings(store.handle);
  const saved = await saveStoreSettings(store.handle, { ...settings, autoProtect: on, autoProtectSince: on ? settings.autoProtectSince : null });
  if (!saved.ok) return saved;
  // The first check runs now: it fixes the start point and tells the merchant at once if something is wrong.
  if (on) await checkStore(store.handle);
  await paintBadge();
  return ok(await storeStatus(store.handle));
}

export async function checkAutoProtectNow({ store }: { store: StoreRef }): Promise<Result<AutoProtectStatus>> {
  if (!isValidHandle(store.handle)) return invalid(store);
  await checkStore(store.handle);
  await paintBadge();
  return ok(await storeStatus(store.handle));
}

export function registerAutoProtectHandlers(): void {
  onMessage('autoProtectStatus', 'store-tab', getAutoProtectStatus);
  onMessage('setAutoProtect', 'extension', setAutoProtect);
  onMessage('checkAutoProtectNow', 'extension', checkAutoProtectNow);
}
