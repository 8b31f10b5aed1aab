/**
 * "What should this order's email become?" — the connectors' import options, applied after the fact
 * (README, "What it does": the fixes).
 *
 * Laws every strategy keeps (property-tested in test/unit/rewrite.property.test.ts):
 * - idempotent: rewriting a rewritten address changes nothing (`changed: false`);
 * - an address neutralised by another prefix/strategy is recognised: `blacklisted-x@relay` under
 *   `domain` becomes `x@mystore.com`, never `blacklisted-x@mystore.com`;
 * - a result is always a valid address (≤ 64 characters before the @, ≤ 254 in all) or `null`;
 * - bad settings or input give `ok: false` with a stable `code` (the merchant's sentence is the
 *   catalogue key `err_<code>`); nothing is ever half-rewritten, and nothing throws.
 */
import { DEFAULT_PREFIX, isRelayDomain, stripPrefixes } from './marketplaces';
import { MAX_ADDRESS_LENGTH, MAX_LOCAL_LENGTH, asciiDomain, isBlankEmail, normaliseEmail, splitEmail } from './email-address';

export type Strategy =
  | { kind: 'keep' }
  | { kind: 'strip' }
  | { kind: 'fixed'; email: string }
  | { kind: 'domain'; domain: string; localPart?: 'keep' | 'order-id' }
  | { kind: 'prefix'; prefix?: string };

export type StrategyKind = Strategy['kind'];
export const STRATEGY_KINDS: readonly StrategyKind[] = ['keep', 'strip', 'fixed', 'domain', 'prefix'];

export type RewriteResult =
  | { ok: true; email: string | null; changed: boolean }
  | { ok: false; code: RewriteErrorCode; message: string; params?: Record<string, string> };

export interface RewriteFacts {
  /** The marketplace's own order id (Shopify `sourceIdentifier`), for `domain` + `order-id`. */
  orderId?: string | null;
  /** The store's extra relay domains: never a valid target for `domain` or `fixed`. */
  extraDomains?: readonly string[];
}

/** English fallbacks; the merchant reads `err_<code>` from the locale catalogue. */
export const REWRITE_ERRORS = {
  email_invalid: 'This is not a valid email address.',
  strategy_invalid: 'This email option is not recognised. Choose one of the options again.',
  domain_missing: 'Enter your own domain, like mystore.com, to use this option.',
  domain_invalid: 'Enter a domain like mystore.com: no spaces, no @, at least one dot.',
  domain_is_relay: 'This domain belongs to a marketplace relay. Use a domain you own.',
  fixed_missing: 'Enter the address to use, like orders@mystore.com.',
  fixed_invalid: 'Enter a full email address, like orders@mystore.com.',
  fixed_is_relay: 'This is a marketplace relay address. Use an address you own.',
  prefix_invalid: 'The prefix may use letters, digits and - _ . + only (30 at most), like blacklisted-.',
  local_part_too_long: 'The new address would have more than 64 characters before the @, which email does not allow.',
  address_too_long: 'The new address would be longer than 254 characters, which email does not allow.',
  order_id_missing: 'This order has no marketplace order number, so it cannot be used as the address. Choose another option.',
  original_unknown: 'The original address was not recorded, so it cannot be put back.',
} as const;

export type RewriteErrorCode = keyof typeof REWRITE_ERRORS;

export interface FieldProblem {
  code: RewriteErrorCode;
  message: string;
  params?: Record<string, string>;
}

const problem = (code: RewriteErrorCode, params?: Record<string, string>): FieldProblem =>
  params ? { code, message: REWRITE_ERRORS[code], params } : { code, message: REWRITE_ERRORS[code] };

const failure = (p: FieldProblem): RewriteResult => ({ ok: false, ...p });

// Exported so lib/flow compiles the same rule into the Shopify Flow code.
export const MAX_PREFIX_LENGTH = 30;
export const PREFIX = /^[A-Za-z0-9_+-][A-Za-z0-9._+-]*$/;

