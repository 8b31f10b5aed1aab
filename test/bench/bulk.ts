/**
 * `npm run bench:bulk`: the bulk job against the fake Admin API at the Standard plan's limits
 * (100 points/s, 2,000-point bucket — read from the responses, as in a real store), in real time.
 *
 *   1. 10,000 orders: scan (bulk operation), then fix every relay order (strip) one call per order:
 *      `"mode":"per-order"`;
 *   2. 100,000 orders: scan, then fix every relay order through Shopify bulk mutations (staged upload,
 *      bulkOperationRunMutation, result file): `"mode":"bulk-mutation"`, with the client's peak heap and
 *      its own CPU time (the fake API runs in a child process, so neither counts the server);
 *   3. 100,000 orders: scan only (memory flat in the number of orders).
 * One JSON line each: {"mode","orders","costPerOrder","ordersPerSecond","scanSeconds","applySeconds","utilisation","throttledErrors","failed","peakHeapMB"}.
 * costPerOrder = cost points spent while applying ÷ orders changed; ordersPerSecond = orders changed ÷
 * apply seconds.
 * utilisation = cost points spent while applying ÷ what the bucket allowed in that time
 * (bucket size + restore rate × seconds).
 *
 * Memory: peakHeapMB is the largest heap after a forced GC, sampled every 250 ms in this process (the
 * fake API runs in a child process), during a scan whose items go to a counting sink — in the browser
 * IndexedDB keeps them on disk, while fake-indexeddb here would keep them in this very heap and
 * measure the stand-in instead of the engine. The apply run needs the stored items, so it uses
 * fake-indexeddb; its figure is applyPeakHeapMB (engine + every item and audit entry in memory).
 *
 * BENCH_BULK_ORDERS=2000 (apply run size), BENCH_BULK_SCAN=20000 (scan-only size), BENCH_BULK_APPLY=0
 * (scans only), BENCH_BULK_PER_ORDER=0 / BENCH_BULK_MUTATION=0 (skip a mode), BENCH_BULK_MUTATION_ORDERS=10000
 * shorten a run; BENCH_BULK_HEAP=0 runs the bulk-mutation apply without the heap sampler.
 */
import 'fake-indexeddb/auto';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startWorker, testSettings } from '../api/bulk-worker';
import { JobStore } from '../../lib/bulk/job-store';
import type { BulkJob, JobItem } from '../../lib/bulk/types';

/** Keeps the job record, counts the items instead of storing them (see "Memory" above). */
class CountingSink extends JobStore {
  items = 0;
  override async putItemsWithJob(job: BulkJob, items: JobItem[]): Promise<void> {
    this.items += items.length;
    await this.putJob(job);
  }
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

async function startServer(orders: number, extra: Record<string, unknown> = {}): Promise<{ store: { shop: string; origin: string; token: string }; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./bulk-server.ts', import.meta.url));
  const child = fork(script, [JSON.stringify({ orders, ...extra })], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const store = await new Promise<{ shop: string; origin: string; token: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { shop: string; origin: string; token: string }));
    child.once('exit', (code) => reject(new Error(`fake API exited (${code})`)));
  });
  return { store, child };
}

/**
 * fake-indexeddb keeps every database in this process's heap until it is deleted, even after the
 * connection is closed: a run must drop its database, or the next run's peakHeapMB counts the
 * previous run's items and audit entries (the 10k apply run's ~5,600 items + audit log used to show
 * up as ~16 MB more in the 100k scan that follows it).
 */
function dropDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/**
 * Peak heap after a forced GC, sampled every `everyMs`. The forced GCs are the bench's own work, not the
 * client's: their CPU time is measured around each call (gc() is synchronous) and reported, so a CPU
 * figure can leave it out.
 */
function heapSampler(everyMs = 250) {
  let peak = 0;
  let gcMicros = 0;
  const sample = () => {
    const before = process.cpuUsage();
    gc();
    const spent = process.cpuUsage(before);
    gcMicros += spent.user + spent.system;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return mb(peak);
    },
    get gcSeconds() {
      return gcMicros / 1e6;
    },
  };
}

