/**
 * The bulk engine's API port over lib/shopify: the same throttle-aware client, email change and
 * restore the order page uses (so a bulk change is recorded in the audit log exactly like a single
 * one), plus the scan's own reads (orders page, orders count, bulk operation).
 */
import type { AuditSink } from '../audit';
import type { NeutralForms } from '../marketplaces';
import type { AdminClient } from '../shopify/client';
import { changeOrderEmail, readSeen, restoreOriginal, sameEmail } from '../shopify/email-change';
import { asResult, ApiFailure } from '../shopify/errors';
import { orderGid, readOrderFacts } from '../shopify/order-facts';
import { ORDERS_EMAIL_RECHECK_QUERY, ORDERS_NEWEST_UPDATE_QUERY, ORDERS_UPDATED_SINCE_QUERY, ORDER_EMAIL_UPDATE, ORIGINAL_EMAIL_KEY, ORIGINAL_EMAIL_NAMESPACE, ORIGINAL_EMAIL_SET } from '../shopify/documents';
import { unsubscribeCustomer } from '../shopify/customer-record';
import {
  BULK_CURRENT_MUTATION_QUERY,
  BULK_CURRENT_QUERY,
  BULK_RUN_ORDER_MUTATION,
  STAGED_UPLOADS_CREATE,
  BULK_ORDERS_DOCUMENT,
  BULK_RUN_MUTATION,
  BULK_STATUS_QUERY,
  ORDERS_COUNT_QUERY,
  ORDERS_PAGE_QUERY,
  linesOf,
  parseOrderNode,
} from './queries';
import type { BulkApi, BulkMutationApi, BulkOperationStatus, BulkScanState, RecheckedOrder, ScannedOrder } from './types';

export interface ShopifyPortDeps {
  client: AdminClient;
  audit: AuditSink;
  /** Downloads the bulk operation's JSONL (Shopify's signed storage URL; the fake API's origin in tests). */
  download: (url: string) => Promise<Response>;
  extraDomains?: readonly string[];
  neutral?: NeutralForms;
  /** Count up to this many orders; above, the scan uses a bulk operation anyway. */
  countLimit?: number;
  /**
   * Posts the staged upload form to Shopify's storage host. Absent (or the host not granted): no
   * bulk-mutation path, the job changes orders one by one.
   */
  upload?: (url: string, form: FormData) => Promise<Response>;
}

interface BulkNode {
  id: string;
  status: BulkOperationStatus;
  errorCode: string | null;
  objectCount: string | number;
  url: string | null;
  query?: string;
}

const toState = (op: BulkNode): BulkScanState => ({
  id: op.id,
  status: op.status,
  errorCode: op.errorCode,
  objectCount: Number(op.objectCount ?? 0),
  url: op.url,
});

