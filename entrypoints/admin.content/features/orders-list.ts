/**
 * orders-list — on the admin's order list: a badge on each marketplace order's row ("Amazon · relay
 * address" / "Amazon · protected"), one line above the list ("N orders on this page still have a
 * marketplace address" with Fix them / Open bulk fix, or how to connect), and the bulk-fulfil guard.
 *
 * This file stays tiny: the feature itself (../orders-list/) is a separate script, imported only here,
 * only on the list, so the content script every admin page loads stays within its size budget.
 *
 * Try it: `npm run demo --connect`, then /store/demo-store/orders — sort, Next, search
 * `source_name:amazon`, select rows → "Mark as fulfilled" / "Fulfill orders".
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { LIST_MODULE_KEY } from '../orders-list/key';
import type { startOrdersList } from '../orders-list/run';
import { reportFeatureStatus } from '../page-status';
import { defineFeature } from './registry';

let loading: Promise<typeof startOrdersList> | null = null;

function loadListModule(): Promise<typeof startOrdersList> {
  loading ??= import(/* @vite-ignore */ (browser.runtime.getURL as (path: string) => string)('/orders-list.js')).then(() => {
    const start = (globalThis as Record<symbol, unknown>)[LIST_MODULE_KEY];
    if (typeof start !== 'function') throw new Error('the order list script did not load');
    return start as typeof startOrdersList;
  });
  loading.catch(() => (loading = null));
  return loading;
}

export default defineFeature({
  id: 'orders-list',
  surfaces: ['order-list'],
  async init(ctx) {
    const start = await loadListModule();
    if (ctx.signal.aborted) return false;
    return start(ctx, { send: sendMessage, report: reportFeatureStatus });
  },
});
