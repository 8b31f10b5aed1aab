/**
 * The typed protocol between content script, popup, dashboard and background.
 * Every call answers a Result, so a failure always reaches the page as a code plus a sentence.
 * Sections are owned by the features that use them; add new calls to your own section.
 *
 * Transport (sendMessage / onMessage wrappers) is implemented below the protocol by the API layer.
 */
import type { OrderFacts } from './order-facts';
import type { Result } from './result';
import type { StoreRef } from './store-ref';
import type { Strategy } from './rewrite';
import type { BulkProtocol } from './bulk/protocol';

export interface FixOutcome {
  orderId: string;
  before: string | null;
  after: string | null;
  /** false when the order already had the result (idempotent re-run). */
  changed: boolean;
  /** For strip: how Shopify handled the empty email ('cleared' or 'rejected'). */
  stripBehaviour?: 'cleared' | 'rejected';
  customerUpdated?: boolean;
  auditId?: string;
  facts: OrderFacts;
}

export interface ConnectionReport {
  shopName: string;
  myshopifyDomain: string;
  plan: string;
  grantedScopes: string[];
  missingScopes: string[];
  /** Scopes that help but are not required (read_all_orders: orders older than 60 days). */
  optionalMissingScopes?: string[];
  credentialKind: 'admin-token' | 'client-credentials';
}

export type Credentials =
  | { kind: 'admin-token'; token: string }
  | { kind: 'client-credentials'; clientId: string; clientSecret: string };

/** What the content script did on one tab; the popup shows it. */
export interface PageStatus {
  store: StoreRef | null;
  surface: string;
  orderId: string | null;
  flagged: null | { marketplace: string; label: string; via: 'email' | 'channel' | 'tag' };
  /** Human-readable lines of what the guard did ("notify box turned off on Fulfil items"). */
  actions: string[];
  inactive: boolean;
}

export interface ProtocolMap extends BulkProtocol {
  // ── order page (proxy-banner) ──────────────────────────────────────────────
  getOrderFacts(data: { store: StoreRef; orderId: string }): Result<OrderFacts>;
  applyFix(data: { store: StoreRef; orderId: string; strategy: Strategy }): Result<FixOutcome>;
  undoFix(data: { store: StoreRef; orderId: string }): Result<FixOutcome>;
  /** Opens the popup's connect step in a tab (an action popup cannot be opened from a page). */
  openConnect(data: { store: StoreRef }): Result<void>;

  // ── notify-guard ───────────────────────────────────────────────────────────
  recordGuardOverride(data: { store: StoreRef; orderId: string; surface: string; marketplace: string }): Result<void>;

  // ── page status (content script → background → popup) ──────────────────────
  reportPageStatus(data: PageStatus): Result<void>;
  getPageStatus(data: { tabId: number }): Result<PageStatus | null>;

  // ── connection (popup) ─────────────────────────────────────────────────────
  connect(data: { store: StoreRef; credentials: Credentials }): Result<ConnectionReport>;
  testConnection(data: { store: StoreRef }): Result<ConnectionReport>;
  disconnect(data: { store: StoreRef }): Result<void>;

  // ── bulk (dashboard) ───────────────────────────────────────────────────────
  // bulkScan, bulkStatus, bulkStart, ... auditQuery, auditExportCsv: see BulkProtocol (lib/bulk/protocol.ts).
}
