/**
 * Shopify's leaky bucket for the GraphQL Admin API, per app and store. Restore rates are the ones
 * shopify.dev documents per plan (Standard 100, Advanced 200, Plus 1000, Enterprise 2000 points/s,
 * shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits); the bucket holds 20 seconds of
 * restore (2000 for Standard, the maximumAvailable Shopify's own examples show since the 2024
 * doubling; 20000 for Plus).
 */
export type Plan = 'standard' | 'advanced' | 'plus' | 'enterprise';

export const PLAN_LIMITS: Record<Plan, { maximumAvailable: number; restoreRate: number; displayName: string; shopifyPlus: boolean }> = {
  standard: { maximumAvailable: 2000, restoreRate: 100, displayName: 'Grow', shopifyPlus: false },
  advanced: { maximumAvailable: 4000, restoreRate: 200, displayName: 'Advanced', shopifyPlus: false },
  plus: { maximumAvailable: 20000, restoreRate: 1000, displayName: 'Shopify Plus', shopifyPlus: true },
  enterprise: { maximumAvailable: 40000, restoreRate: 2000, displayName: 'Shopify Plus', shopifyPlus: true },
};

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class LeakyBucket {
  private available: number;
  private last: number;

  constructor(
    public maximumAvailable: number,
    public restoreRate: number,
    now: number,
  ) {
    this.available = maximumAvailable;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.available = Math.min(this.maximumAvailable, this.available + ((now - this.last) / 1000) * this.restoreRate);
      this.last = now;
    }
  }

  level(now: number): number {
    this.refill(now);
    return this.available;
  }

  /** Takes `cost` points if available; false (nothing taken) when the request must be throttled. */
  take(cost: number, now: number): boolean {
    this.refill(now);
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number, now: number): void {
    this.refill(now);
    this.available = Math.min(this.maximumAvailable, this.available + points);
  }

  drain(now: number): void {
    this.refill(now);
    this.available = 0;
  }

  reset(now: number): void {
    this.available = this.maximumAvailable;
    this.last = now;
  }

  status(now: number): ThrottleStatus {
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.level(now)), restoreRate: this.restoreRate };
  }
}
