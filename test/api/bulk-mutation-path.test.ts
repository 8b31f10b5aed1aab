/**
 * The bulk job's bulk-mutation path against the fake Admin API: staged upload, bulkOperationRunMutation,
 * polling, the result file reconciled line by line into the job and the audit log — and undone the same way.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { expectedRelayIds, fakeOrders, killWorkers, startWorker, testSettings, virtualClock } from './bulk-worker';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 400, plan: 'standard', seed: 31, clock: 'manual' });
});
afterAll(async () => api?.close());
afterEach(async () => killWorkers(api));

const original = (o: { metafields: { key: string; value: string }[] }) => o.metafields.find((m) => m.key === 'original_email')?.value ?? null;
const fixedBy = (o: { metafields: { key: string; value: string }[] }) => o.metafields.find((m) => m.key === 'fixed_by')?.value ?? null;

describe('bulk-mutation path', () => {
  it('changes every relay order once with its original in the same line, records each, and undoes by bulk mutation too', async () => {
    api.reset();
    const settings = testSettings({ defaultStrategy: 'prefix' });
    const relay = new Set(expectedRelayIds(api, settings));
    const before = new Map(fakeOrders(api).map((o) => [String(o.id), { email: o.email, original: original(o), fixedBy: fixedBy(o) }]));
    const w = await startWorker(api, 'mutation-path-basic', { clock: virtualClock(api), settings, bulkThreshold: 100_000, bulkMutation: true, pollMs: 20 });
    const scan = await w.engine.startScan(api.shop);
    await w.engine.idle();
    const jobId = scan.ok ? scan.value.id : '';
    const cost = api.counters.costUsed;
    await w.engine.start(jobId, { path: 'bulk-mutation' });
    await w.engine.idle();
    const status = await w.engine.status(jobId);
    expect(status.ok && status.value.job.progress).toMatchObject({ total: relay.size, done: relay.size, changed: relay.size, failed: 0, remaining: 0 });
    expect(status.ok && status.value.job.notice).toBeUndefined();
    expect(api.counters.mutations.orderUpdate).toBe(relay.size);
    expect(api.counters.mutations.bulkOperationRunMutation).toBe(1);
    for (const o of fakeOrders(api)) {
      const b = before.get(String(o.id))!;
      if (relay.has(String(o.id))) {
        expect(o.email).toBe(`blacklisted-${b.email}`);
        expect(original(o)).toBe(b.original ?? b.email);
      } else expect(o.email).toBe(b.email);
    }
    const audit = await w.audit.forBatch(jobId);
    expect(audit.filter((e) => e.status === 'done' && e.kind === 'fix').length).toBe(relay.size);
    console.log(`bulk-mutation path: ${relay.size} orders, ${api.counters.costUsed - cost} points`);
    // The re-check before the upload (one point per order, 250 a request) and a few calls of its own.
    expect(api.counters.costUsed - cost).toBeLessThan(relay.size + 40);

    const undo = await w.engine.undoBatch(jobId);
    await w.engine.idle();
    const u = await w.engine.status(undo.ok ? undo.value.id : '');
    expect(u.ok && u.value.job.progress).toMatchObject({ total: relay.size, done: relay.size, failed: 0 });
    expect(api.counters.mutations.bulkOperationRunMutation).toBe(2);
    for (const o of fakeOrders(api)) expect(o.email).toBe(before.get(String(o.id))!.email);
    // Each undo line carried the merchant's decision, so the automatic protection leaves these orders.
    for (const o of fakeOrders(api)) expect(fixedBy(o)).toBe(relay.has(String(o.id)) ? 'undone' : before.get(String(o.id))!.fixedBy);

    // Fixed again by a new batch: each line clears that decision (the automatic protection guards them again).
    const rescan = await w.engine.startScan(api.shop);
    await w.engine.idle();
    await w.engine.start(rescan.ok ? rescan.value.id : '', { path: 'bulk-mutation' });
    await w.engine.idle();
    expect(api.counters.mutations.bulkOperationRunMutation).toBe(3);
    for (const o of fakeOrders(api)) {
      const b = before.get(String(o.id))!;
      if (relay.has(String(o.id))) expect([o.email, fixedBy(o)]).toEqual([`blacklisted-${b.email}`, 'extension']);
      else expect([o.email, fixedBy(o)]).toEqual([b.email, b.fixedBy]);
    }
    w.kill();
  });

  it('re-reads every order right before the upload: addresses changed since the scan are never overwritten blindly', async () => {
    api.reset();
    const settings = testSettings({ defaultStrategy: 'prefix' });
    const relay = expectedRelayIds(api, settings);
    const before = new Map(fakeOrders(api).map((o) => [String(o.id), { email: o.email, original: original(o) }]));
    const w = await startWorker(api, 'mutation-path-recheck', { clock: virtualClock(api), settings, bulkThreshold: 100_000, bulkMutation: true, pollMs: 20 });
    const scan = await w.engine.startScan(api.shop);
    await w.engine.idle();
    const jobId = scan.ok ? scan.value.id : '';
    // After the scan: the merchant fixes three by hand (each in a way the settings recognise), and a
    // connector re-syncs a fourth with another relay address.
    const edit = (id: string, email: string | null) => {
      const order = api.store.mutableOrder(api.store.orderById(Number(id))!.ordinal);
      order.email = email;
      api.store.touch(order);
    };
    const byHand = relay.slice(0, 3);
    byHand.forEach((id, i) => edit(id, [`blacklisted-${before.get(id)!.email}`, 'orders@demo-store.com', null][i]!));
    const resynced = relay[3]!;
    const newRelay = before.get(resynced)!.email!.replace(/^[^@]+/, 'resynced4711');
    edit(resynced, newRelay);
    const handMade = new Map(byHand.map((id) => [id, api.store.orderById(Number(id))!.email]));

    await w.engine.start(jobId, { path: 'bulk-mutation' });
    await w.engine.idle();
    const status = await w.engine.status(jobId);
    expect(status.ok && status.value.job.progress).toMatchObject({ total: relay.length, done: relay.length, changed: relay.length - 3, failed: 0, remaining: 0 });
    // Only the lines still needed went to Shopify: no orderUpdate for the three fixed by hand.
    expect(api.counters.mutations.orderUpdate).toBe(relay.length - 3);
    for (const id of byHand) {
      expect(api.store.orderById(Number(id))!.email).toBe(handMade.get(id));
      expect(original(api.store.orderById(Number(id))!)).toBe(before.get(id)!.original);
    }
    // Judged as it is now: the new relay address is neutralised and is the original recorded.
    const re = api.store.orderById(Number(resynced))!;
    expect(re.email).toBe(`blacklisted-${newRelay}`);
    expect(original(re)).toBe(before.get(resynced)!.original ?? newRelay);
    const done = await w.engine.preview(jobId, { status: 'done', limit: 1000 });
    expect(done.ok && done.value.items.filter((i) => i.result?.skipped === 'fixed_since_scan').map((i) => i.orderId).sort()).toEqual([...byHand].sort());
    const audit = await w.audit.forBatch(jobId);
    expect(audit.find((e) => e.orderId === resynced && e.status === 'done')).toMatchObject({ before: newRelay, after: `blacklisted-${newRelay}` });
    expect(audit.some((e) => byHand.includes(e.orderId))).toBe(false);

    // Undo: an order the merchant edited after the batch is left as it is; every other goes back.
    const editedAfter = relay[10]!;
    edit(editedAfter, 'merchant-typed@example.net');
    const undo = await w.engine.undoBatch(jobId);
    await w.engine.idle();
    const u = await w.engine.status(undo.ok ? undo.value.id : '');
    expect(u.ok && u.value.job.progress).toMatchObject({ total: relay.length - 3, done: relay.length - 3, failed: 0 });
    expect(api.store.orderById(Number(editedAfter))!.email).toBe('merchant-typed@example.net');
    for (const o of fakeOrders(api)) {
      const id = String(o.id);
      if (id === editedAfter) continue;
      expect(o.email).toBe(byHand.includes(id) ? handMade.get(id) : id === resynced ? newRelay : before.get(id)!.email);
    }
    expect(api.counters.mutations.orderUpdate).toBe(2 * (relay.length - 3) - 1);
  });
});
