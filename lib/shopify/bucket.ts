/**
 * Our picture of the store's leaky bucket (Shopify's calculated query cost), so requests wait *before*
 * they would overdraw it instead of collecting THROTTLED answers.
 *
 * Everything comes from `extensions.cost` of earlier responses: bucket size, restore rate, the points
 * available when the server answered, and each document's `requestedQueryCost` (Shopify deducts the
 * requested cost up front and refunds the difference to the actual cost afterwards, so the requested
 * cost is what must be available). The only assumption before the first answer: send one request alone.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

/** Shopify refuses single queries above 1,000 points, so no unseen document can need more than that. */
const MAX_SINGLE_QUERY_COST = 1000;

export class CostBucket {
  private status: ThrottleStatus | null = null;
  private statusAt = 0;
  private statusSeq = -1;
  private reserved = 0;
  private readonly requested = new Map<string, number>();

  /** Points kept unused as a cushion for rounding and clock differences with the server. */
  constructor(private readonly safety = 1) {}

  get known(): boolean {
    return this.status !== null;
  }

  get snapshot(): Readonly<ThrottleStatus> | null {
    return this.status;
  }

  /** Requested cost expected for this document key: the largest seen, else the worst case Shopify allows. */
  estimate(key: string): number {
    const seen = this.requested.get(key);
    if (seen !== undefined) return seen;
    return this.status ? Math.min(MAX_SINGLE_QUERY_COST, this.status.maximumAvailable) : MAX_SINGLE_QUERY_COST;
  }

  /** Points free for a new request now: last reported level plus restoration since, minus in-flight reservations. */
  available(now: number): number {
    if (!this.status) return 0;
    const restored = (this.status.restoreRate * Math.max(0, now - this.statusAt)) / 1000;
    return Math.min(this.status.maximumAvailable, this.status.currentlyAvailable + restored) - this.reserved - this.safety;
  }

  /** Milliseconds until `cost` points are free (0 = send now). */
  waitFor(cost: number, now: number): number {
    if (!this.status) return 0;
    const need = Math.min(cost, this.status.maximumAvailable - this.safety) - this.available(now);
    if (need <= 0) return 0;
    return Math.ceil((need * 1000) / Math.max(this.status.restoreRate, 1));
  }

  reserve(cost: number): void {
    this.reserved += cost;
  }

  release(cost: number): void {
    this.reserved = Math.max(0, this.reserved - cost);
  }

  /**
   * Takes in a response's cost. `seq` is the send order: an answer to an older request that arrives after a
   * newer one's carries an older level, so it only teaches the document's cost.
   */
  observe(key: string, cost: QueryCost | undefined, seq: number, now: number): void {
    if (!cost) return;
    if (Number.isFinite(cost.requestedQueryCost)) {
      this.requested.set(key, Math.max(this.requested.get(key) ?? 0, cost.requestedQueryCost));
    }
    const ts = cost.throttleStatus;
    if (!ts || !Number.isFinite(ts.currentlyAvailable) || !Number.isFinite(ts.maximumAvailable)) return;
    if (seq < this.statusSeq) return;
    this.status = { maximumAvailable: ts.maximumAvailable, currentlyAvailable: ts.currentlyAvailable, restoreRate: ts.restoreRate };
    this.statusAt = now;
    this.statusSeq = seq;
  }
}

export function readQueryCost(extensions: unknown): QueryCost | undefined {
  const cost = (extensions as { cost?: QueryCost } | undefined)?.cost;
  if (!cost || typeof cost !== 'object' || !cost.throttleStatus) return undefined;
  return cost;
}
