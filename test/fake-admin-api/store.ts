// Past 400 lines on purpose: the fake store's one mutable model (orders, customers, metafields, arrivals); its generators already live in generator.ts.
import type { FakeClock } from './clock.ts';
import { buildDemoOrder, DEMO_KEYS } from './fixtures.ts';
import { expandCore, generateCore, lineItemsFor, openFulfillmentOrder, originalEmailMetafield, type GenContext, type GeneratedCore } from './generator.ts';
import {
  ADDED_ORDINAL,
  DEMO_ORDINAL,
  derivedId,
  ordinalOf,
  type CustomerRecord,
  type FulfillmentOrderRecord,
  type FulfillmentRecord,
  type IdKind,
  type MetafieldRecord,
  type OrderRecord,
  type OrderSummary,
} from './model.ts';
import { prng } from './random.ts';
import { SummaryColumns } from './columns.ts';
import { compileSearch, summarize, type LeadingWildcard, type SearchWarning } from './search.ts';

export type OrderSortKey = 'ID' | 'CREATED_AT' | 'PROCESSED_AT' | 'UPDATED_AT' | 'ORDER_NUMBER' | string;

export interface ListOptions {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
  sortKey?: OrderSortKey | null;
  query?: string | null;
  /** Only orders created after this time are visible (no read_all_orders scope). */
  visibleSince?: number | null;
  leadingWildcard: LeadingWildcard;
  /** Extra filter (e.g. one customer's orders). */
  where?: (o: OrderSummary) => boolean;
}

export interface ListPage {
  orders: OrderRecord[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  warnings: SearchWarning[];
}

export interface StoreOptions {
  seed: number;
  count: number;
  anchor: number;
  merchantDomain: string;
  clock: FakeClock;
}

export interface NewOrder {
  email?: string | null;
  phone?: string | null;
  sourceName?: string | null;
  sourceIdentifier?: string | null;
  tags?: string[];
  createdAt?: number;
  customerEmail?: string | null;
  noCustomer?: boolean;
  app?: OrderRecord['app'];
  channel?: OrderRecord['channel'];
  /** What the order is meant to be (tests and arrivals; default 'ordinary'). */
  kind?: OrderRecord['kind'];
  marketplace?: string | null;
  /** Our `proxy_mail_guard.original_email`, as an order fixed earlier would carry it. */
  originalEmail?: string | null;
}

/**
 * The shop's data. Generated orders are a pure function of (seed, ordinal) and are produced on
 * demand; only orders and customers that something changed are kept (`orders`/`customers` maps),
 * so a 100k-order store costs a few typed arrays until it is written to.
 */
export class Store {
  readonly seed: number;
  readonly count: number;
  readonly ctx: GenContext;
  private readonly clock: FakeClock;
  private readonly clockStart: number;
  private readonly orders = new Map<number, OrderRecord>(); // by ordinal: changed or added orders
  private readonly customers = new Map<number, CustomerRecord | null>(); // by ordinal
  private readonly added: number[] = []; // ordinals of orders added by tests
  private readonly columns: SummaryColumns; // summaries of generated orders, filled on first use
  private demoCache: { order: OrderRecord; customer: CustomerRecord | null }[] | null = null;
  private createdMonotonic = true;
  private updatedAt: Float64Array | null = null; // by position, built on first UPDATED_AT sort
  private sortCache = new Map<string, { order: Int32Array; inverse: Int32Array }>();
  private readonly extraIds = new Map<string, number>(); // created fulfillments/refunds/metafields → owner ordinal
  private idCounter = 0;
  /** Metafields owned by the shop itself (our sweep's lease lives here). */
  readonly shopMetafields: MetafieldRecord[] = [];

  constructor(opts: StoreOptions) {
    this.seed = opts.seed;
    this.count = opts.count;
    this.clock = opts.clock;
    this.clockStart = opts.clock.now();
    this.ctx = { seed: opts.seed, count: opts.count, anchor: opts.anchor, merchantDomain: opts.merchantDomain };
    this.columns = new SummaryColumns(opts.count);
  }

  /** The store's own "now": the data anchor plus the time elapsed on the fake clock. */
  now(): number {
    return this.ctx.anchor + (this.clock.now() - this.clockStart);
  }

  get demoCount(): number {
    return DEMO_KEYS.length;
  }

  /** Number of orders: generated + demo + added. */
  get size(): number {
    return this.count + DEMO_KEYS.length + this.added.length;
  }

