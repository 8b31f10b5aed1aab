/**
 * The popup's and dashboard's Shopify Flow calls: record that the workflow is on (or off), and
 * report whether it works — the newest orders since it was turned on, judged by lib/flow/health.ts.
 * A check is listed cheaply, reads in full only the orders the listing cannot judge, and is shown
 * again for a few minutes (FLOW_HEALTH_FRESH_MS) rather than re-read on every open: ~450 points per
 * open before, 0 to ~160 now (README, Shopify Flow).
 */
import { flowVersion } from '../../flow';
import { flowHealth, healthBasis, newestFlowFix, ordersToReadInFull, reusableHealth, type FlowOrder, type FlowStatusView } from '../../flow/health';
import { flowDrift, flowSetupFor, type FlowSetup } from '../../flow/setup';
import { onMessage } from '../../messaging';
import { ok, type Result } from '../../result';
import { validateSettings, type StoreSettings } from '../../settings';
import type { AdminClient } from '../../shopify/client';
import { FLOW_ORDER_DETAILS_QUERY, FLOW_RECENT_ORDERS_QUERY, type OrderNode } from '../../shopify/documents';
import { asResult } from '../../shopify/errors';
import { toOrderFacts } from '../../shopify/order-facts';
import type { StoreRef } from '../../store-ref';
import { clientFor } from '../api';
import { getFlowSetup, getStoredFlowHealth, setFlowSetup, setStoredFlowHealth } from '../flow-storage';
import { getStoreSettings } from '../settings-storage';

/** Orders read per check: the newest since the workflow was turned on (one listing of ≤ 152 points). */
export const FLOW_CHECK_ORDERS = 50;
/**
 * Read from a little before the merchant's "it is on": their computer's clock and Shopify's differ, and
 * the test order they placed while setting up should count as the workflow's first fix. Whether an
 * order arrived unfixed is still judged from the exact time (lib/flow/health.ts).
 */
export const FLOW_CHECK_MARGIN_MS = 60 * 60_000;

type ListedNode = Pick<OrderNode, 'id' | 'name' | 'createdAt' | 'email' | 'sourceName' | 'sourceIdentifier' | 'tags' | 'originalEmail' | 'fixedBy'>;
type DetailNode = Pick<OrderNode, 'id' | 'app' | 'channelInformation'> & { flowVersion: { value: string } | null };

/**
 * The newest orders since setup: all listed cheaply, then, in one more request, the details of the
 * orders the listing cannot judge and the code version of the newest fix.
 */
async function readRecentOrders(client: AdminClient, settings: StoreSettings, setup: FlowSetup, now: Date): Promise<FlowOrder[]> {
  const data = await client.request<{ orders: { nodes: ListedNode[] } }>(FLOW_RECENT_ORDERS_QUERY, {
    first: FLOW_CHECK_ORDERS,
    query: `created_at:>=${new Date(Date.parse(setup.confirmedAt) - FLOW_CHECK_MARGIN_MS).toISOString().slice(0, 19)}Z`,
  });
  const nodes = data?.orders.nodes ?? [];
  const listed = nodes.map((node): FlowOrder => ({ facts: toOrderFacts(node), createdAt: node.createdAt, flowVersion: null }));
  const wanted = new Set([...ordersToReadInFull(listed, settings, setup, now), newestFlowFix(listed)]);
  const toRead = nodes.filter((_, i) => wanted.has(listed[i]!));
  if (toRead.length === 0) return listed;
  const details = await client.request<{ nodes: (DetailNode | Record<string, never> | null)[] }>(FLOW_ORDER_DETAILS_QUERY, { ids: toRead.map((n) => n.id) });
  const detailOf = new Map((details?.nodes ?? []).flatMap((n) => (n && 'id' in n ? [[n.id, n] as const] : [])));
  return nodes.map((node, i): FlowOrder => {
    const detail = detailOf.get(node.id);
    return detail ? { facts: toOrderFacts({ ...node, ...detail }), createdAt: node.createdAt, flowVersion: detail.flowVersion?.value ?? null } : listed[i]!;
  });
}

export async function flowStatus({ store }: { store: StoreRef }, now: () => Date = () => new Date()): Promise<Result<FlowStatusView>> {
  return asResult(async () => {
    const settings = await getStoreSettings(store.handle);
    const setup = await getFlowSetup(store.handle);
    const view: FlowStatusView = { setup, drift: setup ? flowDrift(setup, settings) : null, health: null, healthError: null, settingsValid: validateSettings(settings).length === 0 };
    if (!setup) return view;
    const read = await asResult(async () => {
      const client = await clientFor(store); // not connected: said before any earlier check is shown
      const basis = healthBasis(setup, settings);
      const at = now();
      const earlier = reusableHealth(await getStoredFlowHealth(store.handle), basis, at);
      if (earlier) return earlier;
      const health = flowHealth(await readRecentOrders(client, settings, setup, at), settings, setup, flowVersion(settings), at);
      await setStoredFlowHealth(store.handle, { basis, health });
      return health;
    });
    if (read.ok) view.health = read.value;
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
