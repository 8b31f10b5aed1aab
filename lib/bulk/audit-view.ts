/**
 * The audit view: every change the extension made to an order's email, with its batch, filterable and
 * exportable. Bulk changes come from the job items (one row per order per batch or undo); single fixes
 * from the order page come from the audit log (lib/audit.ts) through `extra`.
 */
import type { JobStore } from './job-store';
import { csvLine } from './csv';
import type { BulkJob, JobItem } from './types';
import type { Strategy } from '../rewrite';
import type { AuditEntry } from '../audit';
import { marketplaceLabel } from '../marketplaces';

export interface AuditRow {
  at: string; // ISO
  store: string;
  batchId: string | null;
  kind: 'fix' | 'undo';
  orderId: string;
  orderName: string;
  marketplace: string;
  label: string;
  before: string | null;
  after: string | null;
  strategy: string; // 'strip', 'domain:mystore.com', ...
  /** undone: changed, then put back by an undo; pending: sent but never confirmed (worker stopped). */
  result: 'changed' | 'unchanged' | 'failed' | 'undone' | 'pending';
  reason: string | null; // error code when failed
  undone?: boolean;
}

export interface AuditFilters {
  store?: string;
  batchId?: string;
  order?: string; // order name (#1001) or id, substring
  marketplace?: string;
  from?: string; // YYYY-MM-DD
  to?: string;
  result?: AuditRow['result'];
}

export function strategyLabel(strategy: Strategy | { kind: 'restore' } | null | undefined): string {
  if (!strategy) return '';
  switch (strategy.kind) {
    case 'restore':
      return 'undo';
    case 'fixed':
      return `fixed:${strategy.email}`;
    case 'domain':
      return `domain:${strategy.domain}${strategy.localPart === 'order-id' ? ':order-id' : ''}`;
    case 'prefix':
      return `prefix:${strategy.prefix ?? 'blacklisted-'}`;
    case 'keep':
    case 'strip':
      return strategy.kind;
  }
}

function rowOf(job: BulkJob, item: JobItem): AuditRow | null {
  if (item.status !== 'done' && item.status !== 'failed') return null;
  const failed = item.status === 'failed';
  return {
    at: item.result?.at ?? job.updatedAt,
    store: job.store,
    batchId: job.kind === 'undo' ? (job.undoOf ?? job.id) : job.id,
    kind: job.kind,
    orderId: item.orderId,
    orderName: item.name,
    marketplace: item.marketplace,
    label: item.label,
    before: failed ? item.email : (item.result?.before ?? item.email),
    after: failed ? item.email : (item.result?.after ?? null),
    strategy: job.kind === 'undo' ? 'undo' : strategyLabel(item.strategy),
    result: failed ? 'failed' : item.result?.changed ? 'changed' : 'unchanged',
    reason: failed ? (item.error?.code ?? 'unknown') : null,
  };
}

export function auditMatcher(f: AuditFilters): (row: AuditRow) => boolean {
  const order = f.order?.trim().toLowerCase().replace(/^#/, '') || null;
  const to = f.to ? f.to + '\uffff' : null;
  return (row) =>
    (!f.store || row.store === f.store) &&
    (!f.batchId || row.batchId === f.batchId) &&
    (!f.marketplace || row.marketplace === f.marketplace) &&
    (!f.result || row.result === f.result) &&
    (!f.from || row.at >= f.from) &&
    (!to || row.at <= to) &&
    (!order || row.orderId.includes(order) || row.orderName.toLowerCase().replace(/^#/, '').includes(order));
}

/** Every row, newest batch first, streamed job by job (a batch is read with a cursor, never all at once). */
export async function* auditRows(store: JobStore, handle?: string, extra: () => AsyncIterable<AuditRow> | Iterable<AuditRow> = () => []): AsyncGenerator<AuditRow> {
  const jobs = await store.listJobs(handle);
  for (const job of jobs) {
    if (job.progress.total === 0) continue;
    const pageSize = 500;
    for (let fromSeq = 0; ; ) {
      const { items } = await store.queryItems(job.id, { filter: (i) => i.status === 'done' || i.status === 'failed', fromSeq, limit: pageSize, count: false });
      for (const item of items) {
        const row = rowOf(job, item);
        if (row) yield row;
      }
      if (items.length < pageSize) break;
      fromSeq = items[items.length - 1]!.seq + 1;
    }
  }
  for await (const row of extra()) yield row;
}

/** The audit log's entries (every fix and undo, bulk or single) as rows; guard overrides are not email changes. */
export async function* auditEntryRows(entries: AsyncIterable<AuditEntry>): AsyncGenerator<AuditRow> {
  for await (const e of entries) {
    if (e.kind !== 'fix' && e.kind !== 'undo') continue;
    yield {
      at: e.at,
      store: e.store,
      batchId: e.batchId ?? null,
      kind: e.kind,
      orderId: e.orderId,
      orderName: e.orderName ?? '',
      marketplace: e.marketplace ?? '',
      label: e.marketplace ? marketplaceLabel(e.marketplace) : '',
      before: e.before,
      after: e.after,
      strategy: strategyLabel(e.strategy),
      result: e.status === 'done' ? 'changed' : e.status,
      reason: e.status === 'failed' ? (e.error?.code ?? 'unknown') : null,
    };
  }
}

/**
 * One page of matching rows, newest first, from a stream that arrives oldest first: only the last
 * offset+limit matches are kept, so memory follows the page, not the log.
 */
export async function queryAuditNewestFirst(
  rows: AsyncIterable<AuditRow>,
  filters: AuditFilters,
  page: { offset?: number; limit?: number } = {},
): Promise<{ rows: AuditRow[]; matched: number }> {
  const match = auditMatcher(filters);
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 50;
  const keep = offset + limit;
  const ring: AuditRow[] = [];
  let matched = 0;
  for await (const row of rows) {
    if (!match(row)) continue;
    matched++;
    ring.push(row);
    if (ring.length > keep) ring.shift();
  }
  return { rows: ring.reverse().slice(offset, offset + limit), matched };
}

export async function queryAudit(
  rows: AsyncIterable<AuditRow>,
  filters: AuditFilters,
  page: { offset?: number; limit?: number } = {},
): Promise<{ rows: AuditRow[]; matched: number }> {
  const match = auditMatcher(filters);
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 50;
  const out: AuditRow[] = [];
  let matched = 0;
  for await (const row of rows) {
    if (!match(row)) continue;
    if (matched >= offset && out.length < limit) out.push(row);
    matched++;
  }
  return { rows: out, matched };
}

export const CSV_HEADER = ['order name', 'order id', 'marketplace', 'before', 'after', 'strategy', 'when', 'result', 'reason', 'batch'];

export async function auditCsv(rows: AsyncIterable<AuditRow>, filters: AuditFilters): Promise<{ csv: string; rows: number }> {
  const match = auditMatcher(filters);
  const parts = [csvLine(CSV_HEADER)];
  let n = 0;
  for await (const row of rows) {
    if (!match(row)) continue;
    n++;
    parts.push(csvLine([row.orderName, row.orderId, row.label, row.before, row.after, row.strategy, row.at, row.result, row.reason, row.batchId]));
  }
  return { csv: parts.join(''), rows: n };
}
