/**
 * The sweep's own GraphQL documents (validated against the pinned schema with the others by
 * test/unit/graphql-documents.test.ts). Reading an order in full uses the card's shared fragment
 * (lib/shopify/order-facts.ts `readOrdersFacts`), so the sweep classifies exactly what the card sees.
 */
import { ORIGINAL_EMAIL_NAMESPACE } from '../shopify/documents';

export const LEASE_KEY = 'auto_protect_lease';

export const SWEEP_LEASE_QUERY = `#graphql
  query SweepLease {
    shop {
      id
      lease: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${LEASE_KEY}") { value compareDigest }
    }
  }
`;

/** `compareDigest: null` = "only if nobody holds it yet"; a digest = "only if unchanged since I read it". */
export const SWEEP_LEASE_SET = `#graphql
  mutation SweepLeaseSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { compareDigest }
      userErrors { field message code }
    }
  }
`;

export const SWEEP_START_QUERY = `#graphql
  query SweepStart($query: String) {
    orders(first: 1, sortKey: CREATED_AT, reverse: true, query: $query) {
      nodes { id }
    }
  }
`;

/** Scalars only: one point per order listed (the full read is for orders that changed). */
export const SWEEP_CHANGED_QUERY = `#graphql
  query SweepChanged($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
      pageInfo { hasNextPage endCursor }
      nodes { id updatedAt email sourceName sourceIdentifier tags }
    }
  }
`;
