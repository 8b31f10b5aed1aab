/**
 * A "background worker" for bulk tests against the fake Admin API: the same pieces the extension's
 * service worker builds (IndexedDB database via openGuardDb, AdminClient, audit log, shopify port,
 * classifier from settings, BulkEngine), plus `kill()` — the worker stops dead: its requests in
 * flight are cut, it writes nothing more. A new worker over the same database name is what a restarted
 * service worker or browser gets.
 */
import { AuditLog, openGuardDb, type AuditEntry } from '../../lib/audit';
import { BulkEngine, JobStore } from '../../lib/bulk';
import { classifierFromSettings } from '../../lib/bulk/classify';
import { shopifyBulkApi } from '../../lib/bulk/shopify-port';
import { defaultSettings, neutralForms, type StoreSettings } from '../../lib/settings';
import { AdminClient } from '../../lib/shopify/client';
import type { Clock } from '../../lib/shopify/clock';
import type { FakeAdminApi } from '../fake-admin-api/index.ts';
import { connectedDomain } from '../fake-admin-api/resolvers.ts';

export function testSettings(over: Partial<StoreSettings> = {}): StoreSettings {
  // The seeded store neutralised some orders with its own domain and a fixed address: say so.
  return { ...defaultSettings(), domain: 'demo-store.com', fixedEmail: 'orders@demo-store.com', ...over };
}

/** Virtual time shared by client and fake server: waiting for the bucket costs no real time. */
export function virtualClock(api: FakeAdminApi): Clock {
  return {
    now: () => api.clock.now(),
    sleep: async (ms) => {
      if (ms > 0) api.clock.advance(ms);
      await new Promise((r) => setImmediate(r));
    },
    random: Math.random,
  };
}

/** Workers not killed yet: a test that times out must not leave one changing orders under the next test. */
const alive = new Set<Worker>();

/**
 * Kills every worker still running and waits until the fake has handled what they already sent. For
 * `afterEach`: once, at load ≈ 22, a test hit its timeout, its worker kept fixing orders beside the next
 * test's on the reset store, and that test counted 158 orderUpdates for its 155 orders.
 */
export async function killWorkers(api: Pick<FakeAdminApi, 'quiet'>): Promise<void> {
  for (const w of [...alive]) w.kill();
  await api.quiet();
}

export interface Worker {
  engine: BulkEngine;
  client: AdminClient;
  audit: AuditLog;
  kill(): void;
}