/** Merchants type "@mystore.com" as often as "mystore.com": accept both. */
export function normaliseDomainInput(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  return asciiDomain(input.trim().replace(/^@/, ''));
}

/** The checks behind the `domain` strategy, shared with settings validation so messages match. */
export function checkDomain(input: unknown, extraDomains?: readonly string[]): FieldProblem | null {
  if (typeof input !== 'string' || input.trim() === '') return problem('domain_missing');
  const ascii = normaliseDomainInput(input);
  if (!ascii) return problem('domain_invalid');
  if (isRelayDomain(ascii, extraDomains)) return problem('domain_is_relay', { domain: ascii });
  return null;
}

export function checkFixedEmail(input: unknown, extraDomains?: readonly string[]): FieldProblem | null {
  if (typeof input !== 'string' || input.trim() === '') return problem('fixed_missing');
  const parts = splitEmail(input);
  if (!parts) return problem('fixed_invalid');
  if (isRelayDomain(parts.asciiDomain, extraDomains)) return problem('fixed_is_relay');
  return null;
}

export function checkPrefix(input: unknown): FieldProblem | null {
  if (typeof input !== 'string') return problem('prefix_invalid');
  const prefix = input.trim();
  if (prefix.length === 0 || prefix.length > MAX_PREFIX_LENGTH || !PREFIX.test(prefix) || prefix.includes('..')) return problem('prefix_invalid');
  return null;
}

/** The problem with a strategy's own settings, if any (independent of any address). */
export function checkStrategy(strategy: unknown, extraDomains?: readonly string[]): FieldProblem | null {
  if (strategy === null || typeof strategy !== 'object') return problem('strategy_invalid');
  const s = strategy as Record<string, unknown>;
  switch (s.kind) {
    case 'keep':
    case 'strip':
      return null;
    case 'fixed':
      return checkFixedEmail(s.email, extraDomains);
    case 'domain':
      if (s.localPart !== undefined && s.localPart !== 'keep' && s.localPart !== 'order-id') return problem('strategy_invalid');
      return checkDomain(s.domain, extraDomains);
    case 'prefix':
      return s.prefix === undefined ? null : checkPrefix(s.prefix);
    default:
      return problem('strategy_invalid');
  }
}