  ordinalAt(position: number): number {
    if (position < this.count) return position;
    if (position < this.count + DEMO_KEYS.length) return DEMO_ORDINAL + (position - this.count);
    return this.added[position - this.count - DEMO_KEYS.length] as number;
  }

  positionOf(ordinal: number): number | null {
    if (ordinal >= 0 && ordinal < this.count) return ordinal;
    if (ordinal >= DEMO_ORDINAL && ordinal < DEMO_ORDINAL + DEMO_KEYS.length) return this.count + ordinal - DEMO_ORDINAL;
    if (ordinal >= ADDED_ORDINAL && ordinal < ADDED_ORDINAL + this.added.length) return this.count + DEMO_KEYS.length + ordinal - ADDED_ORDINAL;
    return null;
  }

  private core(ordinal: number): GeneratedCore {
    const core = generateCore(this.ctx, ordinal);
    if (!this.columns.has(ordinal)) this.columns.set(ordinal, core);
    return core;
  }

  private generatedSummary(ordinal: number): OrderSummary {
    if (!this.columns.has(ordinal)) this.columns.set(ordinal, generateCore(this.ctx, ordinal));
    return this.columns.summary(ordinal);
  }

  private demo(k: number): { order: OrderRecord; customer: CustomerRecord | null } {
    this.demoCache ??= DEMO_KEYS.map((_, i) => buildDemoOrder(this.ctx, i));
    return this.demoCache[k] as { order: OrderRecord; customer: CustomerRecord | null };
  }

  /** A fresh copy of the seeded order (and customer); null for unknown ordinals. */
  private generate(ordinal: number): { order: OrderRecord; customer: CustomerRecord | null } | null {
    if (ordinal >= 0 && ordinal < this.count) return expandCore(this.ctx, this.core(ordinal));
    if (ordinal >= DEMO_ORDINAL && ordinal < DEMO_ORDINAL + DEMO_KEYS.length) return structuredClone(this.demo(ordinal - DEMO_ORDINAL));
    return null;
  }

  /** What search and sorting need, for the order at a position (cheap; generated cores are kept). */
  summaryAt(position: number): OrderSummary {
    const ordinal = this.ordinalAt(position);
    const changed = this.orders.get(ordinal);
    if (changed) return summarize(changed);
    if (ordinal < this.count) return this.generatedSummary(ordinal);
    return summarize(this.demo(ordinal - DEMO_ORDINAL).order);
  }

  /** The customer's email at a position, without building the whole customer. */
  private customerEmailAt(position: number): { id: number; email: string | null } | null {
    const ordinal = this.ordinalAt(position);
    if (this.customers.has(ordinal)) {
      const c = this.customers.get(ordinal);
      return c ? { id: c.id, email: c.email } : null;
    }
    if (ordinal < this.count) {
      this.generatedSummary(ordinal);
      return this.columns.customer(ordinal);
    }
    const c = this.demo(ordinal - DEMO_ORDINAL).customer;
    return c ? { id: c.id, email: c.email } : null;
  }

  /** Read an order by ordinal. Do not mutate the result: use mutableOrder(). */
  order(ordinal: number): OrderRecord | null {
    return this.orders.get(ordinal) ?? this.generate(ordinal)?.order ?? null;
  }

  orderById(id: number): OrderRecord | null {
    const ordinal = ordinalOf('order', id);
    if (ordinal === null || this.positionOf(ordinal) === null) return null;
    const order = this.order(ordinal);
    return order && order.id === id ? order : null;
  }

  mutableOrder(ordinal: number): OrderRecord {
    let order = this.orders.get(ordinal);
    if (!order) {
      const generated = this.generate(ordinal);
      if (!generated) throw new Error(`Fake Admin API: no order with ordinal ${ordinal}`);
      order = generated.order;
      this.orders.set(ordinal, order);
    }
    return order;
  }

  customer(ordinal: number): CustomerRecord | null {
    if (this.customers.has(ordinal)) return this.customers.get(ordinal) ?? null;
    return this.generate(ordinal)?.customer ?? null;
  }

  customerById(id: number): CustomerRecord | null {
    const ordinal = ordinalOf('customer', id);
    if (ordinal === null || this.positionOf(ordinal) === null) return null;
    const customer = this.customer(ordinal);
    return customer && customer.id === id ? customer : null;
  }

  mutableCustomer(ordinal: number): CustomerRecord {
    let customer = this.customers.get(ordinal);
    if (!customer) {
      customer = this.generate(ordinal)?.customer ?? undefined;
      if (!customer) throw new Error(`Fake Admin API: no customer with ordinal ${ordinal}`);
      this.customers.set(ordinal, customer);
    }
    return customer;
  }

