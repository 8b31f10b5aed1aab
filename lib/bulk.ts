/**
 * The bulk job engine: scan a store, preview, apply the store's strategy to every marketplace order,
 * undo a batch — resumable at any point.
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
import type { OrderFacts } from './order-facts';
import type { AppError, Result } from './result';
import { JobStore } from './bulk/job-store';
import { runScan, stopped } from './bulk/scan';
import type { BulkApi, BulkFilters, BulkJob, Classifier, JobItem, JobKind, JobStatusView, MarketplaceCount } from './bulk/types';

export * from './bulk/types';
export { JobStore, upgradeBulkStores } from './bulk/job-store';

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

/** Temporary: the order is tried again (after a re-read). */
const TRANSIENT = new Set(['store_unreachable', 'server_error', 'throttled_too_long', 'bulk_download_failed', 'job_stopped']);
/** Store-wide: every other order would fail the same way, so the job pauses and says why. */
const STORE_WIDE = new Set(['token_invalid', 'token_expired', 'client_credentials_rejected', 'scope_missing', 'not_connected', 'store_invalid']);

interface LiveJob {
  job: BulkJob;
  stop: boolean;
  api: BulkApi;
  lastTick: number;
  costAtStart: number;
  processedAtStart: number;
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
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly newId: () => string;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  /** Jobs this instance is driving, so a second resume call does not start a second runner. */
  private readonly running = new Map<string, Promise<void>>();
  private killed = false;
  /** Jobs running on this instance, with the state their runner writes. */
  private readonly live = new Map<string, LiveJob>();

