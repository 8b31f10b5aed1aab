/**
 * The automatic protection's promise over ten simulated minutes: 500 orders arrive from a connector
 * (relay addresses, Etsy by channel, ordinary, already protected) while the sweep checks the store
 * every minute, and things go wrong — a connection dropped before a change and one dropped after
 * Shopify applied it, a THROTTLED burst, the worker killed in the middle of a check, a browser restart,
 * a connector re-syncing a fixed order back to its relay address. Afterwards every relay order was
 * changed exactly once (the fake's own orderUpdate counter; the re-synced one twice), every original
 * is recorded, ordinary orders are untouched — and a 3PL fulfilment plus a carrier "delivered" event on
 * every order email no marketplace buyer. The same arrivals without the sweep email every one of them
 * (the control).
 *
 * Time is virtual (client and fake share the fake's clock), at the Standard plan's limits.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifierFromSettings } from '../../lib/bulk/classify';
import type { OrderRecord } from '../fake-admin-api/model.ts';
import { FakeClock, startFakeAdminApi, type Arrival, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { deliverAsCarrier, fulfilAsThirdParty } from '../fake-admin-api/third-party.ts';
import { testSettings, virtualClock } from './bulk-worker';
import { StateBox, startAutoWorker, type AutoWorker } from './auto-worker';

const ORDERS = Number(process.env.AUTO_FAULT_ORDERS ?? 500);
const MINUTES = 10;
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 200, plan: 'standard', seed: 2027, clock: new FakeClock('manual', T0), dataAnchor: T0 });
}, 60_000);
afterAll(async () => api?.close());

const original = (o: OrderRecord) => o.metafields.find((m) => m.namespace === 'proxy_mail_guard' && m.key === 'original_email')?.value ?? null;

/** Arrivals the sweep must change (judged by the shared classifier on the order as the connector made it). */
function relayArrivals(arrivals: Arrival[], settings: ReturnType<typeof testSettings>): Arrival[] {
  const classify = classifierFromSettings(settings);
  return arrivals.filter((a) => {
    const v = classify({ email: a.connectorEmail, sourceName: a.order.sourceName, sourceIdentifier: a.order.sourceIdentifier, channelName: a.order.channel?.channelName ?? null, appName: a.order.app?.name ?? a.order.channel?.app.name ?? null, tags: a.order.tags, originalEmail: null });
    return v.cls === 'relay' && v.strategy?.kind !== 'keep';
  });
}

/** Ships every arrived order through a 3PL app (notifyCustomer: true) and has the carrier deliver it. */
async function shipEverything(arrivals: Arrival[]): Promise<void> {
  for (const a of arrivals) {
    await fulfilAsThirdParty(api, a.order.id);
    deliverAsCarrier(api, a.order.id);
  }
}

async function arrivalsOverTime(onMinute: (minute: number) => Promise<void>): Promise<void> {
  for (let minute = 1; minute <= MINUTES + 2; minute++) {
    const target = T0 + minute * 60_000;
    if (api.clock.now() < target) api.clock.advance(target - api.clock.now());
    api.connector.arriveDue();
    await onMinute(minute);
  }
}

