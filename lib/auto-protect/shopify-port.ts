/**
 * The sweep's port to the Admin API: lib/shopify at background priority (the card goes first, one
 * budget), the card's facts read and the card's change path (`changeOrderEmail` with the facts the
 * sweep just read, so no second read before the change). Automatic changes carry the audit batch
 * `AUTO_BATCH` (the dashboard shows them as "automatic", undoable like any other).
 */
import type { AuditSink } from '../audit';
import { sameEmail, changeOrderEmail } from '../shopify/email-change';
import type { AdminClient } from '../shopify/client';
import { ApiFailure, asResult } from '../shopify/errors';
import { numericOrderId, orderGid, toOrderFacts } from '../shopify/order-facts';
import type { OrderNode } from '../shopify/documents';
import type { OrderFacts } from '../order-facts';
import { ORIGINAL_EMAIL_NAMESPACE } from '../shopify/documents';
import { neutralForms, type StoreSettings } from '../settings';
import { leaseValue, parseLease } from './lease';
import { LEASE_KEY, SWEEP_CHANGED_QUERY, SWEEP_FACTS_QUERY, SWEEP_LEASE_QUERY, SWEEP_LEASE_SET, SWEEP_START_QUERY } from './documents';
import type { ChangedPage, SweepApi } from './sweep';

import { AUTO_BATCH } from './batch';

/** Orders read in full per request (the card's fields: about 8 points each requested, under Shopify's 1,000). */
export const FACTS_PER_REQUEST = 100;
/** Orders listed per request (scalars only: 2 + 250 points requested, refunded to what comes back). */
export const CHANGED_PAGE_SIZE = 250;

export function shopifySweepApi(deps: { client: AdminClient; audit: AuditSink; settings: StoreSettings }): SweepApi {
  const client = deps.client.withPriority('background');
  const { settings } = deps;
  let shopId: string | null = null;

  return {
    readLease: () =>
      asResult(async () => {
        const data = await client.request<{ shop: { id: string; lease: { value: string; compareDigest: string } | null } }>(SWEEP_LEASE_QUERY);
        shopId = data?.shop.id ?? null;
        const lease = data?.shop.lease ?? null;
        return { lease: parseLease(lease?.value), digest: lease?.compareDigest ?? null };
      }),

    writeLease: (lease, digest) =>
      asResult(async () => {
        if (!shopId) throw new ApiFailure('internal_error', 'The lease was written before it was read.');
        const input = { ownerId: shopId, namespace: ORIGINAL_EMAIL_NAMESPACE, key: LEASE_KEY, type: 'single_line_text_field', value: leaseValue(lease), compareDigest: digest };
        // A lost answer is not re-sent blindly: the lease is read again to see whether it is ours.
        const verifyApplied = async () => {
          const data = await client.request<{ shop: { lease: { value: string } | null } }>(SWEEP_LEASE_QUERY);
          const now = parseLease(data?.shop.lease?.value);
          return now?.owner === lease.owner && now.until === lease.until;
        };
        const data = await client.request<{ metafieldsSet: { userErrors: { code: string | null; message: string }[] } }>(SWEEP_LEASE_SET, { metafields: [input] }, { mutation: true, verifyApplied });
        if (data === null) return true; // answer lost, but the lease is ours
        const errors = data?.metafieldsSet.userErrors ?? [];
        if (errors.some((e) => e.code === 'STALE_OBJECT' || e.code === 'INVALID_COMPARE_DIGEST')) return false;
        if (errors.length > 0) throw new ApiFailure('user_error', `Shopify refused the lease: ${errors[0]!.message}`, { field: 'lease', message: errors[0]!.message });
        return true;
      }),

    startId: (beforeIso) =>
      asResult(async () => {
        const data = await client.request<{ orders: { nodes: { id: string }[] } }>(SWEEP_START_QUERY, { query: `created_at:<'${beforeIso}'` });
        const node = data?.orders.nodes[0];
        return node ? numericOrderId(node.id) : '0';
      }),

    listChanged: (query, after) =>
      asResult(async () => {
        const data = await client.request<{
          orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; updatedAt: string; email: string | null; sourceName: string | null; sourceIdentifier: string | null; tags: string[] }[] };
        }>(SWEEP_CHANGED_QUERY, { first: CHANGED_PAGE_SIZE, after, query });
        const orders = data?.orders;
        const page: ChangedPage = {
          orders: (orders?.nodes ?? []).map((n) => ({ id: numericOrderId(n.id), updatedAt: n.updatedAt, email: n.email || null, sourceName: n.sourceName ?? null, sourceIdentifier: n.sourceIdentifier ?? null, tags: n.tags ?? [] })),
          endCursor: orders?.pageInfo.endCursor ?? null,
          hasNextPage: orders?.pageInfo.hasNextPage ?? false,
        };
        return page;
      }),

    readFacts: (ids) =>
      asResult(async () => {
        const facts = new Map<string, OrderFacts | null>();
        const read = async (list: string[], withChannelApp: boolean): Promise<string[]> => {
          const again: string[] = [];
          for (let at = 0; at < list.length; at += FACTS_PER_REQUEST) {
            const chunk = list.slice(at, at + FACTS_PER_REQUEST);
            const data = await client.request<{ nodes: Array<OrderNode | Record<string, never> | null> }>(SWEEP_FACTS_QUERY, { ids: chunk.map(orderGid), withCustomer: settings.updateCustomer, withChannelApp });
            chunk.forEach((id, i) => {
              const node = data?.nodes?.[i];
              const order = node && 'id' in node ? (node as OrderNode) : null;
              // No app of its own: the channel's app names it (toOrderFacts), so read that too.
              if (order && !withChannelApp && !order.app && order.channelInformation) again.push(id);
              facts.set(id, order ? toOrderFacts(order) : null);
            });
          }
          return again;
        };
        const again = await read(ids, false);
        if (again.length > 0) await read(again, true);
        return facts;
      }),

    fix: (facts, strategy) =>
      changeOrderEmail({ client, audit: deps.audit }, facts.orderId, strategy, {
        knownFacts: facts,
        batchId: AUTO_BATCH,
        updateCustomer: settings.updateCustomer,
        extraDomains: settings.extraDomains,
        neutral: neutralForms(settings),
      }),

    pendingChange: async (orderId) =>
      (await deps.audit.forOrder(client.store.handle, orderId)).some((e) => e.status === 'pending' && e.kind === 'fix' && e.batchId === AUTO_BATCH),

    reconcile: async (facts) => {
      // A change interrupted before its answer (worker stopped, connection lost) left its entry pending:
      // the order now says whether it happened.
      const entries = await deps.audit.forOrder(client.store.handle, facts.orderId);
      for (const e of entries) {
        if (e.status !== 'pending' || e.kind !== 'fix' || e.batchId !== AUTO_BATCH) continue;
        const applied = sameEmail(e.after, facts.email) && facts.originalEmail !== null;
        await deps.audit.update(
          e.id,
          applied
            ? { status: 'done', after: facts.email }
            : { status: 'failed', after: facts.email, error: { code: 'not_applied', message: 'Interrupted before Shopify applied the change; tried again.' } },
        );
      }
    },
  };
}
