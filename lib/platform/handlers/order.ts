/** Order-page calls: read an order's facts, apply a fix, undo it, record a guard override. */
import type { FixOutcome } from '../../messages';
import type { OrderFacts } from '../../order-facts';
import { onMessage } from '../../messaging';
import { fail, type Result } from '../../result';
import { REWRITE_ERRORS } from '../../rewrite';
import type { StoreRef } from '../../store-ref';
import { newAuditId } from '../../audit';
import { getStoreSettings } from '../settings-storage';
import { defaultSettings, isFixChoice, neutralForms, strategyForChoice, type FixChoice, type StoreSettings } from '../../settings';
import { asResult, ApiFailure } from '../../shopify/errors';
import { requireOrderFacts } from '../../shopify/order-facts';
import { changeOrderEmail, restoreOriginal } from '../../shopify/email-change';
import { auditLogInstance, clientFor } from '../api';

async function settingsFor(handle: string): Promise<StoreSettings | null> {
  try {
    return await getStoreSettings(handle);
  } catch {
    return null; // settings unreadable: fall back to the safe defaults below
  }
}

// The card and the notify guard both ask for the same order as a page opens: let concurrent asks
// share one request. Nothing is kept once it settles, so a later ask always reads fresh facts.
const factsInFlight = new Map<string, Promise<Result<OrderFacts>>>();

export function getOrderFacts({ store, orderId }: { store: StoreRef; orderId: string }): Promise<Result<OrderFacts>> {
  const key = JSON.stringify([store.handle, store.origin ?? null, orderId]);
  const pending = factsInFlight.get(key);
  if (pending) return pending;
  const request = asResult(async () => requireOrderFacts(await clientFor(store), orderId)).finally(() => factsInFlight.delete(key));
  factsInFlight.set(key, request);
  return request;
}

/**
 * The page names a choice only; the strategy (addresses, domain, prefix) is built here from the saved
 * settings, so nothing a page supplies can become an order's email.
 */
export async function applyFix({ store, orderId, fix }: { store: StoreRef; orderId: string; fix: FixChoice }): Promise<Result<FixOutcome>> {
  if (!isFixChoice(fix)) return fail('strategy_invalid', REWRITE_ERRORS.strategy_invalid);
  const prepared = await asResult(async () => ({ client: await clientFor(store), audit: await auditLogInstance() }));
  if (!prepared.ok) return prepared;
  const settings = await settingsFor(store.handle);
  const strategy = strategyForChoice(settings ?? defaultSettings(), fix);
  return changeOrderEmail(prepared.value, orderId, strategy, {
    updateCustomer: settings?.updateCustomer ?? false,
    extraDomains: settings?.extraDomains ?? [],
    ...(settings ? { neutral: neutralForms(settings) } : {}),
  });
}

export async function undoFix({ store, orderId }: { store: StoreRef; orderId: string }): Promise<Result<FixOutcome>> {
  const prepared = await asResult(async () => ({ client: await clientFor(store), audit: await auditLogInstance() }));
  if (!prepared.ok) return prepared;
  const settings = await settingsFor(store.handle);
  return restoreOriginal(prepared.value, orderId, settings?.prefix ? { prefix: settings.prefix } : {});
}

/** The merchant ticked "notify customer" again on a flagged order: keep a record of that choice. */
export function recordGuardOverride(data: { store: StoreRef; orderId: string; surface: string; marketplace: string }): Promise<Result<void>> {
  return asResult(async () => {
    if (!/^\d{1,20}$/.test(data.orderId)) throw new ApiFailure('order_not_found', `"${data.orderId}" is not an order id.`, { order: data.orderId });
    const audit = await auditLogInstance();
    await audit.add({
      id: newAuditId(),
      kind: 'guard_override',
      store: data.store.handle,
      orderId: data.orderId,
      orderName: null,
      marketplace: data.marketplace || null,
      before: null,
      after: null,
      strategy: null,
      at: new Date().toISOString(),
      status: 'done',
      surface: data.surface,
    });
  });
}

export function registerOrderHandlers(): void {
  onMessage('getOrderFacts', 'store-tab', getOrderFacts);
  onMessage('applyFix', 'store-tab', applyFix);
  onMessage('undoFix', 'store-tab', undoFix);
  onMessage('recordGuardOverride', 'store-tab', recordGuardOverride);
}
