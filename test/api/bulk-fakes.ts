/**
 * In-memory stand-ins for the bulk engine's dependencies: a store of orders behind the BulkApi port
 * (with mutation counters and faults), a fresh fake-indexeddb database, and a classifier built from
 * the real detectMarketplace / rewriteEmail.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { detectMarketplace } from '../../lib/marketplaces';
import { rewriteEmail, type Strategy } from '../../lib/rewrite';
import { makeClassifier } from '../../lib/bulk/classify';
import { JobStore, upgradeBulkStores, type BulkDbSchema } from '../../lib/bulk/job-store';
import type { BulkApi, BulkScanState, Classifier, FixResult, OrderPage, ScannedOrder, ThrottleState } from '../../lib/bulk/types';
import type { OrderFacts } from '../../lib/order-facts';
import type { AppError, Result } from '../../lib/result';

let dbCounter = 0;
export async function openTestDb(name = `bulk-test-${++dbCounter}-${Math.random()}`): Promise<{ db: IDBPDatabase<BulkDbSchema>; name: string; store: JobStore }> {
  const db = await openDB<BulkDbSchema>(name, 1, { upgrade: (d) => upgradeBulkStores(d) });
  return { db, name, store: new JobStore(db) };
}

export async function reopenTestDb(name: string): Promise<{ db: IDBPDatabase<BulkDbSchema>; store: JobStore }> {
  const db = await openDB<BulkDbSchema>(name, 1, { upgrade: (d) => upgradeBulkStores(d) });
  return { db, store: new JobStore(db) };
}

export function testClassifier(strategies: Record<string, Strategy> = {}, fallback: Strategy = { kind: 'prefix' }): Classifier {
  return makeClassifier({
    detect: (email, context) => detectMarketplace(email, context),
    strategyFor: (m) => strategies[m] ?? fallback,
    rewrite: (email, strategy, order) => rewriteEmail(email, strategy, { orderId: order.sourceIdentifier }),
  });
}

const RELAYS = [
  (i: number) => `buyer${i}x7q@marketplace.amazon.com`,
  (i: number) => `${(i * 7919).toString(16)}a1b2c3d4e5@members.ebay.com`,
  (i: number) => `c${i}zz@relay.walmart.com`,
];

export interface MemOrder extends ScannedOrder {}

/** n orders, newest first by createdAt; about half relay addresses, some already prefixed, the rest ordinary. */
export function seedOrders(n: number): MemOrder[] {
  const orders: MemOrder[] = [];
  const base = Date.UTC(2026, 10, 1);
  for (let i = 0; i < n; i++) {
    const kind = i % 10;
    let email: string | null;
    let originalEmail: string | null = null;
    if (kind < 5) email = RELAYS[i % RELAYS.length]!(i);
    else if (kind === 5) {
      originalEmail = RELAYS[i % RELAYS.length]!(i);
      email = 'blacklisted-' + originalEmail;
    } else email = `person${i}@example.com`;
    orders.push({
      id: String(1000 + i),
      name: `#${1000 + i}`,
      createdAt: new Date(base - i * 3_600_000).toISOString(),
      email,
      sourceName: kind < 6 ? 'amazon' : 'web',
      sourceIdentifier: `114-${String(i).padStart(7, '0')}-1234567`,
      channelName: null,
      appName: null,
      tags: [],
      displayFulfillmentStatus: i % 3 === 0 ? 'FULFILLED' : 'UNFULFILLED',
      customer: { id: String(5000 + i), email },
      originalEmail,
    });
  }
  return orders;
}

type Fault = 'network-before' | 'network-after' | 'server' | 'not_found' | 'user_error' | 'missing_scope' | 'hang-after';

/** A store of orders behind the BulkApi port: applies strategies with the real rewrite, counts every change. */
export class MemoryBulkApi implements BulkApi {
  readonly orders = new Map<string, MemOrder>();
  readonly mutations = new Map<string, number>();
  readonly restores = new Map<string, number>();
  readonly faults: Fault[] = [];
  /** order id → fault for that order's next fix. */
  readonly orderFaults = new Map<string, Fault>();
  bulkPolls = 0;
  listCalls = 0;
  private cost = 0;
  private bulkOps = new Map<string, { polls: number }>();

  constructor(seed: MemOrder[], private readonly opts: { latencyMs?: number } = {}) {
    for (const o of seed) this.orders.set(o.id, { ...o });
  }

  throttle(): ThrottleState | null {
    return { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 };
  }
  costUsed(): number {
    return this.cost;
  }

  private async tick(): Promise<void> {
    if (this.opts.latencyMs) await new Promise((r) => setTimeout(r, this.opts.latencyMs));
    else await Promise.resolve();
  }

