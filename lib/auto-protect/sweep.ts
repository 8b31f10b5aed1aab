/**
 * One check of one store by the automatic protection, as the background runs it every minute:
 *
 * 1. the lease (lease.ts): only one of the merchant's browsers changes orders at a time;
 * 2. the orders *updated* since the cursor and created after the switch-on, oldest update first, in a
 *    cheap listing (one point per order: scalars only) — so an order a connector re-syncs back to its
 *    relay address is seen again;
 * 3. orders whose listed fields differ from what we last saw are read (the classification fields the
 *    card's field list includes) and classified by the classifier the card, the list and the bulk job
 *    use (lib/bulk/classify.ts) — except those whose listed scalars already prove they are not relay
 *    orders (settledByScalars: same verdict, no read);
 * 4. relay orders get the store's fix through the card's change path (lib/shopify/email-change:
 *    original recorded first, exactly once), with the facts just read — except those the merchant
 *    undid (fixed_by: undone): their undo stands, while a connector's re-sync after our fix is caught.
 *
 * Pure: the store is reached through `SweepApi`, time through `now`, storage through `save`.
 */
import type { Classifier } from '../bulk/types';
import type { FixOutcome } from '../messages';
import { undoneByMerchant, type OrderFacts } from '../order-facts';
import type { AppError, Result } from '../result';
import type { Strategy } from '../rewrite';
import { leaseAction, mayWork, type Lease } from './lease';
import {
  changedQuery,
  countProtected,
  emptySweepState,
  fingerprint,
  nextCursor,
  pruneMemo,
  remember,
  type SweepProblem,
  type SweepState,
} from './state';

export interface ChangedOrder {
  id: string; // numeric
  updatedAt: string;
  email: string | null;
  tags: string[];
  sourceName: string | null;
  sourceIdentifier: string | null;
}

