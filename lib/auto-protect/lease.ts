/**
 * Several browsers, one store: settings sync, so every browser of the merchant may run the sweep. Only
 * one may change orders at a time. The holder is written on Shopify's side, in a shop metafield,
 * with compare-and-set (`metafieldsSet` + `compareDigest`): of two browsers taking a free lease at the
 * same moment, exactly one write succeeds. The lease runs out on its own when its holder goes away
 * (browser closed), and another browser takes over.
 *
 * Times are each browser's own clock. A holder stops changing orders `MIN_WORK_MS` before its lease
 * runs out, and another browser takes a lapsed lease only `CLOCK_SKEW_MS` after it ran out, so clocks
 * may disagree by up to that much without two browsers working at once; the order itself (our
 * metafield, the address already fixed, re-read before each change) is the second check.
 */
export interface Lease {
  owner: string;
  /** Browser-clock ms. */
  until: number;
}

export const LEASE_TTL_MS = 4 * 60_000;
/** Renewed when less than this is left (with one check a minute: every other check). */
export const LEASE_RENEW_BELOW_MS = 150_000;
export const CLOCK_SKEW_MS = 30_000;
/** A holder changes orders only while at least this much of its lease is left. */
export const MIN_WORK_MS = 60_000;

export function parseLease(value: string | null | undefined): Lease | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Lease>;
    if (typeof parsed.owner === 'string' && parsed.owner && typeof parsed.until === 'number' && Number.isFinite(parsed.until)) {
      return { owner: parsed.owner, until: parsed.until };
    }
  } catch {
    // Not ours or damaged: treated as free (the compare-and-set still decides who gets it).
  }
  return null;
}

export function leaseValue(lease: Lease): string {
  return JSON.stringify({ owner: lease.owner, until: lease.until });
}

export type LeaseAction =
  /** Ours, with time enough left. */
  | { kind: 'keep' }
  /** Free, lapsed, or ours and running low: write it (compare-and-set). */
  | { kind: 'take'; lease: Lease }
  /** Another browser holds it. */
  | { kind: 'standby'; holder: string; until: number };

export function leaseAction(current: Lease | null, owner: string, now: number): LeaseAction {
  const fresh = { kind: 'take' as const, lease: { owner, until: now + LEASE_TTL_MS } };
  if (!current) return fresh;
  if (current.owner === owner) return current.until - now < LEASE_RENEW_BELOW_MS ? fresh : { kind: 'keep' };
  if (now > current.until + CLOCK_SKEW_MS) return fresh;
  return { kind: 'standby', holder: current.owner, until: current.until };
}

/** Whether the holder may still change orders now. */
export function mayWork(lease: Lease | null, owner: string, now: number): boolean {
  return !!lease && lease.owner === owner && lease.until - now >= MIN_WORK_MS;
}
