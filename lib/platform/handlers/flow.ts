/**
 * The popup's and dashboard's Shopify Flow calls: record that the workflow is on (or off), and
 * report whether it works — the newest orders since it was turned on, judged by lib/flow/health.ts.
 */
import { flowVersion } from '../../flow';
import { flowHealth, type FlowOrder, type FlowStatusView } from '../../flow/health';
import { flowDrift, flowSetupFor, type FlowSetup } from '../../flow/setup';
import { onMessage } from '../../messaging';
import { ok, type Result } from '../../result';
import { validateSettings } from '../../settings';
import { FLOW_RECENT_ORDERS_QUERY, type OrderNode } from '../../shopify/documents';
import { asResult } from '../../shopify/errors';
import { toOrderFacts } from '../../shopify/order-facts';
import type { StoreRef } from '../../store-ref';
import { clientFor } from '../api';
import { getFlowSetup, setFlowSetup } from '../flow-storage';
import { getStoreSettings } from '../settings-storage';


/** Orders read per check: the newest since the workflow was turned on (one request, ~800 points at most). */
export const FLOW_CHECK_ORDERS = 50;
/**
 * Read from a little before the merchant's "it is on": their computer's clock and Shopify's differ, and
 * the test order they placed while setting up should count as the workflow's first fix. Whether an
 * order arrived unfixed is still judged from the exact time (lib/flow/health.ts).
 */
export const FLOW_CHECK_MARGIN_MS = 60 * 60_000;

export async function flowStatus({ store }: { store: StoreRef }, now: () => Date = () => new Date()): Promise<Result<FlowStatusView>> {
  return asResult(async () => {
    const settings = await getStoreSettings(store.handle);
    const setup = await getFlowSetup(store.handle);
    const view: FlowStatusView = { setup, drift: setup ? flowDrift(setup, settings) : null, health: null, healthError: null, settingsValid: validateSettings(settings).length === 0 };
    if (!setup) return view;
    const read = await asResult(async () => {
      const client = await clientFor(store);
      const data = await client.request<{ orders: { nodes: (OrderNode & { flowVersion?: { value: string } | null })[] } }>(FLOW_RECENT_ORDERS_QUERY, {
        first: FLOW_CHECK_ORDERS,
        query: `created_at:>=${new Date(Date.parse(setup.confirmedAt) - FLOW_CHECK_MARGIN_MS).toISOString().slice(0, 19)}Z`,
      });
      return (data?.orders.nodes ?? []).map((node): FlowOrder => ({ facts: toOrderFacts(node), createdAt: node.createdAt, flowVersion: node.flowVersion?.value ?? null }));
    });
    if (read.ok) view.health = flowHealth(read.value, settings, setup, flowVersion(settings), now());
    else view.healthError = read.error;
    return view;
  });
}

/** `on`: the merchant turned the workflow on (or updated it) with today's settings; otherwise forget it. */
export async function flowConfirm({ store, on }: { store: StoreRef; on: boolean }, now: () => Date = () => new Date()): Promise<Result<FlowSetup | null>> {
  return asResult(async () => {
    const setup = on ? flowSetupFor(await getStoreSettings(store.handle), now()) : null;
    await setFlowSetup(store.handle, setup);
    return setup;
  }).then((result) => (result.ok ? ok(result.value) : result));
}

export function registerFlowHandlers(): void {
  onMessage('flowStatus', 'extension', (data) => flowStatus(data));
  onMessage('flowConfirm', 'extension', (data) => flowConfirm(data));
}
