/** Testing a connection: which shop answers, on which plan, and which of our scopes are missing. */
import type { ConnectionReport } from '../messages';
import type { Result } from '../result';
import type { AdminClient } from './client';
import { CONNECTION_QUERY } from './documents';
import { asResult } from './errors';

/**
 * Scopes the extension needs. Fulfilment orders: a merchant's own store fulfils through
 * merchant-managed fulfilment orders; the assigned / third-party read scopes also satisfy it
 * (schema: "Requires at least one of the following scopes: read_merchant_managed_fulfillment_orders,
 * read_assigned_fulfillment_orders, read_third_party_fulfillment_orders, …").
 */
export const REQUIRED_SCOPES: ReadonlyArray<{ scope: string; why: string; alternatives?: string[] }> = [
  { scope: 'read_orders', why: 'read the order email and where the order came from' },
  { scope: 'write_orders', why: 'change the order email and record the original on the order' },
  { scope: 'read_customers', why: "read the customer record's email" },
  { scope: 'write_customers', why: "change the customer record's email when that setting is on" },
  {
    scope: 'read_merchant_managed_fulfillment_orders',
    why: 'see which fulfilments are pending, for the notification guard',
    alternatives: ['read_assigned_fulfillment_orders', 'read_third_party_fulfillment_orders'],
  },
];

/** Optional: without it Shopify shows only the last 60 days of orders to the bulk scan. */
export const OPTIONAL_SCOPES: ReadonlyArray<{ scope: string; why: string }> = [
  { scope: 'read_all_orders', why: 'orders older than 60 days are visible to the bulk fix only with this scope' },
];

/** A write scope includes its read scope. */
function expand(granted: string[]): Set<string> {
  const set = new Set(granted);
  for (const scope of granted) if (scope.startsWith('write_')) set.add(`read_${scope.slice('write_'.length)}`);
  return set;
}

export function missingScopes(granted: string[]): { required: string[]; optional: string[] } {
  const have = expand(granted);
  const required = REQUIRED_SCOPES.filter((s) => !have.has(s.scope) && !(s.alternatives ?? []).some((a) => have.has(a))).map((s) => s.scope);
  const optional = OPTIONAL_SCOPES.filter((s) => !have.has(s.scope)).map((s) => s.scope);
  return { required, optional };
}

interface ConnectionData {
  shop: {
    name: string;
    myshopifyDomain: string;
    plan: { displayName: string; partnerDevelopment: boolean; shopifyPlus: boolean };
    primaryDomain: { host: string } | null;
    domains: Array<{ host: string }> | null;
  };
  currentAppInstallation: { accessScopes: Array<{ handle: string }> };
}

export function testConnection(client: AdminClient): Promise<Result<ConnectionReport>> {
  return asResult(async () => {
    const data = (await client.request<ConnectionData>(CONNECTION_QUERY))!;
    const granted = data.currentAppInstallation.accessScopes.map((s) => s.handle).sort();
    const missing = missingScopes(granted);
    return {
      shopName: data.shop.name,
      myshopifyDomain: data.shop.myshopifyDomain,
      // Primary first, each once, lower case: an order address at any of them is the merchant's own.
      shopDomains: [...new Set([data.shop.primaryDomain?.host, ...(data.shop.domains ?? []).map((d) => d.host), data.shop.myshopifyDomain].filter((h): h is string => Boolean(h)).map((h) => h.toLowerCase()))],
      plan: data.shop.plan.displayName,
      grantedScopes: granted,
      missingScopes: missing.required,
      optionalMissingScopes: missing.optional,
      credentialKind: client.tokens.kind,
    };
  });
}