  constructor(private readonly deps: BulkEngineDeps) {
    this.store = deps.store;
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
    this.concurrency = deps.concurrency ?? 6;
    this.maxAttempts = deps.maxAttempts ?? 5;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /**
   * Stops this instance dead, as when the browser stops the service worker: nothing more is written,
   * in-flight calls are abandoned. Another instance over the same database resumes the jobs.
   */
  kill(): void {
    this.killed = true;
  }

  /** Resolves when every job this instance drives has stopped (finished, paused, cancelled, failed). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()]);
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
    this.drive(job.id);
    return { ok: true, value: job };
  }

  /** Re-runs every job that was scanning or running when the worker stopped. Safe to call often. */
  async resumeAll(): Promise<string[]> {
    const jobs = await this.store.listJobs();
    const resumed: string[] = [];
    for (const job of jobs) {
      if ((job.status === 'scanning' || job.status === 'running') && !this.running.has(job.id)) {
        this.drive(job.id);
        resumed.push(job.id);
      }
    }
    return resumed;
  }

  // ── apply ─────────────────────────────────────────────────────────────────

  /** Queues the relay orders matching the filters and starts applying the previewed change to them. */
  async start(jobId: string, options: { filters?: BulkFilters; customer?: boolean } = {}): Promise<Result<BulkJob>> {
    const job = await this.store.getJob(jobId);
    if (!job) return notFound(jobId);
    if (job.kind !== 'fix' || (job.status !== 'scanned' && job.status !== 'done' && job.status !== 'cancelled')) {
      return { ok: false, error: { code: 'job_busy', message: `This job is ${job.status}.`, params: { status: job.status } } };
    }
    const filters = options.filters ?? {};
    const match = matcher(filters);
    job.options = { filters, dryRun: false, customer: options.customer ?? false };
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
    if (job.status === 'running') this.drive(job.id);
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
    this.drive(jobId);
    return { ok: true, value: job };
  }

  /** Stops applying: orders not yet changed stay as they are (and can be started again later). */
  async cancel(jobId: string): Promise<Result<BulkJob>> {
    const r = await this.setStatus(jobId, ['running', 'paused', 'scanning'], 'cancelled', 'job_not_running');
    if (!r.ok) return r;
    // The runner finishes the orders in flight, then stops; the ones still queued are released.
    while (this.running.has(jobId)) await this.running.get(jobId);
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
    if (job.status === 'running') this.drive(job.id);
    return { ok: true, value: job };
  }

  // ── undo ──────────────────────────────────────────────────────────────────

  /** Undoes every order a batch changed, as its own resumable job. */
  async undoBatch(batchId: string): Promise<Result<BulkJob>> {
    const batch = await this.store.getJob(batchId);
    if (!batch) return notFound(batchId);
    if (batch.kind !== 'fix') return { ok: false, error: { code: 'undo_of_undo', message: 'An undo cannot itself be undone; fix the orders again instead.' } };
    if (batch.status === 'running' || batch.status === 'scanning') return { ok: false, error: { code: 'job_busy', message: `This job is ${batch.status}.`, params: { status: batch.status } } };
    const { items } = await this.store.queryItems(batchId, { filter: (i) => i.status === 'done' && !!i.result?.changed });
    return this.createUndo(batch.store, batchId, items);
  }

  /** Undoes single orders (from the audit view). */
  async undoOrders(handle: string, orders: Array<{ orderId: string; name: string; marketplace: string; label: string; before: string | null; after: string | null }>): Promise<Result<BulkJob>> {
    const items = orders.map((o, seq): JobItem => ({
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
    return this.createUndo(handle, null, items);
  }

  private async createUndo(handle: string, undoOf: string | null, source: JobItem[]): Promise<Result<BulkJob>> {
    const at = this.iso();
    const id = this.newId();
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
      result: undefined,
      error: undefined,
    }));
    await this.store.putItemsWithJob(job, items);
    if (job.status === 'running') this.drive(id);
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
    const live = this.live.get(job.id);
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

  // ── the runner ────────────────────────────────────────────────────────────

  private drive(jobId: string): void {
    if (this.killed || this.running.has(jobId)) return;
    const run = this.run(jobId)
      .catch(() => undefined)
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
  }

  private async run(jobId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const job = await this.store.getJob(jobId);
      if (!job || this.killed) return;
      if (job.status === 'scanning') {
        const api = await this.deps.apiFor(job.store);
        const classify = await this.deps.classifierFor(job.store);
        const live: LiveJob = { job, stop: false, api, lastTick: this.now(), costAtStart: api.costUsed(), processedAtStart: 0 };
        this.live.set(jobId, live);
        const result = await runScan(
          {
            api,
            store: this.store,
            classify,
            alive: () => !this.killed && !live.stop,
            sleep: this.sleep,
            now: this.now,
            pageSize: this.deps.pageSize ?? 100,
            bulkThreshold: this.deps.bulkThreshold ?? 2500,
            pollMs: this.deps.pollMs ?? 1000,
            batchSize: 500,
          },
          job,
        ).finally(() => this.live.delete(jobId));
        if (this.killed || live.stop) return; // paused or cancelled: the status is already stored
        if (!result.ok) {
          if (TRANSIENT.has(result.error.code) && attempt < this.maxAttempts) {
            await this.sleep(backoff(attempt));
            continue; // reload the job: its stored cursor and counts agree
          }
          const latest = (await this.store.getJob(jobId)) ?? job;
          latest.status = 'failed';
          latest.error = result.error;
          latest.updatedAt = this.iso();
          await this.store.putJob(latest);
        }
        return;
      }
      if (job.status === 'running') await this.apply(job);
      return;
    }
  }

  private async apply(job: BulkJob): Promise<void> {
    const api = await this.deps.apiFor(job.store);
    const classify = job.kind === 'fix' ? await this.deps.classifierFor(job.store) : null;
    // The one copy of the job this runner writes; pause/cancel on this instance change it directly.
    const live: LiveJob = { job, stop: false, api, lastTick: this.now(), costAtStart: api.costUsed(), processedAtStart: job.stats.processed };
    this.live.set(job.id, live);
    const tick = () => {
      const t = this.now();
      live.job.stats.activeMs += t - live.lastTick;
      live.lastTick = t;
    };
    const step = async (item: JobItem, interrupted: boolean) => {
      if (live.stop || this.killed) return;
      const next = await this.processItem(api, classify, live.job, item, interrupted);
      if (this.killed) return;
      const p = live.job.progress;
      tick();
      if (next.status === 'done' || next.status === 'failed') {
        p.remaining--;
        live.job.stats.processed++;
        if (next.status === 'done') {
          p.done++;
          if (next.result?.changed) p.changed++;
        } else p.failed++;
      } else if (next.error && STORE_WIDE.has(next.error.code) && !live.stop) {
        // Every other order would fail the same way: pause and say why.
        live.stop = true;
        live.job.status = 'paused';
        live.job.error = next.error;
      } else if (next.status === 'queued') {
        await this.sleep(backoff(next.attempts));
        if (this.killed) return;
      }
      live.job.updatedAt = this.iso();
      await this.store.putItemsWithJob(live.job, [next]);
    };

    try {
      // Orders caught mid-change by the previous worker: re-read before anything else is sent.
      const interrupted = await this.store.itemsWithStatus(job.id, 'applying');
      await this.pool(interrupted, (item) => step(item, true));
      while (!live.stop && !this.killed) {
        const stored = await this.store.getJob(job.id);
        // Paused or cancelled by another instance (or deleted): stop taking new orders.
        if (!stored || (stored.status !== 'running' && stored.updatedAt > live.job.updatedAt)) {
          live.stop = true;
          if (stored) live.job.status = stored.status;
          break;
        }
        const queued = await this.store.itemsWithStatus(job.id, 'queued', this.concurrency * 8);
        if (!queued.length) break;
        // The whole batch is marked `applying` in one transaction before any of it is sent: on resume,
        // those orders are re-read first (a few extra reads after a crash, one write fewer per order).
        const batch = queued.map((item): JobItem => ({ ...item, status: 'applying', attempts: item.attempts + 1 }));
        if (this.killed) return;
        await this.store.putItemsWithJob(live.job, batch);
        const untouched = new Set(batch);
        await this.pool(batch, (item) => {
          if (live.stop || this.killed) return Promise.resolve();
          untouched.delete(item);
          return step(item, false);
        });
        // Paused mid-batch: the orders never sent go back to the queue as they were.
        if (untouched.size && !this.killed) {
          await this.store.putItemsWithJob(live.job, [...untouched].map((i) => ({ ...i, status: 'queued' as const, attempts: i.attempts - 1 })));
        }
      }
    } finally {
      this.live.delete(job.id);
    }
    if (this.killed) return;
    tick();
    if (live.job.status === 'running') {
      const left = (await this.store.countWithStatus(job.id, 'queued')) + (await this.store.countWithStatus(job.id, 'applying'));
      if (left === 0) live.job.status = 'done';
    }
    live.job.updatedAt = this.iso();
    await this.store.putJob(live.job);
  }

  private async pool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < items.length && !this.killed) {
        const item = items[next++]!;
        await work(item);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, items.length) }, worker));
  }

  /** One order, one step: returns the item in its next state (already persisted as `applying`). */
  private async processItem(api: BulkApi, classify: Classifier | null, job: BulkJob, item: JobItem, interrupted: boolean): Promise<JobItem> {
    // `item` is already stored as `applying` (its batch was marked before anything was sent).
    const applying = item;
    // Anything that may have reached Shopify before (an interrupted worker, a failed attempt) is
    // re-read first, so a change is never sent twice.
    if (interrupted || item.attempts > 1) {
      const facts = await api.readOrder(item.orderId);
      if (!facts.ok) return this.failed(applying, facts.error);
      await api.reconcile?.(item.orderId, facts.value, batchOf(job)).catch(() => undefined);
      const already = alreadyDone(job.kind, classify, applying, facts.value);
      if (already) return { ...applying, status: 'done', result: { ...already, at: this.iso() }, error: undefined };
    }
    const opts = { batchId: batchOf(job), customer: job.options.customer };
    if (job.kind === 'fix' && !item.strategy) return this.failed(applying, { code: 'nothing_to_apply', message: 'No change is set for this marketplace.' });
    const r = job.kind === 'undo' ? await api.restoreOrder(item.orderId, opts) : await api.fixOrder(item.orderId, item.strategy ?? { kind: 'keep' }, opts);
    if (!r.ok) return this.failed(applying, r.error);
    const { auditId, customerUpdated, ...rest } = r.value;
    return {
      ...applying,
      status: 'done',
      error: undefined,
      result: { ...rest, ...(auditId ? { auditId } : {}), ...(customerUpdated !== undefined ? { customerUpdated } : {}), at: this.iso() },
    };
  }

  private failed(item: JobItem, error: AppError): JobItem {
    if (STORE_WIDE.has(error.code)) return { ...item, status: 'applying', error };
    if (TRANSIENT.has(error.code) && item.attempts < this.maxAttempts) return { ...item, status: 'queued', error };
    return { ...item, status: 'failed', error };
  }

  private async setStatus(jobId: string, from: BulkJob['status'][], to: BulkJob['status'], code: string): Promise<Result<BulkJob>> {
    const job = await this.store.getJob(jobId);
    if (!job) return notFound(jobId);
    if (!from.includes(job.status)) return { ok: false, error: { code, message: `This job is ${job.status}.`, params: { status: job.status } } };
    const live = this.live.get(jobId);
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

/**
 * After an interruption: is the order already in the state this job wanted? Then the earlier attempt
 * reached Shopify (or someone else fixed it) and nothing may be sent again.
 */
function alreadyDone(kind: JobKind, classify: Classifier | null, item: JobItem, facts: OrderFacts): JobItem['result'] extends infer R ? Omit<NonNullable<R>, 'at'> | null : never {
  if (kind === 'undo') {
    if (facts.email === item.proposed && facts.originalEmail === null) return { before: item.email, after: facts.email, changed: true, recovered: true };
    return null;
  }
  if (facts.email === item.proposed && facts.email !== item.email) {
    return { before: facts.originalEmail ?? item.email, after: facts.email, changed: true, recovered: true };
  }
  const c = classify?.({ ...facts, channelName: facts.channelName, appName: facts.appName });
  if (c?.cls === 'neutralised' || c?.cls === 'ordinary') {
    // Neutralised by us (the metafield holds what we found) or by someone else meanwhile.
    const ours = facts.originalEmail !== null && facts.originalEmail === item.email;
    return { before: ours ? item.email : facts.email, after: facts.email, changed: ours, recovered: true };
  }
  return null;
}

/** The audit log's batch id: an undo is filed under the batch it undoes. */
function batchOf(job: BulkJob): string {
  return job.kind === 'undo' ? (job.undoOf ?? job.id) : job.id;
}

function backoff(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
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

export { stopped };
