/**
 * Fault injection, in-process (`api.faults`) or over HTTP (POST /__fake/faults).
 * A dropped connection can happen before the request is applied, or after — the dangerous case
 * where a mutation was applied but its answer never arrived.
 */
export type DropPhase = 'before' | 'after';
export type FaultTarget = 'any' | 'query' | 'mutation';

interface Rule {
  kind: 'drop' | '502' | 'slow';
  remaining: number;
  phase: DropPhase;
  ms: number;
  only: FaultTarget;
}

export interface FaultOptions {
  /** Which requests the fault applies to (default: any GraphQL request). */
  only?: FaultTarget;
}

export interface FaultPlan {
  drop: DropPhase | null;
  fail502: boolean;
  delayMs: number;
}

export class Faults {
  private rules: Rule[] = [];
  private stormUntil = 0;
  private metafieldDrops: Array<{ userError: boolean }> = [];

  constructor(private readonly now: () => number) {}

  /** Destroys the socket of the next n requests, before (default) or after applying them. */
  dropNext(n = 1, opts: FaultOptions & { phase?: DropPhase } = {}): void {
    this.rules.push({ kind: 'drop', remaining: n, phase: opts.phase ?? 'before', ms: 0, only: opts.only ?? 'any' });
  }

  /** Answers the next n requests with Shopify's HTML 502 Bad Gateway page (nothing applied). */
  fail502Next(n = 1, opts: FaultOptions = {}): void {
    this.rules.push({ kind: '502', remaining: n, phase: 'before', ms: 0, only: opts.only ?? 'any' });
  }

  /** Delays the next n answers by ms (real time). */
  slowNext(n = 1, ms = 2000, opts: FaultOptions = {}): void {
    this.rules.push({ kind: 'slow', remaining: n, phase: 'before', ms, only: opts.only ?? 'any' });
  }

  /**
   * The next n `orderUpdate`s that set an email and a metafield apply the email but drop the metafield
   * (Shopify's write is not documented as atomic across them) — silently, or with a userError about it.
   */
  dropMetafieldNext(n = 1, opts: { userError?: boolean } = {}): void {
    for (let i = 0; i < n; i++) this.metafieldDrops.push({ userError: !!opts.userError });
  }

  /** Consumed by orderUpdate: null = apply normally. */
  takeMetafieldDrop(): { userError: boolean } | null {
    return this.metafieldDrops.shift() ?? null;
  }

  /** Every request is THROTTLED for the next ms (fake clock), whatever the bucket holds. */
  throttleStorm(ms: number): void {
    this.stormUntil = this.now() + ms;
  }

  get stormActive(): boolean {
    return this.now() < this.stormUntil;
  }

  clear(): void {
    this.rules = [];
    this.stormUntil = 0;
    this.metafieldDrops = [];
  }

  get pending(): number {
    return this.rules.reduce((s, r) => s + r.remaining, 0);
  }

  /** Consumes the faults that apply to one request. */
  plan(operation: 'query' | 'mutation'): FaultPlan {
    const plan: FaultPlan = { drop: null, fail502: false, delayMs: 0 };
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || (rule.only !== 'any' && rule.only !== operation)) continue;
      if (rule.kind === 'slow' && plan.delayMs === 0) { plan.delayMs = rule.ms; rule.remaining--; }
      else if (rule.kind === '502' && !plan.fail502 && !plan.drop) { plan.fail502 = true; rule.remaining--; }
      else if (rule.kind === 'drop' && !plan.drop && !plan.fail502) { plan.drop = rule.phase; rule.remaining--; }
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return plan;
  }

  /** Applies a JSON description (POST /__fake/faults). */
  configure(body: Record<string, unknown>): void {
    const spec = (v: unknown): { count: number; ms?: number; phase?: DropPhase; only?: FaultTarget } =>
      typeof v === 'number' ? { count: v } : ((v ?? {}) as { count: number; ms?: number; phase?: DropPhase; only?: FaultTarget });
    if (body.clear) this.clear();
    if (body.dropNext !== undefined) { const s = spec(body.dropNext); this.dropNext(s.count ?? 1, { phase: s.phase, only: s.only }); }
    if (body.fail502Next !== undefined) { const s = spec(body.fail502Next); this.fail502Next(s.count ?? 1, { only: s.only }); }
    if (body.slowNext !== undefined) { const s = spec(body.slowNext); this.slowNext(s.count ?? 1, s.ms ?? 2000, { only: s.only }); }
    if (typeof body.throttleStorm === 'number') this.throttleStorm(body.throttleStorm);
    if (body.dropMetafieldNext !== undefined) {
      const s = (typeof body.dropMetafieldNext === 'number' ? { count: body.dropMetafieldNext } : body.dropMetafieldNext) as { count?: number; userError?: boolean };
      this.dropMetafieldNext(s.count ?? 1, { userError: s.userError });
    }
  }
}
