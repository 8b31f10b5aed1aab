/**
 * The bulk job: scan a store, preview, apply the store's strategy to every marketplace order, undo a
 * batch — resumable at any point. The public entry of lib/bulk/ (import from 'lib/bulk'):
 *   engine.ts        the job's states and the changes of state callers ask for (BulkEngine)
 *   runner.ts        drives a scanning or running job, exactly once per order
 *   undo.ts          undo jobs from a batch or from audit entries
 *   job-store.ts     persistence (IndexedDB), scan.ts the scan, types.ts the shapes,
 *   shopify-port.ts / queries.ts the Admin API side, classify.ts, audit-view.ts, csv.ts, protocol.ts
 */
export * from './types';
export { JobStore } from './job-store';
export { BulkEngine, type DryRunSummary } from './engine';