  fulfillmentOrderById(id: number): { order: OrderRecord; fulfillmentOrder: FulfillmentOrderRecord } | null {
    const ordinal = ordinalOf('fulfillmentOrder', id);
    const order = ordinal === null ? null : this.positionOf(ordinal) === null ? null : this.order(ordinal);
    const fulfillmentOrder = order?.fulfillmentOrders.find((fo) => fo.id === id);
    return order && fulfillmentOrder ? { order, fulfillmentOrder } : null;
  }

  fulfillmentById(id: number): { order: OrderRecord; fulfillment: FulfillmentRecord } | null {
    const ordinal = ordinalOf('fulfillment', id);
    const order = ordinal === null ? null : this.positionOf(ordinal) === null ? null : this.order(ordinal);
    const fulfillment = order?.fulfillments.find((f) => f.id === id);
    return order && fulfillment ? { order, fulfillment } : null;
  }

  /** A fresh id for a record created on an order (fulfillment, refund, metafield...). */
  newId(kind: IdKind, order: OrderRecord): number {
    const limit = kind === 'metafield' ? 32 : 64; // customer metafields take 32..63
    for (let k = 0; k < limit; k++) {
      let id: number;
      try {
        id = derivedId(kind, order.ordinal, k);
      } catch {
        break;
      }
      const key = `${kind}:${id}`;
      const used =
        this.extraIds.has(key) ||
        (kind === 'fulfillment' && order.fulfillments.some((f) => f.id === id)) ||
        (kind === 'refund' && order.refunds.some((r) => r.id === id)) ||
        (kind === 'metafield' && order.metafields.some((m) => m.id === id));
      if (!used) {
        this.extraIds.set(key, order.ordinal);
        return id;
      }
    }
    throw new Error(`Fake Admin API: too many ${kind} records on order ${order.id}`);
  }

  /** Customer metafields use the upper half of the owner ordinal's metafield id range. */
  newCustomerMetafieldId(customer: CustomerRecord): number {
    for (let k = 32; k < 64; k++) {
      const id = derivedId('metafield', customer.ordinal, k);
      if (!customer.metafields.some((m) => m.id === id)) return id;
    }
    throw new Error(`Fake Admin API: too many metafields on customer ${customer.id}`);
  }

  /** A fresh id not derived from an order (bulk operations, jobs). */
  sequence(): number {
    return ++this.idCounter;
  }

  /** Records that an order changed (updatedAt moves, sort caches drop). */
  touch(order: OrderRecord): void {
    order.updatedAt = Math.max(this.now(), order.updatedAt + 1);
    const position = this.positionOf(order.ordinal);
    if (this.updatedAt && position !== null) this.updatedAt[position] = order.updatedAt;
    this.sortCache.delete('UPDATED_AT');
  }

  touchCustomer(customer: CustomerRecord): void {
    customer.updatedAt = Math.max(this.now(), customer.updatedAt + 1);
  }

