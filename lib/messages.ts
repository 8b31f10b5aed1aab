/**
 * The typed protocol between content script, popup, dashboard and background.
 * Every call answers a Result, so a failure always reaches the page as a code plus a sentence.
 * Sections are owned by the features that use them; add new calls to your own section.
 *
 * Transport (sendMessage / onMessage wrappers) is implemented below the protocol by the API layer.
 *
 * Each entry's second parameter declares who may call it (lib/callers.ts): `from: 'extension'` (our
 * own pages only), `from: 'store-tab'` (the content script of the store in `data.store`, or our
 * pages), `from: 'admin-tab'` (the content script on any admin page, or our pages). The background
 * checks the browser-given sender against it; an entry without it cannot be registered.
 */
import type { OrderFacts } from './order-facts';
import type { Result } from './result';
import type { StatusLine } from './status-line';
import type { StoreRef } from './store-ref';
import type { FixChoice, StoreSettings } from './settings';
import type { BulkProtocol } from './bulk/protocol';
import type { FlowSetup } from './flow/setup';
import type { FlowStatusView } from './flow/health';
import type { AutoProtectStatus } from './auto-protect/status';

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
  /** Applied, but Shopify answered a userError too (kept so the merchant can read Shopify's words). */
  warning?: { code: string; message: string; params?: Record<string, string> };
  /** Applied, but the local audit entry could not be marked done (the order's metafield holds the original). */
  auditPending?: boolean;
  facts: OrderFacts;
}

export interface ConnectionReport {
  shopName: string;
  myshopifyDomain: string;
  /** The shop's primary and connected domains (primary first), read at connect. */
  shopDomains: string[];
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
  /**
   * What the guard did ("notify box turned off on Fulfil items"), as message keys + parameters: the
   * popup renders them in the browser's language (lib/status-line.ts).
   */
  actions: StatusLine[];
  inactive: boolean;
  /** The admin's `<html lang>` (the popup says when it is a language we have no words or texts for). */
  adminLang?: string;
}

/** What the order list shows for one order (lib/platform/handlers/orders-list.ts). */
export interface ListVerdict {
  orderId: string;
  /** relay: a marketplace address still on the order; protected: neutralised; missing: not in this store. */
  state: 'relay' | 'protected' | 'ordinary' | 'missing';
  marketplace: string | null;
  /** Display name, e.g. "Amazon". */
  label: string | null;
  /** relay only: the store's fix applies to it (not "keep", and the address can be rewritten). */
  fixable: boolean;
  /** protected only: the Shopify Flow workflow fixed it as it arrived (lib/order-facts protectedByFlow). */
  protectedBy?: 'flow';
  /** relay only: the address itself is a relay ('email'), or the order is the marketplace's by its channel or tags (Etsy: a real address). */
  via?: 'email' | 'channel';
}

export interface ListVerdicts {
  verdicts: ListVerdict[];
  /** Admin API requests made for this answer (one per 100 ids) and their requested cost. */
  requests: number;
  requestedCost: number;
}

export interface ProtocolMap extends BulkProtocol {
  // ── order page (proxy-banner) ──────────────────────────────────────────────
  getOrderFacts(data: { store: StoreRef; orderId: string }, from: 'store-tab'): Result<OrderFacts>;
  /** `fix` is a choice; the background builds the strategy from the store's saved settings. */
  applyFix(data: { store: StoreRef; orderId: string; fix: FixChoice }, from: 'store-tab'): Result<FixOutcome>;
  undoFix(data: { store: StoreRef; orderId: string }, from: 'store-tab'): Result<FixOutcome>;
  /** Opens the popup's connect step in a tab (an action popup cannot be opened from a page). */
  openConnect(data: { store: StoreRef }, from: 'store-tab'): Result<void>;

  // ── orders list (orders-list) ───────────────────────────────────────────────
  /** Verdicts for the orders on screen, in one request (up to 100 ids; more are chunked). */
  listVerdicts(data: { store: StoreRef; orderIds: string[] }, from: 'store-tab'): Result<ListVerdicts>;
  /** The store's own fix for one listed order (its settings pick the strategy), through the card's change path. */
  fixListedOrder(data: { store: StoreRef; orderId: string }, from: 'store-tab'): Result<FixOutcome>;
  /** Opens the dashboard (bulk fix for the whole store) in a tab. */
  openBulkFix(data: { store: StoreRef }, from: 'store-tab'): Result<void>;
  /** Puts the list feature's script (orders-list.js) into the asking frame's isolated world: no web-accessible file. */
  loadOrdersListScript(data: { store: StoreRef }, from: 'store-tab'): Result<void>;

  // ── settings (content script; read-only: the page never writes extension storage) ──
  getSettings(data: { store: StoreRef }, from: 'store-tab'): Result<StoreSettings>;

  // ── notify-guard ───────────────────────────────────────────────────────────
  recordGuardOverride(data: { store: StoreRef; orderId: string; surface: string; marketplace: string }, from: 'store-tab'): Result<void>;

  // ── page status (content script → background → popup) ──────────────────────
  reportPageStatus(data: PageStatus, from: 'store-tab'): Result<void>;
  getPageStatus(data: { tabId: number }, from: 'extension'): Result<PageStatus | null>;

  // ── connection (popup) ─────────────────────────────────────────────────────
  connect(data: { store: StoreRef; credentials: Credentials }, from: 'extension'): Result<ConnectionReport>;
  testConnection(data: { store: StoreRef }, from: 'extension'): Result<ConnectionReport>;
  disconnect(data: { store: StoreRef }, from: 'extension'): Result<void>;

  // ── Shopify Flow (popup, dashboard; lib/platform/handlers/flow.ts) ───────────
  /** Whether the merchant's workflow is on, up to date with the settings, and fixing orders. */
  flowStatus(data: { store: StoreRef }, from: 'extension'): Result<FlowStatusView>;
  /** `on`: the workflow is on (or was updated) with today's settings; `false`: turned off. */
  flowConfirm(data: { store: StoreRef; on: boolean }, from: 'extension'): Result<FlowSetup | null>;

  // ── automatic protection (popup, connect screen; the card reads the status) ───
  autoProtectStatus(data: { store: StoreRef }, from: 'store-tab'): Result<AutoProtectStatus>;
  setAutoProtect(data: { store: StoreRef; on: boolean }, from: 'extension'): Result<AutoProtectStatus>;
  checkAutoProtectNow(data: { store: StoreRef }, from: 'extension'): Result<AutoProtectStatus>;

  // ── bulk (dashboard) ───────────────────────────────────────────────────────
  // bulkScan, bulkStatus, bulkStart, ... auditQuery, auditExportCsv: see BulkProtocol (lib/bulk/protocol.ts).
}
