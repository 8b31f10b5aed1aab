/**
 * The bulk job engine: scan a store, preview, apply the store's strategy to every marketplace order,
 * undo a batch — resumable at any point. This file holds the job's states and every change of state a
 * caller can ask for (start, pause, resume, cancel, retry, undo), written through the job store
 * (./job-store.ts); ./runner.ts drives running jobs; ./undo.ts builds undo jobs.
 *
 * Exactly once, never skipped: each order goes idle → queued → applying → done|failed, and every step
 * is written to IndexedDB before the next API call. An order found in `applying` when a job resumes
 * (the worker died between the change and the record) is re-read first: if the order already carries
 * the proposed email, it is recorded as done without a second change; otherwise it is changed now.
 * Queued orders were never sent. So a killed service worker, a restarted browser or a dropped
 * connection can neither repeat a change nor skip an order.
 *
 * Pure except for its injected dependencies (the job store over an open database, the API port,
 * the classifier, clocks), so the same code runs in the service worker and in Node tests.
 */
import type { AppError, Result } from '../result';
import type { JobStore } from './job-store';
import { JobRunner } from './runner';
import type { ApplyPath, BulkApi, BulkFilters, BulkJob, Classifier, JobItem, JobStatusView } from './types';
import { buildUndoJob, itemsFromAudit, type UndoOrder } from './undo';

/** Items read (and written) at a time while an undo job is built. */
const UNDO_PAGE = 2000;

export interface BulkEngineDeps {
  store: JobStore;
  apiFor(handle: string): BulkApi | Promise<BulkApi>;
  classifierFor(handle: string): Classifier | Promise<Classifier>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  newId?: () => string;
  /** Orders in flight at once; the API queue paces them to the cost budget. */
  concurrency?: number;
  pageSize?: number;
  bulkThreshold?: number;
  pollMs?: number;
  /** Attempts per order for temporary failures (network, 5xx, throttled) before it is marked failed. */
  maxAttempts?: number;
}

export interface PreviewQuery {
  filters?: BulkFilters;
  cls?: 'relay' | 'neutralised';
  status?: JobItem['status'];
  offset?: number;
  limit?: number;
}

export interface DryRunSummary {
  wouldChange: number;
  keep: number; // strategy 'keep': nothing to change
  refused: number; // the rewrite refused the address (shown with its reason)
  byMarketplace: Record<string, number>;
}

export class BulkEngine {
  private readonly store: JobStore;
  private readonly now: () => number;
  private readonly newId: () => string;
  /** Drives the running jobs of this instance. */
  private readonly runner: JobRunner;