export interface ChangedPage {
  orders: ChangedOrder[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface SweepApi {
  readLease(): Promise<Result<{ lease: Lease | null; digest: string | null }>>;
  /** Compare-and-set: false when another browser wrote the lease first. */
  writeLease(lease: Lease, digest: string | null): Promise<Result<boolean>>;
  /** The newest order created before `beforeIso` ('0' when there is none). */
  startId(beforeIso: string): Promise<Result<string>>;
  listChanged(query: string, after: string | null): Promise<Result<ChangedPage>>;
  /** Full facts (the card's) by id; null for an order that is gone. */
  readFacts(ids: string[]): Promise<Result<Map<string, OrderFacts | null>>>;
  /** The card's change path, with the facts just read. */
  fix(facts: OrderFacts, strategy: Strategy): Promise<Result<FixOutcome>>;
  /** Closes audit entries an interrupted change left pending, from what the order shows now. */
  reconcile?(facts: OrderFacts): Promise<void>;
  /** True when an automatic change of this order is still pending in the change log (local, no request). */
  pendingChange?(orderId: string): Promise<boolean>;
}

export interface SweepContext {
  api: SweepApi;
  classify: Classifier;
  /**
   * True when the listing's scalars alone prove `classify` cannot call the order relay
   * (lib/bulk/classify.ts settledByScalars): it is remembered without the full read.
   */
  settled?: (order: ChangedOrder) => boolean;
  /** settings.autoProtectSince: when the merchant switched it on. */
  since: string;
  /** Changes whenever the store's settings change (a stop for "Shopify refuses" retries at once then). */
  settingsPrint: string;
  /** This browser's id in the lease. */
  owner: string;
  now: () => Date;
  save: (state: SweepState) => Promise<void>;
  /** Changes sent at once (they share the store's budget with the card: background priority). */
  concurrency?: number;
}

export interface SweepReport {
  phase: SweepState['phase'];
  listed: number;
  read: number;
  /** Orders listed as changed whose scalars settled them without a read. */
  settled: number;
  fixed: number;
  failed: number;
}

/** Credentials or access gone: nothing works until the merchant reconnects. */
export const STOP_CODES = new Set(['not_connected', 'token_invalid', 'token_expired', 'client_credentials_rejected', 'invalid_credentials', 'scope_missing', 'store_invalid']);
/** Shopify refuses the store's fix itself: every relay order would fail the same way until settings change. */
export const REFUSED_CODES = new Set(['strip_rejected_by_shopify']);
/** A stop for refused changes is retried at the latest after this long, even with the same settings. */
export const REFUSED_RETRY_MS = 60 * 60_000;
/** An order whose change keeps failing for passing reasons is left after this many checks (and said so). */
export const MAX_ATTEMPTS = 3;

class Stop extends Error {
  constructor(readonly problem: AppError, readonly kind: 'stopped' | 'retrying', readonly refused = false) {
    super(problem.message);
  }
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const { error } = result;
  throw new Stop(error, STOP_CODES.has(error.code) ? 'stopped' : 'retrying', false);
}

function problemOf(error: AppError, at: Date, order?: string): SweepProblem {
  return { code: error.code, message: error.message, ...(error.params ? { params: error.params } : {}), at: at.toISOString(), ...(order ? { order } : {}) };
}

/**
 * An order the merchant undid is remembered with its update time: its address alone cannot tell their
 * own fix and a connector's re-sync between two checks (relay → fixed → relay again) from no change.
 */
const undonePrint = (o: ChangedOrder): string => `${fingerprint(o)}@${o.updatedAt}`;

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

/** Runs one check; returns the new state (also saved along the way) and what it did. */
export async function runSweep(previous: SweepState, ctx: SweepContext): Promise<{ state: SweepState; report: SweepReport }> {
  const { api } = ctx;
  let state: SweepState = structuredClone(previous);
  const report: SweepReport = { phase: 'on', listed: 0, read: 0, settled: 0, fixed: 0, failed: 0 };
  if (state.since !== ctx.since) {
    // A new switch-on: start from it (counts stay; they are this browser's history).
    state = { ...emptySweepState(), since: ctx.since, protectedTotal: state.protectedTotal, protectedToday: state.protectedToday, lastProtectedAt: state.lastProtectedAt, lastProblem: state.lastProblem };
  }
  const started = ctx.now();
  if (state.phase === 'stopped' && state.refusedWith === ctx.settingsPrint && state.problem && started.getTime() - Date.parse(state.problem.at) < REFUSED_RETRY_MS) {
    report.phase = 'stopped';
    return { state, report };
  }

  try {
    // ── 1. lease
    const read = unwrap(await api.readLease());
    let lease = read.lease;
    const action = leaseAction(lease, ctx.owner, started.getTime());
    if (action.kind === 'standby') return await standby(state, ctx, report, action.until);
    if (action.kind === 'take') {
      if (!unwrap(await api.writeLease(action.lease, read.digest))) return await standby(state, ctx, report, action.lease.until);
      lease = action.lease;
    }

    // ── 2. where to start
    state.startId ??= unwrap(await api.startId(ctx.since));

    let after: string | null = null;
    let newest: number | null = null;
    let hold: number | null = null;
    const holdAt = (updatedAt: string) => {
      const t = Date.parse(updatedAt);
      hold = hold === null ? t : Math.min(hold, t);
    };
    const query = changedQuery(state);
    for (;;) {
      const page: ChangedPage = unwrap(await api.listChanged(query, after));
      report.listed += page.orders.length;
      const changed = page.orders.filter((o) => state.memo[o.id] !== fingerprint(o) && state.memo[o.id] !== undonePrint(o));
      const candidates: ChangedOrder[] = [];
      for (const o of changed) {
        // Proven not relay by its scalars, and no change of ours to reconcile on it: no read needed.
        if (ctx.settled?.(o) && !(state.retry[o.id] !== undefined || (await api.pendingChange?.(o.id)))) {
          remember(state.memo, o.id, fingerprint(o));
          report.settled++;
          continue;
        }
        candidates.push(o);
      }
      for (const o of page.orders) newest = Math.max(newest ?? 0, Date.parse(o.updatedAt));

      // ── 3. read and classify what changed
      const toFix: { facts: OrderFacts; strategy: Strategy; listed: ChangedOrder }[] = [];
      if (candidates.length > 0) {
        const facts = unwrap(await api.readFacts(candidates.map((o) => o.id)));
        report.read += candidates.length;
        for (const listed of candidates) {
          const f = facts.get(listed.id);
          if (!f) {
            remember(state.memo, listed.id, fingerprint(listed)); // deleted, or no longer visible
            continue;
          }
          // An earlier change interrupted before its answer left its audit entry pending: the order says now.
          if (api.reconcile) await api.reconcile(f);
          if (undoneByMerchant(f)) {
            // The merchant undid our fix (fixed_by: undone): their choice stands until they fix it themselves.
            remember(state.memo, listed.id, undonePrint(listed));
            delete state.retry[listed.id];
            continue;
          }
          const verdict = ctx.classify(f);
          if (verdict.cls === 'relay' && verdict.strategy && verdict.strategy.kind !== 'keep' && !verdict.error) {
            toFix.push({ facts: f, strategy: verdict.strategy, listed });
            continue;
          }
          if (verdict.cls === 'relay' && verdict.error) {
            state.lastProblem = problemOf(verdict.error, ctx.now(), f.name ?? f.orderId);
          }
          remember(state.memo, listed.id, fingerprint(f));
          delete state.retry[listed.id];
        }
      }

      // ── 4. fix, while the lease is ours
      if (toFix.length > 0) {
        if (!mayWork(lease, ctx.owner, ctx.now().getTime())) {
          // A long check (big page, slow store): renew before changing anything, or hand over.
          const again = unwrap(await api.readLease());
          const renew = leaseAction(again.lease, ctx.owner, ctx.now().getTime());
          const renewed = renew.kind === 'take' && unwrap(await api.writeLease(renew.lease, again.digest));
          if (!renewed && !(renew.kind === 'keep')) {
            for (const item of toFix) holdAt(item.listed.updatedAt);
            state.cursor = nextCursor(state.cursor, newest, hold);
            return await standby(state, ctx, report, renew.kind === 'standby' ? renew.until : ctx.now().getTime());
          }
          lease = renew.kind === 'take' ? renew.lease : again.lease;
        }
        const fixedBefore = report.fixed;
        const halt: { stop: Stop | null } = { stop: null };
        await pool(toFix, ctx.concurrency ?? 4, async ({ facts, strategy, listed }) => {
          if (halt.stop) {
            holdAt(listed.updatedAt);
            return;
          }
          const result = await api.fix(facts, strategy);
          if (result.ok) {
            if (result.value.changed) report.fixed++;
            remember(state.memo, listed.id, fingerprint(result.value.facts));
            delete state.retry[listed.id];
            return;
          }
          const { error } = result;
          if (STOP_CODES.has(error.code) || REFUSED_CODES.has(error.code)) {
            halt.stop ??= new Stop(error, 'stopped', REFUSED_CODES.has(error.code));
            holdAt(listed.updatedAt);
            return;
          }
          report.failed++;
          const attempts = (state.retry[listed.id] ?? 0) + 1;
          state.lastProblem = problemOf(error, ctx.now(), facts.name ?? facts.orderId);
          if (attempts >= MAX_ATTEMPTS || ['user_error', 'change_not_confirmed', 'order_not_found'].includes(error.code)) {
            // Shopify answered about this one order: leave it (the popup says so) until it changes again.
            delete state.retry[listed.id];
            remember(state.memo, listed.id, fingerprint(facts));
          } else {
            state.retry[listed.id] = attempts;
            holdAt(listed.updatedAt);
          }
        });
        countProtected(state, ctx.now(), report.fixed - fixedBefore);
        if (halt.stop) throw halt.stop;
      }
      await ctx.save(state);
      if (!page.hasNextPage || !page.endCursor) break;
      after = page.endCursor;
    }

    state.cursor = nextCursor(state.cursor, newest, hold);
    pruneMemo(state.memo);
    state.phase = 'on';
    state.problem = null;
    delete state.refusedWith;
    delete state.standbyUntil;
    state.lastCheckAt = ctx.now().toISOString();
    await ctx.save(state);
    report.phase = 'on';
    return { state, report };
  } catch (error) {
    const stop = error instanceof Stop ? error : new Stop({ code: 'internal_error', message: error instanceof Error ? error.message : String(error) }, 'retrying');
    state.phase = stop.kind;
    state.problem = problemOf(stop.problem, ctx.now());
    state.lastProblem = state.problem;
    if (stop.refused) state.refusedWith = ctx.settingsPrint;
    else delete state.refusedWith;
    state.lastCheckAt = ctx.now().toISOString();
    await ctx.save(state);
    report.phase = stop.kind;
    return { state, report };
  }
}

/**
 * The check could not even start (no credentials saved, no client): record it like any other
 * failure, so the popup, the badge and the card say why.
 */
export async function sweepUnavailable(previous: SweepState, error: AppError, ctx: Pick<SweepContext, 'since' | 'now' | 'save'>): Promise<SweepState> {
  const state: SweepState = previous.since === ctx.since ? structuredClone(previous) : { ...emptySweepState(), since: ctx.since, protectedTotal: previous.protectedTotal, protectedToday: previous.protectedToday };
  state.phase = STOP_CODES.has(error.code) ? 'stopped' : 'retrying';
  state.problem = problemOf(error, ctx.now());
  state.lastProblem = state.problem;
  state.lastCheckAt = ctx.now().toISOString();
  await ctx.save(state);
  return state;
}

async function standby(state: SweepState, ctx: SweepContext, report: SweepReport, until: number): Promise<{ state: SweepState; report: SweepReport }> {
  state.phase = 'standby';
  state.standbyUntil = until;
  state.problem = null;
  state.lastCheckAt = ctx.now().toISOString();
  await ctx.save(state);
  report.phase = 'standby';
  return { state, report };
}
