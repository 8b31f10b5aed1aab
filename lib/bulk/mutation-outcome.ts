/**
 * How an order of a bulk-mutation round ends up in the job and the audit log (`finished`), and the
 * re-check right before a round's file is built (`recheckBeforeUpload`). Split from ./mutation-path.ts,
 * which drives the round's stages.
 */
import type { AuditEntry } from '../audit';
import type { AppError } from '../result';
import type { BulkApi, BulkJob, Classifier, JobItem, RecheckedOrder } from './types';
import type { JobStore } from './job-store';

/** nodes(ids:) takes at most 250 ids. */
export const RECHECK_BATCH = 250;

export function same(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

/** The item in its final state and the audit entry that says so. */
export function finished(job: BulkJob, item: JobItem, status: 'done' | 'failed', now: string | null, at: string, error?: AppError, recovered = false): { item: JobItem; entry: AuditEntry } {
  const changed = status === 'done';
  const next: JobItem = {
    ...item,
    status,
    bulkLine: undefined,
    ...(error ? { error } : { error: undefined }),
    result: { before: item.email, after: now, changed, ...(recovered ? { recovered } : {}), at },
  };
  const batchId = job.kind === 'undo' ? (job.undoOf ?? job.id) : job.id;
  const entry: AuditEntry = {
    id: `${job.id}:${item.orderId}:${job.mutation?.round ?? 1}`,
    kind: job.kind === 'undo' ? 'undo' : 'fix',
    store: job.store,
    orderId: item.orderId,
    orderName: item.name,
    marketplace: item.marketplace,
    before: item.email,
    after: now,
    strategy: job.kind === 'undo' ? { kind: 'restore' } : item.strategy,
    at,
    batchId,
    status: status === 'done' ? 'done' : 'failed',
    ...(error ? { error: { code: error.code, message: error.message } } : {}),
    updatedAt: at,
  };
  return { item: next, entry };
}

export interface RecheckContext {
  api: Pick<BulkApi, 'recheck' | 'readOrder' | 'updatedSince'>;
  store: JobStore;
  /** The store's classifier (fix jobs): an order changed since the scan is judged as it is now. */
  classify?: Classifier | null;
  alive(): boolean;
  now(): number;
  recordAudit(entries: AuditEntry[]): Promise<void>;
  settle(item: JobItem): void;
}

type Verdict = { item: JobItem; entry: AuditEntry | null; keep: boolean };

/**
 * The round's orders (`applying`, not sent yet) re-read just before the file is built, 250 per `nodes`
 * request (~1 point each): the scan may be hours old, and the merchant or a connector may have changed
 * an address since. Fix jobs read only the orders Shopify lists as updated since the scan began
 * (`changedSinceScan`): on a 100,000-order store that is a few requests instead of hundreds of points
 * a second for minutes. A line is never built from what the scan saw when the order says otherwise:
 * - unchanged → its line, with the original as the order holds it now (a first original is never overwritten);
 * - changed, still a relay address (a connector's re-sync) → judged again, its line carries the new address;
 * - changed to anything else (fixed by hand, neutralised) → left alone: done, not changed ("fixed since the scan");
 * - gone → failed, said so.
 * Undo rounds: an order edited since the batch is left as it is. Answers how many lines the file holds.
 */
export async function recheckBeforeUpload(ctx: RecheckContext, job: BulkJob): Promise<number | 'stopped' | AppError> {
  if (!ctx.api.recheck) return ctx.store.countWithStatus(job.id, 'applying');
  const changedIds = await changedSinceScan(ctx, job);
  let lines = 0;
  let fromSeq = -Infinity;
  for (;;) {
    if (!ctx.alive()) return 'stopped';
    const { items } = await ctx.store.queryItems(job.id, { filter: (i) => i.status === 'applying', fromSeq, limit: RECHECK_BATCH, count: false });
    if (!items.length) return lines;
    fromSeq = items[items.length - 1]!.seq + 1;
    // Orders Shopify has not updated since the scan are as the scan saw them: not read again.
    const toRead = changedIds ? items.filter((i) => changedIds.has(i.orderId)) : items;
    const seen = toRead.length ? await ctx.api.recheck(toRead.map((i) => i.orderId)) : { ok: true as const, value: new Map<string, RecheckedOrder | null>() };
    if (!seen.ok) return seen.error;
    const at = new Date(ctx.now()).toISOString();
    const verdicts: Verdict[] = [];
    for (const item of items) {
      if (changedIds && !changedIds.has(item.orderId)) {
        verdicts.push({ item, entry: null, keep: true });
        continue;
      }
      const verdict = await judge(ctx, job, item, seen.value.get(item.orderId) ?? null, at);
      if (typeof verdict === 'object' && 'code' in verdict) return verdict;
      verdicts.push(verdict);
    }
    if (!ctx.alive()) return 'stopped';
    const entries = verdicts.map((v) => v.entry).filter((e): e is AuditEntry => e !== null);
    if (entries.length) await ctx.recordAudit(entries);
    const changed: JobItem[] = [];
    verdicts.forEach((v, i) => {
      if (v.keep) lines++;
      else ctx.settle(v.item);
      if (v.item !== items[i]) changed.push(v.item);
    });
    // Written only when something differs: a 100,000-order round rewrites no item for nothing.
    if (changed.length) {
      job.updatedAt = at;
      await ctx.store.putItemsWithJob(job, changed);
    }
    if (items.length < RECHECK_BATCH) return lines;
  }
}

/**
 * The scan's start is taken from Shopify's clock (./scan.ts), but its order search is an index that can
 * lag a write, and the mark itself was read through it; clocks also differ between Shopify's servers.
 * The cutoff goes back this far so an edit made around the scan's start is listed (re-read) rather than
 * missed: a few extra orders re-read cost a point each; a missed one would be overwritten blindly.
 */
export const RECHECK_SKEW_MS = 10 * 60_000;

/**
 * The round's orders that may differ from the scan: those Shopify updated since the scan began (minus
 * the margin). null = re-read them all: an undo (the batch's own writes updated every one of its orders,
 * and an edit made after a write but before the batch ended would not be told apart from it), a job
 * stored before the scan's start was recorded, a port that cannot list, or more updated orders than the
 * round holds (listing them would cost more than reading the round), or a listing that failed.
 */
async function changedSinceScan(ctx: RecheckContext, job: BulkJob): Promise<Set<string> | null> {
  const started = job.scan.startedAt ? Date.parse(job.scan.startedAt) : NaN;
  if (job.kind !== 'fix' || !ctx.api.updatedSince || Number.isNaN(started)) return null;
  const round = await ctx.store.countWithStatus(job.id, 'applying');
  // Shopify's search takes whole seconds.
  const since = new Date(Math.floor((started - RECHECK_SKEW_MS) / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const listed = await ctx.api.updatedSince(since, round);
  // A listing that failed costs nothing but the saving: the full re-read decides (and meets any store-wide error itself).
  return listed.ok ? listed.value : null;
}

async function judge(ctx: RecheckContext, job: BulkJob, item: JobItem, now: RecheckedOrder | null, at: string): Promise<Verdict | AppError> {
  if (!now) {
    const gone: AppError = { code: 'order_not_found', message: 'This order no longer exists (deleted or not visible to the app).', params: { order: item.orderId } };
    return { ...finished(job, item, 'failed', item.email, at, gone), keep: false };
  }
  if (same(now.email, item.email)) {
    if (job.kind === 'undo' || (now.originalEmail ?? null) === (item.originalEmail ?? null)) return { item, entry: null, keep: true };
    return { item: { ...item, originalEmail: now.originalEmail }, entry: null, keep: true };
  }
  const leftAlone = (email: string | null): Verdict => ({
    item: { ...item, status: 'done', bulkLine: undefined, error: undefined, result: { before: email, after: email, changed: false, skipped: 'fixed_since_scan', at } },
    entry: null,
    keep: false,
  });
  if (job.kind === 'undo' || !ctx.classify) {
    // Already back (an earlier attempt, or by hand): done; otherwise edited since the batch: left as it is.
    if (job.kind === 'undo' && same(now.email, item.proposed)) return { ...finished(job, item, 'done', now.email, at, undefined, true), keep: false };
    return leftAlone(now.email);
  }
  // Changed since the scan: judged on its full facts, as the order page would.
  const facts = await ctx.api.readOrder(item.orderId);
  if (!facts.ok) return facts.error.code === 'order_not_found' ? judge(ctx, job, item, null, at) : facts.error;
  const c = ctx.classify(facts.value);
  if (c.cls === 'relay' && c.strategy && c.strategy.kind !== 'keep' && c.proposed !== null && !c.error) {
    const email = facts.value.email;
    return { item: { ...item, email, proposed: c.proposed, strategy: c.strategy, originalEmail: facts.value.originalEmail, fixedBy: facts.value.fixedBy ?? null }, entry: null, keep: true };
  }
  if (c.cls === 'relay' && c.error) {
    return { ...finished(job, { ...item, email: facts.value.email }, 'failed', facts.value.email, at, c.error), keep: false };
  }
  // Our own change found in place (an earlier run whose record was lost): done, recovered.
  if (same(facts.value.email, item.proposed) && same(facts.value.originalEmail, item.email) && item.email) {
    return { ...finished(job, item, 'done', facts.value.email, at, undefined, true), keep: false };
  }
  return leftAlone(facts.value.email);
}