/** The marketplace order id as a local part: `114-3941689-8772232`; other characters become `-`. */
export function orderIdLocalPart(orderId: unknown): string | null {
  if (typeof orderId !== 'string' && typeof orderId !== 'number') return null;
  const local = String(orderId)
    .trim()
    .replace(/[^A-Za-z0-9._+-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
  return local === '' ? null : local;
}

function checkLengths(local: string, domain: string): FieldProblem | null {
  if (local.length > MAX_LOCAL_LENGTH) return problem('local_part_too_long');
  if (local.length + 1 + domain.length > MAX_ADDRESS_LENGTH) return problem('address_too_long');
  return null;
}

const KNOWN_PREFIXES = (strategyPrefix?: string) =>
  [...new Set([DEFAULT_PREFIX, ...(strategyPrefix ? [strategyPrefix] : [])])].sort((a, b) => b.length - a.length);

/**
 * Applies a strategy to an order's email. `email` null/blank means the order has no email: nothing
 * to do. `strip` accepts any non-blank value (removing a malformed address is always safe); the
 * other strategies need a valid address.
 */
export function rewriteEmail(email: string | null | undefined, strategy: Strategy, facts?: RewriteFacts): RewriteResult {
  try {
    return rewrite(email, strategy, facts ?? {});
  } catch {
    // Unreachable by design (inputs are checked first); a failure must still never half-rewrite.
    return failure(problem('strategy_invalid'));
  }
}

function rewrite(email: unknown, strategy: Strategy, facts: RewriteFacts): RewriteResult {
  const extraDomains = Array.isArray(facts.extraDomains) ? facts.extraDomains : undefined;
  const bad = checkStrategy(strategy, extraDomains);
  if (bad) return failure(bad);
  if (isBlankEmail(email)) return { ok: true, email: null, changed: false };
  if (typeof email !== 'string') return failure(problem('email_invalid'));
  if (strategy.kind === 'strip') return { ok: true, email: null, changed: true };
  const parts = splitEmail(email);
  if (!parts) return failure(problem('email_invalid'));
  if (strategy.kind === 'keep') return { ok: true, email: parts.address, changed: false };

  if (strategy.kind === 'fixed') {
    const target = splitEmail(strategy.email)!; // checked by checkStrategy
    if (normaliseEmail(parts.address) === normaliseEmail(target.address)) return { ok: true, email: parts.address, changed: false };
    return { ok: true, email: target.address, changed: true };
  }

  if (strategy.kind === 'domain') {
    const domain = normaliseDomainInput(strategy.domain)!; // checked by checkStrategy
    if (parts.asciiDomain === domain) return { ok: true, email: parts.address, changed: false };
    let local: string;
    if (strategy.localPart === 'order-id') {
      const fromOrder = orderIdLocalPart(facts.orderId);
      if (!fromOrder) return failure(problem('order_id_missing'));
      local = fromOrder;
    } else {
      local = stripPrefixes(parts.local, KNOWN_PREFIXES()).base;
    }
    const tooLong = checkLengths(local, domain);
    if (tooLong) return failure(tooLong);
    return { ok: true, email: `${local}@${domain}`, changed: true };
  }

  // prefix
  const prefix = (strategy.prefix ?? DEFAULT_PREFIX).trim();
  // "Already prefixed" means what detection means by it: a local part that is only the prefix
  // (`i--@relay` under `i--`) is a relay address still to neutralise, not a done one.
  if (stripPrefixes(parts.local, [prefix]).prefixed) return { ok: true, email: parts.address, changed: false };
  const base = stripPrefixes(parts.local, KNOWN_PREFIXES(prefix)).base;
  const local = `${prefix}${base}`;
  const tooLong = checkLengths(local, parts.asciiDomain) ?? checkLengths(local, parts.domain);
  if (tooLong) return failure(tooLong);
  return { ok: true, email: `${local}@${parts.domain}`, changed: true };
}

export interface RestoreOptions {
  /** The address recorded before the change (order metafield or audit log): the exact undo. */
  original?: string | null;
  /** The store's prefix, when it is not the default `blacklisted-`. */
  prefix?: string;
}

/**
 * Puts the original address back. With the recorded original, that is the answer. Without it, only
 * a prefix can be undone from the address alone; `strip`, `fixed` and `domain` lose the original,
 * which is why every change records it first.
 */
export function restoreEmail(email: string | null | undefined, options?: RestoreOptions): RewriteResult {
  const original = options?.original;
  if (!isBlankEmail(original)) {
    const parts = splitEmail(original);
    if (!parts) return failure(problem('email_invalid'));
    return { ok: true, email: parts.address, changed: typeof email !== 'string' || email.trim() !== parts.address };
  }
  if (isBlankEmail(email)) return failure(problem('original_unknown'));
  const parts = splitEmail(email);
  if (!parts) return failure(problem('email_invalid'));
  // The store's own prefix first, and only it: with prefix `black`, `black` + `listed-x` must give
  // back `listed-x`, not `x`. Addresses prefixed with the default before the store chose its own
  // prefix still restore through the fallback.
  const custom = options?.prefix;
  const chosen = typeof custom === 'string' && !checkPrefix(custom) ? custom.trim() : DEFAULT_PREFIX;
  let { base, prefixed } = stripPrefixes(parts.local, [chosen]);
  if (!prefixed) ({ base, prefixed } = stripPrefixes(parts.local, [DEFAULT_PREFIX]));
  if (!prefixed) return { ok: true, email: parts.address, changed: false };
  return { ok: true, email: `${base}@${parts.domain}`, changed: true };
}

/** The locale key naming a strategy (`strategy_domain_order_id` for the order-id variant). */
export function strategyKey(strategy: Strategy): string {
  if (strategy.kind === 'domain' && strategy.localPart === 'order-id') return 'strategy_domain_order_id';
  return `strategy_${strategy.kind}`;
}
