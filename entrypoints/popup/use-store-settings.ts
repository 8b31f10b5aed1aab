import { useEffect, useState } from 'react';
import { getStoreSettings, watchStoreSettings } from '@/lib/platform/settings-storage';
import type { StoreSettings } from '@/lib/settings';

export type LoadedSettings = { state: 'loading' } | { state: 'ready'; settings: StoreSettings };

/** The store's saved settings, kept current when they change elsewhere (another popup, an import, sync). */
export function useStoreSettings(handle: string): LoadedSettings {
  const [loaded, setLoaded] = useState<LoadedSettings>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void getStoreSettings(handle).then((settings) => live && setLoaded({ state: 'ready', settings }));
    const unwatch = watchStoreSettings(handle, (settings) => live && setLoaded({ state: 'ready', settings }));
    return () => {
      live = false;
      unwatch();
    };
  }, [handle]);
  return loaded;
}
