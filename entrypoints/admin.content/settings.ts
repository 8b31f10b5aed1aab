/**
 * The store's settings as the content script sees them: asked from the background (read-only,
 * lib/platform/handlers/settings.ts), never read from or written to extension storage here.
 * A change event for the store's settings only prompts asking again, so the card and the guard
 * follow the popup live.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { defaultSettings, type StoreSettings } from '@/lib/settings';
import type { StoreRef } from '@/lib/store-ref';

export async function loadSettings(store: StoreRef): Promise<StoreSettings> {
  const answer = await sendMessage('getSettings', { store });
  return answer.ok ? answer.value : defaultSettings();
}

/** Calls back with fresh settings after each change of this store's settings; returns unwatch. */
export function watchSettings(store: StoreRef, callback: (settings: StoreSettings) => void): () => void {
  const key = `settings:${store.handle}`;
  let asked = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' || !(key in changes)) return;
    const ask = ++asked;
    void loadSettings(store).then((settings) => {
      if (ask === asked) callback(settings); // an older answer never overwrites a newer one
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
