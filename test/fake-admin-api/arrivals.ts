/**
 * Orders arriving over (simulated) time the way a connector creates them, and what happens to them
 * afterwards without anyone opening the admin: a connector re-syncing an order back to its relay
 * address (shipping-events.ts and third-party.ts hold what happens next: fulfilments, carrier events).
 *
 * Arrivals are planned up front (seeded, so a run replays) and created when the fake clock passes
 * their time: `api.connector.plan({...})`, then `api.connector.arriveDue()` after each clock step.
 */
import { planEmail } from './generator.ts';
import type { OrderKind, OrderRecord } from './model.ts';
import { prng, type Rng } from './random.ts';
import type { ApiState } from './state.ts';
import type { Store } from './store.ts';

/** What a connector delivers: a relay address, Etsy (real address, known by channel), an ordinary web
 * order, or an order the connector already neutralised with one of its own import options. */
export type ArrivalKind = 'relay' | 'etsy' | 'ordinary' | 'protected';

export interface ArrivalMix {
  relay: number;
  etsy: number;
  ordinary: number;
  protected: number;
}

/** A marketplace-heavy store: most new orders come from marketplaces. */
export const DEFAULT_MIX: ArrivalMix = { relay: 0.6, etsy: 0.1, ordinary: 0.2, protected: 0.1 };

export interface PlannedArrival {
  /** Fake-clock time (ms) at which the connector creates the order. */
  at: number;
  kind: ArrivalKind;
}

export interface Arrival extends PlannedArrival {
  order: OrderRecord;
  /** The relay or real address the connector wrote (the re-sync writes it again). */
  connectorEmail: string | null;
}

const PROTECTED_KINDS: OrderKind[] = ['neutralised-prefix', 'neutralised-domain', 'neutralised-fixed', 'neutralised-stripped'];

function pickKind(rng: Rng, mix: ArrivalMix): ArrivalKind {
  const total = mix.relay + mix.etsy + mix.ordinary + mix.protected;
  let r = rng() * total;
  for (const kind of ['relay', 'etsy', 'ordinary', 'protected'] as const) {
    r -= mix[kind];
    if (r < 0) return kind;
  }
  return 'ordinary';
}

/** Creates one order as a connector (or the online store) would, now. */
export function createArrival(store: Store, kind: ArrivalKind, rng: Rng): { order: OrderRecord; connectorEmail: string | null } {
  const generatorKind: OrderKind =
    kind === 'relay' ? 'marketplace' : kind === 'etsy' ? 'marketplace-channel-only' : kind === 'ordinary' ? (rng() < 0.9 ? 'ordinary' : 'pos') : PROTECTED_KINDS[Math.floor(rng() * PROTECTED_KINDS.length)]!;
  // Ordinal past the catalogue walk, so the generator picks the marketplace by its weights.
  let plan = planEmail(rng, generatorKind, 1_000_000 + store.size, store.ctx);
  // An Etsy order without an address has nothing to protect; a connector arrival here always has one.
  while (kind === 'etsy' && plan.email === null) plan = planEmail(rng, generatorKind, 1_000_000 + store.size, store.ctx);
  const order = store.addOrder({
    email: plan.email,
    customerEmail: plan.customerEmail,
    sourceName: plan.provenance.sourceName,
    sourceIdentifier: plan.sourceIdentifier,
    tags: [...plan.provenance.tags],
    app: plan.provenance.app,
    channel: plan.provenance.channel,
    kind: generatorKind,
    marketplace: plan.marketplace,
    originalEmail: plan.metafieldOriginal,
  });
  return { order, connectorEmail: plan.email };
}

export class Connector {
  private planned: PlannedArrival[] = [];
  private next = 0;
  readonly arrived: Arrival[] = [];
  private rng: Rng = prng(1);

  constructor(private readonly state: () => ApiState) {}

  /** Plans `count` arrivals spread at random over `durationMs` from now (fake clock). */
  plan(opts: { count: number; durationMs: number; seed?: number; mix?: ArrivalMix; startAt?: number }): PlannedArrival[] {
    this.rng = prng(opts.seed ?? 1);
    const start = opts.startAt ?? this.state().clock.now();
    const mix = opts.mix ?? DEFAULT_MIX;
    const planned: PlannedArrival[] = [];
    for (let i = 0; i < opts.count; i++) planned.push({ at: start + Math.floor(this.rng() * opts.durationMs), kind: pickKind(this.rng, mix) });
    planned.sort((a, b) => a.at - b.at);
    this.planned = planned;
    this.next = 0;
    return planned;
  }

  /** Creates every planned order whose time has come; returns the new ones. */
  arriveDue(): Arrival[] {
    const now = this.state().clock.now();
    const created: Arrival[] = [];
    while (this.next < this.planned.length && this.planned[this.next]!.at <= now) {
      const planned = this.planned[this.next++]!;
      const { order, connectorEmail } = createArrival(this.state().store, planned.kind, this.rng);
      for (const listener of this.state().orderCreated) listener(order);
      const arrival = { ...planned, order, connectorEmail };
      this.arrived.push(arrival);
      created.push(arrival);
    }
    return created;
  }

  /** Orders still to come. */
  get pending(): number {
    return this.planned.length - this.next;
  }

  /** Creates one order now (e2e and demo: POST /__fake/arrive). */
  arriveNow(kind: ArrivalKind): Arrival {
    const { order, connectorEmail } = createArrival(this.state().store, kind, this.rng);
    for (const listener of this.state().orderCreated) listener(order);
    const arrival = { at: this.state().clock.now(), kind, order, connectorEmail };
    this.arrived.push(arrival);
    return arrival;
  }

  /**
   * The connector syncs the order again and writes its address back (some do on every marketplace
   * update): our fix is undone on Shopify's side, the order's updatedAt moves.
   */
  resync(orderId: number): OrderRecord {
    const store = this.state().store;
    const arrival = this.arrived.find((a) => a.order.id === orderId);
    const found = store.orderById(orderId);
    if (!found || !arrival) throw new Error(`Fake connector: order ${orderId} did not arrive through it`);
    const order = store.mutableOrder(found.ordinal);
    order.email = arrival.connectorEmail;
    store.touch(order);
    return order;
  }

  reset(): void {
    this.planned = [];
    this.next = 0;
    this.arrived.length = 0;
  }
}

