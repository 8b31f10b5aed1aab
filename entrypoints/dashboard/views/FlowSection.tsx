import { useCallback, useEffect, useMemo, useState } from 'react';
import { FlowPanel } from '@/components/flow/FlowPanel';
import { sendMessage } from '@/lib/messaging';
import { getStoreSettings, watchStoreSettings } from '@/lib/platform/settings-storage';
import type { StoreSettings } from '@/lib/settings';
import { useLocale, useT } from '../i18n';

/** The Shopify Flow guide and status, for the store the dashboard shows (settings followed live). */
export function FlowSection(props: { handle: string }) {
  const { handle } = props;
  const [settings, setSettings] = useState<StoreSettings | null>(null);
  useEffect(() => {
    let live = true;
    void getStoreSettings(handle).then((s) => live && setSettings(s));
    const unwatch = watchStoreSettings(handle, (s) => live && setSettings(s));
    return () => {
      live = false;
      unwatch();
    };
  }, [handle]);
  const store = useMemo(() => ({ handle }), [handle]);
  const loadStatus = useCallback(() => sendMessage('flowStatus', { store }), [store]);
  const confirm = useCallback((on: boolean) => sendMessage('flowConfirm', { store, on }), [store]);
  const t = useT();
  const locale = useLocale();
  if (!settings) return null;
  return <FlowPanel settings={settings} locale={locale} t={t} loadStatus={loadStatus} confirm={confirm} />;
}
