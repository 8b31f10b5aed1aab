/**
 * The dashboard ↔ background calls of the bulk job (merged into ProtocolMap in lib/messages.ts).
 * Long work (scan, apply, undo) starts and returns at once with the job; the dashboard polls bulkStatus.
 */
import type { Result } from '../result';
import type { StoreRef } from '../store-ref';
import type { DryRunSummary, PreviewQuery } from '../bulk';
import type { AuditFilters, AuditRow } from './audit-view';
import type { BulkFilters, BulkJob, JobItem, JobStatusView } from './types';

export interface BulkProtocol {
  bulkScan(data: { store: StoreRef }): Result<BulkJob>;
  bulkJobs(data: { store: StoreRef }): Result<BulkJob[]>;
  bulkStatus(data: { jobId: string }): Result<JobStatusView>;
  bulkPreview(data: { jobId: string } & PreviewQuery): Result<{ items: JobItem[]; matched: number }>;
  bulkDryRun(data: { jobId: string; filters: BulkFilters }): Result<DryRunSummary>;
  bulkStart(data: { jobId: string; filters: BulkFilters; customer: boolean }): Result<BulkJob>;
  bulkPause(data: { jobId: string }): Result<BulkJob>;
  bulkResume(data: { jobId: string }): Result<BulkJob>;
  bulkCancel(data: { jobId: string }): Result<BulkJob>;
  bulkRetryFailed(data: { jobId: string }): Result<BulkJob>;
  bulkUndoBatch(data: { batchId: string }): Result<BulkJob>;
  bulkUndoOrders(data: { store: StoreRef; orders: Array<{ orderId: string; name: string; marketplace: string; label: string; before: string | null; after: string | null }> }): Result<BulkJob>;
  auditQuery(data: { store: StoreRef; filters: AuditFilters; offset?: number; limit?: number }): Result<{ rows: AuditRow[]; matched: number }>;
  auditExportCsv(data: { store: StoreRef; filters: AuditFilters }): Result<{ csv: string; rows: number; filename: string }>;
}
