/**
 * Where bulk jobs live: two object stores in the extension's IndexedDB database (`proxy-mail-guard`,
 * opened by openGuardDb() in lib/audit.ts, whose upgrade calls upgradeBulkStores). Every order's
 * step is written together with the job's counters in one transaction, so after a crash the counts
 * and the per-order states always agree — that is what makes resuming exact.
 *
 * Takes an open database instead of opening one, so lib/ stays free of browser globals and tests can
 * hand it a fake-indexeddb database.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { BulkJob, ItemStatus, JobItem } from './types';

export const JOBS = 'bulk_jobs';
export const ITEMS = 'bulk_items';
const UPDATE_PAGE = 2000;
const READ_PAGE = 500;

/** The bulk stores as idb sees them (the database also holds lib/audit.ts's stores). */
export interface BulkDbSchema extends DBSchema {
  [JOBS]: { key: string; value: BulkJob; indexes: { byStore: string } };
  [ITEMS]: {
    key: [string, string];
    value: JobItem;
    indexes: { byJobSeq: [string, number]; byJobStatus: [string, ItemStatus]; byOrder: string };
  };
}

/**
 * Creates the bulk stores if they are missing. Idempotent, so it can run from any version bump of
 * openGuardDb's upgrade without caring which version introduced them.
 */
export function upgradeBulkStores(db: IDBPDatabase<BulkDbSchema>): void {
  if (!db.objectStoreNames.contains(JOBS)) {
    const jobs = db.createObjectStore(JOBS, { keyPath: 'id' });
    jobs.createIndex('byStore', 'store');
  }
  if (!db.objectStoreNames.contains(ITEMS)) {
    const items = db.createObjectStore(ITEMS, { keyPath: ['jobId', 'orderId'] });
    items.createIndex('byJobSeq', ['jobId', 'seq']);
    items.createIndex('byJobStatus', ['jobId', 'status']);
    items.createIndex('byOrder', 'orderId');
  }
}

export interface ItemQuery {
  filter?: (item: JobItem) => boolean;
  offset?: number;
  limit?: number;
  /** Start at this scan position (inclusive): pages through a large job without re-reading it. */
  fromSeq?: number;
  /** Count every match (for "n of m"); false stops as soon as the page is full. */
  count?: boolean;
}

export class JobStore {
  constructor(private readonly db: IDBPDatabase<BulkDbSchema>) {}

  async getJob(id: string): Promise<BulkJob | undefined> {
    return this.db.get(JOBS, id);
  }

  async putJob(job: BulkJob): Promise<void> {
    await this.db.put(JOBS, job);
  }

