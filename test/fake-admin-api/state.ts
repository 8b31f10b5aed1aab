import type { FakeClock } from './clock.ts';
import type { LeakyBucket, Plan } from './bucket.ts';
import type { LeadingWildcard } from './search.ts';
import type { Store } from './store.ts';
import type { BulkOperations } from './bulk.ts';
import type { AppRecord, OrderRecord } from './model.ts';
import type { Faults } from './faults.ts';
import type { BulkMutations, StagedUploads } from './bulk-mutation.ts';

export type EmptyEmail = 'clears' | 'user-error';

/** Shopify behaviours that are not documented: each is a switch so tests cover both outcomes. */
export interface Switches {
  /** `orderUpdate(input: {email: ""})`: clears the email, or answers a userError. */
  emptyEmail: EmptyEmail;
  /** `email:*@domain` search: works as a suffix match, or the term is silently ignored. */
  leadingWildcard: LeadingWildcard;
  /** HTTP status of THROTTLED answers: 200 (Shopify's documented GraphQL behaviour) or 429 (also reported), with Retry-After. */
  throttledStatus: 200 | 429;
}

export type OutboxKind =
  | 'shipping_confirmation'
  | 'shipping_update'
  | 'refund'
  | 'order_cancelled'
  // shipping-events.ts: orderCreate with sendReceipt, carrier OUT_FOR_DELIVERY / DELIVERED events
  | 'order_confirmation'
  | 'out_for_delivery'
  | 'delivered';

/** A customer notification Shopify would have emailed. */
export interface OutboxEntry {
  kind: OutboxKind;
  /** The order's email at send time (entries are only added when there is one). */
  to: string;
  /** gid://shopify/Order/… */
  orderId: string;
  /** ISO time on the store's clock. */
  at: string;
}

export interface Counters {
  /** Every HTTP request that reached the server (sandbox-admin requests excluded). */
  requests: number;
  graphqlRequests: number;
  throttledResponses: number;
  maxCostExceeded: number;
  unauthorized: number;
  accessDenied: number;
  /** Sum of actualQueryCost over answered requests. */
  costUsed: number;
  /** Sum of requestedQueryCost over answered requests (what the bucket must hold before each runs). */
  costRequested: number;
  /** Per mutation field name, applied or not (userErrors included). */
  mutations: Record<string, number>;
  faultsInjected: number;
}

export function emptyCounters(): Counters {
  return { requests: 0, graphqlRequests: 0, throttledResponses: 0, maxCostExceeded: 0, unauthorized: 0, accessDenied: 0, costUsed: 0, costRequested: 0, mutations: {}, faultsInjected: 0 };
}

export interface ApiState {
  store: Store;
  shop: string;
  plan: Plan;
  merchantDomain: string;
  switches: Switches;
  outbox: OutboxEntry[];
  counters: Counters;
  clock: FakeClock;
  bucket: LeakyBucket;
  bulk: BulkOperations;
  bulkMutations: BulkMutations;
  stagedUploads: StagedUploads;
  origin: () => string;
  appId: number;
  /** Called after `orderCreate` stored an order (the Flow runner listens here). */
  orderCreated: ((order: OrderRecord) => void)[];
  /** Fault injection (resolvers consult the ones that change what a mutation does). */
  faults: Faults;
}

export interface RequestContext {
  state: ApiState;
  scopes: ReadonlySet<string>;
  sandbox: boolean;
  /** The app the token belongs to (orders it creates carry it as `app`); null for the default token. */
  app?: AppRecord | null;
  /** Set while a bulk operation runs its query over a slice of orders (no first/last needed). */
  bulkSlice?: { from: number; to: number };
  searchWarnings: { path: string[]; query: string; warnings: { field: string; message: string }[] }[];
}

export const ALL_SCOPES = [
  'read_orders', 'write_orders', 'read_all_orders', 'read_customers', 'write_customers',
  'read_merchant_managed_fulfillment_orders', 'write_merchant_managed_fulfillment_orders',
  'read_assigned_fulfillment_orders', 'write_assigned_fulfillment_orders',
  'read_third_party_fulfillment_orders', 'write_third_party_fulfillment_orders',
];

export function hasScope(scopes: ReadonlySet<string>, scope: string): boolean {
  return scopes.has(scope) || (scope.startsWith('read_') && scopes.has(`write_${scope.slice(5)}`));
}
