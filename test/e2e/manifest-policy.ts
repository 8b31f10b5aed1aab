/**
 * What the production manifests may ask for: the one place a permission is added, each with the
 * feature that needs it (README "Permissions" lists the same). The production-build test fails on a
 * permission, host or key not listed here, and on one listed here but no longer asked for.
 */
export const PERMISSIONS: Readonly<Record<string, string>> = {
  storage: 'settings (storage.sync), credentials (storage.local), per-tab page status (storage.session)',
  alarms: 'automatic protection: the one-minute check for new marketplace orders',
  scripting: "the orders list: the background puts the list's script into the admin tab showing the list (no web-accessible file)",
};

/** Hosts granted at install: the admin the content script decorates and the store's Admin API. */
export const HOST_PERMISSIONS: Readonly<Record<string, string>> = {
  'https://admin.shopify.com/*': 'the Shopify admin: order card, notify guard, orders list',
  'https://*.myshopify.com/*': "the legacy admin host and the store's own Admin API",
};

/** Permissions the extension may ask for later, at the moment a feature needs them (never at install). */
export const OPTIONAL_PERMISSIONS: Readonly<Record<string, string>> = {};
export const OPTIONAL_HOST_PERMISSIONS: Readonly<Record<string, string>> = {
  'https://shopify-staged-uploads.storage.googleapis.com/*': "bulk changes: upload the job's file to Shopify's staged-upload storage (asked when a large job starts)",
  'https://storage.googleapis.com/*': "bulk changes: read the result file Shopify's bulk operation writes (asked with the above)",
};

/**
 * Manifest keys that would let pages or other extensions in, or relax the CSP: never present. Issue 11:
 * no web-accessible resources either (a page could fetch one to detect the extension).
 */
export const FORBIDDEN_KEYS = ['externally_connectable', 'content_security_policy', 'web_accessible_resources'] as const;
