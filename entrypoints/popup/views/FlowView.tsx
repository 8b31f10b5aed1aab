import { useCallback } from 'react';
import { FlowPanel } from '@/components/flow/FlowPanel';
import { sendMessage } from '@/lib/messaging';
import type { StoreSettings } from '@/lib/settings';
import type { StoreRef } from '@/lib/store-ref';
import { useLocale, useT } from '../i18n';

/** The Shopify Flow card under the page status: set the workflow up, then see that it works. */
export function FlowView(props: { store: StoreRef; settings: StoreSettings }) {
  const { store } = props;
  const loadStatus = useCallback(() => sendMessage('flowStatus', { store }), [store]);
  const confirm = useCallback((on: boolean) => sendMessage('flowConfirm', { store, on }), [store]);
  return <FlowPanel settings={props.settings} locale={useLocale()} t={useT()} loadStatus={loadStatus} confirm={confirm} />;
}
