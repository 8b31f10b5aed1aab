/**
 * The bulk job's bulk-mutation path against the fake Admin API: staged upload, bulkOperationRunMutation,
 * polling, the result file reconciled line by line into the job and the audit log — and undone the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { expectedRelayIds, fakeOrders, startWorker, testSettings, virtualClock } from './bulk-worker';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 400, plan: 'standard', seed: 31, clock: 'manual' });
});
afterAll(async () => api?.close());

const original = (o: { metafields: { key: string; value: string }[] }) => o.metafields.find((m) => m.key === 'original_email')?.value ?? null;

describe('bulk-mutation path', () => {
  it('changes every relay order once with its original in the same line, records each, and undoes by bulk mutation too', async () => {
    api.reset();
    const settings = testSettings({ defaultStrategy: 'prefix' });
    const relay = new Set(expectedRelayIds(api, settings));
    const before = new Map(fakeOrders(api).map((o) => [String(o.id), { email: o.email, original: original(o) }]));
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
    expect(api.counters.costUsed - cost).toBeLessThan(200);

    const undo = await w.engine.undoBatch(jobId);
    await w.engine.idle();
    const u = await w.engine.status(undo.ok ? undo.value.id : '');
    expect(u.ok && u.value.job.progress).toMatchObject({ total: relay.size, done: relay.size, failed: 0 });
    expect(api.counters.mutations.bulkOperationRunMutation).toBe(2);
    for (const o of fakeOrders(api)) expect(o.email).toBe(before.get(String(o.id))!.email);
    w.kill();
  });
});
