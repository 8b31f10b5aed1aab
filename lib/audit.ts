/**
 * The audit log: every change we make to an order's email, before and after, in IndexedDB
 * (database `proxy-mail-guard`). An entry is written *pending* before the change is sent, so a change can
 * never happen without a record; it is then marked done, failed or (after an undo) undone.
 *
 * This module owns the database open and its upgrades: other stores (BULK's `jobs`) are added here
 * with a version bump, so there is one `openGuardDb()`.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Strategy } from './rewrite';
import { upgradeBulkStores, type BulkDbSchema } from './bulk/job-store';

export type AuditStatus = 'pending' | 'done' | 'failed' | 'undone';
export type AuditKind = 'fix' | 'undo' | 'guard_override';

export interface AuditEntry {
  id: string;
  kind: AuditKind;
  /** Store handle. */
  store: string;
  /** Numeric order id, as in the admin URL. */
  orderId: string;
  orderName: string | null;
  marketplace: string | null;
  /** Order email before / after (null = no email). */
  before: string | null;
  after: string | null;
  strategy: Strategy | { kind: 'restore' } | null;
  /** ISO 8601 time the entry was created. */
  at: string;
  batchId?: string;
  status: AuditStatus;
  error?: { code: string; message: string };
  /** Done, but Shopify also answered a userError (e.g. about the metafield, saved afterwards). */
  warning?: { code: string; message: string; params?: Record<string, string> };
  /** For strip: how Shopify handled the empty email. */
  stripBehaviour?: 'cleared' | 'rejected';
  /** The customer record's email, when the setting "update the customer too" changed it. */
  customer?: { id: string; before: string | null; after: string | null; updated: boolean };
  /** guard_override: the admin surface where the merchant ticked "notify customer" again. */
  surface?: string;
  /** ISO time of the last status change. */
  updatedAt?: string;
}

export interface GuardDbSchema extends DBSchema {
  audit: {
    key: string;
    value: AuditEntry;
    indexes: { order: [string, string]; batch: string; marketplace: string; at: string };
  };
}

export const GUARD_DB_NAME = 'proxy-mail-guard';
// 2: BULK's job stores (bulk_jobs, bulk_items) — see lib/bulk/job-store.ts.
export const GUARD_DB_VERSION = 2;

export type GuardDb = IDBPDatabase<GuardDbSchema>;

function upgrade(
  db: GuardDb,
  oldVersion: number,
  _tx: IDBPTransaction<GuardDbSchema, StoreNames<GuardDbSchema>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const audit = db.createObjectStore('audit', { keyPath: 'id' });
    audit.createIndex('order', ['store', 'orderId']);
    audit.createIndex('batch', 'batchId');
    audit.createIndex('marketplace', 'marketplace');
    audit.createIndex('at', 'at');
  }
  // Version 2 (BULK): the bulk job stores. upgradeBulkStores is idempotent and typed loosely on purpose
  // (its stores are read through lib/bulk/job-store.ts, not through GuardDbSchema).
  if (oldVersion < 2) upgradeBulkStores(db as unknown as IDBPDatabase<BulkDbSchema>);
}

/** Opens (and creates or upgrades) the database. `factory` is injectable: fake-indexeddb in tests. */
export function openGuardDb(factory: IDBFactory = globalThis.indexedDB, name = GUARD_DB_NAME): Promise<GuardDb> {
  if (!factory) return Promise.reject(new Error('IndexedDB is not available here.'));
  const request = factory.open(name, GUARD_DB_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    upgrade(wrap(request.result) as unknown as GuardDb, event.oldVersion, wrap(request.transaction!) as never);
  });
  return wrap(request) as unknown as Promise<GuardDb>;
}

export function newAuditId(): string {
  return globalThis.crypto.randomUUID();
}

/** What the API layer needs from the log (tests may pass an in-memory one). */
export interface AuditSink {
  add(entry: AuditEntry): Promise<void>;
  update(id: string, patch: Partial<Omit<AuditEntry, 'id'>>): Promise<AuditEntry | null>;
  forOrder(store: string, orderId: string): Promise<AuditEntry[]>;
  /** Many entries in one transaction, replacing same ids (a bulk batch reconciled again after a restart). */
  putMany?(entries: AuditEntry[]): Promise<void>;
}

export class AuditLog implements AuditSink {
  constructor(
    private readonly db: GuardDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(entry: AuditEntry): Promise<void> {
    await this.db.add('audit', entry);
  }

  async putMany(entries: AuditEntry[]): Promise<void> {
    const tx = this.db.transaction('audit', 'readwrite');
    for (const entry of entries) void tx.store.put(entry);
    await tx.done;
  }

  async update(id: string, patch: Partial<Omit<AuditEntry, 'id'>>): Promise<AuditEntry | null> {
    const tx = this.db.transaction('audit', 'readwrite');
    const current = await tx.store.get(id);
    if (!current) {
      await tx.done;
      return null;
    }
    const next: AuditEntry = { ...current, ...patch, id, updatedAt: this.now().toISOString() };
    await tx.store.put(next);
    await tx.done;
    return next;
  }

  /** Oldest first. */
  async forOrder(store: string, orderId: string): Promise<AuditEntry[]> {
    const entries = await this.db.getAllFromIndex('audit', 'order', [store, orderId]);
    return entries.sort(byTime);
  }

  async forBatch(batchId: string): Promise<AuditEntry[]> {
    return (await this.db.getAllFromIndex('audit', 'batch', batchId)).sort(byTime);
  }

  async get(id: string): Promise<AuditEntry | undefined> {
    return this.db.get('audit', id);
  }

  /** Oldest first, streamed, so exporting a big log stays flat in memory. */
  async *entries(filter: { store?: string } = {}): AsyncGenerator<AuditEntry> {
    let cursor = await this.db.transaction('audit').store.index('at').openCursor();
    // Read in chunks: an idb cursor cannot stay open across awaits of the consumer.
    const chunk: AuditEntry[] = [];
    let lastAt: string | null = null;
    let lastIds = new Set<string>();
    for (;;) {
      chunk.length = 0;
      while (cursor && chunk.length < 500) {
        if (!filter.store || cursor.value.store === filter.store) chunk.push(cursor.value);
        cursor = await cursor.continue();
      }
      const done = !cursor;
      if (chunk.length > 0) {
        const at = chunk[chunk.length - 1]!.at;
        if (at !== lastAt) lastIds = new Set();
        lastAt = at;
        for (const e of chunk) if (e.at === at) lastIds.add(e.id);
      }
      const copy = chunk.slice();
      for (const entry of copy) yield entry;
      if (done) return;
      // Re-open past what we have seen (entries with the same `at` are skipped by id).
      cursor = await this.db.transaction('audit').store.index('at').openCursor(IDBKeyRange.lowerBound(lastAt ?? ''));
      while (cursor && cursor.value.at === lastAt && lastIds.has(cursor.value.id)) cursor = await cursor.continue();
    }
  }
}

function byTime(a: AuditEntry, b: AuditEntry): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}
