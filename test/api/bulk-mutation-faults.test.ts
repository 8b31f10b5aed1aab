/**
 * The bulk-mutation path at size, through what goes wrong with Shopify bulk operations: 10,000 seeded
 * orders; another bulk mutation in progress (OPERATION_IN_PROGRESS) twice; the upload refused, then its
 * target expired; lines applied without their metafield; the operation FAILED part-way with a partial
 * file; the browser closed while it runs (a new engine over the same IndexedDB finds the operation and
 * carries on); result lines missing (half never ran, half ran unreported); the undo's operation CANCELED
 * part-way. At the end: every relay order changed exactly once (the fake's own counter), every original
 * saved on the order and once in the audit log, and undo puts every address back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { expectedRelayIds, fakeOrders, startWorker, testSettings, virtualClock, type Worker } from './bulk-worker';

const ORDERS = Number(process.env.BULK_FAULT_ORDERS ?? 10_000);
const DB = 'bulk-mutation-faults';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: ORDERS, plan: 'standard', seed: 2027, clock: 'manual' });
}, 120_000);
afterAll(async () => api?.close());

const originalOf = (o: { metafields: { key: string; value: string }[] }) => o.metafields.find((m) => m.key === 'original_email')?.value ?? null;

async function until(done: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe(`bulk-mutation path, ${ORDERS.toLocaleString('en')} orders, Shopify's bulk faults`, () => {
  it('changes every relay order exactly once with its original saved, and undo restores every address', { timeout: 900_000 }, async () => {
    const settings = testSettings({ defaultStrategy: 'prefix' });
    const clock = virtualClock(api);
    const before = new Map(fakeOrders(api).map((o) => [String(o.id), { email: o.email, original: originalOf(o) }]));
    const relay = expectedRelayIds(api, settings);
    const relaySet = new Set(relay);
    expect(relay.length).toBeGreaterThan(ORDERS * 0.3);
    const log: string[] = [];
    const open = () => startWorker(api, DB, { clock, settings, bulkThreshold: 100, bulkMutation: true, pollMs: 50 });
    let worker: Worker = await open();
    const restart = async (why: string) => {
      log.push(`${why} at ${api.counters.mutations.orderUpdate ?? 0} changes`);
      worker.kill();
      await new Promise((r) => setTimeout(r, 5));
      worker = await open();
      return worker.engine.resumeAll();
    };

    const scan = await worker.engine.startScan(api.shop);
    if (!scan.ok) throw new Error(scan.error.message);
    const jobId = scan.value.id;
    await worker.engine.idle();
    const scanned = await worker.engine.status(jobId);
    expect(scanned.ok && scanned.value.job.scan).toMatchObject({ path: 'bulk', scanned: api.store.size });

    // Round 1: busy twice, upload refused then expired, 5 metafields dropped, FAILED after 40 % of the lines.
    const m = api.bulkMutations;
    m.faults.inProgressNext = 2;
    m.faults.stopAfter = { lines: Math.floor(relay.length * 0.4), status: 'FAILED' };
    api.stagedUploads.refuseNext = 1;
    api.stagedUploads.expireNext = 1;
    api.faults.dropMetafieldNext(5);
    // The browser closes while Shopify runs the first operation.
    let closeAt: number | null = Math.floor(relay.length * 0.2);
    m.onLine = (op, line) => {
      if (op.n === 1 && closeAt !== null && line >= closeAt) closeAt = null;
    };
    m.linesPerSecond = 20_000;
    const started = await worker.engine.start(jobId, { path: 'bulk-mutation' });
    expect(started.ok).toBe(true);
    await until(() => closeAt === null, 'the first operation to run');
    expect(await restart('browser closed while the operation runs')).toEqual([jobId]);
    // Round 2 (the next operation): 40 result lines missing.
    await until(() => (api.counters.mutations.bulkOperationRunMutation ?? 0) >= 3 && m.current()?.n === 1 && m.current()?.status !== 'RUNNING', 'the first operation to end');
    m.faults.missingLines = 40;
    await worker.engine.idle();

    const view = await worker.engine.status(jobId);
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.job.status, log.join('\n')).toBe('done');
    expect(view.value.job.notice).toBeUndefined();
    expect(view.value.job.progress).toEqual({ total: relay.length, done: relay.length, changed: relay.length, failed: 0, remaining: 0 });
    // Three operations: FAILED part-way, one with missing lines, one for the 20 lines that never ran.
    expect(m.current()?.n).toBe(3);
    expect(api.stagedUploads.uploads).toBe(5);
    // Exactly once: every orderUpdate the fake executed, bulk lines included.
    expect(api.counters.mutations.orderUpdate, log.join('\n')).toBe(relay.length);
    expect(api.counters.mutations.metafieldsSet).toBe(5);
    for (const o of fakeOrders(api)) {
      const id = String(o.id);
      const b = before.get(id)!;
      if (relaySet.has(id)) {
        expect(o.email).toBe(`blacklisted-${b.email}`);
        expect(originalOf(o)).toBe(b.original ?? b.email);
      } else expect(o.email).toBe(b.email);
    }
    const done = new Map<string, string | null>();
    for await (const e of worker.audit.entries({ store: api.shop })) {
      if (e.kind !== 'fix' || e.status === 'failed') continue;
      expect(e.status).toBe('done');
      expect(done.has(e.orderId)).toBe(false);
      done.set(e.orderId, e.before);
    }
    expect(done.size).toBe(relay.length);
    for (const id of relay) expect(done.get(id)).toBe(before.get(id)!.email);

    // Undo the same way; its first operation is CANCELED part-way.
    m.faults.stopAfter = { lines: Math.floor(relay.length * 0.3), status: 'CANCELED' };
    const undo = await worker.engine.undoBatch(jobId);
    if (!undo.ok) throw new Error(undo.error.message);
    expect(undo.value.options.path).toBe('bulk-mutation');
    await worker.engine.idle();
    const undone = await worker.engine.status(undo.value.id);
    expect(undone.ok && undone.value.job.progress).toMatchObject({ total: relay.length, done: relay.length, failed: 0, remaining: 0 });
    for (const o of fakeOrders(api)) expect(o.email).toBe(before.get(String(o.id))!.email);
    expect(api.counters.mutations.orderUpdate).toBe(2 * relay.length);
    worker.kill();
    console.log(JSON.stringify({ orders: api.store.size, relay: relay.length, operations: m.current()?.n, events: log }));
  });
});
