/**
 * The order list's calls: verdicts for the rows on screen, and the store's fix for one listed order.
 *
 * Verdicts come from the bulk scan's classifier (lib/bulk/classify.ts) over the card's facts query, so
 * the list, the card and the bulk fix never disagree about an order. Concurrent asks for the same ids
 * (a re-render while the first answer is on its way) share one request.
 */
import { browser } from 'wxt/browser';
import type { FixOutcome, ListVerdict, ListVerdicts } from '../../messages';
import type { OrderFacts } from '../../order-facts';
import { onMessage } from '../../messaging';
import { classifierFromSettings } from '../../bulk/classify';
import { detectMarketplace } from '../../marketplaces';
import { fail, ok, type Result } from '../../result';
import { defaultSettings, neutralForms, type StoreSettings } from '../../settings';
import { ApiFailure, asResult } from '../../shopify/errors';
import { changeOrderEmail } from '../../shopify/email-change';
import { readOrdersFacts, requireOrderFacts } from '../../shopify/order-facts';
import { dashboardPath, isValidHandle, type StoreRef } from '../../store-ref';
import { getStoreSettings } from '../settings-storage';
import { auditLogInstance, clientFor } from '../api';
import { loadOrdersListScript } from './list-script';

/** The admin's list shows at most 250 rows; more in one ask is not a list screen. */
export const LIST_MAX_IDS = 250;

async function settingsFor(handle: string): Promise<StoreSettings> {
  try {
    return await getStoreSettings(handle);
  } catch {
    return defaultSettings();
  }
}

function checkIds(orderIds: unknown): string[] {
  if (!Array.isArray(orderIds) || orderIds.length > LIST_MAX_IDS || !orderIds.every((id) => typeof id === 'string' && /^\d{1,20}$/.test(id))) {
    throw new ApiFailure('order_not_found', 'The order list sent ids that are not order numbers.', { order: '' });
  }
  return [...new Set(orderIds as string[])];
}

const inFlight = new Map<string, Promise<Result<ListVerdicts>>>();

export function listVerdicts({ store, orderIds }: { store: StoreRef; orderIds: string[] }): Promise<Result<ListVerdicts>> {
  const key = JSON.stringify([store.handle, store.origin ?? null, orderIds]);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const request = asResult(async (): Promise<ListVerdicts> => {
    const ids = checkIds(orderIds);
    const client = await clientFor(store);
    const settings = await settingsFor(store.handle);
    const classify = classifierFromSettings(settings);
    const read = ids.length ? await readOrdersFacts(client, ids) : { facts: new Map<string, OrderFacts | null>(), requests: 0, requestedCost: 0 };
    const verdicts = ids.map((orderId): ListVerdict => {
      const facts = read.facts.get(orderId);
      if (!facts) return { orderId, state: 'missing', marketplace: null, label: null, fixable: false };
      const c = classify(facts);
      const state = c.cls === 'relay' ? 'relay' : c.cls === 'neutralised' ? 'protected' : 'ordinary';
      const verdict: ListVerdict = { orderId, state, marketplace: c.marketplace, label: c.label, fixable: c.cls === 'relay' && !c.error && c.strategy !== null && c.strategy.kind !== 'keep', ...(c.protectedBy ? { protectedBy: c.protectedBy } : {}) };
      // Etsy and other channel-found orders carry the buyer's real address: not a "relay address".
      if (state === 'relay') verdict.via = detectMarketplace(facts.email, {}, settings.extraDomains) ? 'email' : 'channel';
      return verdict;
    });
    return { verdicts, requests: read.requests, requestedCost: read.requestedCost };
  }).finally(() => inFlight.delete(key));
  inFlight.set(key, request);
  return request;
}

/**
 * "Fix them" on the list, one order at a time: the store's settings choose the strategy (never the
 * page), and the change goes through the card's path (changeOrderEmail) — original recorded first,
 * audited, undoable by undoFix.
 */
export async function fixListedOrder({ store, orderId }: { store: StoreRef; orderId: string }): Promise<Result<FixOutcome>> {
  const planned = await asResult(async () => {
    const [id] = checkIds([orderId]);
    const client = await clientFor(store);
    const settings = await settingsFor(store.handle);
    const facts = await requireOrderFacts(client, id!);
    const c = classifierFromSettings(settings)(facts);
    if (c.cls !== 'relay') return { id: id!, facts, client, settings, strategy: null };
    if (c.error) throw new ApiFailure(c.error.code, c.error.message);
    if (!c.strategy || c.strategy.kind === 'keep') throw new ApiFailure('list_fix_keep', 'Your settings keep this marketplace’s addresses: nothing to change.', { marketplace: c.label ?? '' });
    return { id: id!, facts, client, settings, strategy: c.strategy, audit: await auditLogInstance() };
  });
  if (!planned.ok) return planned;
  const { id, facts, client, settings, strategy, audit } = planned.value;
  // Already protected (another tab, the sweep, or an earlier click): nothing to change.
  if (!strategy || !audit) return { ok: true, value: { orderId: id, before: facts.email, after: facts.email, changed: false, facts } };
  return changeOrderEmail({ client, audit }, id, strategy, {
    updateCustomer: settings.updateCustomer,
    extraDomains: settings.extraDomains,
    neutral: neutralForms(settings),
  });
}

/** "Open bulk fix": the dashboard for this store, in a new tab (a page cannot open extension pages). */
export async function openBulkFix({ store }: { store: StoreRef }): Promise<Result<void>> {
  if (!isValidHandle(store.handle)) return fail('store_invalid', `"${store.handle}" is not a Shopify store name.`, { store: store.handle });
  await browser.tabs.create({ url: browser.runtime.getURL(dashboardPath(store)), active: true });
  return ok(undefined);
}

export function registerOrdersListHandlers(): void {
  onMessage('openBulkFix', 'store-tab', openBulkFix);
  onMessage('listVerdicts', 'store-tab', listVerdicts);
  onMessage('fixListedOrder', 'store-tab', fixListedOrder);
  onMessage('loadOrdersListScript', 'store-tab', loadOrdersListScript);
}
