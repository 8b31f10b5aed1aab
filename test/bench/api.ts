/**
 * `npm run bench:api` — fixes 2,000 seeded relay-address orders (strategy `strip`: read, one
 * orderUpdate with the original-email metafield, confirming re-read, audit log) against the fake Admin
 * API at the Standard plan's limits, and prints ONE JSON line:
 *   {"orders","seconds","costUsed","costBudget","utilisation","throttledErrors","failed"}
 * costUsed: points the server charged (sum of actualQueryCost); costBudget: what the bucket allowed in
 * that time = initial bucket level + restore rate × seconds (both from the server's throttle status).
 *
 * A second line {"memory":{…}} gives this process's heap after fixing 2,000 and 20,000 orders. The fake
 * server runs in a child process (test/bench/api-server.ts), so the figures are the client's: request
 * queue, operations and the audit log (fake-indexeddb keeps it in memory here; a browser keeps it on
 * disk). The 20k run uses simulated time — the server's manual clock is advanced whenever the queue
 * waits — so it costs minutes of CPU instead of an hour of waiting for the bucket; it is for memory only.
 *
 * Env: BENCH_ORDERS (default 2000), BENCH_MEMORY=0 skips the 20k run, BENCH_WORKERS (default 32).
 */
import 'fake-indexeddb/auto'; // idb needs the IDB* globals; each run still opens its own factory
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { IDBFactory } from 'fake-indexeddb';
import { AuditLog, openGuardDb } from '../../lib/audit';
import { AdminClient } from '../../lib/shopify/client';
import type { Clock } from '../../lib/shopify/clock';
import { changeOrderEmail } from '../../lib/shopify/email-change';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 2000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 32);
const MEMORY = process.env.BENCH_MEMORY !== '0';
/** About 37% of generated orders carry a live relay address; seed enough to find the ones we fix. */
const SEED_FACTOR = 3;

interface Info {
  token: string;
  shop: string;
  now: number;
  status: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
  ids: string[];
}

async function startServer(orders: number, manual: boolean): Promise<{ origin: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./api-server.ts', import.meta.url));
  const child = fork(script, [JSON.stringify({ orders, manual })], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { origin: string }).origin));
    child.once('exit', (code) => reject(new Error(`fake API exited (${code})`)));
  });
  return { origin, child };
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

async function run(orders: number, simulated: boolean) {
  const { origin, child } = await startServer(Math.ceil(orders * SEED_FACTOR), simulated);
  try {
    const info = (await (await fetch(`${origin}/__bench/info?n=${orders}`)).json()) as Info;
    if (info.ids.length < orders) throw new Error(`only ${info.ids.length} relay orders seeded`);
    const counters = async () => (await (await fetch(`${origin}/__fake/counters`)).json()) as { costUsed: number; throttledResponses: number };

    // Simulated time: our clock mirrors the server's manual clock; every wait advances both.
    let virtualNow = info.now;
    const clock: Clock | undefined = simulated
      ? {
          now: () => virtualNow,
          random: Math.random,
          sleep: async (ms) => {
            // Server first, then our mirror: while the two differ, the server is ahead (we under-estimate).
            await fetch(`${origin}/__bench/advance?ms=${Math.max(0, ms)}`, { method: 'POST' });
            virtualNow += Math.max(0, ms);
          },
        }
      : undefined;
    const client = new AdminClient({
      store: { handle: info.shop, origin },
      sandbox: true,
      credentials: { kind: 'admin-token', token: info.token },
      ...(clock ? { clock } : {}),
    });
    const ctx = { client, audit: new AuditLog(await openGuardDb(new IDBFactory())) };

    const before = await counters();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = simulated ? virtualNow : performance.now();
    let next = 0;
    let failed = 0;
    let peakHeap = 0;
    const worker = async () => {
      while (next < info.ids.length) {
        const id = info.ids[next++]!;
        const result = await changeOrderEmail(ctx, id, { kind: 'strip' });
        if (!result.ok || !result.value.changed) failed++;
        if (next % 500 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    const seconds = ((simulated ? virtualNow : performance.now()) - started) / 1000;
    const after = await counters();
    const costUsed = after.costUsed - before.costUsed;
    const costBudget = info.status.currentlyAvailable + info.status.restoreRate * seconds;
    gc();
    const heap = process.memoryUsage().heapUsed;
    return {
      line: {
        orders: info.ids.length,
        seconds: Math.round(seconds * 100) / 100,
        costUsed,
        costBudget: Math.round(costBudget),
        utilisation: Math.round((costUsed / costBudget) * 1000) / 1000,
        throttledErrors: after.throttledResponses - before.throttledResponses,
        failed,
      },
      memory: { heapAfterMB: mb(heap), heapGrowthMB: mb(heap - heapBefore), peakHeapMB: mb(Math.max(peakHeap, heap)), rssMB: mb(process.memoryUsage().rss) },
    };
  } finally {
    child.disconnect();
  }
}

const main = await run(ORDERS, false);
console.log(JSON.stringify(main.line));
if (MEMORY) {
  const big = await run(ORDERS * 10, true);
  console.log(
    JSON.stringify({
      memory: {
        [`orders${ORDERS}`]: main.memory,
        [`orders${ORDERS * 10}`]: { ...big.memory, simulatedTime: true, throttledErrors: big.line.throttledErrors, failed: big.line.failed },
        note: 'client process only (fake server forked); includes the audit log, which fake-indexeddb keeps in memory',
      },
    }),
  );
}
process.exit(0);
