// Past 400 lines on purpose: one class whose methods share the live job state; splitting would pass that state between files.
/**
 * The bulk job runner: drives a scanning or running job to its end, one order at a time through the
 * API port, writing every step to the job store before the next call (see ./engine.ts for the
 * exactly-once rules). The engine decides what a job should do; this file does it.
 */
import type { OrderFacts } from '../order-facts';
import type { AppError } from '../result';
import type { JobStore } from './job-store';
import { runScan } from './scan';
import { runMutationPath } from './mutation-path';
import type { BulkApi, BulkJob, Classifier, JobItem, JobKind, RecheckedOrder } from './types';

export interface RunnerDeps {
  store: JobStore;
  apiFor(handle: string): BulkApi | Promise<BulkApi>;
  classifierFor(handle: string): Classifier | Promise<Classifier>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  concurrency: number;
  maxAttempts: number;
  pageSize: number;
  bulkThreshold: number;
  pollMs: number;
}

/** Temporary: the order is tried again (after a re-read). */
const TRANSIENT = new Set(['store_unreachable', 'server_error', 'throttled_too_long', 'bulk_download_failed', 'job_stopped']);
/** Store-wide: every other order would fail the same way, so the job pauses and says why. */
const STORE_WIDE = new Set(['token_invalid', 'token_expired', 'client_credentials_rejected', 'scope_missing', 'not_connected', 'store_invalid']);

/** A job this instance is running, with the state its runner writes. */
export interface LiveJob {
  job: BulkJob;
  stop: boolean;
  api: BulkApi;
  lastTick: number;
  costAtStart: number;
  processedAtStart: number;
}

export class JobRunner {
  private readonly store: JobStore;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  /** Jobs this instance is driving, so a second resume call does not start a second runner. */
  private readonly running = new Map<string, Promise<void>>();
  private killed = false;
  /** Jobs running on this instance, with the state their runner writes. */
  private readonly live = new Map<string, LiveJob>();

