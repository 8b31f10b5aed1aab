/**
 * What one browser remembers about its sweep of one store (in this browser's local extension storage, never synced): where it is
 * in the store's stream of updated orders, what it last saw of each recent order, its counts and its
 * last problem. Pure functions; lib/platform/auto-protect.ts stores it.
 */
import type { AppError } from '../result';

export const SWEEP_STATE_VERSION = 1;
/** Recent orders remembered (their fingerprint after our last look): enough for hours of orders. */
export const MEMO_LIMIT = 4000;
/**
 * The cursor goes back this far behind the newest update seen: an update Shopify indexes a little
 * late is still found. Orders seen again cost one point each and are skipped by the memo.
 */
export const CURSOR_OVERLAP_MS = 30_000;

export type SweepPhase =
  /** Checking this store, all well. */
  | 'on'
  /** Another browser of the merchant holds the lease and protects the store. */
  | 'standby'
  /** Stopped until the merchant fixes something (token, scope, Shopify refusing changes). */
  | 'stopped'
  /** A check failed for a passing reason (network, Shopify busy); the next one tries again. */
  | 'retrying';

export interface SweepProblem extends AppError {
  at: string; // ISO, browser clock
  /** Order the problem is about, when it is about one order. */
  order?: string;
}

export interface SweepState {
  version: typeof SWEEP_STATE_VERSION;
  /** The switch-on (settings.autoProtectSince) this state belongs to: a new switch-on starts afresh. */
  since: string | null;
  /** Orders with ids up to this one existed before the switch-on: the bulk fix's job, not ours. */
  startId: string | null;
  /** Lower bound of `updated_at` for the next check (ISO, Shopify's clock); null before the first. */
  cursor: string | null;
  /** orderId → fingerprint of what we last saw (and left correct). */
  memo: Record<string, string>;
  /** Orders whose change failed for a passing reason: tried again at the next check (id → attempts). */
  retry: Record<string, number>;
  phase: SweepPhase;
  lastCheckAt: string | null;
  /** Browser-clock ISO of the last time an order was protected. */
  lastProtectedAt: string | null;
  protectedTotal: number;
  protectedToday: { day: string; count: number };
  /** Why the sweep is stopped / retrying (null when on). */
  problem: SweepProblem | null;
  /** The last problem met, kept after it is solved, so the popup can say what happened. */
  lastProblem: SweepProblem | null;
  /** Settings fingerprint when Shopify refused our changes: a settings change resumes at once. */
  refusedWith?: string;
  /** Who holds the lease, when another browser does. */
  standbyUntil?: number;
}

export function emptySweepState(): SweepState {
  return {
    version: SWEEP_STATE_VERSION,
    since: null,
    startId: null,
    cursor: null,
    memo: {},
    retry: {},
    phase: 'on',
    lastCheckAt: null,
    lastProtectedAt: null,
    protectedTotal: 0,
    protectedToday: { day: '', count: 0 },
    problem: null,
    lastProblem: null,
  };
}

/** Anything read back from storage → a usable state (damaged parts fall back to empty). */
export function readSweepState(value: unknown): SweepState {
  const base = emptySweepState();
  if (!value || typeof value !== 'object') return base;
  const v = value as Partial<SweepState>;
  if (v.version !== SWEEP_STATE_VERSION) return base;
  const str = (x: unknown) => (typeof x === 'string' ? x : null);
  const record = (x: unknown): Record<string, never> => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, never>) : {});
  return {
    ...base,
    since: str(v.since),
    startId: str(v.startId),
    cursor: str(v.cursor),
    memo: record(v.memo),
    retry: record(v.retry),
    phase: v.phase === 'standby' || v.phase === 'stopped' || v.phase === 'retrying' ? v.phase : 'on',
    lastCheckAt: str(v.lastCheckAt),
    lastProtectedAt: str(v.lastProtectedAt),
    protectedTotal: typeof v.protectedTotal === 'number' ? v.protectedTotal : 0,
    protectedToday: v.protectedToday && typeof v.protectedToday.day === 'string' ? { day: v.protectedToday.day, count: Number(v.protectedToday.count) || 0 } : base.protectedToday,
    problem: (v.problem as SweepProblem | null) ?? null,
    lastProblem: (v.lastProblem as SweepProblem | null) ?? null,
    ...(typeof v.refusedWith === 'string' ? { refusedWith: v.refusedWith } : {}),
    ...(typeof v.standbyUntil === 'number' ? { standbyUntil: v.standbyUntil } : {}),
  };
}

/**
 * What must not have changed for an order to be skipped without reading it again: the fields the
 * cheap listing returns that our verdict depends on. Provenance (channel, app) does not change after
 * an order is created, and our metafield only changes with the email.
 */
export function fingerprint(order: { email: string | null; tags: readonly string[]; sourceName: string | null; sourceIdentifier: string | null }): string {
  return JSON.stringify([(order.email ?? '').toLowerCase(), [...order.tags].sort(), order.sourceName ?? '', order.sourceIdentifier ?? '']);
}

export function remember(memo: Record<string, string>, orderId: string, print: string): void {
  memo[orderId] = print;
}

/** Past the limit the oldest orders are forgotten (smallest ids: Shopify's ids grow with time). Once per check. */
export function pruneMemo(memo: Record<string, string>): void {
  const keys = Object.keys(memo);
  if (keys.length <= MEMO_LIMIT) return;
  // Decimal ids without leading zeros: shorter is smaller, same length compares as text.
  keys.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys.slice(0, keys.length - MEMO_LIMIT)) delete memo[key];
}

/** Shopify's search takes whole seconds: the next cursor, going back by the overlap, never forwards past `hold`. */
export function nextCursor(previous: string | null, newestSeen: number | null, hold: number | null): string | null {
  if (newestSeen === null) return previous;
  let at = newestSeen - CURSOR_OVERLAP_MS;
  if (hold !== null) at = Math.min(at, hold);
  if (previous !== null) at = Math.max(at, Date.parse(previous));
  return new Date(Math.floor(at / 1000) * 1000).toISOString();
}

/** The search for one check: updated since the cursor, created after the switch-on. */
export function changedQuery(state: Pick<SweepState, 'cursor' | 'startId'>): string {
  const parts = [`id:>${state.startId ?? '0'}`];
  if (state.cursor) parts.push(`updated_at:>='${state.cursor}'`);
  return parts.join(' AND ');
}

export function countProtected(state: SweepState, now: Date, n: number): void {
  if (n <= 0) return;
  const day = now.toISOString().slice(0, 10);
  state.protectedToday = state.protectedToday.day === day ? { day, count: state.protectedToday.count + n } : { day, count: n };
  state.protectedTotal += n;
  state.lastProtectedAt = now.toISOString();
}

/** Today's count, 0 once the day has passed. */
export function protectedToday(state: SweepState, now: Date): number {
  return state.protectedToday.day === now.toISOString().slice(0, 10) ? state.protectedToday.count : 0;
}
