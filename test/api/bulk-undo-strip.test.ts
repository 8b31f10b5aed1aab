/**
 * Undoing a batch that removed the emails (the default fix), by bulk mutation: the undo's re-read
 * before its file must see "no email" as what the batch left, not as an order edited since. (It read
 * the batch's null as missing and judged every order edited since, so the undo changed nothing and
 * counted every order done.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { expectedRelayIds, fakeOrders, startWorker, testSettings } from './bulk-worker';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 300, plan: 'enterprise', seed: 41 });
});
afterAll(async () => api?.close());

it.each(['bulk-mutation', 'per-order'] as const)('a stripped batch undone (%s) gets every address back', async (path) => {
  api.reset();
  const settings = testSettings({ defaultStrategy: 'strip' });
  const relay = new Set(expectedRelayIds(api, settings));
  const before = new Map(fakeOrders(api).map((o) => [String(o.id), o.email]));
  const w = await startWorker(api, `undo-strip-${path}`, { settings, bulkThreshold: 100_000, bulkMutation: true, pollMs: 20 });
  const scan = await w.engine.startScan(api.shop);
  await w.engine.idle();
  const jobId = scan.ok ? scan.value.id : '';
  await w.engine.start(jobId, { path });
  await w.engine.idle();
  for (const o of fakeOrders(api)) if (relay.has(String(o.id))) expect(o.email).toBeNull();
  const undo = await w.engine.undoBatch(jobId);
  await w.engine.idle();
  const u = await w.engine.status(undo.ok ? undo.value.id : '');
  expect(u.ok && u.value.job.progress).toMatchObject({ total: relay.size, done: relay.size, changed: relay.size, failed: 0 });
  expect(api.counters.mutations.bulkOperationRunMutation ?? 0).toBe(path === 'bulk-mutation' ? 2 : 0);
  for (const o of fakeOrders(api)) expect(o.email).toBe(before.get(String(o.id)));
  w.kill();
});
