/**
 * Undo as a job of its own: the orders a batch changed (or single orders from the audit view) become
 * an `undo` job whose items go from what the batch wrote back to what it found. The runner then
 * applies it like any job, resumable and exactly once (./runner.ts).
 */
import type { BulkJob, JobItem, MarketplaceCount } from './types';

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

/** The undo job for `source` (a batch's changed items, or `itemsFromAudit`), queued and ready to run. */
export function undoJob(handle: string, undoOf: string | null, source: JobItem[], id: string, at: string): { job: BulkJob; items: JobItem[] } {
  const byMarketplace: Record<string, MarketplaceCount> = {};
  for (const i of source) (byMarketplace[i.marketplace] ??= { marketplace: i.marketplace, label: i.label, relay: 0, neutralised: 0 }).relay++;
  const job: BulkJob = {
    id,
    store: handle,
    kind: 'undo',
    undoOf,
    status: source.length ? 'running' : 'done',
    createdAt: at,
    updatedAt: at,
    scan: { path: 'audit', cursor: null, bulkOperationId: null, linesDone: 0, scanned: source.length, ordinary: 0, byMarketplace, finishedAt: at },
    options: { filters: {}, dryRun: false, customer: false },
    progress: { total: source.length, done: 0, changed: 0, failed: 0, remaining: source.length },
    stats: { activeMs: 0, processed: 0 },
  };
  const items = source.map((i, seq): JobItem => ({
    ...i,
    jobId: id,
    seq,
    // Undo goes from what the batch wrote back to what it found.
    email: i.result?.after ?? i.email,
    proposed: i.result ? i.result.before : i.proposed,
    status: 'queued',
    attempts: 0,
    bulkLine: undefined,
    result: undefined,
    error: undefined,
  }));
  return { job, items };
}