export function shopifyBulkApi(deps: ShopifyPortDeps): BulkApi {
  const { client } = deps;
  const ctx = { client, audit: deps.audit };
  return {
    countOrders: () =>
      asResult(async () => {
        const data = await client.request<{ ordersCount: { count: number; precision: 'EXACT' | 'AT_LEAST' } | null }>(ORDERS_COUNT_QUERY, {
          limit: deps.countLimit ?? 10_000,
        });
        const c = data?.ordersCount;
        return { count: c?.count ?? 0, exact: c?.precision !== 'AT_LEAST' };
      }),

    listOrders: ({ first, after }) =>
      asResult(async () => {
        const data = await client.request<{ orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] } }>(
          ORDERS_PAGE_QUERY,
          { first, after },
        );
        const orders = (data?.orders.nodes ?? []).map(parseOrderNode).filter((o): o is ScannedOrder => o !== null);
        return { orders, endCursor: data?.orders.pageInfo.endCursor ?? null, hasNextPage: !!data?.orders.pageInfo.hasNextPage };
      }),

    startBulkScan: () =>
      asResult(async () => {
        // A lost answer may mean the operation started: look for it before starting another.
        const adopt = async (): Promise<string | null> => {
          const current = await client.request<{ currentBulkOperation: BulkNode | null }>(BULK_CURRENT_QUERY);
          const op = current?.currentBulkOperation;
          return op && (op.status === 'CREATED' || op.status === 'RUNNING') && op.query?.replace(/\s+/g, '') === BULK_ORDERS_DOCUMENT.replace(/\s+/g, '') ? op.id : null;
        };
        let adopted: string | null = null;
        const data = await client.request<{ bulkOperationRunQuery: { bulkOperation: BulkNode | null; userErrors: Array<{ message: string }> } | null }>(
          BULK_RUN_MUTATION,
          { query: BULK_ORDERS_DOCUMENT },
          { mutation: true, verifyApplied: async () => (adopted = await adopt()) !== null },
        );
        if (data === null && adopted) return { id: adopted };
        const payload = data?.bulkOperationRunQuery;
        const errors = payload?.userErrors ?? [];
        if (errors.length || !payload?.bulkOperation) {
          // Only one bulk query runs per store at a time: reuse ours if it is the one running.
          const running = await adopt();
          if (running) return { id: running };
          const message = errors.map((e) => e.message).join('; ') || 'Shopify did not start the export.';
          throw new ApiFailure('bulk_scan_busy', message, { message });
        }
        return { id: payload.bulkOperation.id };
      }),

    bulkScanStatus: (id) =>
      asResult(async () => {
        const data = await client.request<{ node: BulkNode | null }>(BULK_STATUS_QUERY, { id });
        if (!data?.node) throw new ApiFailure('bulk_scan_failed', 'Shopify no longer knows this export.', { reason: 'NOT_FOUND' });
        return toState(data.node);
      }),

    async *readJsonl(url) {
      const response = await deps.download(url);
      if (!response.ok || !response.body) throw new ApiFailure('bulk_download_failed', `The export could not be downloaded (HTTP ${response.status}).`);
      yield* linesOf(response.body);
    },

    readOrder: (orderId) =>
      asResult(async () => {
        const facts = await readOrderFacts(client, orderId);
        if (!facts) throw new ApiFailure('order_not_found', 'This order no longer exists (deleted or not visible to the app).', { order: orderId });
        return facts;
      }),

    recheck: (orderIds) =>
      asResult(async () => {
        const seen = new Map<string, RecheckedOrder | null>();
        // nodes(ids:) takes up to 250 ids; a batch is smaller, but stay within it whatever the caller sends.
        for (let from = 0; from < orderIds.length; from += 250) {
          const ids = orderIds.slice(from, from + 250);
          const data = await client.request<{ nodes: Array<{ id?: string; email?: string | null; originalEmail?: { value: string } | null } | null> }>(
            ORDERS_EMAIL_RECHECK_QUERY,
            { ids: ids.map(orderGid) },
          );
          ids.forEach((id, i) => {
            const node = data?.nodes?.[i];
            seen.set(id, node?.id ? { email: node.email || null, originalEmail: node.originalEmail?.value || null } : null);
          });
        }
        return seen;
      }),

    updatedSince: (since, limit) =>
      asResult(async () => {
        const ids = new Set<string>();
        let after: string | null = null;
        for (;;) {
          type Page = { orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ id: string }> } };
          const data: Page | null = await client.request<Page>(ORDERS_UPDATED_SINCE_QUERY, { first: 250, after, query: `updated_at:>='${since}'` });
          for (const node of data?.orders.nodes ?? []) ids.add(node.id.replace(/^gid:\/\/shopify\/Order\//, ''));
          if (ids.size > limit) return null;
          const info: Page['orders']['pageInfo'] | undefined = data?.orders.pageInfo;
          if (!info?.hasNextPage || !info.endCursor) return ids;
          after = info.endCursor;
        }
      }),

    newestUpdate: () =>
      asResult(async () => {
        const data = await client.request<{ orders: { nodes: Array<{ updatedAt: string }> } }>(ORDERS_NEWEST_UPDATE_QUERY);
        return data?.orders.nodes[0]?.updatedAt ?? null;
      }),

    fixOrder: async (orderId, strategy, opts) => {
      const r = await changeOrderEmail(ctx, orderId, strategy, {
        batchId: opts.batchId,
        updateCustomer: opts.customer,
        ...(opts.known ? { knownFacts: opts.known } : {}),
        ...(opts.marketplace ? { marketplace: opts.marketplace } : {}),
        ...(deps.extraDomains ? { extraDomains: deps.extraDomains } : {}),
        ...(deps.neutral ? { neutral: deps.neutral } : {}),
      });
      if (!r.ok) return r;
      const v = r.value;
      if (opts.customer && v.customerUpdated && v.after && v.facts.customer) await unsubscribeCustomer(client, v.facts.customer.id);
      return {
        ok: true,
        value: { before: v.before, after: v.after, changed: v.changed, ...(v.auditId ? { auditId: v.auditId } : {}), ...(v.customerUpdated !== undefined ? { customerUpdated: v.customerUpdated } : {}) },
      };
    },

    restoreOrder: async (orderId, opts) => {
      const r = await restoreOriginal(ctx, orderId, { batchId: opts.batchId, ...(deps.neutral?.prefix ? { prefix: deps.neutral.prefix } : {}) });
      if (!r.ok) return r;
      const v = r.value;
      return { ok: true, value: { before: v.before, after: v.after, changed: v.changed, ...(v.auditId ? { auditId: v.auditId } : {}) } };
    },

    reconcile: async (orderId, facts, batchId) => {
      const entries = await deps.audit.forOrder(client.store.handle, orderId);
      for (const e of entries) {
        if (e.status !== 'pending' || e.batchId !== batchId) continue;
        const applied = sameEmail(e.after, facts.email) && (e.kind === 'undo' || facts.originalEmail !== null);
        await deps.audit.update(
          e.id,
          applied
            ? { status: 'done', after: facts.email }
            : { status: 'failed', after: facts.email, error: { code: 'not_applied', message: 'Interrupted before Shopify applied the change; tried again.' } },
        );
      }
    },

    ...(deps.upload ? { bulkMutation: bulkMutationApi(deps, deps.upload) } : {}),

    throttle: () => {
      const t = client.stats.lastCost?.throttleStatus;
      return t ? { maximumAvailable: t.maximumAvailable, currentlyAvailable: t.currentlyAvailable, restoreRate: t.restoreRate } : null;
    },
    costUsed: () => client.stats.costUsed,
  };
}

