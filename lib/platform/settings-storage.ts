/**
 * Per-store settings in `storage.sync` (key `sync:settings:{handle}`), so a merchant's choices follow
 * them to their other browsers. Credentials never go here (lib/platform/credentials.ts keeps them in
 * `storage.local`). Everything read is passed through `migrateSettings`, so old or damaged values
 * never reach the UI; everything written is validated first, so a bad value is refused, not stored.
 */
import { storage } from 'wxt/utils/storage';
import { fail, ok, type Result } from '../result';
import { isValidHandle } from '../store-ref';
import { WRITE_CHECKS } from '../extra-domains';
import { migrateSettings, normaliseAutoProtect, problemAsError, validateSettings, type StoreSettings } from '../settings';

type SettingsKey = `sync:settings:${string}`;
const PREFIX = 'settings:';
const keyFor = (handle: string): SettingsKey => `sync:settings:${handle}`;

export const STORAGE_ERRORS = {
  store_invalid: 'This store name is not valid.',
  settings_too_large: 'These settings are too large to save. Remove some extra domains.',
  storage_failed: 'The browser could not save the settings. Try again.',
} as const;

// chrome.storage.sync refuses items over 8 KB (QUOTA_BYTES_PER_ITEM, key + JSON value).
const SYNC_ITEM_LIMIT = 8192;

/** The store's settings, or the defaults when none were saved (or the handle is not a store name). */
export async function getStoreSettings(handle: string): Promise<StoreSettings> {
  if (!isValidHandle(handle)) return migrateSettings(null);
  return migrateSettings(await storage.getItem<unknown>(keyFor(handle)));
}

/** True when the merchant saved settings for this store (defaults are not stored). */
export async function hasStoreSettings(handle: string): Promise<boolean> {
  return isValidHandle(handle) && (await storage.getItem<unknown>(keyFor(handle))) !== null;
}

/**
 * Saves after validation; on any problem nothing is written and the first problem is returned
 * (code `err_<code>`, field in `params.field`).
 */
export async function saveStoreSettings(handle: string, settings: StoreSettings): Promise<Result<StoreSettings>> {
  if (!isValidHandle(handle)) return fail('store_invalid', STORAGE_ERRORS.store_invalid);
  const clean = normaliseAutoProtect(migrateSettings(settings), new Date());
  const first = validateSettings(clean, WRITE_CHECKS)[0];
  if (first) {
    const error = problemAsError(first);
    return fail(error.code, error.message, error.params);
  }
  if (new TextEncoder().encode(`settings:${handle}${JSON.stringify(clean)}`).length > SYNC_ITEM_LIMIT) {
    return fail('settings_too_large', STORAGE_ERRORS.settings_too_large);
  }
  try {
    await storage.setItem(keyFor(handle), clean);
  } catch {
    // Quota or write-rate limits of storage.sync: nothing was written, say so plainly.
    return fail('storage_failed', STORAGE_ERRORS.storage_failed);
  }
  return ok(clean);
}

export async function removeStoreSettings(handle: string): Promise<void> {
  if (isValidHandle(handle)) await storage.removeItem(keyFor(handle));
}

/** Calls back with the (migrated) settings whenever they change, from any page or device. Returns unwatch. */
export function watchStoreSettings(handle: string, callback: (settings: StoreSettings) => void): () => void {
  if (!isValidHandle(handle)) return () => {};
  return storage.watch<unknown>(keyFor(handle), (value) => callback(migrateSettings(value)));
}

/**
 * Handles of stores the extension knows: those with saved settings or saved credentials (a store
 * connected with default settings is still configured). Sorted, without duplicates.
 */
export async function listConfiguredStores(): Promise<string[]> {
  const handles = new Set<string>();
  const sync = await storage.snapshot('sync');
  for (const key of Object.keys(sync)) {
    if (key.startsWith(PREFIX) && !key.endsWith('$')) handles.add(key.slice(PREFIX.length));
  }
  const local = await storage.snapshot('local');
  for (const key of Object.keys(local)) {
    if (key.startsWith('credentials:') && !key.endsWith('$')) handles.add(key.slice('credentials:'.length));
  }
  return [...handles].filter(isValidHandle).sort();
}