  constructor(private readonly deps: RunnerDeps) {
    this.store = deps.store;
    this.now = deps.now;
    this.sleep = deps.sleep;
    this.concurrency = deps.concurrency;
    this.maxAttempts = deps.maxAttempts;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Stops dead: nothing more is written, in-flight calls are abandoned. */
  kill(): void {
    this.killed = true;
  }

  /** Resolves when every job this instance drives has stopped (finished, paused, cancelled, failed). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()]);
  }

  isDriving(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Resolves when this instance no longer drives the job (its orders in flight are finished). */
  async stopped(jobId: string): Promise<void> {
    while (this.running.has(jobId)) await this.running.get(jobId);
  }

  /** The job as its runner on this instance holds it (ahead of the stored copy), if it runs here. */
  liveJob(jobId: string): LiveJob | undefined {
    return this.live.get(jobId);
  }

  /** Starts running the job on this instance unless it already runs here (or the instance was killed). */
  drive(jobId: string): void {
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
            pageSize: this.deps.pageSize,
            bulkThreshold: this.deps.bulkThreshold,
            pollMs: this.deps.pollMs,
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
    const step = async (item: JobItem, interrupted: boolean, seen?: RecheckedOrder | null) => {
      if (live.stop || this.killed) return;
      const next = await this.processItem(api, classify, live.job, item, interrupted, seen);
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
      // The order may be changed on Shopify by now: its record is retried before the runner gives up
      // (if it still fails, the order stays `applying` and is re-read on resume, never dropped).
      await retried(() => this.store.putItemsWithJob(live.job, [next]), this.sleep);
    };

    try {
      if (live.job.options.path === 'bulk-mutation') {
        const outcome = await this.applyByBulkMutation(api, classify, live, tick);
        if (outcome === 'stop') return;
      }
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
        // One read for the whole batch (~1 point per order): is each order still the relay the scan saw?
        const seen = job.kind === 'fix' ? await this.recheck(api, batch) : null;
        const untouched = new Set(batch);
        await this.pool(batch, (item) => {
          if (live.stop || this.killed) return Promise.resolve();
          untouched.delete(item);
          return step(item, false, seen?.get(item.orderId));
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

  /**
   * Runs the job through Shopify bulk mutations (./mutation-path.ts). 'stop': the job's state is
   * stored and nothing more is to be done now; 'continue': carry on per order (fallback, or finished).
   */
  private async applyByBulkMutation(api: BulkApi, classify: Classifier | null, live: LiveJob, tick: () => void): Promise<'stop' | 'continue'> {
    if (!api.bulkMutation || !api.recheck) {
      live.job.options.path = 'per-order';
      live.job.notice = { code: 'bulk_path_unavailable', message: "Shopify's bulk changes are not available here; the orders are changed one by one instead.", params: { reason: 'unsupported' } };
      return 'continue';
    }
    const outcome = await runMutationPath(
      {
        api: api as BulkApi & { bulkMutation: NonNullable<BulkApi['bulkMutation']> },
        store: this.store,
        alive: () => !this.killed && !live.stop,
        sleep: this.sleep,
        now: this.now,
        pollMs: this.deps.pollMs,
        classify,
        settle: (item) => {
          const p = live.job.progress;
          p.remaining--;
          live.job.stats.processed++;
          if (item.status === 'done') {
            p.done++;
            if (item.result?.changed) p.changed++;
          } else p.failed++;
          tick();
        },
      },
      live.job,
    );
    if (outcome.kind === 'fallback' || outcome.kind === 'done') return 'continue';
    if (outcome.kind === 'failed' && !this.killed) {
      if (STORE_WIDE.has(outcome.error.code)) live.job.status = 'paused';
      else live.job.status = 'failed';
      live.job.error = outcome.error;
      live.job.updatedAt = this.iso();
      await this.store.putJob(live.job);
    }
    return 'stop';
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

  /** First tries only (retries are re-read one by one anyway); null when the port cannot or the read failed. */
  private async recheck(api: BulkApi, batch: JobItem[]): Promise<Map<string, RecheckedOrder | null> | null> {
    const ids = batch.filter((i) => i.attempts === 1).map((i) => i.orderId);
    if (!ids.length || !api.recheck) return null;
    const r = await api.recheck(ids);
    return r.ok ? r.value : null;
  }

  /**
   * One order, one step: returns the item in its next state (already persisted as `applying`).
   * `seen`: the batch's re-check of this order (undefined = not re-checked, null = order gone).
   */
  private async processItem(api: BulkApi, classify: Classifier | null, job: BulkJob, item: JobItem, interrupted: boolean, seen?: RecheckedOrder | null): Promise<JobItem> {
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
    let known: OrderFacts | undefined;
    if (job.kind === 'fix' && seen === null) {
      return this.failed(applying, { code: 'order_not_found', message: 'This order no longer exists (deleted or not visible to the app).', params: { order: item.orderId } });
    }
    if (job.kind === 'fix' && seen) {
      if (sameAddress(seen.email, item.email)) known = factsOf(item, seen);
      else {
        // Changed since the scan (by hand, by another tool): judge the order as it is now.
        const facts = await api.readOrder(item.orderId);
        if (!facts.ok) return this.failed(applying, facts.error);
        const now = classify?.(facts.value);
        if (now?.cls !== 'relay') {
          return { ...applying, status: 'done', error: undefined, result: { before: facts.value.email, after: facts.value.email, changed: false, skipped: 'fixed_since_scan', at: this.iso() } };
        }
        known = facts.value;
      }
    }
    const r =
      job.kind === 'undo'
        ? await api.restoreOrder(item.orderId, opts)
        : await api.fixOrder(item.orderId, item.strategy ?? { kind: 'keep' }, { ...opts, ...(known ? { known, marketplace: item.marketplace } : {}) });
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

/** The order as the job knows it: the scan's fields with the batch's fresh email and original. */
function factsOf(item: JobItem, seen: RecheckedOrder): OrderFacts | undefined {
  // Items stored before the scan kept sourceIdentifier: read the order instead of guessing it.
  if (item.sourceIdentifier === undefined) return undefined;
  return {
    orderId: item.orderId,
    name: item.name,
    email: seen.email,
    phone: null,
    // Items keep the numeric id; the API wants the global one.
    customer: item.customerId ? { id: item.customerId.startsWith('gid://') ? item.customerId : `gid://shopify/Customer/${item.customerId}`, email: item.customerEmail } : null,
    sourceName: null,
    sourceIdentifier: item.sourceIdentifier,
    appName: null,
    channelName: null,
    tags: [],
    displayFulfillmentStatus: item.fulfilment,
    originalEmail: seen.originalEmail,
    ...(item.fixedBy ? { fixedBy: item.fixedBy } : {}),
    via: 'api',
  };
}

function sameAddress(a: string | null, b: string | null): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

async function retried(write: () => Promise<unknown>, sleep: (ms: number) => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
      await sleep(100 * 2 ** attempt);
    }
  }
}

/** The audit log's batch id: an undo is filed under the batch it undoes. */
function batchOf(job: BulkJob): string {
  return job.kind === 'undo' ? (job.undoOf ?? job.id) : job.id;
}

function backoff(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
}
