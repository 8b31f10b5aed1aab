/**
 * The bulk job against the fake Admin API (real schema, cost, throttling, faults), through the same
 * client, audit log and port the extension uses.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { killWorkers, needsFix, fakeOrders, startWorker, testSettings, virtualClock } from './bulk-worker';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 300, plan: 'enterprise', seed: 7, clock: 'manual' });
});
afterAll(async () => api?.close());
// A test that fails or times out leaves no worker changing orders under the next one.
afterEach(async () => killWorkers(api));

describe('bulk job on the fake Admin API', () => {
  it.each([
    ['paging', 100_000],
    ['bulk operation', 100],
  ] as const)('scans by %s, fixes every relay order once, and undoes the batch exactly', async (_path, threshold) => {
    api.reset();
    const originals = new Map(fakeOrders(api).map((o) => [o.id, o.email]));
    const relay = fakeOrders(api).filter(needsFix);
    const w = await startWorker(api, `fake-api-${threshold}`, { clock: virtualClock(api), bulkThreshold: threshold });
    const t0 = Date.now();
    const scan = await w.engine.startScan(api.shop);
    await w.engine.idle();
    const job = await w.engine.status(scan.ok ? scan.value.id : '');
    if (!job.ok) throw new Error(job.error.message);
    expect(job.value.job.status).toBe('scanned');
    expect(job.value.job.scan.path).toBe(threshold === 100 ? 'bulk' : 'paging');
    expect(job.value.job.scan.scanned).toBe(api.store.size);
    const counted = Object.values(job.value.job.scan.byMarketplace).reduce((n, c) => n + c.relay, 0);
    expect(counted).toBe(relay.length);
    const t1 = Date.now();
    await w.engine.start(job.value.job.id);
    await w.engine.idle();
    const t2 = Date.now();
    const done = await w.engine.status(job.value.job.id);
    expect(done.ok && done.value.job.progress).toMatchObject({ total: relay.length, done: relay.length, failed: 0, remaining: 0 });
    expect(api.counters.mutations.orderUpdate).toBe(relay.length);
    for (const o of relay) {
      const now = api.store.orderById(o.id)!;
      expect(now.email).toBeNull();
      expect(now.metafields.find((m) => m.key === 'original_email')?.value).toBe(originals.get(o.id));
    }
    const undo = await w.engine.undoBatch(job.value.job.id);
    await w.engine.idle();
    const u = await w.engine.status(undo.ok ? undo.value.id : '');
    expect(u.ok && u.value.job.progress).toMatchObject({ done: relay.length, failed: 0 });
    for (const o of fakeOrders(api)) expect(o.email).toBe(originals.get(o.id));
    console.log(`${_path}: scan ${t1 - t0} ms, apply ${t2 - t1} ms, undo ${Date.now() - t2} ms for ${relay.length} relay orders`);
    w.kill();
  });

  it('three changes held by Shopify past the client timeout are each applied once (not 158 orderUpdates for 155 orders)', async () => {
    api.reset();
    const relay = fakeOrders(api).filter(needsFix);
    // Real-time timeouts, short: the server answers 3 orderUpdates after 700 ms, the client times out at 150.
    const w = await startWorker(api, 'fake-api-late-answers', { clock: virtualClock(api), bulkThreshold: 100_000, timeouts: { requestTimeoutMs: 150, lateAnswerMs: 10_000 } });
    const scan = await w.engine.startScan(api.shop);
    await w.engine.idle();
    const jobId = scan.ok ? scan.value.id : '';
    api.faults.slowNext(3, 700, { only: 'mutation' });
    await w.engine.start(jobId);
    await w.engine.idle();
    const done = await w.engine.status(jobId);
    expect(done.ok && done.value.job.progress).toMatchObject({ total: relay.length, done: relay.length, changed: relay.length, failed: 0 });
    await new Promise((r) => setTimeout(r, 800)); // anything still held has landed
    expect(api.counters.mutations.orderUpdate).toBe(relay.length);
    expect(w.client.stats.lateAnswers).toBe(3);
    w.kill();
  });

  it('a worker left running by a test is stopped before the next one counts (158 orderUpdates for 155 orders at load ≈ 22)', async () => {
    api.reset();
    const w = await startWorker(api, 'fake-api-left-running', { clock: virtualClock(api), bulkThreshold: 100_000 });
    const scan = await w.engine.startScan(api.shop);
    await w.engine.idle();
    await w.engine.start(scan.ok ? scan.value.id : '');
    // What a timed-out test leaves behind: a job in the middle of its run.
    while ((api.counters.mutations.orderUpdate ?? 0) < 20) await new Promise((r) => setTimeout(r, 1));
    await killWorkers(api);
    api.reset();
    await new Promise((r) => setTimeout(r, 300));
    expect(api.counters.mutations.orderUpdate ?? 0).toBe(0);
    expect(api.counters.graphqlRequests).toBe(0);
  });

  it('pages through the orders instead when the export file cannot be downloaded at all', async () => {
    api.reset();
    const relay = fakeOrders(api).filter(needsFix);
    let downloads = 0;
    // What a browser answers when it refuses the storage host: a network-level TypeError, no response.
    const blocked = async () => {
      downloads++;
      throw new TypeError('Failed to fetch');
    };
    const w = await startWorker(api, 'fake-api-export-blocked', { clock: virtualClock(api), bulkThreshold: 100, download: blocked });
    const scan = await w.engine.startScan(api.shop);
    await w.engine.idle();
    const job = await w.engine.status(scan.ok ? scan.value.id : '');
    if (!job.ok) throw new Error(job.error.message);
    expect(downloads).toBe(1);
    expect(job.value.job.status).toBe('scanned');
    expect(job.value.job.scan.path).toBe('paging');
    expect(job.value.job.scan.scanned).toBe(api.store.size);
    expect(Object.values(job.value.job.scan.byMarketplace).reduce((n, c) => n + c.relay, 0)).toBe(relay.length);
    w.kill();
  });

  it('optionally fixes the customer records too and unsubscribes them from email marketing', async () => {
    api.reset();
    const settings = testSettings({ defaultStrategy: 'prefix' });
    const before = fakeOrders(api).filter(needsFix);
    const w = await startWorker(api, 'fake-api-customers', { clock: virtualClock(api), settings, bulkThreshold: 100 });
    const scan = await w.engine.startScan(api.shop);
    await w.engine.idle();
    const jobId = scan.ok ? scan.value.id : '';
    await w.engine.start(jobId, { customer: true });
    await w.engine.idle();
    const done = await w.engine.status(jobId);
    expect(done.ok && done.value.job.progress.failed).toBe(0);
    let checked = 0;
    for (const o of before) {
      const after = api.store.orderById(o.id)!;
      expect(after.email).toBe(`blacklisted-${o.email}`);
      const customer = o.customerId === null ? null : api.store.customerById(o.customerId);
      if (customer && customer.email === after.email) {
        checked++;
        expect(customer.marketingState).toBe('NOT_SUBSCRIBED');
      }
    }
    expect(checked).toBeGreaterThan(before.length / 2);
    expect(api.counters.mutations.customerEmailMarketingConsentUpdate).toBe(checked);
    w.kill();
  });
});
