/**
 * Building an undo job never holds a large batch in memory: the batch's changed items are read and the
 * undo's items written a page at a time, and the undo job itself is stored only after its last item
 * (a build cut short leaves no half-filled undo that could run).
 */
import { describe, expect, it } from 'vitest';
import { BulkEngine, type BulkJob, type JobItem } from '../../lib/bulk';
import { JobStore } from '../../lib/bulk/job-store';
import type { ItemQuery } from '../../lib/bulk/job-store';
import { MemoryBulkApi, openTestDb, testClassifier } from './bulk-fakes';

const N = 3000;

/** Records the largest page read or written, and the order of writes. */
class MeasuredStore extends JobStore {
  largestRead = 0;
  largestWrite = 0;
  writes: string[] = [];
  failOnPage: number | null = null;
  override async queryItems(jobId: string, q: ItemQuery = {}) {
    const r = await super.queryItems(jobId, q);
    this.largestRead = Math.max(this.largestRead, r.items.length);
    return r;
  }
  override async putItems(items: JobItem[]) {
    if (this.failOnPage !== null && this.writes.filter((w) => w === 'items').length === this.failOnPage) throw new Error('QuotaExceededError');
    this.largestWrite = Math.max(this.largestWrite, items.length);
    this.writes.push('items');
    return super.putItems(items);
  }
  override async putItemsWithJob(job: BulkJob, items: JobItem[]) {
    this.largestWrite = Math.max(this.largestWrite, items.length);
    this.writes.push(`job ${job.kind}`);
    return super.putItemsWithJob(job, items);
  }
  override async putJob(job: BulkJob) {
    this.writes.push(`job ${job.kind}`);
    return super.putJob(job);
  }
}

async function batchOf(store: JobStore): Promise<BulkJob> {
  const at = '2026-11-29T10:00:00.000Z';
  const job: BulkJob = {
    id: 'batch-1', store: 'demo-store', kind: 'fix', status: 'done', createdAt: at, updatedAt: at,
    scan: { path: 'bulk', cursor: null, bulkOperationId: null, linesDone: 0, scanned: N, ordinary: 0, byMarketplace: {}, finishedAt: at },
    options: { filters: {}, dryRun: false, customer: false, path: 'bulk-mutation' },
    progress: { total: N, done: N, changed: N - N / 5, failed: 0, remaining: 0 }, stats: { activeMs: 0, processed: N },
  };
  const items = Array.from({ length: N }, (_, seq): JobItem => ({
    jobId: job.id, orderId: String(6_000_000 + seq), seq, name: `#${seq}`, createdAt: at, fulfilment: null, marketplace: 'amazon', label: 'Amazon', cls: 'relay',
    email: `b${seq}@marketplace.amazon.com`, proposed: `blacklisted-b${seq}@marketplace.amazon.com`, strategy: { kind: 'prefix' }, customerId: null, customerEmail: null,
    status: 'done', attempts: 1,
    // Every fifth order was left alone (fixed by hand since the scan): nothing to undo there.
    result: seq % 5 === 4 ? { before: null, after: null, changed: false, skipped: 'fixed_since_scan', at } : { before: `b${seq}@marketplace.amazon.com`, after: `blacklisted-b${seq}@marketplace.amazon.com`, changed: true, at },
  }));
  await store.putItemsWithJob(job, items);
  return job;
}

function engineOver(store: JobStore) {
  return new BulkEngine({ store, apiFor: () => new MemoryBulkApi([]), classifierFor: () => testClassifier(), sleep: () => Promise.resolve(), pollMs: 0 });
}

describe('undo job of a large batch', () => {
  it('reads and writes a page at a time, and stores the job after its last item', async () => {
    const { db } = await openTestDb();
    const store = new MeasuredStore(db as never);
    await batchOf(store);
    store.largestRead = store.largestWrite = 0;
    store.writes = [];
    const e = engineOver(store);
    const undo = await e.undoBatch('batch-1');
    e.kill();
    if (!undo.ok) throw new Error(undo.error.message);
    expect(store.largestRead).toBeLessThanOrEqual(2000);
    expect(store.largestWrite).toBeLessThanOrEqual(2000);
    expect(store.writes.at(-1)).toBe('job undo');
    expect(store.writes.filter((w) => w === 'job undo')).toHaveLength(1);
    expect(undo.value).toMatchObject({ kind: 'undo', undoOf: 'batch-1', status: 'running', options: { path: 'bulk-mutation' }, progress: { total: N - N / 5, remaining: N - N / 5 } });
    const { items, matched } = await store.queryItems(undo.value.id);
    expect(matched).toBe(N - N / 5);
    expect(items.map((i) => i.seq)).toEqual(items.map((_, i) => i));
    expect(items[0]).toMatchObject({ status: 'queued', attempts: 0, email: 'blacklisted-b0@marketplace.amazon.com', proposed: 'b0@marketplace.amazon.com' });
    expect(items.some((i) => i.orderId === String(6_000_000 + 4))).toBe(false);
  });

  it('a build cut short leaves no undo job behind (nothing that could run half an undo)', async () => {
    const { db } = await openTestDb();
    const store = new MeasuredStore(db as never);
    await batchOf(store);
    store.failOnPage = 1;
    const e = engineOver(store);
    await expect(e.undoBatch('batch-1')).rejects.toThrow('QuotaExceededError');
    e.kill();
    expect((await store.listJobs()).map((j) => j.kind)).toEqual(['fix']);
  });
});
