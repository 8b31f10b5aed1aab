/**
 * Reads every order of a store once and stores the marketplace ones as job items, with counts per
 * marketplace and state. Small stores page through `orders` newest first; large ones run a bulk
 * operation and stream its JSONL (a bulk operation costs a few points instead of ~1 point per order,
 * and is not throttled). Progress (page cursor, or JSONL lines done) is written in the same transaction
 * as the items, so an interrupted scan resumes without storing an order twice or missing one.
 */
import type { AppError, Result } from '../result';
import type { JobStore } from './job-store';
import { parseOrderNode } from './queries';
import { undoneByMerchant } from '../order-facts';
import type { BulkApi, BulkJob, Classifier, JobItem, ScannedOrder } from './types';

export interface ScanContext {
  api: BulkApi;
  store: JobStore;
  classify: Classifier;
  /** False once the engine was stopped (worker killed / disposed): no more writes. */
  alive(): boolean;
  sleep(ms: number): Promise<void>;
  now(): number;
  pageSize: number;
  /** Above this many orders, scan with a bulk operation. */
  bulkThreshold: number;
  pollMs: number;
  /** Items stored per transaction on the bulk path. */
  batchSize: number;
}

/** Internal: the bulk export completed but not one line of its file could be read. */
const EXPORT_UNREADABLE = 'bulk_export_unreadable';

export async function runScan(ctx: ScanContext, job: BulkJob): Promise<Result<BulkJob>> {
  if (!job.scan.finishedAt && job.scan.cursor === null && job.scan.bulkOperationId === null && job.scan.scanned === 0) {
    const counted = await ctx.api.countOrders();
    if (!counted.ok) return counted;
    job.scan.startedAt = await scanStartMark(ctx);
    job.scan.path = counted.value.count > ctx.bulkThreshold || !counted.value.exact ? 'bulk' : 'paging';
  }
  let done = job.scan.path === 'bulk' ? await scanBulk(ctx, job) : await scanPages(ctx, job);
  if (!done.ok && done.error.code === EXPORT_UNREADABLE && job.scan.linesDone === 0) {
    // The export finished but its file could not be fetched at all (a browser may refuse the
    // storage host, or it may be down): page through the orders instead, which only costs points.
    // Nothing of the export was counted yet, so the paging scan starts from a clean slate.
    job.scan.path = 'paging';
    await ctx.store.putJob(job);
    done = await scanPages(ctx, job);
  }
  if (!done.ok) return done;
  if (!ctx.alive()) return { ok: false, error: stopped() };
  job.scan.finishedAt = new Date(ctx.now()).toISOString();
  job.status = 'scanned';
  job.updatedAt = job.scan.finishedAt;
  await ctx.store.putJob(job);
  return { ok: true, value: job };
}

/**
 * The scan's start as Shopify sees it: the store's latest order update, or the browser's time if that
 * is earlier. Its own clock is the one Shopify's `updated_at` search compares with, so a browser whose
 * clock runs ahead cannot hide an edit from the re-check before a bulk-mutation round. Not read: none
 * (that re-check then reads every order).
 */