  private sorted(): MemOrder[] {
    return [...this.orders.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  async countOrders(): Promise<Result<{ count: number; exact: boolean }>> {
    await this.tick();
    return { ok: true, value: { count: this.orders.size, exact: true } };
  }

  async listOrders({ first, after }: { first: number; after: string | null }): Promise<Result<OrderPage>> {
    await this.tick();
    this.listCalls++;
    const all = this.sorted();
    const start = after ? Number(after) : 0;
    const slice = all.slice(start, start + first);
    this.cost += slice.length;
    return { ok: true, value: { orders: slice.map((o) => ({ ...o })), endCursor: String(start + slice.length), hasNextPage: start + first < all.length } };
  }

  async startBulkScan(): Promise<Result<{ id: string }>> {
    const id = `gid://shopify/BulkOperation/${this.bulkOps.size + 1}`;
    this.bulkOps.set(id, { polls: 0 });
    return { ok: true, value: { id } };
  }

  async bulkScanStatus(id: string): Promise<Result<BulkScanState>> {
    const op = this.bulkOps.get(id);
    if (!op) return { ok: false, error: { code: 'not_found', message: 'no such bulk operation' } };
    this.bulkPolls++;
    op.polls++;
    const done = op.polls >= 2;
    return { ok: true, value: { id, status: done ? 'COMPLETED' : 'RUNNING', objectCount: done ? this.orders.size : 0, url: done ? `mem://${id}` : null, errorCode: null } };
  }

  async *readJsonl(_url: string): AsyncIterable<string> {
    for (const o of this.sorted()) {
      yield JSON.stringify({
        id: `gid://shopify/Order/${o.id}`,
        name: o.name,
        createdAt: o.createdAt,
        email: o.email,
        sourceName: o.sourceName,
        sourceIdentifier: o.sourceIdentifier,
        tags: o.tags,
        displayFulfillmentStatus: o.displayFulfillmentStatus,
        app: null,
        channelInformation: null,
        customer: o.customer ? { id: `gid://shopify/Customer/${o.customer.id}`, email: o.customer.email } : null,
        metafield: o.originalEmail ? { value: o.originalEmail } : null,
      });
    }
  }

  facts(o: MemOrder): OrderFacts {
    return {
      orderId: o.id,
      name: o.name,
      email: o.email,
      phone: null,
      customer: o.customer ? { ...o.customer } : null,
      sourceName: o.sourceName,
      sourceIdentifier: o.sourceIdentifier,
      appName: o.appName,
      channelName: o.channelName,
      tags: [...o.tags],
      displayFulfillmentStatus: o.displayFulfillmentStatus,
      originalEmail: o.originalEmail,
      via: 'api',
    };
  }

  async readOrder(orderId: string): Promise<Result<OrderFacts>> {
    await this.tick();
    this.cost += 2;
    const o = this.orders.get(orderId);
    if (!o) return fail('order_not_found', 'Order not found.');
    return { ok: true, value: this.facts(o) };
  }

  private nextFault(orderId: string): Fault | undefined {
    const f = this.orderFaults.get(orderId);
    if (f) {
      this.orderFaults.delete(orderId);
      return f;
    }
    return this.faults.shift();
  }

  async fixOrder(orderId: string, strategy: Strategy, opts: { batchId: string; customer: boolean }): Promise<Result<FixResult>> {
    await this.tick();
    const fault = this.nextFault(orderId);
    if (fault === 'network-before') return fail('store_unreachable', 'The connection dropped.');
    if (fault === 'server') return fail('server_error', 'Shopify answered 502.');
    if (fault === 'missing_scope') return fail('scope_missing', 'Missing write_orders.', { scope: 'write_orders' });
    if (fault === 'user_error') return fail('user_error', 'Email is invalid', { field: 'email' });
    const o = this.orders.get(orderId);
    if (!o || fault === 'not_found') return fail('order_not_found', 'Order not found.');
    this.cost += 12;
    const r = rewriteEmail(o.email, strategy, { orderId: o.sourceIdentifier });
    if (!r.ok) return fail(r.code, r.message);
    const before = o.email;
    if (r.changed) {
      o.originalEmail ??= o.email;
      o.email = r.email;
      this.mutations.set(orderId, (this.mutations.get(orderId) ?? 0) + 1);
    }
    let customerUpdated: boolean | undefined;
    if (opts.customer && o.customer && o.customer.email === before && r.changed) {
      o.customer.email = r.email;
      customerUpdated = true;
    }
    if (fault === 'network-after') return fail('store_unreachable', 'The connection dropped after the change.');
    if (fault === 'hang-after') return new Promise(() => undefined);
    return { ok: true, value: { before, after: o.email, changed: r.changed, auditId: `audit-${orderId}`, ...(customerUpdated ? { customerUpdated } : {}) } };
  }

  async restoreOrder(orderId: string): Promise<Result<FixResult>> {
    await this.tick();
    const o = this.orders.get(orderId);
    if (!o) return fail('order_not_found', 'Order not found.');
    if (o.originalEmail === null) return { ok: true, value: { before: o.email, after: o.email, changed: false } };
    const before = o.email;
    o.email = o.originalEmail;
    o.originalEmail = null;
    this.restores.set(orderId, (this.restores.get(orderId) ?? 0) + 1);
    return { ok: true, value: { before, after: o.email, changed: true } };
  }
}

function fail(code: string, message: string, params?: Record<string, string>): { ok: false; error: AppError } {
  return { ok: false, error: params ? { code, message, params } : { code, message } };
}
