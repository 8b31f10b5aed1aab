/**
 * Undo as a job of its own: the orders a batch changed (or single orders from the audit view) become
 * an `undo` job whose items go from what the batch wrote back to what it found. The runner then
 * applies it like any job, resumable and exactly once (./runner.ts).
 */
import type { ApplyPath, BulkJob, JobItem, MarketplaceCount } from './types';

/** One order to put back, as the audit view knows it. */
export interface UndoOrder {
  orderId: string;
  name: string;
  marketplace: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** Audit entries as job items (the shape a batch's own items have), ready for `undoJob`. */
export function itemsFromAudit(orders: UndoOrder[]): JobItem[] {
  return orders.map((o, seq): JobItem => ({
    jobId: '',
    orderId: o.orderId,
    seq,
    name: o.name,
    createdAt: '',
    fulfilment: null,
    marketplace: o.marketplace,
    label: o.label,
    cls: 'relay',
    email: o.after,
    proposed: o.before,
    strategy: null,
    customerId: null,
    customerEmail: null,
    status: 'idle',
    attempts: 0,
  }));
}

/**
 * Builds an undo job from pages of source items (a batch's changed items read a page at a time, or
 * `itemsFromAudit`): each page is stored as soon as it is made, so a 100,000-order batch never sits in
 * memory whole. The job record is written last, once every item is stored — a build cut short leaves
 * only items no job points to, never a half-filled undo that could run.
 */
export async function buildUndoJob(
  sink: { putItems(items: JobItem[]): Promise<void>; putJob(job: BulkJob): Promise<void> },
  pages: AsyncIterable<JobItem[]> | Iterable<JobItem[]>,
  job: { handle: string; undoOf: string | null; id: string; at: string; path?: ApplyPath },
): Promise<BulkJob> {
  const byMarketplace: Record<string, MarketplaceCount> = {};
  let seq = 0;
  for await (const page of pages) {
    const items = page.map((i): JobItem => {
      (byMarketplace[i.marketplace] ??= { marketplace: i.marketplace, label: i.label, relay: 0, neutralised: 0 }).relay++;
      return {
        ...i,
        jobId: job.id,
        seq: seq++,
        // Undo goes from what the batch wrote back to what it found. `after` is null for a stripped
        // email: that null is what the order holds now, not a missing value.
        email: i.result ? i.result.after : i.email,
        proposed: i.result ? i.result.before : i.proposed,
        status: 'queued',
        attempts: 0,
        bulkLine: undefined,
        result: undefined,
        error: undefined,
      };
    });
    if (items.length) await sink.putItems(items);
  }
  const record: BulkJob = {
    id: job.id,
    store: job.handle,
    kind: 'undo',
    undoOf: job.undoOf,
    status: seq ? 'running' : 'done',
    createdAt: job.at,
    updatedAt: job.at,
    scan: { path: 'audit', cursor: null, bulkOperationId: null, linesDone: 0, scanned: seq, ordinary: 0, byMarketplace, finishedAt: job.at },
    options: { filters: {}, dryRun: false, customer: false, ...(job.path ? { path: job.path } : {}) },
    progress: { total: seq, done: 0, changed: 0, failed: 0, remaining: seq },
    stats: { activeMs: 0, processed: 0 },
  };
  await sink.putJob(record);
  return record;
}