describe(`automatic protection, ${ORDERS} orders over ${MINUTES} simulated minutes, with faults`, () => {
  it('fixes every relay order exactly once, leaves the others, and nothing reaches a marketplace buyer; without it every one is emailed', { timeout: 300_000 }, async () => {
    const settings = testSettings({ autoProtect: true, autoProtectSince: new Date(api.store.now()).toISOString() });
    api.connector.plan({ count: ORDERS, durationMs: MINUTES * 60_000, seed: 5, startAt: T0 + 1000 });
    const clock = virtualClock(api);
    const box = new StateBox();
    const dbName = 'auto-faults';
    const log: string[] = [];
    let worker: AutoWorker = await startAutoWorker(api, { dbName, box, owner: 'browser-A', settings, clock });
    const updates = () => api.counters.mutations.orderUpdate ?? 0;
    let resynced: Arrival | null = null;

    await arrivalsOverTime(async (minute) => {
      // (The lease is renewed at odd minutes: even minutes' first mutation is an orderUpdate.)
      if (minute === 2) api.faults.dropNext(1, { phase: 'before', only: 'mutation' });
      if (minute === 3) api.faults.throttleStorm(4000);
      if (minute === 4) api.faults.dropNext(1, { phase: 'after', only: 'mutation' }); // applied, answer lost
      if (minute === 7) api.faults.dropNext(2, { phase: 'before', only: 'query' });
      if (minute === 6) {
        // The connector syncs an order we fixed at minute 2 and writes its relay address back.
        resynced = relayArrivals(api.connector.arrived, settings).find((a) => api.store.orderById(a.order.id)!.email === null && a.at < T0 + 90_000) ?? null;
        expect(resynced).not.toBeNull();
        api.connector.resync(resynced!.order.id);
      }
      if (minute === 5) {
        // The service worker is killed in the middle of a check, while changes are in flight.
        const before = updates();
        const running = worker.tick().catch(() => null);
        for (let i = 0; i < 2000 && updates() < before + 3; i++) await new Promise((r) => setTimeout(r, 1));
        worker.kill();
        // Its audit writes never finish (a dead worker writes nothing): do not wait for it beyond its requests.
        await Promise.race([running, new Promise((r) => setTimeout(r, 50))]);
        log.push(`killed at ${updates()} changes`);
        worker = await startAutoWorker(api, { dbName, box, owner: 'browser-A', settings, clock });
      }
      if (minute === 8) {
        // Browser restart: a new background over the same storage and database.
        worker.kill();
        worker = await startAutoWorker(api, { dbName, box, owner: 'browser-A', settings, clock });
      }
      const report = await worker.tick();
      log.push(`minute ${minute}: ${JSON.stringify(report)}`);
      if (process.env.AUTO_FAULT_LOG) console.log(log.at(-1), updates());
    });
    worker.kill();
    expect(api.connector.pending).toBe(0);
    const arrivals = api.connector.arrived;
    expect(arrivals).toHaveLength(ORDERS);
    const relay = relayArrivals(arrivals, settings);
    const relayIds = new Set(relay.map((a) => a.order.id));
    expect(relay.length).toBeGreaterThan(ORDERS * 0.5);
    expect(api.counters.faultsInjected).toBeGreaterThanOrEqual(4);
    expect(api.counters.throttledResponses, log.join('\n')).toBeGreaterThan(0);

    // Exactly once: one orderUpdate per relay order, one more for the re-synced one.
    expect(updates(), log.join('\n')).toBe(relay.length + 1);
    for (const a of relay) {
      const now = api.store.orderById(a.order.id)!;
      expect(now.email, `${a.kind} ${a.order.name}`).toBeNull();
      expect(original(now)).toBe(a.connectorEmail);
    }
    for (const a of arrivals.filter((x) => !relayIds.has(x.order.id))) {
      const now = api.store.orderById(a.order.id)!;
      expect(now.email, `${a.kind} ${a.order.name} untouched`).toBe(a.connectorEmail);
      expect(now.updatedAt).toBe(a.order.createdAt);
    }
    // Every automatic change is in the audit log with its original; a change the killed worker never got to
    // send is closed as "not applied" (the next worker made it), none is left pending.
    const check = await startAutoWorker(api, { dbName, box: new StateBox(), owner: 'audit', settings, clock });
    let done = 0;
    for (const a of relay) {
      const list = (await check.audit.forOrder(api.shop, String(a.order.id))).filter((e) => e.kind === 'fix');
      expect(list.every((e) => e.batchId === 'automatic' && e.before === a.connectorEmail), JSON.stringify(list)).toBe(true);
      expect(list.filter((e) => e.status !== 'done').every((e) => e.status === 'failed' && e.error?.code === 'not_applied'), JSON.stringify(list)).toBe(true);
      done += list.filter((e) => e.status === 'done').length;
    }
    check.kill();
    expect(done).toBe(relay.length + 1);

    // Now every order ships through a 3PL app and is delivered: nothing reaches a marketplace buyer.
    const buyers = new Set(relay.map((a) => a.connectorEmail!.toLowerCase()));
    await shipEverything(arrivals);
    const toBuyers = api.outbox.filter((m) => buyers.has(m.to.toLowerCase()));
    expect(toBuyers).toEqual([]);
    expect(api.outbox.length).toBeGreaterThan(0); // ordinary customers still get their emails

    // The control: the same arrivals, no automatic protection.
    api.reset();
    api.connector.plan({ count: ORDERS, durationMs: MINUTES * 60_000, seed: 5, startAt: api.clock.now() + 1000 });
    api.clock.advance(MINUTES * 60_000 + 2000);
    api.connector.arriveDue();
    const control = api.connector.arrived;
    const controlRelay = relayArrivals(control, settings);
    expect(controlRelay.length).toBe(relay.length);
    await shipEverything(control);
    const controlBuyers = new Set(controlRelay.map((a) => a.connectorEmail!.toLowerCase()));
    const sent = api.outbox.filter((m) => controlBuyers.has(m.to.toLowerCase()));
    expect(sent.filter((m) => m.kind === 'shipping_confirmation')).toHaveLength(controlRelay.length);
    expect(sent.filter((m) => m.kind === 'delivered')).toHaveLength(controlRelay.length);
  });
});
