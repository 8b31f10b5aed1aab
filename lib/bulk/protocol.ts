/**
 * The dashboard ↔ background calls of the bulk job (merged into ProtocolMap in lib/messages.ts).
 * Every call is for the extension's own pages only (`from: 'extension'`, lib/callers.ts).
 * Long work (scan, apply, undo) starts and returns at once with the job; the dashboard polls bulkStatus.
 */
import type { Result } from '../result';
import type { StoreRef } from '../store-ref';
import type { DryRunSummary, PreviewQuery } from './engine';
import type { AuditFilters, AuditRow } from './audit-view';
import type { ApplyPath, BulkFilters, BulkJob, JobItem, JobStatusView } from './types';

export interface BulkProtocol {
  bulkScan(data: { store: StoreRef }, from: 'extension'): Result<BulkJob>;
  bulkJobs(data: { store: StoreRef }, from: 'extension'): Result<BulkJob[]>;
  bulkStatus(data: { jobId: string }, from: 'extension'): Result<JobStatusView>;
  bulkPreview(data: { jobId: string } & PreviewQuery, from: 'extension'): Result<{ items: JobItem[]; matched: number }>;
  bulkDryRun(data: { jobId: string; filters: BulkFilters }, from: 'extension'): Result<DryRunSummary>;
  /** `path`: 'bulk-mutation' once the dashboard has the storage hosts granted (else, or absent, one call per order). */
  bulkStart(data: { jobId: string; filters: BulkFilters; customer: boolean; path?: ApplyPath }, from: 'extension'): Result<BulkJob>;
  bulkPause(data: { jobId: string }, from: 'extension'): Result<BulkJob>;
  bulkResume(data: { jobId: string }, from: 'extension'): Result<BulkJob>;
  bulkCancel(data: { jobId: string }, from: 'extension'): Result<BulkJob>;
  bulkRetryFailed(data: { jobId: string }, from: 'extension'): Result<BulkJob>;
  bulkUndoBatch(data: { batchId: string }, from: 'extension'): Result<BulkJob>;
  bulkUndoOrders(data: { store: StoreRef; orders: Array<{ orderId: string; name: string; marketplace: string; label: string; before: string | null; after: string | null }> }, from: 'extension'): Result<BulkJob>;
  auditQuery(data: { store: StoreRef; filters: AuditFilters; offset?: number; limit?: number }, from: 'extension'): Result<{ rows: AuditRow[]; matched: number }>;
  auditExportCsv(data: { store: StoreRef; filters: AuditFilters }, from: 'extension'): Result<{ csv: string; rows: number; filename: string }>;
}
