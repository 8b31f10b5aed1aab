/**
 * The GraphQL the bulk scan sends, and the one parser both scan paths share (a page's node and a
 * bulk operation's JSONL line have the same shape, so a store scans the same way either path).
 */
import type { ScannedOrder } from './types';

/** One order's fields, shared by the page query and the bulk operation's query. */
const ORDER_FIELDS = `
  id
  name
  createdAt
  email
  sourceName
  sourceIdentifier
  tags
  displayFulfillmentStatus
  app { name }
  channelInformation { channelDefinition { channelName handle } }
  customer { id email }
  metafield(namespace: "proxy_mail_guard", key: "original_email") { value }
  fixedBy: metafield(namespace: "proxy_mail_guard", key: "fixed_by") { value }
`;

export const ORDERS_COUNT_QUERY = `#graphql
  query BulkOrdersCount($limit: Int) {
    ordersCount(limit: $limit) { count precision }
  }
`;

export const ORDERS_PAGE_QUERY = `#graphql
  query BulkOrdersPage($first: Int!, $after: String) {
    orders(first: $first, after: $after, sortKey: CREATED_AT, reverse: true) {
      pageInfo { hasNextPage endCursor }
      nodes {${ORDER_FIELDS}}
    }
  }
`;

/**
 * The query a bulk operation runs (passed as a string argument, so it is a plain document).
 * Bulk operations ignore `first` limits on the root connection and return every order.
 */
export const BULK_ORDERS_DOCUMENT = `{
  orders(sortKey: CREATED_AT, reverse: true) {
    edges { node {${ORDER_FIELDS}} }
  }
}`;

export const BULK_RUN_MUTATION = `#graphql
  mutation BulkScanRun($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message }
    }
  }
`;

export const BULK_CURRENT_QUERY = `#graphql
  query BulkScanCurrent {
    currentBulkOperation(type: QUERY) { id status errorCode objectCount url query }
  }
`;

export const BULK_CONSENT_UPDATE = `#graphql
  mutation BulkCustomerUnsubscribe($input: CustomerEmailMarketingConsentUpdateInput!) {
    customerEmailMarketingConsentUpdate(input: $input) {
      customer { id }
      userErrors { field message }
    }
  }
`;

export const BULK_STATUS_QUERY = `#graphql
  query BulkScanStatus($id: ID!) {
    node(id: $id) {
      ... on BulkOperation { id status errorCode objectCount url partialDataUrl }
    }
  }
`;

// ── bulk mutations (./mutation-path.ts) ──────────────────────────────────────

export const STAGED_UPLOADS_CREATE = `#graphql
  mutation BulkStageUpload($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets { url parameters { name value } }
      userErrors { field message }
    }
  }
`;

export const BULK_RUN_ORDER_MUTATION = `#graphql
  mutation BulkChangeRun($mutation: String!, $stagedUploadPath: String!) {
    bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $stagedUploadPath) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
`;

export const BULK_CURRENT_MUTATION_QUERY = `#graphql
  query BulkChangeCurrent {
    currentBulkOperation(type: MUTATION) { id status query }
  }
`;

/** Every document above, for the schema validation test (bulk operation inner documents are checked there too). */
export const BULK_DOCUMENTS: Record<string, string> = {
  ORDERS_COUNT_QUERY,
  ORDERS_PAGE_QUERY,
  BULK_RUN_MUTATION,
  BULK_CURRENT_QUERY,
  BULK_CONSENT_UPDATE,
  BULK_STATUS_QUERY,
  STAGED_UPLOADS_CREATE,
  BULK_RUN_ORDER_MUTATION,
  BULK_CURRENT_MUTATION_QUERY,
  BULK_ORDERS_DOCUMENT: `query BulkOrders ${BULK_ORDERS_DOCUMENT}`,
};

const GID = /^gid:\/\/shopify\/\w+\/(\d+)$/;

/** 'gid://shopify/Order/123' → '123'; numeric ids pass through. */
export function numericId(id: string): string {
  return GID.exec(id)?.[1] ?? id;
}

interface OrderNode {
  id?: unknown;
  name?: unknown;
  createdAt?: unknown;
  email?: unknown;
  sourceName?: unknown;
  sourceIdentifier?: unknown;
  tags?: unknown;
  displayFulfillmentStatus?: unknown;
  app?: { name?: unknown } | null;
  channelInformation?: { channelDefinition?: { channelName?: unknown; handle?: unknown } | null } | null;
  customer?: { id?: unknown; email?: unknown; defaultEmailAddress?: { emailAddress?: unknown } | null } | null;
  metafield?: { value?: unknown } | null;
  fixedBy?: { value?: unknown } | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A page node or a JSONL object → ScannedOrder; null when it is not an order (e.g. a child row). */
export function parseOrderNode(raw: unknown): ScannedOrder | null {
  if (!raw || typeof raw !== 'object') return null;
  const node = raw as OrderNode;
  const id = str(node.id);
  if (!id || !id.includes('/Order/')) return null;
  const customerId = str(node.customer?.id);
  return {
    id: numericId(id),
    name: str(node.name) ?? '',
    createdAt: str(node.createdAt) ?? '',
    email: str(node.email),
    sourceName: str(node.sourceName),
    sourceIdentifier: str(node.sourceIdentifier),
    channelName: str(node.channelInformation?.channelDefinition?.channelName),
    appName: str(node.app?.name),
    tags: Array.isArray(node.tags) ? node.tags.filter((t): t is string => typeof t === 'string') : [],
    displayFulfillmentStatus: str(node.displayFulfillmentStatus),
    customer: customerId
      ? { id: numericId(customerId), email: str(node.customer?.defaultEmailAddress?.emailAddress) ?? str(node.customer?.email) }
      : null,
    originalEmail: str(node.metafield?.value),
    fixedBy: str(node.fixedBy?.value),
  };
}

/**
 * Splits a byte stream into lines as it arrives: only the current partial line is held, so a
 * 100,000-order JSONL file streams in constant memory.
 */
export async function* linesOf(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let carry = '';
  for await (const chunk of chunks) {
    carry += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let newline = carry.indexOf('\n', start);
    while (newline >= 0) {
      const line = carry.slice(start, newline).trim();
      if (line) yield line;
      start = newline + 1;
      newline = carry.indexOf('\n', start);
    }
    carry = carry.slice(start);
  }
  carry += decoder.decode();
  if (carry.trim()) yield carry.trim();
}

Object.assign(BULK_DOCUMENTS, {
  ORDERS_COUNT_QUERY,
  ORDERS_PAGE_QUERY,
  BULK_RUN_MUTATION,
  BULK_CURRENT_QUERY,
  BULK_CONSENT_UPDATE,
  BULK_STATUS_QUERY,
  BULK_ORDERS_DOCUMENT,
});