/** Scan with items streamed to a counting sink: the engine's own memory. */
async function scanHeap(orders: number): Promise<{ scanSeconds: number; peakHeapMB: number; items: number; throttled: number }> {
  const { store, child } = await startServer(orders);
  let sink: CountingSink | null = null;
  const dbName = `bench-sink-${orders}-${Date.now()}`;
  const worker = await startWorker(store, dbName, {
    settings: testSettings(),
    bulkThreshold: 2500,
    jobStore: (db) => (sink = new CountingSink(db)),
  });
  const heap = heapSampler();
  try {
    const t0 = performance.now();
    const scan = await worker.engine.startScan(store.shop);
    if (!scan.ok) throw new Error(scan.error.message);
    await worker.engine.idle();
    const scanned = await worker.engine.status(scan.value.id);
    if (!scanned.ok || scanned.value.job.status !== 'scanned') throw new Error(`scan ended ${scanned.ok ? scanned.value.job.status : scanned.error.message}`);
    return { scanSeconds: round((performance.now() - t0) / 1000), peakHeapMB: heap.stop(), items: (sink as CountingSink | null)?.items ?? 0, throttled: worker.client.stats.throttled };
  } finally {
    heap.stop();
    worker.kill();
    child.disconnect();
    await dropDatabase(dbName);
  }
}

/** Scan into fake-indexeddb, then fix every relay order, in real time at the plan's limits. */
async function applyRun(orders: number) {
  const { store, child } = await startServer(orders);
  const dbName = `bench-${orders}-${Date.now()}`;
  const worker = await startWorker(store, dbName, { settings: testSettings(), bulkThreshold: 2500, concurrency: 12, maxInFlight: 12 });
  const heap = heapSampler();
  try {
    const scan = await worker.engine.startScan(store.shop);
    if (!scan.ok) throw new Error(scan.error.message);
    await worker.engine.idle();
    const costBefore = worker.client.stats.costUsed;
    const throttledBefore = worker.client.stats.throttled;
    const t1 = performance.now();
    const started = await worker.engine.start(scan.value.id);
    if (!started.ok) throw new Error(started.error.message);
    await worker.engine.idle();
    const applySeconds = (performance.now() - t1) / 1000;
    const done = await worker.engine.status(scan.value.id);
    if (!done.ok) throw new Error(done.error.message);
    const bucket = worker.client.stats.lastCost?.throttleStatus;
    const budget = (bucket?.maximumAvailable ?? 0) + (bucket?.restoreRate ?? 0) * applySeconds;
    const changed = done.value.job.progress.changed;
    return {
      costPerOrder: changed ? round((worker.client.stats.costUsed - costBefore) / changed, 2) : null,
      ordersPerSecond: round(changed / applySeconds, 2),
      applySeconds: round(applySeconds),
      fixed: done.value.job.progress.changed,
      utilisation: budget ? round((worker.client.stats.costUsed - costBefore) / budget, 3) : null,
      throttledErrors: worker.client.stats.throttled - throttledBefore,
      failed: done.value.job.progress.failed,
      costUsed: worker.client.stats.costUsed - costBefore,
      costBudget: Math.round(budget),
      applyPeakHeapMB: heap.stop(),
    };
  } finally {
    heap.stop();
    worker.kill();
    child.disconnect();
    await dropDatabase(dbName);
  }
}

/**
 * Scan into fake-indexeddb, then fix every relay order through Shopify bulk mutations.
 * cpuSeconds: the client process's own CPU time while applying (process.cpuUsage; the fake API is a
 * child process), less the bench's forced GCs (benchGcSeconds, measured around each one).
 * peakHeapMB: the client's peak heap less what fake-indexeddb holds for the job (items and audit
 * entries a browser keeps on disk; measured at the end as what deleting the database frees, once the
 * engine is gone); heapWithStoredDataMB is the raw figure.
 */