export async function startWorker(
  api: Pick<FakeAdminApi, 'shop' | 'origin' | 'token'>,
  dbName: string,
  opts: {
    settings?: StoreSettings;
    clock?: Clock;
    concurrency?: number;
    bulkThreshold?: number;
    maxInFlight?: number;
    /** The client's answer timeouts (lib/shopify/client.ts), short to provoke late answers. */
    timeouts?: { requestTimeoutMs?: number; lateAnswerMs?: number };
    jobStore?: (db: never) => JobStore;
    download?: (url: string) => Promise<Response>;
    /** Give the port the storage host (the bulk-mutation path is possible). */
    bulkMutation?: boolean;
    pollMs?: number;
    /** Fault injection on the audit log's writes (an IndexedDB that fails now and then). */
    auditUpdate?: (update: (id: string, patch: Partial<AuditEntry>) => Promise<unknown>) => (id: string, patch: Partial<AuditEntry>) => Promise<unknown>;
  } = {},
): Promise<Worker> {
  let running = true;
  const controllers = new Set<AbortController>();
  const guardedFetch: typeof fetch = async (input, init) => {
    if (!running) throw new TypeError('Failed to fetch (worker stopped)');
    const controller = new AbortController();
    controllers.add(controller);
    try {
      // The client's own timeout signal stays in force (dropping it hid every timeout from these tests).
      const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
      return await fetch(input, { ...init, signal });
    } finally {
      controllers.delete(controller);
    }
  };
  const db = await openGuardDb(indexedDB, dbName);
  const log = new AuditLog(db);
  // A stopped worker's pending promises may still resolve in Node; a real one would not write anything.
  const update = opts.auditUpdate ? opts.auditUpdate((id, patch) => log.update(id, patch)) : (id: string, patch: Partial<AuditEntry>) => log.update(id, patch);
  const audit = {
    add: (e: AuditEntry) => (running ? log.add(e) : new Promise<void>(() => undefined)),
    update: (id: string, patch: Partial<AuditEntry>) => (running ? (update(id, patch) as Promise<AuditEntry | null>) : new Promise<null>(() => undefined)),
    forOrder: (store: string, orderId: string) => log.forOrder(store, orderId),
  };
  const settings = opts.settings ?? testSettings();
  const clock = opts.clock;
  const client = new AdminClient({
    store: { handle: api.shop, origin: api.origin },
    credentials: { kind: 'admin-token', token: api.token },
    sandbox: true,
    fetch: guardedFetch,
    ...(clock ? { clock } : {}),
    ...(opts.maxInFlight ? { maxInFlight: opts.maxInFlight } : {}),
    ...opts.timeouts,
  });
  const port = shopifyBulkApi({
    client,
    audit: { ...audit, putMany: (entries: AuditEntry[]) => (running ? log.putMany(entries) : new Promise<void>(() => undefined)) },
    download: opts.download ?? ((url) => guardedFetch(url)),
    extraDomains: settings.extraDomains,
    neutral: neutralForms(settings),
    ...(opts.bulkMutation ? { upload: (url: string, form: FormData) => guardedFetch(url, { method: 'POST', body: form }) } : {}),
  });
  const engine = new BulkEngine({
    store: opts.jobStore ? opts.jobStore(db as never) : new JobStore(db as never),
    apiFor: () => port,
    classifierFor: () => classifierFromSettings(settings),
    ...(clock ? { sleep: clock.sleep, now: clock.now } : {}),
    concurrency: opts.concurrency ?? 6,
    bulkThreshold: opts.bulkThreshold ?? 2500,
    pollMs: opts.pollMs ?? 200,
  });
  const worker: Worker = {
    engine,
    client,
    audit: log,
    kill() {
      alive.delete(worker);
      running = false;
      engine.kill();
      for (const c of controllers) c.abort();
      db.close();
    },
  };
  alive.add(worker);
  return worker;
}

/** Every order of the fake store, by the fake's own bookkeeping (the oracle the tests compare with). */
export function fakeOrders(api: FakeAdminApi) {
  const out = [];
  for (let p = 0; p < api.store.size; p++) {
    const o = api.store.order(api.store.ordinalAt(p));
    if (o) out.push(o);
  }
  return out;
}

export const RELAY_KINDS = new Set(['marketplace', 'marketplace-channel-only', 'placeholder']);

/** Orders the bulk job must change: a marketplace order that still has an address (an Etsy order without one has nothing to hide). */
export function needsFix(o: { kind: string; email: string | null }): boolean {
  return RELAY_KINDS.has(o.kind) && o.email !== null;
}

/** The ids the job must change under these settings, judged by the classifier on the fake's own records. */
/**
 * The shop's own domains as a connected extension stores them (the fake's Shop.primaryDomain and
 * domains: {shop}.com, its connected .de twin, {shop}.myshopify.com). Orders a connector moved there
 * count as protected, so browser tests that connect must expect them so.
 */
export function connectedShopDomains(api: FakeAdminApi): string[] {
  const primary = `${api.shop}.com`;
  return [primary, connectedDomain(primary), `${api.shop}.myshopify.com`];
}

export function expectedRelayIds(api: FakeAdminApi, settings: StoreSettings): string[] {
  const classify = classifierFromSettings(settings);
  return fakeOrders(api)
    .filter(
      (o) =>
        classify({
          email: o.email,
          sourceName: o.sourceName,
          sourceIdentifier: o.sourceIdentifier,
          channelName: o.channel?.channelName ?? null,
          appName: o.app?.name ?? null,
          tags: o.tags,
          originalEmail: o.metafields.find((m) => m.key === 'original_email')?.value ?? null,
        }).cls === 'relay',
    )
    .map((o) => String(o.id));
}
