/**
 * Every GraphQL document we send. Each is a template literal starting with `#graphql` (Shopify's
 * convention, so editors and codegen find them) and is validated against the pinned schema by
 * test/unit/graphql-documents.test.ts — add new documents to `ALL_DOCUMENTS`.
 */
import { FIXED_BY_KEY, FLOW_VERSION_KEY } from '../order-facts';

export const ORIGINAL_EMAIL_NAMESPACE = 'proxy_mail_guard';
export const ORIGINAL_EMAIL_KEY = 'original_email';

/**
 * Exactly what the shared classifier (lib/bulk/classify.ts) and the change path need to judge and fix
 * an order: email, provenance (source, sourceIdentifier for the order-id strategy, app, channel),
 * tags, our metafields (`fixed_by` for "protected by Flow") and the customer. The card's field list
 * below INCLUDES it, so the card and the sweep classify the same inputs by construction; the sweep
 * reads only this (lib/auto-protect/documents.ts, customer only when the store changes customers).
 */
export const ORDER_CLASSIFY_FIELDS = `#graphql
  id
  legacyResourceId
  name
  email
  customer { id email }
  sourceName
  sourceIdentifier
  app { name }
  channelInformation { channelDefinition { channelName } app { title } }
  tags
  originalEmail: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${ORIGINAL_EMAIL_KEY}") { id value }
  fixedBy: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${FIXED_BY_KEY}") { value updatedAt }
`;

/**
 * The order fields behind `OrderFacts` (the card's): the classification fields plus what only the
 * card shows. As a plain selection (bulk operation queries want the fields inline) and as a fragment.
 */
export const ORDER_FACTS_FIELDS = `#graphql
  ${ORDER_CLASSIFY_FIELDS.replace('#graphql', '')}
  phone
  createdAt
  app { id }
  channelInformation { channelDefinition { handle subChannelName } }
  displayFulfillmentStatus
`;

export const ORDER_FACTS_FRAGMENT = `#graphql
  fragment OrderFactsFields on Order {
    ${ORDER_FACTS_FIELDS}
  }
`;

export const ORDER_FACTS_QUERY = `#graphql
  query OrderFacts($id: ID!) {
    order(id: $id) {
      ...OrderFactsFields
    }
  }
  ${ORDER_FACTS_FRAGMENT}
`;

/** The confirming re-read after a change: only what the change touches (a third of the full read's cost). */
export const ORDER_EMAIL_CONFIRM_QUERY = `#graphql
  query OrderEmailConfirm($id: ID!) {
    order(id: $id) {
      id
      email
      customer { id email }
      originalEmail: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${ORIGINAL_EMAIL_KEY}") { id value }
    }
  }
`;

/**
 * The payload is the confirmation: the email Shopify stored and our metafield as it now stands, so no
 * re-read follows a change (a mutation costs 10 points whatever it selects; a re-read costs 3 more).
 */
export const ORDER_EMAIL_UPDATE = `#graphql
  mutation OrderEmailUpdate($input: OrderInput!) {
    orderUpdate(input: $input) {
      order {
        id
        email
        originalEmail: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${ORIGINAL_EMAIL_KEY}") { id value }
      }
      userErrors { field message }
    }
  }
`;

/** Saves the original on its own, when Shopify applied an email change but not the metafield sent with it. */
export const ORIGINAL_EMAIL_SET = `#graphql
  mutation OriginalEmailSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id namespace key value }
      userErrors { field message }
    }
  }
`;

/**
 * What a batch needs to know just before changing its orders (the merchant may have fixed some by hand
 * since the scan): ~1 point per order, one request per batch.
 */
export const ORDERS_EMAIL_RECHECK_QUERY = `#graphql
  query OrdersEmailRecheck($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        email
        originalEmail: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${ORIGINAL_EMAIL_KEY}") { value }
      }
    }
  }
`;

export const CUSTOMER_EMAIL_UPDATE = `#graphql
  mutation CustomerEmailUpdate($input: CustomerInput!) {
    customerUpdate(input: $input) {
      customer { id email }
      userErrors { field message }
    }
  }
`;

export const ORIGINAL_EMAIL_DELETE = `#graphql
  mutation OriginalEmailDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields { ownerId namespace key }
      userErrors { field message }
    }
  }
`;

/** Newest first; `query` narrows by Shopify's search syntax (dates, channel, tags) — never a leading wildcard. */
export const ORDERS_PAGE_QUERY = `#graphql
  query OrdersPage($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, sortKey: CREATED_AT, reverse: true, query: $query) {
      pageInfo { hasNextPage endCursor }
      nodes {
        ...OrderFactsFields
      }
    }
  }
  ${ORDER_FACTS_FRAGMENT}
`;