  /** Adds an order (newest) for a test; returns it. */
  addOrder(input: NewOrder = {}): OrderRecord {
    const ordinal = ADDED_ORDINAL + this.added.length;
    const createdAt = input.createdAt ?? this.now();
    const rng = prng(ordinal);
    const items = lineItemsFor(rng, ordinal);
    const id = derivedId('order', ordinal);
    const customerId = input.noCustomer ? null : derivedId('customer', ordinal);
    const order: OrderRecord = {
      id, ordinal, name: `#${1001 + this.size}`, kind: input.kind ?? 'ordinary', marketplace: input.marketplace ?? null,
      email: input.email ?? null, phone: input.phone ?? null, customerId, createdAt, updatedAt: createdAt, processedAt: createdAt,
      sourceName: input.sourceName ?? 'web', sourceIdentifier: input.sourceIdentifier ?? null, app: input.app ?? null, channel: input.channel ?? null,
      tags: input.tags ?? [], note: null, currency: 'USD', financialStatus: 'PAID', cancelledAt: null, cancelReason: null, closedAt: null,
      lineItems: items, fulfillmentOrders: [openFulfillmentOrder(ordinal, items, createdAt)], fulfillments: [], refunds: [], metafields: [], shippingCountry: 'US',
    };
    if (input.originalEmail) order.metafields.push(originalEmailMetafield(ordinal, input.originalEmail, createdAt));
    const last = this.size > 0 ? this.order(this.ordinalAt(this.size - 1)) : null;
    if (last && createdAt < last.createdAt) this.createdMonotonic = false;
    this.added.push(ordinal);
    this.orders.set(ordinal, order);
    this.customers.set(
      ordinal,
      customerId
        ? { id: customerId, ordinal, email: input.customerEmail !== undefined ? input.customerEmail : order.email, phone: order.phone, firstName: 'Test', lastName: 'Buyer', createdAt, updatedAt: createdAt, marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN', consentUpdatedAt: null, note: null, tags: [], metafields: [], orderIds: [id] }
        : null,
    );
    if (this.updatedAt) {
      const grown = new Float64Array(this.size);
      grown.set(this.updatedAt);
      grown[this.size - 1] = order.updatedAt;
      this.updatedAt = grown;
    }
    this.sortCache.clear();
    return order;
  }

  /** Iterates every order's summary in id order (cheap). */
  *allSummaries(): Generator<OrderSummary> {
    for (let p = 0; p < this.size; p++) yield this.summaryAt(p);
  }

  /** Iterates every order in full, in id order (built on the fly: slower than allSummaries). */
  *allOrders(): Generator<OrderRecord> {
    for (let p = 0; p < this.size; p++) yield this.order(this.ordinalAt(p)) as OrderRecord;
  }

  /** Orders whose state differs from the generated one (changed by mutations) or were added. */
  changedOrders(): OrderRecord[] {
    return [...this.orders.values()];
  }

  private sorted(key: 'CREATED_AT' | 'UPDATED_AT'): { order: Int32Array; inverse: Int32Array } | null {
    if (key === 'CREATED_AT' && this.createdMonotonic) return null;
    const cached = this.sortCache.get(key);
    if (cached && cached.order.length === this.size) return cached;
    const n = this.size;
    const values = new Float64Array(n);
    if (key === 'UPDATED_AT') {
      if (!this.updatedAt || this.updatedAt.length !== n) {
        this.updatedAt = new Float64Array(n);
        for (let p = 0; p < n; p++) this.updatedAt[p] = this.summaryAt(p).updatedAt;
      }
      values.set(this.updatedAt);
    } else {
      for (let p = 0; p < n; p++) values[p] = this.summaryAt(p).createdAt;
    }
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
    const inverse = new Int32Array(n);
    for (let i = 0; i < n; i++) inverse[order[i] as number] = i;
    const entry = { order, inverse };
    this.sortCache.set(key, entry);
    return entry;
  }

  /** Position of the i-th order in a sort order (bulk operations walk the store this way). */
  positionsInOrder(sortKey: OrderSortKey | null | undefined, reverse: boolean | null | undefined): (i: number) => number {
    const key = sortKey === 'UPDATED_AT' ? 'UPDATED_AT' : sortKey === 'CREATED_AT' || sortKey === 'PROCESSED_AT' || !sortKey ? 'CREATED_AT' : 'ID';
    const sorted = key === 'ID' ? null : this.sorted(key);
    const n = this.size;
    return (i: number): number => {
      const j = reverse ? n - 1 - i : i;
      return sorted ? (sorted.order[j] as number) : j;
    };
  }

  /** Paginated, filtered listing with Shopify-style opaque cursors. */
  list(opts: ListOptions): ListPage {
    const key = opts.sortKey === 'UPDATED_AT' ? 'UPDATED_AT' : opts.sortKey === 'CREATED_AT' || opts.sortKey === 'PROCESSED_AT' || !opts.sortKey ? 'CREATED_AT' : 'ID';
    const sorted = key === 'ID' ? null : this.sorted(key);
    const n = this.size;
    const reverse = !!opts.reverse;
    // index i in iteration order → position
    const posAt = this.positionsInOrder(opts.sortKey, reverse);
    const indexOfPosition = (p: number): number => {
      const j = sorted ? (sorted.inverse[p] as number) : p;
      return reverse ? n - 1 - j : j;
    };
    const search = compileSearch(opts.query, { leadingWildcard: opts.leadingWildcard, now: this.now() });
    const visible = (o: OrderSummary) =>
      (opts.visibleSince == null || o.createdAt >= opts.visibleSince) && (!opts.where || opts.where(o)) && search.matches(o);
    const sortValueAt = (i: number) => {
      const o = this.summaryAt(posAt(i));
      return key === 'UPDATED_AT' ? o.updatedAt : o.createdAt;
    };
    const cursorIndex = (cursor: string | null | undefined): number | null => {
      if (!cursor) return null;
      const decoded = decodeCursor(cursor);
      if (decoded === null) return null;
      const ordinal = ordinalOf('order', decoded);
      const p = ordinal === null ? null : this.positionOf(ordinal);
      if (p === null) return null;
      const lastValue = decodeCursorValue(cursor);
      if (!sorted || lastValue === null) return indexOfPosition(p);
      // Like Shopify, resume after the cursor's (sort value, id), not after wherever that order sits now:
      // an order updated since the page was read has moved, and what lay between must not be skipped.
      const after = (i: number) => {
        const v = sortValueAt(i);
        const q = posAt(i);
        const cmp = v !== lastValue ? v - lastValue : q - p;
        return reverse ? cmp < 0 : cmp > 0;
      };
      let lo = 0;
      let hi = n; // first index strictly after the cursor
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (after(mid)) hi = mid;
        else lo = mid + 1;
      }
      return lo - 1;
    };
    let lo = 0;
    let hi = n - 1;
    const afterIndex = cursorIndex(opts.after);
    const beforeIndex = cursorIndex(opts.before);
    if (afterIndex !== null) lo = afterIndex + 1;
    if (beforeIndex !== null) hi = beforeIndex - 1;
    const picked: OrderSummary[] = [];
    let hasNextPage = false;
    let hasPreviousPage = false;
    const sortValue = (o: OrderSummary) => (key === 'UPDATED_AT' ? o.updatedAt : key === 'CREATED_AT' ? o.createdAt : o.id);
    if (opts.last != null && opts.first == null) {
      for (let i = hi; i >= lo; i--) {
        const o = this.summaryAt(posAt(i));
        if (!visible(o)) continue;
        if (picked.length === opts.last) { hasPreviousPage = true; break; }
        picked.push(o);
      }
      picked.reverse();
      if (beforeIndex !== null) hasNextPage = this.anyVisible(beforeIndex, n - 1, posAt, visible);
    } else {
      const first = opts.first ?? 0;
      for (let i = lo; i <= hi; i++) {
        const o = this.summaryAt(posAt(i));
        if (!visible(o)) continue;
        if (picked.length === first) { hasNextPage = true; break; }
        picked.push(o);
      }
      if (afterIndex !== null) hasPreviousPage = this.anyVisible(0, afterIndex, posAt, visible, true);
    }
    return {
      orders: picked.map((o) => this.order(o.ordinal) as OrderRecord),
      cursors: picked.map((o) => encodeCursor(o.id, sortValue(o))),
      hasNextPage,
      hasPreviousPage,
      warnings: search.warnings,
    };
  }

