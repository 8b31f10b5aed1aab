/**
 * The sweep's own GraphQL documents (validated against the pinned schema with the others by
 * test/unit/graphql-documents.test.ts).
 */
import { ORDER_CLASSIFY_FIELDS, ORIGINAL_EMAIL_NAMESPACE } from '../shopify/documents';

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

const CUSTOMER_FIELD = 'customer { id email }';
const CHANNEL_APP_FIELD = 'app { title }';

/**
 * The classification fields (the shared list the card's field list includes, so the sweep classifies
 * exactly what the card sees) for up to 100 orders — with the customer only when the store changes
 * customer records too: one point less per order read, on every order that arrives. The channel's
 * app is the classifier's app name only when the order has no app of its own, so it is read first
 * without it (one point less per channel order) and again with it for orders with a channel and no
 * app (shopify-port.ts): the same facts as the full list, in the end.
 */
export const SWEEP_FACTS_QUERY = `#graphql
  query SweepFacts($ids: [ID!]!, $withCustomer: Boolean!, $withChannelApp: Boolean!) {
    nodes(ids: $ids) {
      ... on Order {
        ${ORDER_CLASSIFY_FIELDS.replace('#graphql', '').replace(CUSTOMER_FIELD, `customer @include(if: $withCustomer) { id email }`).replace(CHANNEL_APP_FIELD, `app @include(if: $withChannelApp) { title }`)}
      }
    }
  }
`;
