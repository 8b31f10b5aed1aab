import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { gql } from '../fake-admin-api/http.ts';
import { adminSchema, DEMO_ORDERS, startFakeAdminApi } from '../fake-admin-api/index.ts';

// Sanity bounds only (speed is measured by benches): a 100k-order store must start instantly, stay
// small in memory (orders are generated on demand; search summaries are kept column-wise), and
// answer a newest-first page and a full scan without blowing up. Generous limits: CI shares 2 cores.
describe('fake Admin API: a 100,000-order store', () => {
  it('starts lazily, keeps memory small after a full scan, and still serves pages', async () => {
    adminSchema();
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const api = await startFakeAdminApi({ orders: 100_000, plan: 'enterprise' });
    const startMs = performance.now() - t0;
    try {
      expect(api.store.size).toBe(100_000 + Object.keys(DEMO_ORDERS).length);
      expect(startMs).toBeLessThan(1000);

      const t1 = performance.now();
      const page = await gql(api, `{ orders(first: 250, sortKey: CREATED_AT, reverse: true) { nodes { id email customer { email } } } }`);
      const pageMs = performance.now() - t1;
      expect(page.body.data.orders.nodes).toHaveLength(250);
      expect(page.body.data.orders.nodes[0].id).toBe(DEMO_ORDERS.fixedByUs.id); // demo orders are the newest

      const t2 = performance.now();
      const { body } = await gql(api, `{ ordersCount(query: "email:*@marketplace.amazon.de", limit: 200000) { count precision } }`);
      const scanMs = performance.now() - t2;
      expect(body.data.ordersCount.precision).toBe('EXACT');
      expect(body.data.ordersCount.count).toBeGreaterThan(300);

      gc();
      const retainedMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
      console.info(JSON.stringify({ orders: 100_000, startMs: Math.round(startMs), newestPageMs: Math.round(pageMs), fullScanMs: Math.round(scanMs), retainedMb: Math.round(retainedMb) }));
      expect(scanMs).toBeLessThan(30_000);
      expect(retainedMb).toBeLessThan(60);
    } finally {
      await api.close();
    }
  });
});
