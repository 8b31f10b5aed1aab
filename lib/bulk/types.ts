/**
 * The bulk job's vocabulary: what it reads from the store (ScannedOrder), what it keeps per order
 * (JobItem), the job itself (BulkJob), and the narrow port to the Admin API it needs (BulkApi).
 * The engine only ever talks to the store through BulkApi, so it runs against an in-memory fake in
 * unit tests and against lib/shopify in the extension.
 */
import type { AuditEntry } from '../audit';
import type { OrderFacts } from '../order-facts';
import type { AppError, Result } from '../result';
import type { Strategy } from '../rewrite';

/** One order as the scan sees it: the fields classification, filters and the preview need. */
export interface ScannedOrder {
  id: string; // numeric
  name: string;
  createdAt: string; // ISO
  email: string | null;
  sourceName: string | null;
  sourceIdentifier: string | null;
  channelName: string | null;
  appName: string | null;
  tags: string[];
  displayFulfillmentStatus: string | null;
  customer: { id: string; email: string | null } | null;
  /** proxy_mail_guard.original_email: set when we changed the email earlier. */
  originalEmail: string | null;
  /** proxy_mail_guard.fixed_by: `flow` when the Shopify Flow workflow changed it (lib/order-facts protectedByFlow). */
  fixedBy?: string | null;
}

