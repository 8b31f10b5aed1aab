/**
 * The content script's only way to the store's settings: a read-only call for the store of its own
 * tab (`from: 'store-tab'`). It never touches extension storage itself, so nothing running in the
 * admin page can change what the extension does, and `storage.local` (credentials) can stay closed
 * to it (lib/platform/storage-access.ts).
 */
import { onMessage } from '../../messaging';
import { ok, type Result } from '../../result';
import { defaultSettings, type StoreSettings } from '../../settings';
import type { StoreRef } from '../../store-ref';
import { getStoreSettings } from '../settings-storage';

export async function getSettings({ store }: { store: StoreRef }): Promise<Result<StoreSettings>> {
  try {
    return ok(await getStoreSettings(store.handle));
  } catch {
    return ok(defaultSettings()); // unreadable settings: the safe defaults (strip, guard on)
  }
}

export function registerSettingsHandlers(): void {
  onMessage('getSettings', 'store-tab', getSettings);
}
