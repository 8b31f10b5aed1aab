/**
 * `npm run bench:api` — fixes seeded relay-address orders against the fake Admin API at the Standard
 * plan's limits and prints ONE JSON line:
 *   {"orders","seconds","costUsed","costBudget","utilisation","throttledErrors","failed"}
 * costUsed: points the server charged (actual query cost); costBudget: what the bucket allowed in that
 * time = initial bucket + restore rate × seconds (both read from the server's throttle status).
 *
 * Then a second JSON line {"memory":{…}} with heap/RSS after fixing 2,000 and 20,000 orders. The 20k run
 * uses simulated time (the fake server's manual clock, advanced whenever the queue waits) so it takes
 * minutes of CPU instead of an hour of waiting for the bucket; its figures are memory only. Both runs
 * hold the fake server's store and fake-indexeddb's in-memory audit log in this same process, so the
 * client's own share is the heap delta over the run minus the audit entries.
 *
 * Env: BENCH_ORDERS (default 2000), BENCH_MEMORY=0 to skip the 20k line, BENCH_WORKERS (default 32).
 */
import 'fake-indexeddb/auto'; // idb needs the IDB* globals; each run still opens its own factory
import { IDBFactory } from 'fake-indexeddb';
import { AuditLog, openGuardDb } from '../../lib/audit';
import { AdminClient } from '../../lib/shopify/client';
import type { Clock } from '../../lib/shopify/clock';
import { changeOrderEmail } from '../../lib/shopify/email-change';
import { FakeClock, startFakeAdminApi } from '../fake-admin-api/index';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 2000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 32);
const MEMORY = process.env.BENCH_MEMORY !== '0';
/** About 37% of generated orders carry a live relay address; seed enough to find the ones we fix. */
const SEED_FACTOR = 3;

interface RunResult {
  orders: number;
  seconds: number;
  costUsed: number;
  costBudget: number;
  utilisation: number;
  throttledErrors: number;
  failed: number;
  heapUsedMB: number;
  heapDeltaMB: number;
  rssMB: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

async function run(orders: number, simulated: boolean): Promise<RunResult> {
  const fakeClock = new FakeClock(simulated ? 'manual' : 'real');
  const api = await startFakeAdminApi({ orders: Math.ceil(orders * SEED_FACTOR), plan: 'standard', seed: 42, clock: fakeClock });
  try {
    const ids: string[] = [];
    for (let i = 0; i < api.store.size && ids.length < orders; i++) {
      const order = api.store.order(api.store.ordinalAt(i));
      if (order && order.kind === 'marketplace' && order.email) ids.push(String(order.id));
    }
    if (ids.length < orders) throw new Error(`only ${ids.length} relay orders seeded`);

    // Simulated time: the queue's waits advance the server's clock instead of the wall clock.
    const clock: Clock | undefined = simulated
      ? {
          now: () => fakeClock.now(),
          random: Math.random,
          sleep: (ms) =>
            new Promise((resolve) => {
              fakeClock.advance(Math.max(0, ms));
              setImmediate(resolve);
            }),
        }
      : undefined;
    const client = new AdminClient({
      store: { handle: api.shop, origin: api.origin },
      sandbox: true,
      credentials: { kind: 'admin-token', token: api.token },
      ...(clock ? { clock } : {}),
    });
    const audit = new AuditLog(await openGuardDb(new IDBFactory()));
    const ctx = { client, audit };

    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const initial = api.throttleStatus();
    const costBefore = api.counters.costUsed;
    const throttledBefore = api.counters.throttledResponses;
    const started = simulated ? fakeClock.now() : performance.now();

    let next = 0;
    let failed = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const result = await changeOrderEmail(ctx, id, { kind: 'strip' });
        if (!result.ok || !result.value.changed) failed++;
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));

    const seconds = ((simulated ? fakeClock.now() : performance.now()) - started) / 1000;
    const costUsed = api.counters.costUsed - costBefore;
    const costBudget = initial.currentlyAvailable + initial.restoreRate * seconds;
    gc();
    const memory = process.memoryUsage();
    return {
      orders: ids.length,
      seconds: Math.round(seconds * 100) / 100,
      costUsed,
      costBudget: Math.round(costBudget),
      utilisation: Math.round((costUsed / costBudget) * 1000) / 1000,
      throttledErrors: api.counters.throttledResponses - throttledBefore,
      failed,
      heapUsedMB: mb(memory.heapUsed),
      heapDeltaMB: mb(memory.heapUsed - heapBefore),
      rssMB: mb(memory.rss),
    };
  } finally {
    await api.close();
  }
}

const main = await run(ORDERS, false);
const { heapUsedMB, heapDeltaMB, rssMB, ...line } = main;
console.log(JSON.stringify(line));
if (MEMORY) {
  const big = await run(ORDERS * 10, true);
  console.log(
    JSON.stringify({
      memory: {
        [`orders${ORDERS}`]: { heapUsedMB, heapDeltaMB, rssMB },
        [`orders${ORDERS * 10}`]: { heapUsedMB: big.heapUsedMB, heapDeltaMB: big.heapDeltaMB, rssMB: big.rssMB, simulatedTime: true, throttledErrors: big.throttledErrors, failed: big.failed },
        note: 'same process as the fake server and fake-indexeddb (in-memory audit log); heapDelta = growth over the run',
      },
    }),
  );
}
