/**
 * The Admin API version every request uses — one constant, so moving versions is one edit plus the
 * schema-validation test (test/unit/graphql-documents.test.ts) against the matching schema file.
 *
 * '2025-01' is the newest Admin schema published as a file (test/facts/SOURCE.md), so it is the
 * one our documents are validated against. Every field we use (orderUpdate email + metafields,
 * customerUpdate email, metafieldsDelete, orders query filters, bulk operations, extensions.cost,
 * currentAppInstallation.accessScopes) is documented unchanged in 2025-10 and 2026-07; when Shopify stops
 * serving a version it answers with the oldest supported one, so move this forward with a schema refresh.
 */
export const ADMIN_API_VERSION = '2025-01';