  async listJobs(store?: string): Promise<BulkJob[]> {
    const all: BulkJob[] = store ? await this.db.getAllFromIndex(JOBS, 'byStore', store) : await this.db.getAll(JOBS);
    return all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  /** Items and the job's counters/cursor in one transaction: either both are stored or neither. */
  async putItemsWithJob(job: BulkJob, items: JobItem[]): Promise<void> {
    const tx = this.db.transaction([JOBS, ITEMS], 'readwrite');
    const itemStore = tx.objectStore(ITEMS);
    for (const item of items) void itemStore.put(item);
    void tx.objectStore(JOBS).put(job);
    await tx.done;
  }

  /** Items alone, one transaction (an undo job's pages before its record exists). */
  async putItems(items: JobItem[]): Promise<void> {
    const tx = this.db.transaction(ITEMS, 'readwrite');
    for (const item of items) void tx.store.put(item);
    await tx.done;
  }

  /** Several items of one job in one transaction (undefined where there is none), in the order asked. */
  async getItems(jobId: string, orderIds: string[]): Promise<Array<JobItem | undefined>> {
    const store = this.db.transaction(ITEMS).store;
    return Promise.all(orderIds.map((orderId) => store.get([jobId, orderId])));
  }

  async itemsWithStatus(jobId: string, status: ItemStatus, limit?: number): Promise<JobItem[]> {
    return this.db.getAllFromIndex(ITEMS, 'byJobStatus', [jobId, status], limit);
  }

  async countWithStatus(jobId: string, status: ItemStatus): Promise<number> {
    return this.db.countFromIndex(ITEMS, 'byJobStatus', [jobId, status]);
  }

  /** Items of a job in scan order (newest order first), filtered and paged with a cursor: memory stays flat. */
  async queryItems(jobId: string, q: ItemQuery = {}): Promise<{ items: JobItem[]; matched: number }> {
    const offset = q.offset ?? 0;
    const limit = q.limit ?? Number.POSITIVE_INFINITY;
    const items: JobItem[] = [];
    let matched = 0;
    const countAll = q.count ?? true;
    const index = this.db.transaction(ITEMS).store.index('byJobSeq');
    // Pages read with getAll, not a cursor: fake-indexeddb re-searches its index on every continue()
    // (a 100,000-order bulk-mutation run spent most of its CPU there), and a browser's getAll is one
    // round trip per page instead of one per item.
    for (let from = q.fromSeq ?? -Infinity; ; ) {
      const page = await index.getAll(IDBKeyRangeFor(jobId, from), READ_PAGE);
      for (const item of page) {
        if (q.filter && !q.filter(item)) continue;
        if (matched >= offset && items.length < limit) items.push(item);
        matched++;
        if (!countAll && items.length >= limit) return { items, matched };
      }
      if (page.length < READ_PAGE) return { items, matched };
      from = page[page.length - 1]!.seq + 1;
    }
  }

  /**
   * Rewrites every item the function changes (returns a new item) and the job, in one transaction.
   * Used to queue a run (filters), retry failed ones and mark a cancelled run.
   */
  async updateItems(job: BulkJob, change: (item: JobItem) => JobItem | null): Promise<number> {
    const tx = this.db.transaction([JOBS, ITEMS], 'readwrite');
    const items = tx.objectStore(ITEMS);
    const index = items.index('byJobSeq');
    let changed = 0;
    // Pages read with getAll and written with put, still one transaction: a cursor.update() per item
    // was quadratic in fake-indexeddb (10,000 items: 210 s against 1.4 s), and pages keep memory flat.
    for (let from = -Infinity; ; ) {
      const page = await index.getAll(IDBKeyRangeFor(job.id, from), UPDATE_PAGE);
      for (const item of page) {
        const next = change(item);
        if (next) {
          changed++;
          void items.put(next);
        }
      }
      if (page.length < UPDATE_PAGE) break;
      from = page[page.length - 1]!.seq + 1;
    }
    void tx.objectStore(JOBS).put(job);
    await tx.done;
    return changed;
  }

  /** Every item of one order across jobs (the audit view's batch column and single-order undo). */
  async itemsForOrder(orderId: string): Promise<JobItem[]> {
    return this.db.getAllFromIndex(ITEMS, 'byOrder', orderId);
  }

  async deleteJob(jobId: string): Promise<void> {
    const tx = this.db.transaction([JOBS, ITEMS], 'readwrite');
    let cursor = await tx.objectStore(ITEMS).index('byJobSeq').openCursor(IDBKeyRangeFor(jobId));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.objectStore(JOBS).delete(jobId);
    await tx.done;
  }
}

/**
 * All [jobId, seq] keys of one job. IDBKeyRange is a global of the IndexedDB implementation in use
 * (the browser's, or fake-indexeddb's in tests): reached through globalThis so this file needs no DOM types.
 */
function IDBKeyRangeFor(jobId: string, fromSeq = -Infinity): IDBKeyRange {
  const KeyRange = (globalThis as unknown as { IDBKeyRange: typeof IDBKeyRange }).IDBKeyRange;
  return KeyRange.bound([jobId, fromSeq], [jobId, Infinity]);
}