async function scanStartMark(ctx: ScanContext): Promise<string | null> {
  if (!ctx.api.newestUpdate) return null;
  const newest = await ctx.api.newestUpdate();
  if (!newest.ok || !newest.value) return null;
  const at = Math.min(Date.parse(newest.value), ctx.now());
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

async function scanPages(ctx: ScanContext, job: BulkJob): Promise<Result<void>> {
  for (;;) {
    if (!ctx.alive()) return { ok: false, error: stopped() };
    const page = await ctx.api.listOrders({ first: ctx.pageSize, after: job.scan.cursor });
    if (!page.ok) return page;
    const items = page.value.orders.map((order) => addOrder(ctx, job, order)).filter((i): i is JobItem => i !== null);
    job.scan.cursor = page.value.endCursor;
    job.updatedAt = new Date(ctx.now()).toISOString();
    if (!ctx.alive()) return { ok: false, error: stopped() };
    await ctx.store.putItemsWithJob(job, items);
    if (!page.value.hasNextPage) return { ok: true, value: undefined };
  }
}

async function scanBulk(ctx: ScanContext, job: BulkJob): Promise<Result<void>> {
  if (!job.scan.bulkOperationId) {
    const started = await ctx.api.startBulkScan();
    if (!started.ok) return started;
    job.scan.bulkOperationId = started.value.id;
    if (!ctx.alive()) return { ok: false, error: stopped() };
    await ctx.store.putJob(job);
  }
  let url: string | null;
  for (;;) {
    if (!ctx.alive()) return { ok: false, error: stopped() };
    const state = await ctx.api.bulkScanStatus(job.scan.bulkOperationId);
    if (!state.ok) return state;
    const s = state.value;
    if (s.status === 'COMPLETED') {
      url = s.url;
      break;
    }
    if (s.status === 'FAILED' || s.status === 'CANCELED' || s.status === 'EXPIRED') {
      // A fresh scan starts a new operation; this one's partial data is not trusted.
      return { ok: false, error: { code: 'bulk_scan_failed', message: `Shopify's bulk export stopped (${s.errorCode ?? s.status}).`, params: { reason: s.errorCode ?? s.status } } };
    }
    await ctx.sleep(ctx.pollMs);
  }
  // A completed operation with no URL has no rows: the store has no orders.
  if (!url) return { ok: true, value: undefined };
  const skip = job.scan.linesDone;
  let line = 0;
  let batch: JobItem[] = [];
  let received = 0;
  try {
    for await (const text of ctx.api.readJsonl(url)) {
      received++;
      line++;
      if (line <= skip) continue;
      const order = parseOrderNode(safeJson(text));
      if (order) {
        const item = addOrder(ctx, job, order);
        if (item) batch.push(item);
      }
      job.scan.linesDone = line;
      if (line % ctx.batchSize === 0) {
        if (!ctx.alive()) return { ok: false, error: stopped() };
        await ctx.store.putItemsWithJob(job, batch);
        batch = [];
      }
    }
  } catch (error) {
    if (received === 0 && skip === 0) {
      return { ok: false, error: { code: EXPORT_UNREADABLE, message: `The export file could not be read (${String((error as Error)?.message ?? error)}).` } };
    }
    // Counts in memory are ahead of what is stored: reload them before anyone retries.
    return { ok: false, error: { code: 'bulk_download_failed', message: `The export download was interrupted (${String((error as Error)?.message ?? error)}).` } };
  }
  if (!ctx.alive()) return { ok: false, error: stopped() };
  job.updatedAt = new Date(ctx.now()).toISOString();
  await ctx.store.putItemsWithJob(job, batch);
  return { ok: true, value: undefined };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Counts the order and, when it is a marketplace order, returns the item to store. */
function addOrder(ctx: ScanContext, job: BulkJob, order: ScannedOrder): JobItem | null {
  const seq = job.scan.scanned++;
  const c = ctx.classify(order);
  if (c.cls === 'ordinary' || !c.marketplace) {
    job.scan.ordinary++;
    return null;
  }
  const count = (job.scan.byMarketplace[c.marketplace] ??= { marketplace: c.marketplace, label: c.label ?? c.marketplace, relay: 0, neutralised: 0 });
  count[c.cls]++;
  if (c.protectedBy === 'flow') count.byFlow = (count.byFlow ?? 0) + 1;
  return {
    jobId: job.id,
    orderId: order.id,
    seq,
    name: order.name,
    createdAt: order.createdAt,
    fulfilment: order.displayFulfillmentStatus,
    marketplace: c.marketplace,
    label: c.label ?? c.marketplace,
    cls: c.cls,
    email: order.email,
    proposed: c.proposed,
    strategy: c.strategy,
    customerId: order.customer?.id ?? null,
    customerEmail: order.customer?.email ?? null,
    sourceIdentifier: order.sourceIdentifier,
    originalEmail: order.originalEmail,
    ...(undoneByMerchant(order) ? { fixedBy: order.fixedBy } : {}),
    status: 'idle',
    attempts: 0,
    ...(c.error ? { refused: c.error } : {}),
    ...(c.protectedBy ? { protectedBy: c.protectedBy } : {}),
  };
}

export function stopped(): AppError {
  return { code: 'job_stopped', message: 'The job was stopped before it finished; it resumes on its own.' };
}
