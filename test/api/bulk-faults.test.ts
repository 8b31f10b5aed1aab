/**
 * The bulk job's promise, at size, through everything that goes wrong in real life: 10,000 seeded
 * orders on the fake Admin API; dropped connections (also right after Shopify applied a change), 502s,
 * THROTTLED storms, the service worker killed mid-scan and mid-apply, and a browser restart (a new
 * engine over the same IndexedDB). At the end every relay order was changed exactly once (the fake's
 * own mutation counter), every original is in the audit log, and undoing the batch puts every address
 * back exactly.
 *
 * Time is virtual (the client waits on the fake's clock), so throttling costs no real seconds; the
 * Enterprise plan keeps the bucket from being the bottleneck. Speed at Standard limits: npm run bench:bulk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { expectedRelayIds, fakeOrders, startWorker, testSettings, virtualClock, type Worker } from './bulk-worker';

const ORDERS = Number(process.env.BULK_FAULT_ORDERS ?? 10_000);
const DB = 'bulk-faults';

/** A small seeded PRNG, so a failing run can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Waits for a condition while the job still runs; a job that stopped early fails the test with its state. */
async function until(done: () => boolean, worker: () => Worker, jobId: string, log: string[]): Promise<void> {
  for (let i = 0; !done(); i++) {
    await new Promise((r) => setTimeout(r, 5));
    if (i % 40 === 39) {
      const view = await worker().engine.status(jobId);
      const job = view.ok ? view.value.job : null;
      if (!job || (job.status !== 'running' && job.status !== 'scanning')) {
        throw new Error(`job stopped early: ${JSON.stringify(job && { status: job.status, progress: job.progress, error: job.error })}\n${log.join('\n')}`);
      }
    }
  }
}

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: ORDERS, plan: 'enterprise', seed: 2026, clock: 'manual' });
}, 120_000);
afterAll(async () => api?.close());