/**
 * The orders on one screen of the admin's order list, by id: the list shows names, not emails, so its
 * badges need the same facts the card reads (the shared fragment), for up to ORDERS_BY_ID_MAX ids.
 */
export const ORDERS_BY_ID_QUERY = `#graphql
  query OrdersById($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        ...OrderFactsFields
      }
    }
  }
  ${ORDER_FACTS_FRAGMENT}
`;

/**
 * The newest orders since the Shopify Flow workflow was turned on (lib/flow/health.ts), listed cheaply:
 * scalars cost nothing, so each order costs itself and two metafields (our original and the fix
 * marker) — 3 points, where the full facts cost 9. The workflow's fixes and the orders their scalars
 * prove ordinary are judged from this alone; FLOW_ORDER_DETAILS_QUERY reads the rest for the few that need it.
 */
export const FLOW_RECENT_ORDERS_QUERY = `#graphql
  query FlowRecentOrders($first: Int!, $query: String) {
    orders(first: $first, sortKey: CREATED_AT, reverse: true, query: $query) {
      nodes {
        id
        name
        createdAt
        email
        sourceName
        sourceIdentifier
        tags
        originalEmail: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${ORIGINAL_EMAIL_KEY}") { id value }
        fixedBy: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${FIXED_BY_KEY}") { value updatedAt }
      }
    }
  }
`;

/**
 * What the listing leaves out, for the orders that need it (6 points each): where the order came from
 * (app, channel: the classifier's), and the version of the Flow code that fixed it (for the newest fix).
 */
export const FLOW_ORDER_DETAILS_QUERY = `#graphql
  query FlowOrderDetails($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        app { id name }
        channelInformation { channelDefinition { handle channelName subChannelName } app { title } }
        flowVersion: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${FLOW_VERSION_KEY}") { value }
      }
    }
  }
`;

export const CONNECTION_QUERY = `#graphql
  query Connection {
    shop {
      name
      myshopifyDomain
      plan { displayName partnerDevelopment shopifyPlus }
      primaryDomain { host }
      domains { host }
    }
    currentAppInstallation {
      accessScopes { handle }
    }
  }
`;

/**
 * The ids of the orders updated since a moment, oldest change first: before a bulk-mutation round, only
 * these can differ from the scan, so only these need the re-read above. Ids only: ~1 point per order listed.
 */
export const ORDERS_UPDATED_SINCE_QUERY = `#graphql
  query OrdersUpdatedSince($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
      pageInfo { hasNextPage endCursor }
      nodes { id }
    }
  }
`;

/**
 * The store's latest order update, by Shopify's own clock: marks the scan's start so the re-check above
 * never depends on the browser's clock being right.
 */
export const ORDERS_NEWEST_UPDATE_QUERY = `#graphql
  query OrdersNewestUpdate {
    orders(first: 1, sortKey: UPDATED_AT, reverse: true) {
      nodes { updatedAt }
    }
  }
`;

export const ALL_DOCUMENTS: Record<string, string> = {
  FLOW_RECENT_ORDERS_QUERY,
  FLOW_ORDER_DETAILS_QUERY,
  ORDER_FACTS_QUERY,
  ORDER_EMAIL_CONFIRM_QUERY,
  ORDER_EMAIL_UPDATE,
  ORIGINAL_EMAIL_SET,
  ORDERS_EMAIL_RECHECK_QUERY,
  ORDERS_UPDATED_SINCE_QUERY,
  ORDERS_NEWEST_UPDATE_QUERY,
  CUSTOMER_EMAIL_UPDATE,
  ORIGINAL_EMAIL_DELETE,
  ORDERS_PAGE_QUERY,
  ORDERS_BY_ID_QUERY,
  CONNECTION_QUERY,
};

// ── Response shapes (only what we select) ────────────────────────────────────
export interface OrderNode {
  id: string;
  legacyResourceId: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  customer: { id: string; email: string | null } | null;
  sourceName: string | null;
  sourceIdentifier: string | null;
  app: { id: string; name: string } | null;
  channelInformation: {
    channelDefinition: { handle: string; channelName: string; subChannelName: string | null } | null;
    app: { title: string } | null;
  } | null;
  tags: string[];
  displayFulfillmentStatus: string;
  originalEmail: { id: string; value: string } | null;
  /** Absent in documents that do not select it (the confirming re-read). */
  fixedBy?: { value: string; updatedAt: string } | null;
}

export interface UserError {
  field: string[] | null;
  message: string;
}
