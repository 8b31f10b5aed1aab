/**
 * Is the workflow working? From the store's recent orders: when it last fixed one, and whether
 * marketplace orders keep arriving that it should have fixed (the workflow off, broken, or never
 * saved in Flow). Pure: the background reads the orders, this decides.
 */
import { classifierFromSettings } from '../bulk/classify';
import { protectedByFlow, type OrderFacts } from '../order-facts';
import type { StoreSettings } from '../settings';
import type { AppError } from '../result';
import type { FlowDrift, FlowSetup } from './setup';

export interface FlowOrder {
  facts: OrderFacts;
  createdAt: string; // ISO
  /** proxy_mail_guard.flow_version: the version of the code that fixed it. */
  flowVersion: string | null;
}

export interface FlowHealth {
  lastFixed: { order: string; at: string } | null;
  /** Orders the workflow should have fixed but did not, created after it was turned on. */
  unfixed: { count: number; latest: string | null };
  /** Warn: relay orders keep arriving unfixed although the merchant said the workflow is on. */
  warn: boolean;
  /** The newest fix was made by another version of the code than the one for today's settings. */
  oldVersionSeen: boolean;
  checked: number;
}

/** Flow runs seconds after an order is created; younger orders are not judged yet. */
export const FLOW_GRACE_MS = 2 * 60_000;
/** "Keep arriving": one unfixed order can be a fluke (a run retried by Flow); two are a pattern. */
export const FLOW_WARN_AFTER = 2;

export function flowHealth(orders: readonly FlowOrder[], settings: StoreSettings, setup: FlowSetup, currentVersion: string, now: Date): FlowHealth {
  const classify = classifierFromSettings(settings);
  const since = Date.parse(setup.confirmedAt);
  const judgedBefore = now.getTime() - FLOW_GRACE_MS;
  let lastFixed: FlowHealth['lastFixed'] = null;
  let newestVersion: string | null = null;
  let newestFixAt = -Infinity;
  let count = 0;
  let latest: { name: string; at: number } | null = null;
  for (const { facts, createdAt, flowVersion } of orders) {
    const created = Date.parse(createdAt);
    if (protectedByFlow(facts)) {
      const at = facts.fixedAt ? Date.parse(facts.fixedAt) : created;
      if (at > newestFixAt) {
        newestFixAt = at;
        newestVersion = flowVersion;
        lastFixed = { order: facts.name ?? facts.orderId, at: new Date(at).toISOString() };
      }
      continue;
    }
    if (!(created >= since && created <= judgedBefore)) continue;
    // Judge the order as it arrived: before anyone (the sweep, a merchant) changed it.
    const arrived = { ...facts, email: facts.originalEmail ?? facts.email, originalEmail: null };
    const c = classify(arrived);
    if (c.cls !== 'relay' || c.error || !c.strategy || c.strategy.kind === 'keep') continue;
    count++;
    if (!latest || created > latest.at) latest = { name: facts.name ?? facts.orderId, at: created };
  }
  return {
    lastFixed,
    unfixed: { count, latest: latest?.name ?? null },
    warn: count >= FLOW_WARN_AFTER,
    oldVersionSeen: newestVersion !== null && newestVersion !== currentVersion,
    checked: orders.length,
  };
}

/** What the popup and dashboard show about the workflow (lib/platform/handlers/flow.ts). */
export interface FlowStatusView {
  setup: FlowSetup | null;
  drift: FlowDrift | null;
  health: FlowHealth | null;
  /** Why there is no health (not connected, API error); null when there is one or no setup. */
  healthError: AppError | null;
  /** The store's settings pass validation (the workflow can be written from them). */
  settingsValid: boolean;
}