  private anyVisible(from: number, to: number, posAt: (i: number) => number, visible: (o: OrderSummary) => boolean, backwards = false): boolean {
    for (let k = 0; k <= to - from; k++) {
      const i = backwards ? to - k : from + k;
      if (visible(this.summaryAt(posAt(i)))) return true;
    }
    return false;
  }

  private emailIndex: Map<string, number> | null = null;

  /** Customer emails are unique per shop (customerUpdate answers "Email has already been taken"). */
  emailTaken(email: string, exceptCustomerId: number): boolean {
    if (!this.emailIndex) {
      this.emailIndex = new Map();
      for (let p = 0; p < this.size; p++) {
        const c = this.customerEmailAt(p);
        if (c?.email) this.emailIndex.set(c.email.toLowerCase(), c.id);
      }
    }
    const owner = this.emailIndex.get(email.toLowerCase());
    return owner !== undefined && owner !== exceptCustomerId;
  }

  reindexEmail(previous: string | null, next: string | null, customerId: number): void {
    if (!this.emailIndex) return;
    if (previous && this.emailIndex.get(previous.toLowerCase()) === customerId) this.emailIndex.delete(previous.toLowerCase());
    if (next) this.emailIndex.set(next.toLowerCase(), customerId);
  }

}

/** Shopify cursors are opaque base64 JSON; ours carry the id and the sort value. */
export function encodeCursor(id: number, value: number): string {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: value })).toString('base64');
}

export function decodeCursorValue(cursor: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { last_value?: unknown };
    return typeof parsed.last_value === 'number' ? parsed.last_value : null;
  } catch {
    return null;
  }
}

export function decodeCursor(cursor: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { last_id?: unknown };
    return typeof parsed.last_id === 'number' ? parsed.last_id : null;
  } catch {
    return null;
  }
}
