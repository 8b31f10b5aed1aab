/**
 * Is the workflow working? From the store's recent orders: when it last fixed one, and whether
 * marketplace orders keep arriving that it should have fixed (the workflow off, broken, or never
 * saved in Flow). Pure: the background reads the orders, this decides — and says which orders the
 * cheap listing cannot judge alone, and when an earlier check can be shown again instead.
 */
import { classifierFromSettings, settledByScalars } from '../bulk/classify';
import { protectedByFlow, undoneByMerchant, type OrderFacts } from '../order-facts';
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
  /** When this check ran (ISO, the background's clock); a later status may show it again (`reusableHealth`). */
  checkedAt: string;
}

/** Flow runs seconds after an order is created; younger orders are not judged yet. */
export const FLOW_GRACE_MS = 2 * 60_000;
/** "Keep arriving": one unfixed order can be a fluke (a run retried by Flow); two are a pattern. */
export const FLOW_WARN_AFTER = 2;

/** Arrived while the workflow was on, and long enough ago that it has had its chance to run. */
function judged(createdAt: string, setup: FlowSetup, now: Date): boolean {
  const created = Date.parse(createdAt);
  return created >= Date.parse(setup.confirmedAt) && created <= now.getTime() - FLOW_GRACE_MS;
}

/** The order as it arrived: before anyone (the sweep, a merchant) changed it. */
const asArrived = (facts: OrderFacts): OrderFacts => ({ ...facts, email: facts.originalEmail ?? facts.email, originalEmail: null });

/** When the workflow fixed the order (its marker's time; the order's own for an old marker without one). */
const fixedAt = ({ facts, createdAt }: FlowOrder): number => Date.parse(facts.fixedAt || createdAt);

/** The workflow's newest fix among the orders, or null: the one "last fixed" names, and whose code version tells whether old code still runs. */
export function newestFlowFix(orders: readonly FlowOrder[]): FlowOrder | null {
  let newest: FlowOrder | null = null;
  for (const order of orders) {
    if (protectedByFlow(order.facts) && (!newest || fixedAt(order) > fixedAt(newest))) newest = order;
  }
  return newest;
}

export function flowHealth(orders: readonly FlowOrder[], settings: StoreSettings, setup: FlowSetup, currentVersion: string, now: Date): FlowHealth {
  const classify = classifierFromSettings(settings);
  const fix = newestFlowFix(orders);
  const lastFixed = fix ? { order: fix.facts.name ?? fix.facts.orderId, at: new Date(fixedAt(fix)).toISOString() } : null;
  const newestVersion = fix?.flowVersion ?? null;
  let count = 0;
  let latest: { name: string; at: number } | null = null;
  for (const { facts, createdAt } of orders) {
    // An order the merchant undid (fixed_by: undone, written over Flow's `flow`) was fixed, then put back by choice: no sign of a broken workflow.
    if (protectedByFlow(facts) || undoneByMerchant(facts) || !judged(createdAt, setup, now)) continue;
    const c = classify(asArrived(facts));
    if (c.cls !== 'relay' || c.error || !c.strategy || c.strategy.kind === 'keep') continue;
    count++;
    const created = Date.parse(createdAt);
    if (!latest || created > latest.at) latest = { name: facts.name ?? facts.orderId, at: created };
  }
  return {
    lastFixed,
    unfixed: { count, latest: latest?.name ?? null },
    warn: count >= FLOW_WARN_AFTER,
    oldVersionSeen: newestVersion !== null && newestVersion !== currentVersion,
    checked: orders.length,
    checkedAt: now.toISOString(),
  };
}

/**
 * The orders a listing of scalars and our fix markers cannot judge alone (their app and channel are
 * missing): not fixed by the workflow, judged (arrived while it was on, past the grace period), and
 * not proven ordinary by their scalars as they arrived (`settledByScalars`: then no app or channel
 * could make them relay orders). Everything else `flowHealth` decides from the listing, so where the
 * workflow works, the listing is the whole check.
 */
export function ordersToReadInFull(listed: readonly FlowOrder[], settings: StoreSettings, setup: FlowSetup, now: Date): FlowOrder[] {
  return listed.filter(({ facts, createdAt }) => !protectedByFlow(facts) && judged(createdAt, setup, now) && !settledByScalars(asArrived(facts), settings));
}

/**
 * A check is shown again for this long instead of reading orders on every popup or dashboard open
 * (the workflow fixes orders as they arrive; a few minutes late is still the same answer).
 */
export const FLOW_HEALTH_FRESH_MS = 5 * 60_000;

/** A stored check, with what it was made from. */
export interface StoredFlowHealth {
  /** `healthBasis`: a check made for another setup or other settings is not shown again. */
  basis: string;
  health: FlowHealth;
}

/** What a check depends on besides the orders: the setup (when it was turned on, which code) and the settings it is judged by. */
export function healthBasis(setup: FlowSetup, settings: StoreSettings): string {
  return JSON.stringify([setup.confirmedAt, setup.version, settings]);
}

/**
 * The stored check, when it can be shown as today's: same basis, younger than FLOW_HEALTH_FRESH_MS,
 * and it had seen a fix — a merchant who has just turned the workflow on and placed a test order
 * wants to see that order, not "nothing fixed yet" from two minutes ago.
 */
export function reusableHealth(stored: StoredFlowHealth | null, basis: string, now: Date): FlowHealth | null {
  if (!stored || stored.basis !== basis || !stored.health.lastFixed) return null;
  const age = now.getTime() - Date.parse(stored.health.checkedAt);
  return age >= 0 && age < FLOW_HEALTH_FRESH_MS ? stored.health : null;
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
