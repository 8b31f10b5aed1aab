/**
 * `npm run bench:auto` — the automatic protection at the Standard plan's limits (bucket 2,000 points,
 * 100 points/s restored), checking once a minute like the background's alarm, while a connector brings
 * orders in (60 % relay addresses, 10 % Etsy, 20 % ordinary, 10 % already protected by the connector).
 * Prints ONE JSON line:
 *   {"orders","p50SecondsToProtected","p95SecondsToProtected","costPerOrder","throttledErrors","failed"}
 * seconds to protected: from the order's creation to our change, on Shopify's clock; costPerOrder: every
 * point the server charged us (lease, listings, reads, changes, confirming reads) ÷ relay orders fixed.
 *
 * Time: the fake's clock runs in real time while a check works (so network and processing count) and
 * jumps over the idle seconds between checks (arrivals keep their planned creation times).
 * A second line gives the cost split by request kind.
 *
 * Env: BENCH_ORDERS (default 600), BENCH_MINUTES (default 10).
 */
import 'fake-indexeddb/auto';
import { classifierFromSettings } from '../../lib/bulk/classify';
import { defaultSettings } from '../../lib/settings';
import type { Clock } from '../../lib/shopify/clock';
import { FakeClock, startFakeAdminApi, type Arrival } from '../fake-admin-api/index.ts';
import { StateBox, startAutoWorker } from '../api/auto-worker';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 600);
const MINUTES = Number(process.env.BENCH_MINUTES ?? 10);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, at)]!;
}

async function main(): Promise<void> {
  const start = Date.now();
  const fakeClock = new FakeClock('real', start);
  const api = await startFakeAdminApi({ orders: 2000, plan: 'standard', seed: 31, clock: fakeClock, dataAnchor: start });
  const clock: Clock = { now: () => fakeClock.now(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms))), random: Math.random };
  const settings = { ...defaultSettings(), domain: 'demo-store.com', autoProtect: true, autoProtectSince: new Date(api.store.now()).toISOString() };
  const classify = classifierFromSettings(settings);
  const worker = await startAutoWorker(api, { dbName: 'bench-auto', box: new StateBox(), owner: 'bench', settings, clock });
  // Points by document (the answer's actualQueryCost), for the second line.
  const byDocument: Record<string, number> = {};
  const request = worker.client.request.bind(worker.client);
  worker.client.request = (async (document: string, variables?: Record<string, unknown>, options?: object) => {
    const name = /(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? 'other';
    const value = await request(document, variables, options);
    byDocument[name] = (byDocument[name] ?? 0) + (worker.client.stats.lastCost?.actualQueryCost ?? 0);
    return value;
  }) as typeof worker.client.request;
  const t0 = fakeClock.now();
  api.connector.plan({ count: ORDERS, durationMs: MINUTES * 60_000, seed: 9, startAt: t0 + 500 });

  const isRelay = (a: Arrival) => {
    const o = a.order;
    const v = classify({ email: a.connectorEmail, sourceName: o.sourceName, sourceIdentifier: o.sourceIdentifier, channelName: o.channel?.channelName ?? null, appName: o.app?.name ?? o.channel?.app.name ?? null, tags: o.tags, originalEmail: null });
    return v.cls === 'relay';
  };
  const protectedAt = new Map<number, number>();
  const collect = () => {
    for (const a of api.connector.arrived) {
      if (protectedAt.has(a.order.id) || !isRelay(a)) continue;
      const now = api.store.orderById(a.order.id)!;
      if (now.email === null) protectedAt.set(a.order.id, now.updatedAt);
    }
  };

  let failed = 0;
  const split = { checks: 0, read: 0, settled: 0 };
  for (let minute = 1; minute <= MINUTES + 2; minute++) {
    // Idle until the next alarm: arrivals are created at their planned times (the clock jumps).
    const alarm = t0 + minute * 60_000;
    while (fakeClock.now() < alarm) {
      const next = Math.min(alarm, fakeClock.now() + 1000);
      fakeClock.advance(next - fakeClock.now());
      for (const a of api.connector.arriveDue()) a.order.createdAt = a.at; // created at its planned second
    }
    // While the check works, orders keep arriving in real time.
    const arriving = setInterval(() => api.connector.arriveDue(), 5);
    const report = await worker.tick();
    clearInterval(arriving);
    failed += report.failed;
    split.read += report.read;
    split.settled += report.settled;
    split.checks++;
    collect();
  }
  worker.kill();
  const relay = api.connector.arrived.filter(isRelay);
  const waits = relay.filter((a) => protectedAt.has(a.order.id)).map((a) => (protectedAt.get(a.order.id)! - a.order.createdAt) / 1000).sort((x, y) => x - y);
  failed += relay.length - waits.length;
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({
      orders: api.connector.arrived.length,
      p50SecondsToProtected: round(percentile(waits, 50)),
      p95SecondsToProtected: round(percentile(waits, 95)),
      costPerOrder: round(api.counters.costUsed / Math.max(1, waits.length)),
      throttledErrors: api.counters.throttledResponses,
      failed,
    }),
  );
  console.log(JSON.stringify({ relayFixed: waits.length, costUsed: api.counters.costUsed, requests: api.counters.graphqlRequests, mutations: api.counters.mutations, pointsByDocument: byDocument, checks: split.checks, ordersRead: split.read, settledByListing: split.settled, realSeconds: round((Date.now() - start) / 1000) }));
  await api.close();
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