describe(`bulk job, ${ORDERS.toLocaleString('en')} orders, random faults`, () => {
  it('changes every relay order exactly once, records every original, and undo restores every address', { timeout: 600_000 }, async () => {
    const seed = Number(process.env.BULK_FAULT_SEED ?? 7);
    const random = rng(seed);
    const settings = testSettings();
    const clock = virtualClock(api);
    const originals = new Map(fakeOrders(api).map((o) => [String(o.id), o.email]));
    const relay = expectedRelayIds(api, settings);
    expect(relay.length).toBeGreaterThan(ORDERS * 0.3);
    const log: string[] = [];
    let worker: Worker = await startWorker(api, DB, { clock, settings, bulkThreshold: 100 });
    const restart = async (why: string) => {
      log.push(`${why} at ${api.counters.mutations.orderUpdate ?? 0} changes`);
      worker.kill();
      await new Promise((r) => setTimeout(r, 5));
      worker = await startWorker(api, DB, { clock, settings, bulkThreshold: 100 });
      return worker.engine.resumeAll();
    };

    // ── scan: a bulk operation (large store); the worker dies while Shopify prepares the export.
    const t0 = Date.now();
    const scan = await worker.engine.startScan(api.shop);
    if (!scan.ok) throw new Error(scan.error.message);
    const jobId = scan.value.id;
    // Wait until the export is running (the fake counts the bulkOperationRunQuery mutation).
    await until(() => !!api.counters.mutations.bulkOperationRunQuery, () => worker, jobId, log);
    await new Promise((r) => setTimeout(r, 20));
    api.faults.dropNext(2, { only: 'query' });
    expect(await restart('worker killed during scan')).toEqual([jobId]);
    await worker.engine.idle();
    let view = await worker.engine.status(jobId);
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.job.status).toBe('scanned');
    expect(view.value.job.scan.path).toBe('bulk');
    expect(view.value.job.scan.scanned).toBe(api.store.size);
    expect(Object.values(view.value.job.scan.byMarketplace).reduce((n, c) => n + c.relay, 0)).toBe(relay.length);
    const t1 = Date.now();

    // ── apply, with faults at random points of the run.
    const at = (lo: number, hi: number) => Math.floor(relay.length * (lo + random() * (hi - lo)));
    const events: Array<{ at: number; run: () => Promise<unknown> | void; name: string }> = [
      { at: at(0.02, 0.08), name: 'drop after apply ×3', run: () => api.faults.dropNext(3, { phase: 'after', only: 'mutation' }) },
      { at: at(0.08, 0.14), name: '502 ×4', run: () => api.faults.fail502Next(4) },
      { at: at(0.14, 0.2), name: 'THROTTLED storm', run: () => api.faults.throttleStorm(4_000) },
      { at: at(0.2, 0.26), name: 'drop before ×3', run: () => api.faults.dropNext(3, { phase: 'before' }) },
      { at: at(0.3, 0.4), name: 'worker killed', run: () => restart('worker killed') },
      { at: at(0.45, 0.5), name: 'drop after apply + 502', run: () => (api.faults.dropNext(2, { phase: 'after', only: 'mutation' }), api.faults.fail502Next(2, { only: 'mutation' })) },
      { at: at(0.55, 0.65), name: 'browser restart', run: () => restart('browser restarted') },
      { at: at(0.7, 0.8), name: 'THROTTLED storm + drop after', run: () => (api.faults.throttleStorm(6_000), api.faults.dropNext(1, { phase: 'after', only: 'mutation' })) },
      { at: at(0.85, 0.95), name: 'worker killed again', run: () => restart('worker killed again') },
    ];
    const started = await worker.engine.start(jobId);
    expect(started.ok).toBe(true);
    for (const event of events) {
      await until(() => (api.counters.mutations.orderUpdate ?? 0) >= event.at, () => worker, jobId, log);
      log.push(`${event.name} at ${api.counters.mutations.orderUpdate ?? 0}`);
      await event.run();
    }
    await worker.engine.idle();
    const t2 = Date.now();
    view = await worker.engine.status(jobId);
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.job.status, log.join('\n')).toBe('done');
    expect(view.value.job.progress).toEqual({ total: relay.length, done: relay.length, changed: relay.length, failed: 0, remaining: 0 });

    // Exactly once: the fake counts every orderUpdate it executed, including those whose answer was lost.
    expect(api.counters.mutations.orderUpdate, log.join('\n')).toBe(relay.length);
    expect(api.counters.faultsInjected).toBeGreaterThanOrEqual(10);
    expect(api.counters.throttledResponses).toBeGreaterThan(0);
    const relaySet = new Set(relay);
    for (const o of fakeOrders(api)) {
      const id = String(o.id);
      if (relaySet.has(id)) {
        expect(o.email).toBeNull(); // strip
        expect(o.metafields.find((m) => m.key === 'original_email')?.value).toBe(originals.get(id));
      } else expect(o.email).toBe(originals.get(id)); // never touched
    }
    // Every original is in the audit log: one confirmed change per relay order, nothing left pending.
    const done = new Map<string, string | null>();
    let pending = 0;
    for await (const e of worker.audit.entries({ store: api.shop })) {
      if (e.kind !== 'fix') continue;
      if (e.status === 'pending') pending++;
      if (e.status === 'done') {
        expect(done.has(e.orderId)).toBe(false);
        expect(e.batchId).toBe(jobId);
        done.set(e.orderId, e.before);
      }
    }
    expect(pending).toBe(0);
    expect(done.size).toBe(relay.length);
    for (const id of relay) expect(done.get(id)).toBe(originals.get(id));

    // Re-running after success changes nothing.
    const again = await worker.engine.startScan(api.shop);
    await worker.engine.idle();
    const rerun = await worker.engine.status(again.ok ? again.value.id : '');
    expect(rerun.ok && Object.values(rerun.value.job.scan.byMarketplace).reduce((n, c) => n + c.relay, 0)).toBe(0);
    expect(api.counters.mutations.orderUpdate).toBe(relay.length);

    // ── undo the batch, with one more killed worker on the way: every address back exactly.
    const t3 = Date.now();
    const undo = await worker.engine.undoBatch(jobId);
    if (!undo.ok) throw new Error(undo.error.message);
    await until(() => (api.counters.mutations.orderUpdate ?? 0) >= relay.length + Math.floor(relay.length / 3), () => worker, undo.value.id, log);
    api.faults.dropNext(2, { phase: 'after', only: 'mutation' });
    await restart('worker killed during undo');
    await worker.engine.idle();
    const undone = await worker.engine.status(undo.value.id);
    expect(undone.ok && undone.value.job.progress).toMatchObject({ total: relay.length, done: relay.length, failed: 0, remaining: 0 });
    for (const o of fakeOrders(api)) {
      expect(o.email).toBe(originals.get(String(o.id)));
      if (relaySet.has(String(o.id))) expect(o.metafields.some((m) => m.key === 'original_email')).toBe(false);
    }
    expect(api.counters.mutations.orderUpdate).toBe(2 * relay.length);
    worker.kill();
    console.log(
      JSON.stringify({ orders: api.store.size, relay: relay.length, scanMs: t1 - t0, applyMs: t2 - t1, undoMs: Date.now() - t3, faults: api.counters.faultsInjected, throttled: api.counters.throttledResponses, events: log }),
    );
  });
});
