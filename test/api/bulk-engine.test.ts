/**
 * The bulk engine against an in-memory store behind its API port: scan paths, counts, apply exactly
 * once through faults and killed workers, pause/resume/cancel, failures with reasons, retry, undo.
 * (The same engine against the fake Admin API server, at 10,000 orders, is bulk-fake-api.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { BulkEngine, type BulkApi, type BulkJob } from '../../lib/bulk';
import { MemoryBulkApi, openTestDb, reopenTestDb, seedOrders, testClassifier } from './bulk-fakes';
import type { JobStore } from '../../lib/bulk/job-store';
import type { Strategy } from '../../lib/rewrite';

const instant = () => Promise.resolve();

function engine(store: JobStore, api: BulkApi, opts: { strategies?: Record<string, Strategy>; bulkThreshold?: number; concurrency?: number } = {}) {
  return new BulkEngine({
    store,
    apiFor: () => api,
    classifierFor: () => testClassifier(opts.strategies),
    sleep: instant,
    pollMs: 0,
    bulkThreshold: opts.bulkThreshold ?? 2500,
    concurrency: opts.concurrency ?? 4,
  });
}

async function scanned(e: BulkEngine, store: JobStore): Promise<BulkJob> {
  const started = await e.startScan('demo-store');
  if (!started.ok) throw new Error(started.error.message);
  await e.idle();
  const job = await store.getJob(started.value.id);
  if (!job) throw new Error('job vanished');
  return job;
}

function relayIds(api: MemoryBulkApi): string[] {
  return [...api.orders.values()].filter((o) => o.originalEmail === null && Number(o.id) % 10 < 5).map((o) => o.id);
}

describe('scan', () => {
  it('pages through a small store newest first and counts per marketplace and state', async () => {
    const api = new MemoryBulkApi(seedOrders(300));
    const { store } = await openTestDb();
    const job = await scanned(engine(store, api), store);
    expect(job.status).toBe('scanned');
    expect(job.scan.path).toBe('paging');
    expect(api.listCalls).toBe(3);
    expect(job.scan.scanned).toBe(300);
    expect(job.scan.ordinary).toBe(120);
    const counts = Object.values(job.scan.byMarketplace);
    expect(counts.reduce((n, c) => n + c.relay, 0)).toBe(150);
    expect(counts.reduce((n, c) => n + c.neutralised, 0)).toBe(30);
    expect(job.scan.byMarketplace.amazon?.relay).toBe(50);
    expect(job.scan.byMarketplace.ebay?.relay).toBe(50);
    expect(job.scan.byMarketplace.walmart?.relay).toBe(50);
    const page = await engine(store, api).preview(job.id, { cls: 'relay', limit: 5 });
    expect(page.ok && page.value.matched).toBe(150);
    expect(page.ok && page.value.items[0]).toMatchObject({ orderId: '1000', email: 'buyer0x7q@marketplace.amazon.com', proposed: 'blacklisted-buyer0x7q@marketplace.amazon.com' });
  });

  it('uses a bulk operation above the threshold and gives the same counts', async () => {
    const api = new MemoryBulkApi(seedOrders(300));
    const { store } = await openTestDb();
    const job = await scanned(engine(store, api, { bulkThreshold: 100 }), store);
    expect(job.scan.path).toBe('bulk');
    expect(api.listCalls).toBe(0);
    expect(api.bulkPolls).toBeGreaterThanOrEqual(2);
    expect(job.scan.scanned).toBe(300);
    expect(job.scan.ordinary).toBe(120);
    expect(job.scan.byMarketplace.amazon).toMatchObject({ relay: 50, neutralised: 10 });
  });

  it('resumes a bulk scan killed mid-stream without counting an order twice', async () => {
    const api = new MemoryBulkApi(seedOrders(1200));
    const { store, name } = await openTestDb();
    const slow = Object.create(api) as MemoryBulkApi;
    let lines = 0;
    const first = engine(store, slow, { bulkThreshold: 100 });
    slow.readJsonl = async function* (url: string) {
      for await (const line of api.readJsonl(url)) {
        if (++lines === 700) {
          first.kill();
          return;
        }
        yield line;
      }
    };
    const started = await first.startScan('demo-store');
    await first.idle();
    expect(started.ok).toBe(true);
    const mid = await store.getJob(started.ok ? started.value.id : '');
    expect(mid?.status).toBe('scanning');
    expect(mid?.scan.linesDone).toBe(500);
    const { store: again } = await reopenTestDb(name);
    const second = engine(again, api, { bulkThreshold: 100 });
    expect(await second.resumeAll()).toEqual([mid?.id]);
    await second.idle();
    const job = await again.getJob(mid!.id);
    expect(job?.status).toBe('scanned');
    expect(job?.scan.scanned).toBe(1200);
    expect(job?.scan.ordinary).toBe(480);
    const relay = Object.values(job!.scan.byMarketplace).reduce((n, c) => n + c.relay, 0);
    expect(relay).toBe(600);
  });
});

describe('apply', () => {
  it('neutralises every relay order exactly once; a re-run changes nothing', async () => {
    const api = new MemoryBulkApi(seedOrders(400));
    const { store } = await openTestDb();
    const e = engine(store, api);
    const job = await scanned(e, store);
    const dry = await e.dryRun(job.id);
    expect(dry.ok && dry.value.wouldChange).toBe(200);
    expect(api.mutations.size).toBe(0); // dry run sends nothing
    const ids = relayIds(api);
    await e.start(job.id);
    await e.idle();
    const done = await store.getJob(job.id);
    expect(done?.status).toBe('done');
    expect(done?.progress).toEqual({ total: 200, done: 200, changed: 200, failed: 0, remaining: 0 });
    for (const id of ids) expect(api.mutations.get(id)).toBe(1);
    expect(api.mutations.size).toBe(200);
    const again = await scanned(e, store);
    expect(Object.values(again.scan.byMarketplace).reduce((n, c) => n + c.relay, 0)).toBe(0);
    await e.start(again.id);
    await e.idle();
    expect(api.mutations.size).toBe(200);
    expect([...api.mutations.values()].every((n) => n === 1)).toBe(true);
  });

  it('applies only what the filters select', async () => {
    const api = new MemoryBulkApi(seedOrders(300));
    const { store } = await openTestDb();
    const e = engine(store, api);
    const job = await scanned(e, store);
    const filters = { marketplaces: ['amazon', 'walmart'], fulfilment: ['FULFILLED'], createdFrom: '2026-10-25', createdTo: '2026-10-29' };
    const expected = [...api.orders.values()].filter((o) => {
      const i = Number(o.id) - 1000;
      const day = o.createdAt.slice(0, 10);
      return i % 10 < 5 && i % 3 !== 1 && o.displayFulfillmentStatus === 'FULFILLED' && day >= '2026-10-25' && day <= '2026-10-29';
    });
    expect(expected.length).toBeGreaterThan(10);
    const dry = await e.dryRun(job.id, filters);
    expect(dry.ok && dry.value.wouldChange).toBe(expected.length);
    await e.start(job.id, { filters });
    await e.idle();
    const done = await store.getJob(job.id);
    expect(done?.progress.done).toBe(expected.length);
    expect([...api.mutations.keys()].sort()).toEqual(expected.map((o) => o.id).sort());
  });

  it('recovers from connections dropped after the change without sending it twice', async () => {
    const api = new MemoryBulkApi(seedOrders(200));
    const { store } = await openTestDb();
    const e = engine(store, api);
    const job = await scanned(e, store);
    const ids = relayIds(api);
    for (const id of ids.slice(0, 20)) api.orderFaults.set(id, 'network-after');
    for (const id of ids.slice(20, 30)) api.orderFaults.set(id, 'network-before');
    for (const id of ids.slice(30, 35)) api.orderFaults.set(id, 'server');
    await e.start(job.id);
    await e.idle();
    const done = await store.getJob(job.id);
    expect(done?.progress).toMatchObject({ done: 100, failed: 0, remaining: 0, changed: 100 });
    for (const id of ids) expect(api.mutations.get(id)).toBe(1);
    const recovered = await e.preview(job.id, { filters: {}, status: 'done', limit: 1000 });
    expect(recovered.ok && recovered.value.items.filter((i) => i.result?.recovered).length).toBe(20);
  });

  it('a killed worker resumes in a new instance: every order once, none skipped', async () => {
    const api = new MemoryBulkApi(seedOrders(600));
    const { store, name } = await openTestDb();
    const first = engine(store, api);
    const job = await scanned(first, store);
    const ids = relayIds(api);
    // The change reaches the store, the answer never comes back, the worker dies.
    api.orderFaults.set(ids[57]!, 'hang-after');
    api.orderFaults.set(ids[58]!, 'hang-after');
    const hungAt = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (api.mutations.has(ids[57]!) && api.mutations.has(ids[58]!)) {
          clearInterval(check);
          resolve();
        }
      }, 1);
    });
    await first.start(job.id);
    await hungAt;
    first.kill();
    const mid = await store.getJob(job.id);
    expect(mid?.status).toBe('running');
    expect(mid!.progress.done).toBeLessThan(300);
    const { store: reopened } = await reopenTestDb(name);
    const second = engine(reopened, api);
    expect(await second.resumeAll()).toEqual([job.id]);
    await second.idle();
    const done = await reopened.getJob(job.id);
    expect(done?.status).toBe('done');
    expect(done?.progress).toMatchObject({ total: 300, done: 300, failed: 0, remaining: 0, changed: 300 });
    for (const id of ids) expect(api.mutations.get(id)).toBe(1);
  });

  it('reports per-order failures with reasons, retries them, and pauses on a missing scope', async () => {
    const api = new MemoryBulkApi(seedOrders(100));
    const { store } = await openTestDb();
    const e = engine(store, api, { concurrency: 1 });
    const job = await scanned(e, store);
    const ids = relayIds(api);
    api.orderFaults.set(ids[3]!, 'not_found');
    api.orderFaults.set(ids[4]!, 'user_error');
    api.orderFaults.set(ids[10]!, 'missing_scope');
    await e.start(job.id);
    await e.idle();
    let now = await store.getJob(job.id);
    expect(now?.status).toBe('paused');
    expect(now?.error?.code).toBe('scope_missing');
    expect(now?.progress.failed).toBe(2);
    await e.resume(job.id);
    await e.idle();
    now = await store.getJob(job.id);
    expect(now?.status).toBe('done');
    expect(now?.progress).toMatchObject({ total: 50, done: 48, failed: 2, remaining: 0 });
    const failed = await e.preview(job.id, { status: 'failed' });
    expect(failed.ok && failed.value.items.map((i) => [i.orderId, i.error?.code])).toEqual([
      [ids[3], 'order_not_found'],
      [ids[4], 'user_error'],
    ]);
    await e.retryFailed(job.id);
    await e.idle();
    now = await store.getJob(job.id);
    expect(now?.progress).toMatchObject({ total: 50, done: 50, failed: 0, remaining: 0 });
    for (const id of ids) expect(api.mutations.get(id)).toBe(1);
  });

  it('pauses, resumes and cancels', async () => {
    const api = new MemoryBulkApi(seedOrders(400), { latencyMs: 1 });
    const { store } = await openTestDb();
    const e = engine(store, api, { concurrency: 2 });
    const job = await scanned(e, store);
    await e.start(job.id);
    while (api.mutations.size < 20) await new Promise((r) => setTimeout(r, 2));
    const paused = await e.pause(job.id);
    expect(paused.ok).toBe(true);
    await e.idle();
    const atPause = api.mutations.size;
    await new Promise((r) => setTimeout(r, 20));
    expect(api.mutations.size).toBe(atPause);
    const view = await e.status(job.id);
    expect(view.ok && view.value.job.status).toBe('paused');
    expect(view.ok && view.value.job.progress.done).toBe(atPause);
    await e.resume(job.id);
    while (api.mutations.size < atPause + 20) await new Promise((r) => setTimeout(r, 2));
    const cancelled = await e.cancel(job.id);
    expect(cancelled.ok && cancelled.value.status).toBe('cancelled');
    const n = api.mutations.size;
    expect(cancelled.ok && cancelled.value.progress).toMatchObject({ done: n, total: n, remaining: 0 });
    expect(n).toBeLessThan(200);
    // Starting again picks up the rest, never the ones already changed.
    await e.start(job.id);
    await e.idle();
    expect(api.mutations.size).toBe(200);
    expect([...api.mutations.values()].every((v) => v === 1)).toBe(true);
  });

  it('gives an ETA from measured throughput while running', async () => {
    const api = new MemoryBulkApi(seedOrders(200), { latencyMs: 2 });
    const { store } = await openTestDb();
    const e = new BulkEngine({ store, apiFor: () => api, classifierFor: () => testClassifier(), concurrency: 1 });
    const job = await scanned(e, store);
    await e.start(job.id);
    while (api.mutations.size < 30) await new Promise((r) => setTimeout(r, 5));
    const view = await e.status(job.id);
    expect(view.ok && view.value.etaSeconds).toBeGreaterThan(0);
    await e.idle();
    const end = await e.status(job.id);
    expect(end.ok && end.value.etaSeconds).toBe(0);
    expect(end.ok && end.value.ordersPerSecond).toBeGreaterThan(0);
  });
});

describe('undo', () => {
  it('undoes a whole batch, restoring every address exactly', async () => {
    const api = new MemoryBulkApi(seedOrders(300));
    const before = new Map([...api.orders.values()].map((o) => [o.id, o.email]));
    const { store } = await openTestDb();
    const e = engine(store, api, { strategies: { amazon: { kind: 'strip' }, ebay: { kind: 'domain', domain: 'mystore.com' } } });
    const job = await scanned(e, store);
    await e.start(job.id);
    await e.idle();
    expect(api.mutations.size).toBe(150);
    const undo = await e.undoBatch(job.id);
    expect(undo.ok).toBe(true);
    await e.idle();
    const u = await store.getJob(undo.ok ? undo.value.id : '');
    expect(u?.progress).toMatchObject({ total: 150, done: 150, failed: 0 });
    for (const [id, email] of before) expect(api.orders.get(id)?.email).toBe(email);
    expect(api.restores.size).toBe(150);
  });

  it('undoes single orders', async () => {
    const api = new MemoryBulkApi(seedOrders(50));
    const { store } = await openTestDb();
    const e = engine(store, api);
    const job = await scanned(e, store);
    await e.start(job.id);
    await e.idle();
    const r = await e.undoOrders('demo-store', [{ orderId: '1000', name: '#1000', marketplace: 'amazon', label: 'Amazon', before: 'buyer0x7q@marketplace.amazon.com', after: 'blacklisted-buyer0x7q@marketplace.amazon.com' }]);
    await e.idle();
    expect(r.ok).toBe(true);
    expect(api.orders.get('1000')?.email).toBe('buyer0x7q@marketplace.amazon.com');
    expect(api.restores.size).toBe(1);
  });
});
