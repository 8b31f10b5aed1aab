/**
 * orders-list — on the admin's order list: a badge on each marketplace order's row ("Amazon · relay
 * address" / "Amazon · protected"), one line above the list ("N orders on this page still have a
 * marketplace address" with Fix them / Open bulk fix, or how to connect), and the bulk-fulfil guard.
 *
 * This file stays tiny: the feature itself (../orders-list/) is a separate script, loaded only here,
 * only on the list, so the content script every admin page loads stays within its size budget.
 *
 * Try it: `npm run demo --connect`, then /store/demo-store/orders — sort, Next, search
 * `source_name:amazon`, select rows → "Mark as fulfilled" / "Fulfill orders".
 */
import { sendMessage } from '@/lib/messaging';
import type { StoreRef } from '@/lib/store-ref';
import { LIST_MODULE_KEY } from '../orders-list/key';
import type { startOrdersList } from '../orders-list/run';
import { reportFeatureStatus } from '../page-status';
import { defineFeature } from './registry';

let loading: Promise<typeof startOrdersList> | null = null;

const listEntry = (): unknown => (globalThis as Record<symbol, unknown>)[LIST_MODULE_KEY];

/**
 * The list script, put into this isolated world by the background (no web-accessible file a page could
 * fetch to spot the extension); it leaves its entry point on our global. At most once per page: every
 * later visit to the list (the admin is a single-page app) reuses what is already here.
 */
export function loadListModule(store: StoreRef, send: typeof sendMessage = sendMessage): Promise<typeof startOrdersList> {
  const present = listEntry();
  if (typeof present === 'function') return Promise.resolve(present as typeof startOrdersList);
  loading ??= send('loadOrdersListScript', { store }).then((loaded) => {
    if (!loaded.ok) throw new Error(loaded.error.message);
    const start = listEntry();
    if (typeof start !== 'function') throw new Error('the order list script did not load');
    return start as typeof startOrdersList;
  });
  // A failed load (extension reloading, say) may be tried again on the next visit to the list.
  loading.catch(() => (loading = null));
  return loading;
}

export default defineFeature({
  id: 'orders-list',
  surfaces: ['order-list'],
  async init(ctx) {
    const start = await loadListModule(ctx.location.store);
    if (ctx.signal.aborted) return false;
    return start(ctx, { send: sendMessage, report: reportFeatureStatus });
  },
});
