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
  /** The level we go by: points at `levelAt`, restoring at the reported rate. */
  private level = 0;
  private levelAt = 0;
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

  private levelNow(now: number): number {
    if (!this.status) return 0;
    const restored = (this.status.restoreRate * Math.max(0, now - this.levelAt)) / 1000;
    return Math.min(this.status.maximumAvailable, this.level + restored);
  }

  /** Points free for a new request now: the ledger's level, minus what in-flight requests may take. */
  available(now: number): number {
    return this.levelNow(now) - this.reserved - this.safety;
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
   * Takes in a response's cost (its reservation already released).
   *
   * The reported level is exact for the moment the server answered, but with several requests in flight
   * it may miss requests the server handled *after* this one yet answered *before* it — and those no
   * longer hold a reservation. `overlapCost` is the actual cost of every answer that arrived while this
   * request was out: subtracting it makes the level safe. When some of those were in fact already
   * counted, the level is a little low (a few points unused in the bucket, never a THROTTLED), and the
   * next answer resets it from the server's figure, so the error never accumulates.
   */
  observe(key: string, cost: QueryCost | undefined, now: number, overlapCost = 0): void {
    if (!cost) return;
    if (Number.isFinite(cost.requestedQueryCost)) {
      this.requested.set(key, Math.max(this.requested.get(key) ?? 0, cost.requestedQueryCost));
    }
    const ts = cost.throttleStatus;
    if (!ts || !Number.isFinite(ts.currentlyAvailable) || !Number.isFinite(ts.maximumAvailable)) return;
    this.status = { maximumAvailable: ts.maximumAvailable, currentlyAvailable: ts.currentlyAvailable, restoreRate: ts.restoreRate };
    this.level = ts.currentlyAvailable - overlapCost;
    this.levelAt = now;
  }
}

export function readQueryCost(extensions: unknown): QueryCost | undefined {
  const cost = (extensions as { cost?: QueryCost } | undefined)?.cost;
  if (!cost || typeof cost !== 'object' || !cost.throttleStatus) return undefined;
  return cost;
}