  constructor(deps: BulkEngineDeps) {
    this.store = deps.store;
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
    this.runner = new JobRunner({
      store: deps.store,
      apiFor: (handle) => deps.apiFor(handle),
      classifierFor: (handle) => deps.classifierFor(handle),
      now: this.now,
      sleep: deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      concurrency: deps.concurrency ?? 6,
      maxAttempts: deps.maxAttempts ?? 5,
      pageSize: deps.pageSize ?? 100,
      bulkThreshold: deps.bulkThreshold ?? 2500,
      pollMs: deps.pollMs ?? 1000,
    });
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /**
   * Stops this instance dead, as when the browser stops the service worker: nothing more is written,
   * in-flight calls are abandoned. Another instance over the same database resumes the jobs.
   */
  kill(): void {
    this.runner.kill();
  }

  /** Resolves when every job this instance drives has stopped (finished, paused, cancelled, failed). */
  async idle(): Promise<void> {
    await this.runner.idle();
  }

  // ── scan ──────────────────────────────────────────────────────────────────

  async startScan(handle: string): Promise<Result<BulkJob>> {
    const at = this.iso();
    const job: BulkJob = {
      id: this.newId(),
      store: handle,
      kind: 'fix',
      status: 'scanning',
      createdAt: at,
      updatedAt: at,
      scan: { path: 'paging', cursor: null, bulkOperationId: null, linesDone: 0, scanned: 0, ordinary: 0, byMarketplace: {}, finishedAt: null },
      options: { filters: {}, dryRun: false, customer: false },
      progress: { total: 0, done: 0, changed: 0, failed: 0, remaining: 0 },
      stats: { activeMs: 0, processed: 0 },
    };
    await this.store.putJob(job);
    this.runner.drive(job.id);
    return { ok: true, value: job };
  }

  /** Re-runs every job that was scanning or running when the worker stopped. Safe to call often. */
  async resumeAll(): Promise<string[]> {
    const jobs = await this.store.listJobs();
    const resumed: string[] = [];
    for (const job of jobs) {
      if ((job.status === 'scanning' || job.status === 'running') && !this.runner.isDriving(job.id)) {
        this.runner.drive(job.id);
        resumed.push(job.id);
      }
    }
    return resumed;
  }

  // ── apply ─────────────────────────────────────────────────────────────────

  /** Queues the relay orders matching the filters and starts applying the previewed change to them. */
  async start(jobId: string, options: { filters?: BulkFilters; customer?: boolean; path?: ApplyPath } = {}): Promise<Result<BulkJob>> {
    const job = await this.store.getJob(jobId);
    if (!job) return notFound(jobId);
    if (job.kind !== 'fix' || (job.status !== 'scanned' && job.status !== 'done' && job.status !== 'cancelled')) {
      return { ok: false, error: { code: 'job_busy', message: `This job is ${job.status}.`, params: { status: job.status } } };
    }
    const filters = options.filters ?? {};
    const match = matcher(filters);
    job.options = { filters, dryRun: false, customer: options.customer ?? false, ...(options.path ? { path: options.path } : {}) };
    job.notice = undefined;
    job.mutation = undefined;
    const p = job.progress;
    const at = this.iso();
    await this.store.updateItems(job, (item) => {
      if (item.cls !== 'relay' || item.status !== 'idle' || !match(item) || item.strategy?.kind === 'keep') return null;
      p.total++;
      if (item.refused) {
        // Listed with its reason instead of being sent: Shopify would store nonsense or refuse it.
        p.failed++;
        return { ...item, status: 'failed', error: item.refused, result: undefined, attempts: 0 };
      }
      p.remaining++;
      // An order that may have been sent before (a cancelled run) keeps a non-zero count: it is re-read first.
      return { ...item, status: 'queued', attempts: item.attempts > 0 ? 1 : 0, error: undefined };
    });
    job.status = p.remaining > 0 ? 'running' : 'done';
    job.error = undefined;
    job.updatedAt = at;
    await this.store.putJob(job);
    if (job.status === 'running') this.runner.drive(job.id);
    return { ok: true, value: job };
  }

  /** What applying would do, without touching the store. */
  async dryRun(jobId: string, filters: BulkFilters = {}): Promise<Result<DryRunSummary>> {
    const job = await this.store.getJob(jobId);
    if (!job) return notFound(jobId);
    const match = matcher(filters);
    const summary: DryRunSummary = { wouldChange: 0, keep: 0, refused: 0, byMarketplace: {} };
    await this.store.queryItems(jobId, {
      filter: (item) => {
        if (item.cls !== 'relay' || !match(item) || item.status === 'done') return false;
        if (item.strategy?.kind === 'keep') summary.keep++;
        else if (item.refused) summary.refused++;
        else {
          summary.wouldChange++;
          summary.byMarketplace[item.marketplace] = (summary.byMarketplace[item.marketplace] ?? 0) + 1;
        }
        return false;
      },
    });
    return { ok: true, value: summary };
  }

  async pause(jobId: string): Promise<Result<BulkJob>> {
    return this.setStatus(jobId, ['running', 'scanning'], 'paused', 'job_not_running');
  }

  async resume(jobId: string): Promise<Result<BulkJob>> {
    const job = await this.store.getJob(jobId);
    if (!job) return notFound(jobId);
    if (job.status !== 'paused' && job.status !== 'failed') return { ok: false, error: { code: 'job_not_paused', message: `This job is ${job.status}.`, params: { status: job.status } } };
    job.status = job.scan.finishedAt === null ? 'scanning' : 'running';
    job.error = undefined;
    job.updatedAt = this.iso();
    await this.store.putJob(job);
    this.runner.drive(jobId);
    return { ok: true, value: job };
  }

  /** Stops applying: orders not yet changed stay as they are (and can be started again later). */
  async cancel(jobId: string): Promise<Result<BulkJob>> {
    const r = await this.setStatus(jobId, ['running', 'paused', 'scanning'], 'cancelled', 'job_not_running');
    if (!r.ok) return r;
    // The runner finishes the orders in flight, then stops; the ones still queued are released.
    await this.runner.stopped(jobId);
    const job = (await this.store.getJob(jobId)) ?? r.value;
    let released = 0;
    await this.store.updateItems(job, (item) => {
      // Nothing is in flight any more; an order caught mid-change keeps its attempts, so it is re-read if started again.
      if (item.status !== 'queued' && item.status !== 'applying') return null;
      released++;
      return { ...item, status: 'idle' };
    });
    job.progress.total -= released;
    job.progress.remaining -= released;
    job.status = 'cancelled';
    job.updatedAt = this.iso();
    await this.store.putJob(job);
    return { ok: true, value: job };
  }

  async retryFailed(jobId: string): Promise<Result<BulkJob>> {
    const job = await this.store.getJob(jobId);
    if (!job) return notFound(jobId);
    if (job.status === 'running' || job.status === 'scanning') return { ok: false, error: { code: 'job_busy', message: `This job is ${job.status}.`, params: { status: job.status } } };
    let again = 0;
    await this.store.updateItems(job, (item) => {
      if (item.status !== 'failed' || item.refused) return null;
      again++;
      // attempts stays > 0, so the order is re-read before anything is sent.
      return { ...item, status: 'queued', attempts: Math.max(1, item.attempts), error: undefined };
    });
    job.progress.failed -= again;
    job.progress.remaining += again;
    job.status = job.progress.remaining > 0 ? 'running' : job.status;
    job.error = undefined;
    job.updatedAt = this.iso();
    await this.store.putJob(job);
    if (job.status === 'running') this.runner.drive(job.id);
    return { ok: true, value: job };
  }

  // ── undo ──────────────────────────────────────────────────────────────────

  /** Undoes every order a batch changed, as its own resumable job. */
  async undoBatch(batchId: string, options: { path?: ApplyPath } = {}): Promise<Result<BulkJob>> {
    const batch = await this.store.getJob(batchId);
    if (!batch) return notFound(batchId);
    if (batch.kind !== 'fix') return { ok: false, error: { code: 'undo_of_undo', message: 'An undo cannot itself be undone; fix the orders again instead.' } };
    if (batch.status === 'running' || batch.status === 'scanning') return { ok: false, error: { code: 'job_busy', message: `This job is ${batch.status}.`, params: { status: batch.status } } };
    const store = this.store;
    // The batch's changed orders, a page at a time (a 100,000-order batch is never read whole).
    async function* changed(): AsyncIterable<JobItem[]> {
      for (let fromSeq = -Infinity; ; ) {
        const { items } = await store.queryItems(batchId, { filter: (i) => i.status === 'done' && !!i.result?.changed, fromSeq, limit: UNDO_PAGE, count: false });
        if (items.length) yield items;
        if (items.length < UNDO_PAGE) return;
        fromSeq = items[items.length - 1]!.seq + 1;
      }
    }
    // Undone the way it was done (a batch sent by bulk mutations is undone by one too), unless asked otherwise.
    return this.createUndo(batch.store, batchId, changed(), options.path ?? batch.options.path);
  }

  /** Undoes single orders (from the audit view). */
  async undoOrders(handle: string, orders: UndoOrder[]): Promise<Result<BulkJob>> {
    return this.createUndo(handle, null, [itemsFromAudit(orders)]);
  }

  private async createUndo(handle: string, undoOf: string | null, pages: AsyncIterable<JobItem[]> | Iterable<JobItem[]>, path?: ApplyPath): Promise<Result<BulkJob>> {
    const job = await buildUndoJob(this.store, pages, { handle, undoOf, id: this.newId(), at: this.iso(), ...(path ? { path } : {}) });
    if (job.status === 'running') this.runner.drive(job.id);
    return { ok: true, value: job };
  }

  // ── read ──────────────────────────────────────────────────────────────────

  async status(jobId: string): Promise<Result<JobStatusView>> {
    const job = await this.store.getJob(jobId);
    if (!job) return notFound(jobId);
    return { ok: true, value: this.view(job) };
  }

  async jobs(handle?: string): Promise<BulkJob[]> {
    return this.store.listJobs(handle);
  }

  async preview(jobId: string, q: PreviewQuery = {}): Promise<Result<{ items: JobItem[]; matched: number }>> {
    const job = await this.store.getJob(jobId);
    if (!job) return notFound(jobId);
    const match = matcher(q.filters ?? {});
    return {
      ok: true,
      value: await this.store.queryItems(jobId, {
        filter: (i) => match(i) && (!q.cls || i.cls === q.cls) && (!q.status || i.status === q.status),
        offset: q.offset ?? 0,
        limit: q.limit ?? 50,
      }),
    };
  }

  private view(job: BulkJob): JobStatusView {
    const live = this.runner.liveJob(job.id);
    const current = live ? live.job : job;
    const activeMs = current.stats.activeMs + (live && current.status === 'running' ? this.now() - live.lastTick : 0);
    const perSecond = activeMs > 0 && current.stats.processed > 0 ? current.stats.processed / (activeMs / 1000) : null;
    const remaining = current.progress.remaining;
    let eta: number | null = remaining === 0 ? 0 : perSecond ? remaining / perSecond : null;
    // While running, the cost budget is the better predictor: points per order so far × orders left,
    // at the restore rate Shopify reported (minus what is already in the bucket).
    if (live && remaining > 0) {
      const bucket = live.api.throttle();
      const orders = current.stats.processed - live.processedAtStart;
      const spent = live.api.costUsed() - live.costAtStart;
      if (bucket && bucket.restoreRate > 0 && orders >= 5 && spent > 0) {
        eta = Math.max(0, (remaining * spent) / orders - bucket.currentlyAvailable) / bucket.restoreRate;
      }
    }
    return { job: current, etaSeconds: eta === null ? null : Math.round(eta), ordersPerSecond: perSecond };
  }

  private async setStatus(jobId: string, from: BulkJob['status'][], to: BulkJob['status'], code: string): Promise<Result<BulkJob>> {
    const job = await this.store.getJob(jobId);
    if (!job) return notFound(jobId);
    if (!from.includes(job.status)) return { ok: false, error: { code, message: `This job is ${job.status}.`, params: { status: job.status } } };
    const live = this.runner.liveJob(jobId);
    if (live && job.status === 'scanning') {
      // A scan's counters in memory may be ahead of its stored items: change only the stored status.
      live.stop = true;
    } else if (live) {
      // This instance runs the job: change its copy, which its next write stores.
      live.stop = true;
      live.job.status = to;
      live.job.updatedAt = this.iso();
      await this.store.putJob(live.job);
      return { ok: true, value: live.job };
    }
    job.status = to;
    job.updatedAt = this.iso();
    await this.store.putJob(job);
    return { ok: true, value: job };
  }
}

function notFound(jobId: string): { ok: false; error: AppError } {
  return { ok: false, error: { code: 'job_not_found', message: 'This bulk job no longer exists.', params: { job: jobId } } };
}

/** The dashboard's filters as one predicate over stored items. */
export function matcher(filters: BulkFilters): (item: JobItem) => boolean {
  const markets = filters.marketplaces?.length ? new Set(filters.marketplaces) : null;
  const fulfilment = filters.fulfilment?.length ? new Set(filters.fulfilment) : null;
  const from = filters.createdFrom || null;
  const to = filters.createdTo ? filters.createdTo + '\uffff' : null;
  return (item) =>
    (!markets || markets.has(item.marketplace)) &&
    (!fulfilment || fulfilment.has(item.fulfilment ?? '')) &&
    (!from || item.createdAt >= from) &&
    (!to || item.createdAt <= to);
}

