/**
 * The automatic protection's sweep against the fake Admin API, case by case: what it changes (relay,
 * Etsy by channel) and what it leaves (ordinary, already protected, older orders); a connector
 * re-syncing an order back to its relay address; a revoked token stopping it and a new one resuming
 * it; automatic changes in the audit log, undoable; an undo by the merchant left standing (until they
 * fix the order themselves); and two browsers on one store changing each order once (the lease on
 * Shopify's side).
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEntryRows } from '../../lib/bulk/audit-view';
import { classifierFromSettings } from '../../lib/bulk/classify';
import { changeOrderEmail, restoreOriginal } from '../../lib/shopify/email-change';
import { FakeClock, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { startWorker, testSettings, virtualClock } from './bulk-worker';
import { StateBox, startAutoWorker } from './auto-worker';
import { ORDINARY_APPS } from '../fake-admin-api/connectors.ts';
import { shopifySweepApi } from '../../lib/auto-protect/shopify-port';
import { readOrderFacts } from '../../lib/shopify/order-facts';

const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
let api: FakeAdminApi;
let db = 0;

beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 60, plan: 'standard', seed: 11, clock: new FakeClock('manual', T0), dataAnchor: T0 });
});
afterAll(() => api?.close());
beforeEach(() => api.reset());

// Shopify's clock (the fake store's; it restarts at the data anchor on reset) decides what is "new".
const settings = () => testSettings({ autoProtect: true, autoProtectSince: new Date(api.store.now()).toISOString() });
const updates = () => api.counters.mutations.orderUpdate ?? 0;
const order = (id: number) => api.store.orderById(id)!;
const minute = () => api.clock.advance(60_000);
const fixedBy = (id: number) => order(id).metafields.find((m) => m.key === 'fixed_by')?.value ?? null;

describe('automatic protection sweep', () => {
  it("reads the card's classification facts: an order with a channel and no app of its own is named by the channel's app", async () => {
    const s = settings();
    // Only the channel's app says Etsy: the sweep's first read leaves it out, so it must read it again.
    const channel = { handle: 'shop_x', channelName: 'Shop X', subChannelName: 'Shop X', isMarketplace: true, app: ORDINARY_APPS.etsyIntegration };
    const lone = api.store.addOrder({ email: 'jane.doe@example.org', sourceName: '9911', app: null, channel, tags: [] } as Parameters<typeof api.store.addOrder>[0]);
    const plain = api.connector.arriveNow('relay').order;
    const worker = await startAutoWorker(api, { dbName: `auto-${db++}`, box: new StateBox(), owner: 'A', settings: s, clock: virtualClock(api) });
    const port = shopifySweepApi({ client: worker.client, audit: worker.audit as never, settings: s });
    const read = await port.readFacts([String(lone.id), String(plain.id)]);
    expect(read.ok).toBe(true);
    const classify = classifierFromSettings(s);
    for (const id of [lone.id, plain.id]) {
      const card = (await readOrderFacts(worker.client, String(id)))!;
      const sweep = read.ok ? read.value.get(String(id))! : null;
      const inputs = (f: typeof card) => ({ email: f.email, sourceName: f.sourceName, sourceIdentifier: f.sourceIdentifier, appName: f.appName, channelName: f.channelName, tags: f.tags, originalEmail: f.originalEmail, fixedBy: f.fixedBy });
      expect(inputs(sweep!)).toEqual(inputs(card));
      expect(classify(sweep!)).toEqual(classify(card));
    }
    expect(read.ok && read.value.get(String(lone.id))!.appName).toBe('Etsy Marketplace Integration');
    expect(classify(read.ok ? read.value.get(String(lone.id))! : ({} as never)).cls).toBe('relay');
  });

  it('fixes new relay and Etsy orders once, leaves ordinary, already protected and older orders alone', async () => {
    const s = settings();
    const older = api.store.changedOrders().length;
    minute();
    const relay = api.connector.arriveNow('relay');
    const etsy = api.connector.arriveNow('etsy');
    const ordinary = api.connector.arriveNow('ordinary');
    const done = api.connector.arriveNow('protected');
    const worker = await startAutoWorker(api, { dbName: `auto-${db++}`, box: new StateBox(), owner: 'A', settings: s, clock: virtualClock(api) });
    const report = await worker.tick();
    expect(report).toMatchObject({ phase: 'on', fixed: 2, failed: 0 });
    expect(updates()).toBe(2);
    expect(order(relay.order.id).email).toBeNull(); // strip, the default
    expect(order(relay.order.id).metafields.find((m) => m.key === 'original_email')?.value).toBe(relay.connectorEmail);
    expect(order(etsy.order.id).email).toBeNull();
    expect(order(ordinary.order.id).email).toBe(ordinary.connectorEmail);
    expect(order(done.order.id).email).toBe(done.connectorEmail);
    // The seeded store's own relay orders (created before the switch-on) are the bulk fix's job.
    expect(api.store.changedOrders().length).toBe(older + 4);

    // Nothing new: the next checks change nothing and skip what they saw (the memo), reading one point an order.
    minute();
    const again = await worker.tick();
    expect(again).toMatchObject({ fixed: 0, read: 0 });
    expect(updates()).toBe(2);

    // Audit: action "automatic", and undo works like any other change.
    const entries = await worker.audit.forOrder(api.shop, String(relay.order.id));
    expect(entries.map((e) => [e.kind, e.status, e.batchId, e.before])).toEqual([['fix', 'done', 'automatic', relay.connectorEmail]]);
    // The dashboard's change log reads these rows (lib/bulk/audit-view.ts): batch "automatic".
    const rows = [];
    for await (const row of auditEntryRows(worker.audit.entries({ store: api.shop }))) rows.push(row);
    expect(rows.filter((r) => r.batchId === 'automatic' && r.result === 'changed').map((r) => r.orderId).sort()).toEqual([String(relay.order.id), String(etsy.order.id)].sort());
    const undone = await restoreOriginal({ client: worker.client, audit: worker.audit }, String(relay.order.id));
    expect(undone.ok && undone.value.after).toBe(relay.connectorEmail);
    worker.kill();
  });

  it('a connector re-syncing the relay address back is caught at the next check; the first original is kept', async () => {
    const s = settings();
    minute();
    const relay = api.connector.arriveNow('relay');
    const worker = await startAutoWorker(api, { dbName: `auto-${db++}`, box: new StateBox(), owner: 'A', settings: s, clock: virtualClock(api) });
    await worker.tick();
    minute();
    api.connector.resync(relay.order.id);
    expect(order(relay.order.id).email).toBe(relay.connectorEmail);
    minute();
    expect(await worker.tick()).toMatchObject({ fixed: 1 });
    expect(updates()).toBe(2);
    expect(order(relay.order.id).email).toBeNull();
    expect(order(relay.order.id).metafields.filter((m) => m.key === 'original_email').map((m) => m.value)).toEqual([relay.connectorEmail]);
    worker.kill();
  });

  it("the merchant's undo stands: later checks leave the order; their own fix ends it, and a connector's re-sync is caught again", async () => {
    const s = settings();
    minute();
    const relay = api.connector.arriveNow('relay');
    const id = String(relay.order.id);
    const box = new StateBox();
    const worker = await startAutoWorker(api, { dbName: `auto-${db++}`, box, owner: 'A', settings: s, clock: virtualClock(api) });
    expect(await worker.tick()).toMatchObject({ fixed: 1 });
    expect(updates()).toBe(1);

    // The card's undo: the address back and the decision on the order, in one orderUpdate.
    minute();
    const undone = await restoreOriginal({ client: worker.client, audit: worker.audit }, id);
    expect(undone.ok && undone.value.after).toBe(relay.connectorEmail);
    expect(updates()).toBe(2);
    expect(fixedBy(relay.order.id)).toBe('undone');
    for (let i = 0; i < 3; i++) {
      minute();
      // Read once after the undo, then remembered (not read again while it stays as it is).
      expect(await worker.tick()).toMatchObject({ phase: 'on', fixed: 0, failed: 0, read: i === 0 ? 1 : 0 });
    }
    expect(box.state.lastProblem).toBeNull();
    expect(updates()).toBe(2);
    expect(order(relay.order.id).email).toBe(relay.connectorEmail);
    // Not a problem of the sweep's; and the card (the same classifier) still warns: it is exposed.
    const facts = (await readOrderFacts(worker.client, id))!;
    expect(classifierFromSettings(s)(facts).cls).toBe('relay');

    // The merchant fixes it from the card: the decision is cleared in the same orderUpdate.
    minute();
    const fixed = await changeOrderEmail({ client: worker.client, audit: worker.audit }, id, { kind: 'strip' });
    expect(fixed.ok && fixed.value.changed).toBe(true);
    expect(updates()).toBe(3);
    expect(fixedBy(relay.order.id)).toBe('extension');
    minute();
    expect(await worker.tick()).toMatchObject({ fixed: 0 });

    // A connector re-syncs the relay address over that fix: protected again.
    minute();
    api.connector.resync(relay.order.id);
    expect(order(relay.order.id).email).toBe(relay.connectorEmail);
    minute();
    expect(await worker.tick()).toMatchObject({ fixed: 1 });
    expect(updates()).toBe(4);
    expect(order(relay.order.id).email).toBeNull();
    worker.kill();
  });

  it("the dashboard's undo of automatic changes (one by one) stands too", async () => {
    const s = settings();
    minute();
    const relay = [api.connector.arriveNow('relay'), api.connector.arriveNow('relay')];
    const worker = await startAutoWorker(api, { dbName: `auto-${db++}`, box: new StateBox(), owner: 'A', settings: s, clock: virtualClock(api) });
    expect(await worker.tick()).toMatchObject({ fixed: 2 });
    // The change log's undo of the "automatic" batch: an undo job on the per-order path.
    const bulk = await startWorker(api, `auto-undo-${db++}`, { settings: s, clock: virtualClock(api) });
    const entries = (await Promise.all(relay.map((r) => worker.audit.forOrder(api.shop, String(r.order.id))))).flat();
    const job = await bulk.engine.undoOrders(
      api.shop,
      entries.map((e) => ({ orderId: e.orderId, name: e.orderName ?? e.orderId, marketplace: e.marketplace ?? 'amazon', label: e.marketplace ?? 'Amazon', before: e.before, after: e.after })),
    );
    expect(job.ok).toBe(true);
    await bulk.engine.idle();
    const status = await bulk.engine.status(job.ok ? job.value.id : '');
    expect(status.ok && status.value.job.progress).toMatchObject({ total: 2, done: 2, failed: 0 });
    expect(status.ok && status.value.job.options.path).not.toBe('bulk-mutation');
    expect(updates()).toBe(4);
    for (const r of relay) {
      expect(order(r.order.id).email).toBe(r.connectorEmail);
      expect(fixedBy(r.order.id)).toBe('undone');
    }
    for (let i = 0; i < 2; i++) {
      minute();
      expect(await worker.tick()).toMatchObject({ phase: 'on', fixed: 0, failed: 0 });
    }
    expect(updates()).toBe(4);
    for (const r of relay) expect(order(r.order.id).email).toBe(r.connectorEmail);

    // A bulk fix job (one by one) clears the decision with each change: a later re-sync is caught again.
    const scan = await bulk.engine.startScan(api.shop);
    await bulk.engine.idle();
    const fixJob = scan.ok ? scan.value.id : '';
    const preview = await bulk.engine.preview(fixJob, { limit: 1000 });
    expect(preview.ok && preview.value.items.filter((i) => relay.some((r) => String(r.order.id) === i.orderId)).map((i) => i.cls)).toEqual(['relay', 'relay']);
    await bulk.engine.start(fixJob);
    await bulk.engine.idle();
    for (const r of relay) expect([order(r.order.id).email, fixedBy(r.order.id)]).toEqual([null, 'extension']);
    const afterFix = updates();
    minute();
    api.connector.resync(relay[0]!.order.id);
    minute();
    // No check ran between the fix and the re-sync: the order lists as it was when undone, and is still read.
    expect(await worker.tick()).toMatchObject({ fixed: 1 });
    expect(updates()).toBe(afterFix + 1);
    expect(order(relay[0]!.order.id).email).toBeNull();
    bulk.kill();
    worker.kill();
  });

  it('a revoked token stops the sweep and says why; a working token resumes it by itself', async () => {
    const s = settings();
    api.addToken('shpat_revoked_later', ['read_orders', 'write_orders', 'read_all_orders', 'read_customers', 'write_customers']);
    const box = new StateBox();
    const worker = await startAutoWorker(api, { dbName: `auto-${db++}`, box, owner: 'A', settings: s, clock: virtualClock(api), token: 'shpat_revoked_later' });
    await worker.tick();
    api.revokeToken('shpat_revoked_later');
    minute();
    const relay = api.connector.arriveNow('relay');
    minute();
    expect(await worker.tick()).toMatchObject({ phase: 'stopped' });
    expect(box.state.problem?.code).toBe('token_invalid');
    expect(order(relay.order.id).email).toBe(relay.connectorEmail);
    // Reconnected (a new token saved): the next check resumes and catches up on what arrived meanwhile.
    const next = await startAutoWorker(api, { dbName: `auto-${db++}`, box, owner: 'A', settings: s, clock: virtualClock(api) });
    minute();
    expect(await next.tick()).toMatchObject({ phase: 'on', fixed: 1 });
    expect(box.state.problem).toBeNull();
    expect(box.state.lastProblem?.code).toBe('token_invalid');
    expect(order(relay.order.id).email).toBeNull();
    worker.kill();
    next.kill();
  });

  it('two browsers on one store: one holds the lease, each order is changed once, the other takes over when it goes', async () => {
    const s = settings();
    minute();
    const first = [api.connector.arriveNow('relay'), api.connector.arriveNow('relay'), api.connector.arriveNow('etsy')];
    const clock = virtualClock(api);
    const a = await startAutoWorker(api, { dbName: `auto-${db++}`, box: new StateBox(), owner: 'browser-A', settings: s, clock });
    const b = await startAutoWorker(api, { dbName: `auto-${db++}`, box: new StateBox(), owner: 'browser-B', settings: s, clock });
    // Both wake at the same moment.
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    expect([ra.phase, rb.phase].sort()).toEqual(['on', 'standby']);
    expect(updates()).toBe(3);
    const classify = classifierFromSettings(s);
    for (const f of first) expect(classify({ ...order(f.order.id), channelName: null, appName: null, originalEmail: null }).cls).not.toBe('relay');
    // Browser A closes: after its lease has run out, B takes over.
    const [holder, other] = ra.phase === 'on' ? [a, b] : [b, a];
    holder.kill();
    for (let i = 0; i < 6; i++) {
      minute();
      api.connector.arriveNow('relay');
      await other.tick();
    }
    minute();
    expect(await other.tick()).toMatchObject({ phase: 'on' });
    expect(updates()).toBe(3 + 6);
    other.kill();
  });
});