export interface OrderPage {
  orders: ScannedOrder[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export type BulkOperationStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELED' | 'CANCELING' | 'EXPIRED';

export interface BulkScanState {
  id: string;
  status: BulkOperationStatus;
  objectCount: number;
  url: string | null;
  errorCode: string | null;
}

export interface FixResult {
  before: string | null;
  after: string | null;
  /** false when the order already had the result (nothing sent). */
  changed: boolean;
  auditId?: string;
  customerUpdated?: boolean;
}

export interface RecheckedOrder {
  email: string | null;
  originalEmail: string | null;
}

export interface ThrottleState {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** The Admin API operations the bulk job needs; lib/bulk/shopify-port.ts adapts lib/shopify to it. */
export interface BulkApi {
  /** Exact or lower-bound count of the store's orders, to choose between paging and a bulk operation. */
  countOrders(): Promise<Result<{ count: number; exact: boolean }>>;
  /** Newest first. */
  listOrders(args: { first: number; after: string | null }): Promise<Result<OrderPage>>;
  startBulkScan(): Promise<Result<{ id: string }>>;
  bulkScanStatus(id: string): Promise<Result<BulkScanState>>;
  /** The lines of a bulk operation's JSONL result, streamed (never the whole file in memory). */
  readJsonl(url: string): AsyncIterable<string>;
  readOrder(orderId: string): Promise<Result<OrderFacts>>;
  /**
   * Email and original of many orders in one request, just before a batch changes them (the merchant
   * may have fixed some by hand since the scan). null = the order is gone. Optional: without it every
   * order is read on its own before its change.
   */
  recheck?(orderIds: string[]): Promise<Result<Map<string, RecheckedOrder | null>>>;
  /**
   * The ids of the store's orders updated at or after `since` (ISO), at most `limit`; null when there
   * are more (the caller then re-reads everything). Optional: without it every order is re-read.
   */
  updatedSince?(since: string, limit: number): Promise<Result<Set<string> | null>>;
  /** The latest `updatedAt` among the store's orders (Shopify's clock); null for a store without orders. */
  newestUpdate?(): Promise<Result<string | null>>;
  /** `known`: the order's facts as the job holds them (scan + recheck), so the change sends no read first. */
  fixOrder(orderId: string, strategy: Strategy, opts: { batchId: string; customer: boolean; known?: OrderFacts; marketplace?: string }): Promise<Result<FixResult>>;
  restoreOrder(orderId: string, opts: { batchId: string; customer: boolean }): Promise<Result<FixResult>>;
  /**
   * After an interruption the order was re-read: close the audit entries the previous worker left
   * pending for it in this batch — done if the re-read shows their change, failed (never applied)
   * otherwise. Optional, best effort.
   */
  reconcile?(orderId: string, facts: OrderFacts, batchId: string): Promise<void>;
  /** Last bucket state seen in a response, for the ETA; null before the first call. */
  throttle(): ThrottleState | null;
  /** Cost points this client has spent so far (actualQueryCost summed), for the ETA. */
  costUsed(): number;
  /** Present when the bulk-mutation path can run (the storage hosts are reachable). */
  bulkMutation?: BulkMutationApi;
}

export type OrderClass = 'relay' | 'neutralised' | 'ordinary';

export interface Classification {
  cls: OrderClass;
  marketplace: string | null; // id, e.g. amazon
  label: string | null; // display name, e.g. Amazon
  strategy: Strategy | null; // what apply would do (relay only)
  proposed: string | null; // email after the strategy (relay only)
  /** Set when the rewrite itself refused (odd address): the order is listed, not applied. */
  error?: AppError;
  /** Neutralised orders the Shopify Flow workflow fixed as they arrived. */
  protectedBy?: 'flow';
}

/** Built per scan from the store's settings, detectMarketplace and rewriteEmail (see lib/bulk/classify.ts). */
export type Classifier = (order: Pick<ScannedOrder, 'email' | 'sourceName' | 'sourceIdentifier' | 'channelName' | 'appName' | 'tags' | 'originalEmail'> & { fixedBy?: string | null }) => Classification;

export interface BulkFilters {
  marketplaces?: string[]; // empty/undefined = all
  createdFrom?: string; // YYYY-MM-DD inclusive
  createdTo?: string; // YYYY-MM-DD inclusive
  fulfilment?: string[]; // displayFulfillmentStatus values; empty = all
}

export type ItemStatus = 'idle' | 'queued' | 'applying' | 'done' | 'failed';

/** One order of a job: stored under [jobId, orderId] and rewritten after every step. */
export interface JobItem {
  jobId: string;
  orderId: string;
  seq: number; // scan order (newest first), for stable paging
  name: string;
  createdAt: string;
  fulfilment: string | null;
  marketplace: string;
  label: string;
  cls: 'relay' | 'neutralised';
  email: string | null; // as scanned
  proposed: string | null;
  strategy: Strategy | null;
  customerId: string | null;
  customerEmail: string | null;
  /** The marketplace's order id (the "order id at my domain" strategy needs it); absent on items scanned before it was kept. */
  sourceIdentifier?: string | null;
  /** Our metafield as scanned (bulk-mutation lines must not overwrite a first original). */
  originalEmail?: string | null;
  /** Our `fixed_by` marker (the scan keeps only `undone`; a re-read keeps what it finds): a fix of an undone order clears the merchant's undo in the same orderUpdate. */
  fixedBy?: string | null;
  /** Bulk-mutation path: this order's line in the current round's file. */
  bulkLine?: number;
  status: ItemStatus;
  attempts: number;
  /** The rewrite refused this address at scan time (odd email): applying reports this reason. */
  refused?: AppError;
  /** The Shopify Flow workflow fixed this order as it arrived. */
  protectedBy?: 'flow';
  result?: {
    before: string | null;
    after: string | null;
    changed: boolean;
    /** true when the order was found already fixed on a re-read after an interruption. */
    recovered?: boolean;
    /** Not changed because the batch's re-check found it no longer a relay order (fixed by hand since the scan). */
    skipped?: 'fixed_since_scan';
    auditId?: string;
    customerUpdated?: boolean;
    at: string;
  };
  error?: AppError;
}

export type JobKind = 'fix' | 'undo';

export type JobStatus =
  | 'scanning'
  | 'scanned' // counts and preview ready; nothing applied yet
  | 'running'
  | 'paused'
  | 'cancelled'
  | 'done'
  | 'failed'; // scan failed, or the job stopped on a store-wide error (token, scope)

export interface MarketplaceCount {
  marketplace: string;
  label: string;
  relay: number;
  neutralised: number;
  /** Of the neutralised: fixed by the Shopify Flow workflow as they arrived. */
  byFlow?: number;
}

export interface JobProgress {
  total: number; // queued for this run (incl. done/failed)
  done: number;
  changed: number;
  failed: number;
  remaining: number;
}

export interface BulkJob {
  id: string;
  store: string; // handle
  kind: JobKind;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
  /** For undo jobs: the batch being undone (null = single orders). */
  undoOf?: string | null;
  scan: {
    path: 'paging' | 'bulk' | 'audit';
    cursor: string | null; // paging
    bulkOperationId: string | null; // bulk
    linesDone: number; // bulk: JSONL lines already stored (resume skips them)
    scanned: number;
    ordinary: number;
    byMarketplace: Record<string, MarketplaceCount>;
    finishedAt: string | null;
    /**
     * When the scan began, by Shopify's clock (the store's latest order update at that moment, or the
     * browser's time if earlier): every change made after the scan read an order is updated later than
     * this. None on jobs stored before it was recorded, or when it could not be read.
     */
    startedAt?: string | null;
  };
  options: {
    filters: BulkFilters;
    dryRun: boolean;
    customer: boolean;
    /** How the changes are sent: one call per order (default), or Shopify bulk mutations (./mutation-path.ts). */
    path?: ApplyPath;
  };
  /** Bulk-mutation path: where the current round stands (resumable from each stage). */
  mutation?: MutationRound;
  /** A plain note for the merchant (e.g. the bulk-mutation path was unavailable, so orders went one by one). */
  notice?: AppError;
  progress: JobProgress;
  /** Throughput bookkeeping for the ETA (orders and seconds of active running). */
  stats: { activeMs: number; processed: number };
  error?: AppError;
}

export type ApplyPath = 'per-order' | 'bulk-mutation';

export interface MutationRound {
  /** 1, 2, …: orders not reached by one operation go into the next (up to MAX_ROUNDS). */
  round: number;
  stage: 'staging' | 'running' | 'reconciling' | 'checking';
  stagedUploadPath: string | null;
  operationId: string | null;
  /** Result (or partial) file of the finished operation; null when it wrote none. */
  resultUrl: string | null;
  /** Result lines already reconciled (resume skips them). */
  linesRead: number;
  /** Lines in the uploaded file. */
  lines: number;
  /** Final status of the operation (COMPLETED, FAILED, CANCELED…). */
  operationStatus: string | null;
}

/** What the bulk-mutation path needs of the Admin API (optional on BulkApi: ports without it use per-order). */
export interface BulkMutationApi {
  /** stagedUploadsCreate + the multipart POST of the file; a refused or expired target is asked again. */
  stageUpload(file: Blob): Promise<Result<{ stagedUploadPath: string }>>;
  /** bulkOperationRunMutation; `name` marks the document so a lost answer or a restart finds it again. */
  runMutation(document: string, stagedUploadPath: string): Promise<Result<{ id: string }>>;
  /** Our own operation if it is Shopify's current (latest) one, whatever its status (by the marker in its document). */
  findRunning(marker: string): Promise<Result<{ id: string } | null>>;
  mutationStatus(id: string): Promise<Result<BulkScanState & { partialDataUrl: string | null }>>;
  /** Writes the original on its own (the email changed but the metafield did not); else puts the email back. */
  secureOriginal(orderId: string, original: string, previousEmail: string | null): Promise<Result<'saved' | 'reverted'>>;
  /** Audit entries of a reconciled batch, in one write. */
  recordAudit(entries: AuditEntry[]): Promise<void>;
}

export interface JobStatusView {
  job: BulkJob;
  etaSeconds: number | null;
  ordersPerSecond: number | null;
}
