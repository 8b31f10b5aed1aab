/**
 * The bulk-mutation round's re-check before the upload reads only the orders Shopify lists as updated
 * since the scan began: a store where nothing changed costs a listing page, not a point per order, and
 * an order edited after the scan is still re-read and judged as it is now. A job stored without the
 * scan's start (older versions) re-reads every order, as before.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JobStore } from '../../lib/bulk/job-store';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { expectedRelayIds, fakeOrders, killWorkers, startWorker, testSettings, virtualClock } from './bulk-worker';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 3000, plan: 'standard', seed: 41, clock: 'manual' });
});
afterAll(async () => api?.close());
afterEach(async () => killWorkers(api));

const settings = testSettings({ defaultStrategy: 'prefix' });

/** Scans, lets `between` act on the store and the stored job, then applies by bulk mutation: the points and requests of the apply. */
async function applied(name: string, between: (jobs: JobStore, jobId: string) => Promise<void> | void) {
  let jobs: JobStore | null = null;
  const w = await startWorker(api, name, {
    clock: virtualClock(api),
    settings,
    bulkThreshold: 100_000,
    bulkMutation: true,
    pollMs: 20,
    jobStore: (db) => (jobs = new JobStore(db)),
  });
  const scan = await w.engine.startScan(api.shop);
  await w.engine.idle();
  const jobId = scan.ok ? scan.value.id : '';
  await between(jobs!, jobId);
  const cost = api.counters.costUsed;
  const requests = api.counters.graphqlRequests;
  await w.engine.start(jobId, { path: 'bulk-mutation' });
  await w.engine.idle();
  const status = await w.engine.status(jobId);
  const done = await w.engine.preview(jobId, { status: 'done', limit: 5000 });
  w.kill();
  return {
    progress: status.ok ? status.value.job.progress : null,
    skipped: done.ok ? done.value.items.filter((i) => i.result?.skipped === 'fixed_since_scan').map((i) => i.orderId).sort() : [],
    points: api.counters.costUsed - cost,
    requests: api.counters.graphqlRequests - requests,
  };
}

describe('bulk-mutation re-check before the upload', () => {
  it('nothing changed since the scan: a listing page instead of one re-read per 250 orders; a job without the scan start re-reads all', async () => {
    api.reset();
    const relay = expectedRelayIds(api, settings);
    expect(relay.length).toBeGreaterThan(750);
    const listed = await applied('recheck-since-none', () => undefined);
    expect(listed.progress).toMatchObject({ total: relay.length, done: relay.length, changed: relay.length, failed: 0 });

    api.reset();
    const full = await applied('recheck-since-old-job', async (jobs, jobId) => {
      const job = (await jobs.getJob(jobId))!;
      delete job.scan.startedAt;
      await jobs.putJob(job);
    });
    expect(full.progress).toMatchObject({ total: relay.length, done: relay.length, changed: relay.length, failed: 0 });
    console.log(`re-check: ${listed.points} points / ${listed.requests} requests with the listing, ${full.points} / ${full.requests} re-reading all ${relay.length}`);
    // The full re-read: a point per order and a request per 250; the listing: none of that.
    expect(full.points - listed.points).toBeGreaterThanOrEqual(relay.length * 0.95);
    expect(full.requests - listed.requests).toBeGreaterThanOrEqual(Math.ceil(relay.length / 250) - 1);
    expect(listed.points).toBeLessThan(60);
  });

  it('orders edited after the scan are listed, re-read and judged as they are now', async () => {
    api.reset();
    const relay = expectedRelayIds(api, settings);
    const before = new Map(fakeOrders(api).map((o) => [String(o.id), o.email]));
    const byHand = relay[5]!;
    const resynced = relay[600]!;
    const newRelay = before.get(resynced)!.replace(/^[^@]+/, 'resynced0815');
    const r = await applied('recheck-since-edited', () => {
      // Each edit moves the order's updatedAt past the scan's start, as Shopify's would. The fake's
      // store time runs behind the worker's clock (as a browser's clock may be wrong): the scan's mark is
      // Shopify's, so these are listed all the same (with the browser's time as the cutoff they were not).
      api.clock.advance(60_000);
      for (const [id, email] of [[byHand, 'orders@demo-store.com'], [resynced, newRelay]] as const) {
        const order = api.store.mutableOrder(api.store.orderById(Number(id))!.ordinal);
        order.email = email;
        api.store.touch(order);
      }
    });
    expect(r.progress).toMatchObject({ total: relay.length, done: relay.length, changed: relay.length - 1, failed: 0 });
    expect(r.skipped).toEqual([byHand]);
    expect(api.store.orderById(Number(byHand))!.email).toBe('orders@demo-store.com');
    expect(api.store.orderById(Number(resynced))!.email).toBe(`blacklisted-${newRelay}`);
    expect(api.counters.mutations.orderUpdate).toBe(relay.length - 1);
    expect(r.points).toBeLessThan(60);
  });

  it('more orders updated since the scan than the round holds: the listing stops and every order is re-read', async () => {
    api.reset();
    const relay = expectedRelayIds(api, settings);
    const byHand = relay[7]!;
    const r = await applied('recheck-since-many', () => {
      api.clock.advance(60_000);
      // Every order of the store touched (more than the round's orders), one of them fixed by hand.
      for (const o of fakeOrders(api)) {
        const order = api.store.mutableOrder(api.store.orderById(o.id)!.ordinal);
        if (String(o.id) === byHand) order.email = 'orders@demo-store.com';
        api.store.touch(order);
      }
    });
    expect(r.progress).toMatchObject({ total: relay.length, done: relay.length, changed: relay.length - 1, failed: 0 });
    expect(r.skipped).toEqual([byHand]);
    // The full re-read (a point per order) plus the listing pages read before it gave up (≤ round + 250 ids).
    expect(r.points).toBeGreaterThanOrEqual(relay.length);
    expect(r.points).toBeLessThan(2 * relay.length + 300);
  });
});