/** Staged upload, operation start (found again by name after a lost answer), status, and the repairs a check may need. */
function bulkMutationApi(deps: ShopifyPortDeps, upload: (url: string, form: FormData) => Promise<Response>): BulkMutationApi {
  const { client } = deps;
  const findRunning = (marker: string) =>
    asResult(async () => {
      const data = await client.request<{ currentBulkOperation: BulkNode | null }>(BULK_CURRENT_MUTATION_QUERY);
      const op = data?.currentBulkOperation;
      const ours = !!op && (op.query ?? '').includes(marker);
      return ours ? { id: op.id } : null;
    });
  return {
    stageUpload: (file) =>
      asResult(async () => {
        let last = '';
        // A target may be refused or expire before the upload: ask for a fresh one, a few times.
        for (let attempt = 0; attempt < 3; attempt++) {
          const data = await client.request<{ stagedUploadsCreate: { stagedTargets: Array<{ url: string; parameters: Array<{ name: string; value: string }> }> | null; userErrors: Array<{ message: string }> } | null }>(
            STAGED_UPLOADS_CREATE,
            { input: [{ resource: 'BULK_MUTATION_VARIABLES', filename: 'proxy-mail-guard-changes.jsonl', mimeType: 'text/jsonl', httpMethod: 'POST' }] },
            // Asking for a target twice is harmless.
            { mutation: true, verifyApplied: async () => false },
          );
          const target = data?.stagedUploadsCreate?.stagedTargets?.[0];
          const key = target?.parameters.find((p) => p.name === 'key')?.value;
          if (!target || !key) throw new ApiFailure('bulk_upload_refused', data?.stagedUploadsCreate?.userErrors.map((e) => e.message).join('; ') || 'Shopify gave no upload target.');
          const form = new FormData();
          for (const p of target.parameters) form.append(p.name, p.value);
          form.append('file', file, 'proxy-mail-guard-changes.jsonl');
          let response: Response;
          try {
            response = await upload(target.url, form);
          } catch (error) {
            if (error instanceof ApiFailure) throw error;
            last = String((error as Error)?.message ?? error);
            continue;
          }
          if (response.ok) return { stagedUploadPath: key };
          last = `HTTP ${response.status}`;
        }
        throw new ApiFailure('bulk_upload_refused', `Shopify's storage did not take the file (${last}).`, { reason: last });
      }),

    runMutation: (document, stagedUploadPath) =>
      asResult(async () => {
        const marker = /mutation\s+(\w+)/.exec(document)?.[1] ?? '';
        let adopted: string | null = null;
        const data = await client.request<{ bulkOperationRunMutation: { bulkOperation: { id: string } | null; userErrors: Array<{ message: string; code?: string | null }> } | null }>(
          BULK_RUN_ORDER_MUTATION,
          { mutation: document, stagedUploadPath },
          {
            mutation: true,
            verifyApplied: async () => {
              const found = await findRunning(marker);
              adopted = found.ok && found.value ? found.value.id : null;
              return adopted !== null;
            },
          },
        );
        if (data === null && adopted) return { id: adopted };
        const payload = data?.bulkOperationRunMutation;
        const errors = payload?.userErrors ?? [];
        if (payload?.bulkOperation && !errors.length) return { id: payload.bulkOperation.id };
        if (errors.some((e) => e.code === 'OPERATION_IN_PROGRESS')) {
          const running = await findRunning(marker);
          if (running.ok && running.value) return running.value;
          throw new ApiFailure('bulk_mutation_busy', errors[0]!.message, { message: errors[0]!.message });
        }
        const message = errors.map((e) => e.message).join('; ') || 'Shopify did not start the bulk change.';
        throw new ApiFailure('bulk_mutation_refused', message, { message });
      }),

    findRunning,

    mutationStatus: (id) =>
      asResult(async () => {
        const data = await client.request<{ node: (BulkNode & { partialDataUrl: string | null }) | null }>(BULK_STATUS_QUERY, { id });
        if (!data?.node) throw new ApiFailure('bulk_scan_failed', 'Shopify no longer knows this bulk operation.', { reason: 'NOT_FOUND' });
        return { ...toState(data.node), partialDataUrl: data.node.partialDataUrl ?? null };
      }),

    secureOriginal: (orderId, original, previousEmail) =>
      asResult(async () => {
        const gid = orderGid(orderId);
        // Each lost answer is verified by a re-read before anything is sent again.
        const saved = await client.request<{ metafieldsSet: { metafields: Array<{ value: string }> | null } | null }>(
          ORIGINAL_EMAIL_SET,
          { metafields: [{ ownerId: gid, namespace: ORIGINAL_EMAIL_NAMESPACE, key: ORIGINAL_EMAIL_KEY, type: 'single_line_text_field', value: original }] },
          { mutation: true, verifyApplied: async () => !!(await readSeen(client, gid))?.originalEmail },
        );
        if (saved === null || saved?.metafieldsSet?.metafields?.[0]?.value) return 'saved' as const;
        const back = await client.request<{ orderUpdate: { order: { email: string | null } | null } | null }>(
          ORDER_EMAIL_UPDATE,
          { input: { id: gid, email: previousEmail ?? '' } },
          { mutation: true, verifyApplied: async () => sameEmail((await readSeen(client, gid))?.email, previousEmail) },
        );
        if (back === null || sameEmail(back?.orderUpdate?.order?.email ?? null, previousEmail)) return 'reverted' as const;
        throw new ApiFailure('change_not_confirmed', 'The order changed but neither its original nor its old email could be written.', { email: previousEmail ?? '' });
      }),

    recordAudit: async (entries) => {
      if (deps.audit.putMany) return deps.audit.putMany(entries);
      for (const e of entries) await deps.audit.add(e).catch(() => deps.audit.update(e.id, e));
    },
  };
}