async function bulkMutationRun(orders: number) {
  const { store, child } = await startServer(orders, { storage: true });
  const dbName = `bench-mutation-${orders}-${Date.now()}`;
  try {
    const result = await bulkMutationApply(store, dbName, orders);
    // The engine (and the database connection it held) is out of reach now: what deleting the
    // database frees is the stored data alone.
    gc();
    const withData = process.memoryUsage().heapUsed;
    await dropDatabase(dbName);
    gc();
    const stored = mb(Math.max(0, withData - process.memoryUsage().heapUsed));
    const { rawPeak, ...rest } = result;
    if (process.env.BENCH_BULK_HEAP === '0') return { ...rest, peakHeapMB: null, heapWithStoredDataMB: null, storedDataMB: stored };
    return { ...rest, peakHeapMB: round(rawPeak - stored), heapWithStoredDataMB: rawPeak, storedDataMB: stored };
  } finally {
    child.disconnect();
    await dropDatabase(dbName).catch(() => undefined);
  }
}

async function bulkMutationApply(store: { shop: string; origin: string; token: string }, dbName: string, orders: number) {
  const worker = await startWorker(store, dbName, { settings: testSettings(), bulkThreshold: 2500, bulkMutation: true, pollMs: 500 });
  try {
    const t0 = performance.now();
    const scan = await worker.engine.startScan(store.shop);
    if (!scan.ok) throw new Error(scan.error.message);
    await worker.engine.idle();
    const scanSeconds = (performance.now() - t0) / 1000;
    gc();
    const costBefore = worker.client.stats.costUsed;
    const throttledBefore = worker.client.stats.throttled;
    // Once a second: with 100,000 orders' items in fake-indexeddb's heap, a forced GC every 250 ms
    // took most of the client's time and slowed the run it measures.
    // BENCH_BULK_HEAP=0: no sampler at all (CPU with nothing of the bench's own to leave out; peak heap not measured).
    const heap = process.env.BENCH_BULK_HEAP === '0' ? { stop: () => 0, gcSeconds: 0 } : heapSampler(1000);
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    const started = await worker.engine.start(scan.value.id, { path: 'bulk-mutation' });
    if (!started.ok) throw new Error(started.error.message);
    await worker.engine.idle();
    const applySeconds = (performance.now() - t1) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const rawPeak = heap.stop();
    const done = await worker.engine.status(scan.value.id);
    if (!done.ok) throw new Error(done.error.message);
    const changed = done.value.job.progress.changed;
    return {
      mode: 'bulk-mutation',
      orders,
      relay: done.value.job.progress.total,
      costPerOrder: changed ? round((worker.client.stats.costUsed - costBefore) / changed, 3) : null,
      ordersPerSecond: round(changed / applySeconds, 1),
      scanSeconds: round(scanSeconds),
      applySeconds: round(applySeconds),
      cpuSeconds: round((cpu.user + cpu.system) / 1e6 - heap.gcSeconds),
      benchGcSeconds: round(heap.gcSeconds),
      throttledErrors: worker.client.stats.throttled - throttledBefore,
      failed: done.value.job.progress.failed,
      notice: done.value.job.notice?.code ?? null,
      rawPeak,
    };
  } finally {
    worker.kill();
  }
}

async function run(orders: number, apply: boolean) {
  const scan = await scanHeap(orders);
  const result: Record<string, unknown> = { mode: apply ? 'per-order' : 'scan-only', orders, costPerOrder: null, ordersPerSecond: null, scanSeconds: scan.scanSeconds, applySeconds: null, utilisation: null, throttledErrors: scan.throttled, failed: 0, peakHeapMB: scan.peakHeapMB, itemsStored: scan.items };
  if (apply) Object.assign(result, await applyRun(orders));
  console.log(JSON.stringify(result));
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

if (process.env.BENCH_BULK_PER_ORDER !== '0') await run(Number(process.env.BENCH_BULK_ORDERS ?? 10_000), process.env.BENCH_BULK_APPLY !== '0');
if (process.env.BENCH_BULK_MUTATION !== '0') console.log(JSON.stringify(await bulkMutationRun(Number(process.env.BENCH_BULK_MUTATION_ORDERS ?? 100_000))));
if (process.env.BENCH_BULK_SCAN !== '0') await run(Number(process.env.BENCH_BULK_SCAN ?? 100_000), false);
